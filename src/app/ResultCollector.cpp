#include "app/ResultCollector.h"

namespace proscale {

ResultCollector::ResultCollector(const Process& process) : m_process(process) {
  m_series.columns = process.seriesColumns();
  if (process.hasSizeDistribution()) m_psd = process.sizeClasses();
}

void ResultCollector::observe(double t, std::span<const double> y) {
  if (!empty() && t <= m_lastTime) return;  // a failed run re-reports its last output time
  std::vector<double> row(m_series.columns.size());
  m_process.series(t, y, row);
  m_series.rows.push_back(std::move(row));
  if (m_process.hasSizeDistribution()) {
    m_psd.times.push_back(t);
    m_psd.number.push_back(m_process.numberPerClass(y));
  }
  m_lastTime = t;
  m_lastState.assign(y.begin(), y.end());
}

}  // namespace proscale
