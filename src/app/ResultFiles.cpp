#include "app/ResultFiles.h"

#include "output/SummaryWriter.h"
#include "output/VtkHistoryWriter.h"
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
}

void ResultFiles::seriesRow(std::span<const double> row) { m_series->append(row); }

void ResultFiles::sizeDistribution(double t, std::span<const double> numberPerClass) {
  if (m_psd) m_psd->append(t, numberPerClass);
}

void ResultFiles::sensitivityRow(std::span<const double> row) {
  if (m_sensitivities) m_sensitivities->append(row);
}

void ResultFiles::finish(const ResultCollector& results, const RunSummary& summary) {
  m_series->finish();
  if (m_sensitivities) m_sensitivities->finish();
  if (m_vtk) writeTimeSeriesVtk(m_dir.fileForWriting("timeseries.vtr"), results.series());
  if (m_psd) m_psd->finish();
  writeSummaryJson(m_dir.fileForWriting("summary.json"), summary);
}

std::vector<std::string> ResultFiles::names() const {
  std::vector<std::string> files{"timeseries.csv"};
  if (m_sensitivities) files.push_back("sensitivities.csv");
  if (m_psd) files.push_back("psd.csv");
  files.push_back("summary.json");
  if (m_vtk && m_psd) files.insert(files.end(), {"psd.pvd", "psd_map.vtr"});
  if (m_vtk) files.push_back("timeseries.vtr");
  return files;
}

}  // namespace proscale
