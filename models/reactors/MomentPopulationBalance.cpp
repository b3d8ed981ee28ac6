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
  for (auto& c : MomentPopulation::statisticsColumns()) cols.push_back(std::move(c));
  return cols;
}

void MomentPopulationBalance::series(double t, std::span<const double> y,
                                     std::span<double> row) const {
  row[0] = t;
  std::size_t k = 1 + m_population.values(y, row.subspan(1));
  MomentPopulation::statisticsValues(m_population.statistics(y), row.subspan(k));
}

std::vector<Metric> MomentPopulationBalance::metrics(double t, std::span<const double> y) const {
  std::vector<Metric> m{{"final_time", t, "s", "time of the reported state"}};
  for (Metric& x : MomentPopulation::statisticsMetrics(m_population.statistics(y)))
    m.push_back(std::move(x));
  if (m_population.count() > 3)  // QMOM with 2 moments does not carry mu_3
    m.push_back({"solid_volume_fraction", m_rates.shapeFactor * y[3], "-", "particle volume k_v mu3"});
  return m;
}

}  // namespace proscale
