#include "app/ResultCollector.h"

#include <cmath>

#include "core/NumberFormat.h"

namespace proscale {

ResultCollector::ResultCollector(const Process& process) : m_process(process) {
  m_series.columns = process.seriesColumns();
  if (process.hasSizeDistribution()) m_psd = process.sizeClasses();
  m_spatial = !process.axialGrid().positions.empty();
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

namespace {
/// Index of the first value that is not finite, or values.size().
std::size_t firstNonFinite(std::span<const double> values) {
  std::size_t i = 0;
  while (i < values.size() && std::isfinite(values[i])) ++i;
  return i;
}

/// A number for a message; "NaN" rather than the C library's "-nan".
std::string shown(double x) { return std::isnan(x) ? "NaN" : formatNumber(x); }
}  // namespace

std::string ResultCollector::stopReason() const {
  if (!m_refused.empty()) return m_refused;
  return m_stopCheck ? m_stopCheck() : std::string();
}

void ResultCollector::observe(double t, std::span<const double> y) {
  if (!m_refused.empty()) return;  // the solver is stopping: nothing after a refused time
  if (!empty() && t <= m_lastTime) return;  // a failed run re-reports its last output time
  const std::string at = " at t = " + formatNumber(t, 9) + " s";
  std::vector<double> row(m_series.columns.size());
  m_process.series(t, y, row);
  if (const std::size_t c = firstNonFinite(row); c < row.size()) {
    m_refused = "the model gave a non-finite " + m_series.columns[c].name + " (" +
                shown(row[c]) + " " + m_series.columns[c].unit + ")" + at;
    return;
  }
  std::vector<double> number;
  if (m_process.hasSizeDistribution()) {
    number = m_process.numberPerClass(y);
    if (const std::size_t i = firstNonFinite(number); i < number.size()) {
      m_refused = "the model gave a non-finite number in size class " + std::to_string(i) +
                  " (" + shown(number[i]) + " 1/m^3)" + at;
      return;
    }
    // The files hold the density n_i = N_i / dL_i [1/m^4]; it must be finite too.
    const std::vector<double>& faces = m_psd.faces;
    for (std::size_t i = 0; i < number.size() && i + 1 < faces.size(); ++i)
      if (const double n = number[i] / (faces[i + 1] - faces[i]); !std::isfinite(n)) {
        m_refused = "the number density in size class " + std::to_string(i) + " overflows (" +
                    shown(number[i]) + " 1/m^3 over a width of " +
                    formatNumber(faces[i + 1] - faces[i]) + " m)" + at;
        return;
      }
  }
  std::vector<double> profiles, densities;
  if (m_spatial) {
    m_process.axialProfiles(t, y, profiles, densities);
    if (const std::size_t i = firstNonFinite(profiles); i < profiles.size()) {
      const std::vector<SeriesColumn> columns = m_process.axialGrid().columns;
      m_refused = "the model gave a non-finite " + columns[i % columns.size()].name +
                  " at node " + std::to_string(i / columns.size()) + at;
      return;
    }
    if (const std::size_t i = firstNonFinite(densities); i < densities.size()) {
      m_refused = "the model gave a non-finite number density along the axis" + at;
      return;
    }
  }
  if (m_listener != nullptr) m_listener->seriesRow(row);
  m_series.rows.push_back(std::move(row));
  if (m_spatial) {
    if (m_listener != nullptr) m_listener->axialProfiles(t, profiles, densities);
    if (m_keepPsd) {
      m_axial.times.push_back(t);
      m_axial.values.push_back(std::move(profiles));
      m_axial.numberDensity.push_back(std::move(densities));
    }
  }
  if (m_process.hasSizeDistribution()) {
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
    if (i < m_axial.times.size())
      listener.axialProfiles(m_axial.times[i], m_axial.values[i], m_axial.numberDensity[i]);
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
  if (const std::size_t c = firstNonFinite(row); c < row.size()) {
    m_refused = "the model gave a non-finite " + m_sensitivities.columns[c].name + " at t = " +
                formatNumber(t, 9) + " s";
    return;
  }
  if (m_listener != nullptr) m_listener->sensitivityRow(row);
  m_sensitivities.rows.push_back(std::move(row));
}

}  // namespace proscale
