#include "models/representations/MomentRepresentation.h"

#include <algorithm>
#include <cmath>

#include "core/NumberFormat.h"
#include "models/points/PointModel.h"

namespace proscale {

MomentRepresentation::MomentRepresentation(const Parameters& population, const PointModel& point)
    : m_population(PopulationSettings::from(population, point.initialGridBottom()), population),
      m_shapeFactor(point.interactions().shapeFactor),
      m_autoNumberScale(PopulationSettings::from(population, point.initialGridBottom()).autoNumberScale) {
  const ParticleInteractions& with = point.interactions();
  m_population.requireClosure(point.sizeDependentGrowth(), with.kernel != nullptr,
                              with.breakage.has_value());
  // Gibbs-Thomson growth dissolves the particles below the critical size to L = 0, where they
  // leave the distribution; moment equations have no sink there (it needs n(0), which a Gauss
  // quadrature does not have), so QMOM keeps them as particles of ever smaller, then negative,
  // size (docs/theory/qmom.md, Limits). With nuclei born at the critical size it is worse:
  // which of them grow and which redissolve is decided by size-space fluctuations, which
  // moments do not carry either (the flagship: N = 1.3e22 1/m^3 at 60 s, "complete" with 4
  // moments, against 1.1e17 1/m^3 from the sectional model).
  if (point.growthHasCriticalSize()) {
    const bool nuclei = !std::isnan(point.initialCriticalDiameter());
    throw population.error(
        "method",
        nuclei ? "moments cannot follow nuclei born at the critical size of a growth law with "
                 "Gibbs-Thomson solubility (which of them grow and which redissolve is decided "
                 "by size-space fluctuations, which moments do not carry, and those that "
                 "redissolve leave the distribution at zero size: QMOM cannot represent "
                 "complete dissolution): use method: sectional"
               : "QMOM cannot represent complete dissolution, and Gibbs-Thomson solubility "
                 "(growth.interfacial-energy) dissolves the particles below the critical size "
                 "to zero size (Ostwald ripening), where they leave the distribution: use "
                 "method: sectional");
  }
  if (point.fluidSize() > 0 && m_population.count() < 4)
    throw population.error("moment-count",
                           "the solid formed is k_v mu_3 / V_m, so a fluid coupled to the "
                           "particles needs mu_3: QMOM needs moment-count >= 4 here");
  if (with.kernel)
    m_processes.aggregation = momentAggregation(*with.kernel, with.conditions, m_shapeFactor);
  if (with.breakage) {
    m_breakage = *with.breakage;
    setMomentBreakage(*m_breakage, m_processes);
  }
}

void MomentRepresentation::registerParameters(ParameterRegistry& registry,
                                              const ParticleInteractions& with) {
  // The quadrature evaluates the kernel at its nodes on every call: nothing to rebuild.
  if (with.kernel) with.kernel->registerParameters(registry, "aggregation", [] {});
  if (m_breakage)
    registry.bind("breakage.selection-rate", "1/s", m_breakage->selectionRate,
                  "selection rate s0 at the reference size",
                  [this] { setMomentBreakage(*m_breakage, m_processes); });
}

void MomentRepresentation::addBlocks(StateLayout& layout) {
  m_nucleated = layout.add("budget", "1/m^3", {m_population.numberScale()}, {"number_nucleated"});
  layout.setRole("budget", {.accumulator = true});
  m_mom = m_population.addTo(layout);
  layout.setRole("moments", {.nonNegative = true});
}

void MomentRepresentation::initialState(std::span<double> y0) const {
  y0[m_nucleated] = 0.0;
  std::copy(m_population.initialMoments().begin(), m_population.initialMoments().end(),
            y0.begin() + static_cast<std::ptrdiff_t>(m_mom));
}

void MomentRepresentation::sources(std::span<const double> mu, const ParticleProcesses& p,
                                   std::span<double> dmu) const {
  m_processes.growth = [&p](double L) { return p.growth(L).value; };
  m_processes.nucleationRate = p.nucleation.value;
  m_processes.nucleusSize = p.nucleusSize(m_population.nucleusSize());
  try {
    m_population.rates(mu, m_processes, dmu);
  } catch (const NonRealizableMoments& e) {
    // Dissolving particles that reach L = 0 leave the distribution; QMOM has no sink there and
    // moves them to negative sizes, which no distribution on [0, inf) has. Say so when the
    // smallest particles dissolve (G < 0 at the nucleus size; without Gibbs-Thomson, which is
    // refused, the sign of G does not depend on L).
    const double L = m_population.nucleusSize();
    const double G = [&] {
      try {
        return L > 0.0 ? p.growth(L).value : 0.0;
      } catch (const std::exception&) {
        return 0.0;  // no rate there: report the realizability failure alone
      }
    }();
    if (!(G < 0.0)) throw;
    RealizabilityFailure f = e.failure();
    f.reason += ". The particles are dissolving (G = " + formatNumber(G) + " m/s at L = " +
                formatNumber(L) + " m), and QMOM cannot represent complete dissolution: "
                "particles that shrink to zero size leave the distribution, a sink the "
                "quadrature does not have; use method: sectional";
    throw NonRealizableMoments(std::move(f));
  }
}

double MomentRepresentation::rates(std::span<const double> y, const ParticleProcesses& p, double D,
                                   std::span<double> ydot) const {
  const std::size_t K = m_population.count();
  auto dmu = ydot.subspan(m_mom, K);
  sources(moments(y), p, dmu);
  const double solidVolumeRate = K > 3 ? m_shapeFactor * dmu[3] : 0.0;
  for (std::size_t k = 0; k < K; ++k) dmu[k] -= D * y[m_mom + k];
  ydot[m_nucleated] = p.nucleation.value;
  return solidVolumeRate;
}

void MomentRepresentation::jacobian(std::span<const double> y, const ParticleProcesses& p,
                                    double D, BorderedBandJacobian& J,
                                    RepresentationSlopes& slopes) const {
  const std::size_t K = m_population.count(), size = y.size(), na = p.arguments;
  slopes.dRates.assign(na, std::vector<double>(size, 0.0));
  slopes.dSolidVolume.assign(na, 0.0);
  slopes.dSolidVolumeDy.assign(size, 0.0);
  const std::vector<double> mu(moments(y).begin(), moments(y).end());
  std::vector<double> f(K), fp(K), mup = mu;
  sources(mu, p, f);
  for (std::size_t j = 0; j < K; ++j) {
    // forward difference, step sqrt(eps) of the moment or of its tolerance scale
    const double h = 1.5e-8 * std::max(std::abs(mu[j]), m_population.momentScale(j));
    mup[j] = mu[j] + h;
    sources(mup, p, fp);
    mup[j] = mu[j];
    for (std::size_t i = 0; i < K; ++i) J.D(m_mom + i, m_mom + j) = (fp[i] - f[i]) / h;
    if (K > 3) slopes.dSolidVolumeDy[m_mom + j] = m_shapeFactor * J.D(m_mom + 3, m_mom + j);
    J.D(m_mom + j, m_mom + j) -= D;
  }
  // The sources are linear in G(.) and B at fixed moments: their slope in argument a is the
  // source with G and B replaced by their slopes (no aggregation, no breakage).
  QmomRates slope;
  slope.nucleusSize = p.nucleusSize(m_population.nucleusSize());
  for (std::size_t a = 0; a < na; ++a) {
    slope.growth = [&p, a](double L) { return p.growthSlope(p.growth(L), a); };
    slope.nucleationRate = p.nucleationSlope(p.nucleation, a);
    m_population.rates(mu, slope, fp);
    auto& column = slopes.dRates[a];
    std::copy(fp.begin(), fp.end(), column.begin() + static_cast<std::ptrdiff_t>(m_mom));
    column[m_nucleated] = slope.nucleationRate;
    if (K > 3) slopes.dSolidVolume[a] = m_shapeFactor * fp[3];
  }
}

double MomentRepresentation::solidVolume(std::span<const double> y) const {
  return m_population.count() > 3 ? m_shapeFactor * y[m_mom + 3] : 0.0;
}

double MomentRepresentation::meanDiameter(std::span<const double> y) const {
  const MomentStatistics s = m_population.statistics(moments(y));
  return s.meanDiameter > 0.0 ? s.meanDiameter : m_population.nucleusSize();
}

std::vector<SeriesColumn> MomentRepresentation::columns() const {
  std::vector<SeriesColumn> cols = m_population.columns();
  for (auto& c : MomentPopulation::statisticsColumns()) cols.push_back(std::move(c));
  cols.push_back({"number_nucleated", "1/m^3", "particles nucleated since t = 0"});
  return cols;
}

std::size_t MomentRepresentation::values(std::span<const double> y, std::span<double> row) const {
  const auto mu = moments(y);
  std::size_t k = m_population.values(mu, row);
  k += MomentPopulation::statisticsValues(m_population.statistics(mu), row.subspan(k));
  row[k++] = y[m_nucleated];
  return k;
}

std::vector<Metric> MomentRepresentation::metrics(std::span<const double> y) const {
  // Quantiles (d10/d50/d90) need the distribution, which moments do not determine.
  std::vector<Metric> m = MomentPopulation::statisticsMetrics(m_population.statistics(moments(y)));
  if (m_population.count() > 3)  // QMOM with 2 moments does not carry mu_3
    m.push_back({"solid_volume_fraction", solidVolume(y), "-", "particle volume k_v mu3"});
  m.push_back({"number_nucleated", y[m_nucleated], "1/m^3", "particles nucleated since t = 0", true});
  return m;
}

std::vector<SelfCheck> MomentRepresentation::selfChecks(std::span<const double> y) const {
  const double population =
      std::max({moments(y)[0], m_population.initialMoments()[0], y[m_nucleated]});
  return {PopulationSettings::numberScaleCheck(m_population.numberScale(), population)};
}

SettingsAdvice MomentRepresentation::settingsAdvice(std::span<const double> y) const {
  SettingsAdvice advice;
  if (!m_autoNumberScale) return advice;
  const double scale = m_population.numberScale(), mu0 = moments(y)[0];
  advice.used.push_back({"population.number-scale", scale, "1/m^3"});
  if (!PopulationSettings::numberScaleFits(scale, mu0)) {
    const double wanted = mu0;
    advice.changes.push_back({"population.number-scale", wanted, "1/m^3"});
    advice.reasons.push_back("the run has mu_0 = " + formatNumber(mu0) +
                             " 1/m^3 against a number scale of " + formatNumber(scale) +
                             ": number-scale " + formatNumber(wanted) + " 1/m^3");
  }
  return advice;
}

}  // namespace proscale
