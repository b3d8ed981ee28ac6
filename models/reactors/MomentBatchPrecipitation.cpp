#include "models/reactors/MomentBatchPrecipitation.h"

#include <algorithm>
#include <cmath>

namespace proscale {

MomentBatchPrecipitation::MomentBatchPrecipitation(const Parameters& root)
    : m_chem(root),
      m_population(PopulationSettings::from(root.section("population")),
                   root.section("population")) {
  const Parameters& population = root.section("population");
  m_population.requireClosure(m_chem.growth().sizeDependent(),
                              m_chem.aggregationKernel() != nullptr,
                              m_chem.breakage().has_value());
  if (m_population.count() < 4)
    throw population.error("moment-count",
                           "the solid formed is k_v mu_3 / V_m, so the batch reactor needs "
                           "mu_3: QMOM needs moment-count >= 4 here");
  // Nuclei are born at min-size, as on the grid.
  m_chem.checkNucleusSize(m_population.nucleusSize(), population,
                          "nuclei are born too large");

  const Solution& solution = m_chem.solution();
  m_layout.add("species", solution.size(), "mol/m^3", 1.0, solution.names());
  m_nucleated = m_layout.add("budget", "1/m^3", {population.real("number-scale")},
                             {"number_nucleated"});
  m_mom = m_population.addTo(m_layout);
  m_y0.assign(m_layout.size(), 0.0);
  std::copy(solution.initialConcentrations().begin(), solution.initialConcentrations().end(),
            m_y0.begin());
  std::copy(m_population.initialMoments().begin(), m_population.initialMoments().end(),
            m_y0.begin() + static_cast<std::ptrdiff_t>(m_mom));
}

void MomentBatchPrecipitation::initialState(std::span<double> y0) const {
  std::copy(m_y0.begin(), m_y0.end(), y0.begin());
}

QmomRates MomentBatchPrecipitation::processes(const PrecipitationRates& r) const {
  QmomRates p;
  p.growth = [this, &r](double L) { return m_chem.growthRate(r, L).value; };
  p.nucleationRate = r.B.value;
  // Nuclei are born at the larger of min-size and the critical diameter L*(S).
  p.nucleusSize = r.criticalDiameter > m_population.nucleusSize() ? r.criticalDiameter
                                                                   : m_population.nucleusSize();
  if (const AggregationKernel* kernel = m_chem.aggregationKernel())
    p.aggregation = momentAggregation(*kernel, m_chem.aggregationConditions(),
                                      m_chem.solid().shapeFactor());
  if (const auto& b = m_chem.breakage()) setMomentBreakage(*b, p);
  return p;
}

void MomentBatchPrecipitation::rhs(double, std::span<const double> y, std::span<double> ydot) {
  const std::size_t ns = m_chem.solution().size(), K = m_population.count();
  const auto c = y.first(ns);
  const PrecipitationRates r = m_chem.rates(c);
  auto dmu = ydot.subspan(m_mom, K);
  m_population.rates(y.subspan(m_mom, K), processes(r), dmu);
  // P = k_v (dmu_3/dt) / V_m: the volume the particles gained (aggregation and breakage add
  // nothing to mu_3).
  const double P = m_chem.solid().shapeFactor() * dmu[3] / m_chem.solid().molarVolume();
  m_chem.speciesRates(c, P, ydot.first(ns));
  ydot[m_nucleated] = r.B.value;
}

void MomentBatchPrecipitation::jacobian(double t, std::span<const double> y,
                                        std::span<const double> f, JacobianSink& sink) {
  BorderedBandJacobian& J = sink.arrow();
  const std::size_t n = y.size(), ns = m_chem.solution().size();
  const std::vector<double> scale = m_layout.absoluteTolerances(1.0);
  std::vector<double> yp(y.begin(), y.end()), fp(n);
  J.setZero();
  for (std::size_t j = 0; j < n; ++j) {
    // forward difference, step sqrt(eps) of the component or of its tolerance scale
    const double h = 1.5e-8 * std::max(std::abs(y[j]), scale[j]);
    yp[j] = y[j] + h;
    rhs(t, yp, fp);
    yp[j] = y[j];
    for (std::size_t i = ns; i < n; ++i) J.D(i, j) = (fp[i] - f[i]) / h;
  }
  // Species rows: reactions analytically, precipitation through the mu_3 row.
  m_chem.reactions().addJacobian(y.first(ns), J);
  const double toSolid = m_chem.solid().shapeFactor() / m_chem.solid().molarVolume();
  for (const auto& [i, nu] : m_chem.solid().formula())
    for (std::size_t j = 0; j < n; ++j) J.D(i, j) -= nu * toSolid * J.D(m_mom + 3, j);
}

double MomentBatchPrecipitation::solidConcentration(std::span<const double> y) const {
  return m_chem.solid().shapeFactor() * y[m_mom + 3] / m_chem.solid().molarVolume();
}

double MomentBatchPrecipitation::massBalanceError(std::span<const double> y) const {
  const std::size_t ns = m_chem.solution().size();
  return m_chem.massBalanceError(y.first(ns), solidConcentration(y),
                                 std::span<const double>(m_y0).first(ns), solidConcentration(m_y0));
}

std::vector<SeriesColumn> MomentBatchPrecipitation::seriesColumns() const {
  std::vector<SeriesColumn> cols = m_chem.leadingColumns();
  for (auto& col : m_population.columns()) cols.push_back(std::move(col));
  for (auto& col : MomentPopulation::statisticsColumns()) cols.push_back(std::move(col));
  cols.push_back({"number_nucleated", "1/m^3", "particles nucleated since t = 0"});
  cols.push_back({"solid_concentration", "mol/m^3", "solid formed per volume, k_v mu3 / V_m"});
  cols.push_back({"mass_balance_error", "-", "largest relative drift of a conserved moiety"});
  return cols;
}

void MomentBatchPrecipitation::series(double t, std::span<const double> y,
                                      std::span<double> row) const {
  const auto mu = y.subspan(m_mom, m_population.count());
  const MomentStatistics s = m_population.statistics(mu);
  const double L = s.meanDiameter > 0.0 ? s.meanDiameter : m_population.nucleusSize();
  std::size_t k = m_chem.leadingValues(t, y.first(m_chem.solution().size()), L, row);
  k += m_population.values(mu, row.subspan(k));
  k += MomentPopulation::statisticsValues(s, row.subspan(k));
  for (double v : {y[m_nucleated], solidConcentration(y), massBalanceError(y)})
    row[k++] = v;
}

std::vector<Metric> MomentBatchPrecipitation::metrics(double t, std::span<const double> y) const {
  // Quantiles (d10/d50/d90) need the distribution, which moments do not determine.
  const MomentStatistics s = m_population.statistics(y.subspan(m_mom, m_population.count()));
  const PrecipitationRates r = m_chem.rates(y.first(m_chem.solution().size()));
  std::vector<Metric> m{{"final_time", t, "s", "time of the reported state"}};
  for (Metric& x : MomentPopulation::statisticsMetrics(s)) m.push_back(std::move(x));
  for (Metric& x : m_chem.solutionMetrics(r)) m.push_back(std::move(x));
  for (Metric& x : m_chem.productMetrics(solidConcentration(y))) m.push_back(std::move(x));
  m.push_back({"mass_balance_error", massBalanceError(y), "-",
               "largest relative drift of a conserved moiety"});
  m.push_back({"number_nucleated", y[m_nucleated], "1/m^3", "particles nucleated since t = 0"});
  return m;
}

}  // namespace proscale
