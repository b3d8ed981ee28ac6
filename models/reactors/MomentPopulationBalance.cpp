#include "models/reactors/MomentPopulationBalance.h"

#include <algorithm>

namespace proscale {

MomentPopulationBalance::MomentPopulationBalance(const Parameters& root)
    : m_rates(PrescribedRates::from(root)),
      m_population(PopulationSettings::from(root.section("population")),
                   root.section("population")),
      m_processes(m_rates.momentRates(m_population.nucleusSize())) {
  m_population.requireClosure(m_rates.sizeDependentGrowth(), m_rates.kernel != nullptr,
                              m_rates.breakage.has_value());
  m_population.addTo(m_layout);
}

void MomentPopulationBalance::initialState(std::span<double> y0) const {
  std::copy(m_population.initialMoments().begin(), m_population.initialMoments().end(),
            y0.begin());
}

void MomentPopulationBalance::rhs(double, std::span<const double> y, std::span<double> ydot) {
  m_population.rates(y, m_processes, ydot);
  if (m_rates.continuous())
    for (std::size_t k = 0; k < y.size(); ++k) ydot[k] -= y[k] / m_rates.residenceTime;
}

std::vector<SeriesColumn> MomentPopulationBalance::seriesColumns() const {
  std::vector<SeriesColumn> cols{{"time", "s", "time"}};
  for (auto& c : m_population.columns()) cols.push_back(std::move(c));
  cols.push_back({"number_density", "1/m^3", "particles per volume of suspension, mu0"});
  cols.push_back({"mean_diameter", "m", "number mean diameter mu1/mu0"});
  cols.push_back({"sauter_diameter", "m", "Sauter diameter mu3/mu2"});
  cols.push_back({"cv", "-", "coefficient of variation, sqrt(mu0 mu2 / mu1^2 - 1)"});
  return cols;
}

void MomentPopulationBalance::series(double t, std::span<const double> y,
                                     std::span<double> row) const {
  row[0] = t;
  std::size_t k = 1 + m_population.values(y, row.subspan(1));
  const MomentStatistics s = m_population.statistics(y);
  for (double v : {s.numberDensity, s.meanDiameter, s.sauterDiameter, s.cv}) row[k++] = v;
}

std::vector<Metric> MomentPopulationBalance::metrics(double t, std::span<const double> y) const {
  const MomentStatistics s = m_population.statistics(y);
  return {
      {"final_time", t, "s", "time of the reported state"},
      {"number_density", s.numberDensity, "1/m^3", "particles per volume of suspension, mu0"},
      {"mean_diameter", s.meanDiameter, "m", "number mean diameter mu1/mu0"},
      {"sauter_diameter", s.sauterDiameter, "m", "Sauter diameter mu3/mu2"},
      {"cv", s.cv, "-", "coefficient of variation, sqrt(mu0 mu2 / mu1^2 - 1)"},
      {"solid_volume_fraction", m_rates.shapeFactor * y[3], "-", "particle volume k_v mu3"},
  };
}

}  // namespace proscale
