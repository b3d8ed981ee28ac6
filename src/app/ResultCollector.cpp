#include "app/ResultCollector.h"

#include <cmath>

namespace proscale {

ResultCollector::ResultCollector(const Process& process) : m_process(process) {
  m_series.columns = process.seriesColumns();
  if (process.hasSizeDistribution()) m_psd = process.sizeClasses();
}

ResultCollector::ResultCollector(const Process& process, const ParameterRegistry& registry,
                                 const std::vector<std::string>& sensitivities)
    : ResultCollector(process) {
  if (sensitivities.empty()) return;
  m_sensitivities.columns.push_back(m_series.columns.front());
  for (const std::string& name : sensitivities) {
    const ModelParameter& p = registry.at(registry.index(name));
    const double value = std::abs(p.get());
    m_steps.push_back(1e-4 * (value > 0 ? value : p.scale));
    for (std::size_t c = 1; c < m_series.columns.size(); ++c) {
      const SeriesColumn& column = m_series.columns[c];
      m_sensitivities.columns.push_back(
          {"d(" + column.name + ")/d(" + name + ")",
           "(" + column.unit + ")/(" + p.unit + ")",
           "derivative of " + column.name + " to the parameter " + name});
    }
  }
}

void ResultCollector::observe(double t, std::span<const double> y) {
  if (!empty() && t <= m_lastTime) return;  // a failed run re-reports its last output time
  std::vector<double> row(m_series.columns.size());
  m_process.series(t, y, row);
  if (m_listener != nullptr) m_listener->seriesRow(row);
  m_series.rows.push_back(std::move(row));
  if (m_process.hasSizeDistribution()) {
    std::vector<double> number = m_process.numberPerClass(y);
    if (m_listener != nullptr) m_listener->sizeDistribution(t, number);
    if (m_keepPsd) {
      m_psd.times.push_back(t);
      m_psd.number.push_back(std::move(number));
    }
  }
  m_lastTime = t;
  m_lastState.assign(y.begin(), y.end());
}

void ResultCollector::replayTo(ResultListener& listener) const {
  listener.begin(*this);
  for (std::size_t i = 0; i < m_series.rows.size(); ++i) {
    listener.seriesRow(m_series.rows[i]);
    if (i < m_psd.number.size()) listener.sizeDistribution(m_psd.times[i], m_psd.number[i]);
    if (i < m_sensitivities.rows.size()) listener.sensitivityRow(m_sensitivities.rows[i]);
  }
}

void ResultCollector::observeSensitivities(double t,
                                           const std::vector<std::vector<double>>& dydp) {
  if (m_steps.empty() || t != m_lastTime) return;
  if (!m_sensitivities.rows.empty() && m_sensitivities.rows.back().front() == t) return;
  const std::size_t columns = m_series.columns.size();
  std::vector<double> row{t}, up(columns), down(columns), y(m_lastState.size());
  for (std::size_t k = 0; k < m_steps.size(); ++k) {
    const double h = m_steps[k];
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = m_lastState[i] + h * dydp[k][i];
    m_process.series(t, y, up);
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = m_lastState[i] - h * dydp[k][i];
    m_process.series(t, y, down);
    for (std::size_t c = 1; c < columns; ++c) row.push_back((up[c] - down[c]) / (2 * h));
  }
  if (m_listener != nullptr) m_listener->sensitivityRow(row);
  m_sensitivities.rows.push_back(std::move(row));
}

}  // namespace proscale
