#include "app/ResultFiles.h"

#include <algorithm>
#include <system_error>

#include "output/SummaryWriter.h"
#include "output/VtkHistoryWriter.h"

namespace proscale {

ResultFiles::ResultFiles(OutputDirectory& dir, std::size_t expectedTimes, bool vtk)
    : m_dir(dir), m_expectedTimes(expectedTimes), m_vtk(vtk) {}

void ResultFiles::begin(const ResultCollector& collector) {
  m_series = std::make_unique<CsvRowStream>(m_dir.fileForWriting("timeseries.csv"),
                                            collector.series().columns);
  if (!collector.sensitivities().columns.empty())
    m_sensitivities = std::make_unique<CsvRowStream>(m_dir.fileForWriting("sensitivities.csv"),
                                                     collector.sensitivities().columns);
  const Process& process = collector.process();
  if (process.hasSizeDistribution())
    m_psd = std::make_unique<PsdStream>(m_dir.root(), process.sizeClasses(), m_expectedTimes,
                                        m_vtk);
  const AxialGrid grid = process.axialGrid();
  if (grid.positions.empty()) return;
  m_positions = grid.positions;
  std::vector<SeriesColumn> columns{{"time", "s", "time"}, {"position", "m", "axial position of the node"}};
  columns.insert(columns.end(), grid.columns.begin(), grid.columns.end());
  m_profiles = std::make_unique<CsvRowStream>(m_dir.fileForWriting("profiles.csv"), columns);
  if (m_vtk)
    m_axial = std::make_unique<AxialVtkPieces>(
        m_dir.root(), "axial", grid,
        process.hasSizeDistribution() ? process.sizeClasses().pivots : std::vector<double>{},
        m_expectedTimes);
}

void ResultFiles::axialProfiles(double t, std::span<const double> values,
                                std::span<const double> numberDensity) {
  if (!m_profiles) return;
  const std::size_t columns = values.size() / m_positions.size();
  std::vector<double> row(columns + 2);
  for (std::size_t i = 0; i < m_positions.size(); ++i) {
    row[0] = t;
    row[1] = m_positions[i];
    std::copy_n(values.begin() + static_cast<long>(i * columns), columns, row.begin() + 2);
    m_profiles->append(row);
  }
  if (m_axial) m_axial->write(m_axialTimes.size(), t, values, numberDensity);
  m_axialTimes.push_back(t);
}

void ResultFiles::seriesRow(std::span<const double> row) { m_series->append(row); }

void ResultFiles::sizeDistribution(double t, std::span<const double> numberPerClass) {
  if (m_psd) m_psd->append(t, numberPerClass);
}

void ResultFiles::sensitivityRow(std::span<const double> row) {
  if (m_sensitivities) m_sensitivities->append(row);
}

void ResultFiles::finish(const ResultCollector& results, const RunSummary& summary) {
  m_written.clear();
  m_series->finish();
  m_written.push_back("timeseries.csv");
  if (m_sensitivities) {
    m_sensitivities->finish();
    m_written.push_back("sensitivities.csv");
  }
  // A run stopped at its first output time has no rows: the tables keep their headers, and
  // there is nothing to draw (the ParaView files need at least one time).
  const bool anyTime = !results.series().rows.empty();
  if (m_vtk && anyTime) {
    writeTimeSeriesVtk(m_dir.fileForWriting("timeseries.vtr"), results.series());
    m_written.push_back("timeseries.vtr");
  }
  if (m_psd && m_psd->count() > 0) {
    m_psd->finish();
    m_written.push_back("psd.csv");
    if (m_vtk) m_written.insert(m_written.end(), {"psd.pvd", "psd_map.vtr"});
  } else if (m_psd) {
    m_psd.reset();  // removes its spill
    std::error_code ignored;  // and the empty pieces folder
    std::filesystem::remove(m_dir.path(kPiecesFolder), ignored);
  }
  if (m_profiles) {
    m_profiles->finish();
    m_written.push_back("profiles.csv");
  }
  if (m_axial && !m_axialTimes.empty()) {
    m_axial->finish(m_axialTimes);
    m_written.push_back("axial.pvd");
  }
  writeSummaryJson(m_dir.fileForWriting("summary.json"), summary);
  m_written.push_back("summary.json");
}

std::vector<std::string> ResultFiles::names() const {
  // Tables, the summary, then the ParaView files.
  static const std::vector<std::string> order{
      "timeseries.csv", "sensitivities.csv", "psd.csv",        "profiles.csv", "summary.json",
      "psd.pvd",        "psd_map.vtr",       "timeseries.vtr", "axial.pvd"};
  std::vector<std::string> names;
  for (const std::string& name : order)
    if (std::find(m_written.begin(), m_written.end(), name) != m_written.end())
      names.push_back(name);
  return names;
}

}  // namespace proscale
