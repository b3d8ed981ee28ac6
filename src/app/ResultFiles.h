#pragma once
// The result files of `proscale run`, written as the run goes (output/ResultStreams.h): each
// output time's time-series row, sensitivity row and ParaView piece as it comes; at the end
// the files that need the whole history (timeseries.vtr, psd.csv, psd.pvd, psd_map.vtr) and
// summary.json last. docs/reference/outputs.md lists the files.
#include <memory>
#include <vector>

#include "app/ResultCollector.h"
#include "core/Process.h"
#include "core/Results.h"
#include "output/OutputDirectory.h"
#include "output/ResultStreams.h"
#include "output/VtkAxialWriter.h"

namespace proscale {

class ResultFiles final : public ResultListener {
 public:
  /// `expectedTimes`: the number of output times. Nothing is written before begin().
  ResultFiles(OutputDirectory& dir, std::size_t expectedTimes, bool vtk);

  /// Creates the directory and opens the streams.
  void begin(const ResultCollector& collector) override;
  void seriesRow(std::span<const double> row) override;
  void sizeDistribution(double t, std::span<const double> numberPerClass) override;
  void sensitivityRow(std::span<const double> row) override;
  /// profiles.csv rows (time, position, profiles) and, with vtk, the axial.pvd piece.
  void axialProfiles(double t, std::span<const double> values,
                     std::span<const double> numberDensity) override;

  /// Completes every file from what the run produced, summary.json last.
  void finish(const ResultCollector& results, const RunSummary& summary);
  /// The names of the files finish() wrote, for the command line's last line.
  std::vector<std::string> names() const;

 private:
  OutputDirectory& m_dir;
  std::size_t m_expectedTimes;
  bool m_vtk;
  std::unique_ptr<CsvRowStream> m_series, m_sensitivities;
  std::unique_ptr<PsdStream> m_psd;
  std::unique_ptr<CsvRowStream> m_profiles;
  std::unique_ptr<AxialVtkPieces> m_axial;
  std::vector<double> m_positions, m_axialTimes;
  std::vector<std::string> m_written;
};

}  // namespace proscale
