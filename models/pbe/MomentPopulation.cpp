#include "models/pbe/MomentPopulation.h"

#include <cmath>
#include <sstream>

#include "models/pbe/MomentEquations.h"

namespace proscale {
namespace {

const char* const kMomentUnits[] = {"1/m^3",   "m/m^3",   "m^2/m^3", "m^3/m^3", "m^4/m^3",
                                    "m^5/m^3", "m^6/m^3", "m^7/m^3", "m^8/m^3", "m^9/m^3"};

/// mu_k of the seed distribution, integrated exactly over [0, inf):
/// log-normal  mu_k = N exp(k ln L50 + k^2 ln^2(sigma_g) / 2);
/// exponential in volume v = k_v L^3 with mean k_v d^3:  mu_k = N d^k Gamma(1 + k/3).
double seedMoment(const SeedDistribution& s, std::size_t k) {
  const double kk = static_cast<double>(k);
  if (s.shape == SeedDistribution::Shape::ExponentialVolume)
    return s.numberDensity * std::pow(s.meanVolumeDiameter, kk) * std::tgamma(1.0 + kk / 3.0);
  const double w = std::log(s.geometricStd);
  return s.numberDensity * std::exp(kk * std::log(s.medianDiameter) + 0.5 * kk * kk * w * w);
}

double typicalSeedSize(const SeedDistribution& s) {
  return s.shape == SeedDistribution::Shape::ExponentialVolume ? s.meanVolumeDiameter
                                                               : s.medianDiameter;
}

std::string momentName(std::size_t k) { return "mu" + std::to_string(k); }

}  // namespace

MomentPopulation::MomentPopulation(const PopulationSettings& settings, const Parameters& population)
    : m_method(settings.method),
      m_count(settings.method == PopulationMethod::Qmom ? settings.momentCount
                                                        : MomentEquations::kCount),
      m_L0(settings.minSize),
      m_numberScale(settings.numberScale),
      m_sizeScale(settings.seeds ? typicalSeedSize(*settings.seeds) : settings.minSize),
      m_section(population) {
  if (settings.sectional())
    throw std::invalid_argument("MomentPopulation: the population is sectional");
  m_mu0.assign(m_count, 0.0);
  if (settings.seeds)
    for (std::size_t k = 0; k < m_count; ++k) m_mu0[k] = seedMoment(*settings.seeds, k);
  if (!settings.initialMoments.empty()) {
    if (settings.initialMoments.size() != m_count) {
      std::ostringstream msg;
      msg << "needs " << m_count << " values (mu_0 .. mu_" << m_count - 1 << "), got "
          << settings.initialMoments.size();
      throw population.error("initial-moments", msg.str());
    }
    m_mu0 = settings.initialMoments;
    if (m_mu0[0] > 0.0 && m_mu0[1] > 0.0) m_sizeScale = m_mu0[1] / m_mu0[0];
  }
  if (m_method == PopulationMethod::Qmom) {
    // A moment within tolerance * scale_k of zero is indistinguishable from zero.
    InversionOptions options;
    options.degeneracyTolerance = settings.realizabilityTolerance;
    for (std::size_t k = 0; k < m_count; ++k)
      options.momentUncertainty[k] = settings.realizabilityTolerance * m_numberScale *
                                     std::pow(m_sizeScale, static_cast<double>(k));
    m_qmom.emplace(m_count, options);
  }
  // Realizability on [0, inf) (both methods: a moment set no distribution has is an error).
  const std::size_t even = m_count - m_count % 2;  // the standard method carries 5
  const QmomSystem checker(even, m_qmom ? m_qmom->options() : InversionOptions{});
  if (const auto failure = checker.check(std::span<const double>(m_mu0).first(even)))
    throw population.error(population.has("initial-moments") ? "initial-moments" : "seeds",
                           failure->reason);
}

void MomentPopulation::requireClosure(bool sizeDependentGrowth, bool aggregation,
                                      bool breakage) const {
  if (m_method != PopulationMethod::Moments) return;
  const char* what = sizeDependentGrowth ? "size-dependent growth"
                     : aggregation       ? "aggregation"
                     : breakage          ? "breakage"
                                         : nullptr;
  if (what != nullptr)
    throw m_section.error("method", std::string("the standard method of moments does not close "
                                                "with ") +
                                        what + "; use method: qmom or sectional");
}

std::size_t MomentPopulation::addTo(StateLayout& layout) const {
  std::vector<std::string> names;
  std::vector<double> scales;
  for (std::size_t k = 0; k < m_count; ++k) {
    names.push_back(momentName(k));
    scales.push_back(m_numberScale * std::pow(m_sizeScale, static_cast<double>(k)));
  }
  return layout.add("moments", "m^k/m^3", scales, names);
}

void MomentPopulation::rates(std::span<const double> mu, const QmomRates& processes,
                             std::span<double> dmu) const {
  if (m_qmom) return m_qmom->rates(mu, processes, dmu);
  const double G = processes.growth ? processes.growth(m_L0) : 0.0;  // size-independent
  MomentEquations(processes.nucleusSize).rates(mu, G, processes.nucleationRate, dmu);
}

MomentStatistics MomentPopulation::statistics(std::span<const double> mu) const {
  MomentStatistics s;
  if (!(mu[0] > 0.0)) return s;
  s.numberDensity = mu[0];
  s.meanDiameter = mu[1] / mu[0];
  if (m_count > 3 && mu[2] > 0.0) s.sauterDiameter = mu[3] / mu[2];
  const double spread = mu[0] * mu[2] / (mu[1] * mu[1]) - 1.0;
  s.cv = spread > 0.0 ? std::sqrt(spread) : 0.0;
  return s;
}

std::vector<SeriesColumn> MomentPopulation::columns() const {
  std::vector<SeriesColumn> cols;
  const std::string method = m_qmom ? "QMOM" : "method-of-moments";
  for (std::size_t k = 0; k < m_count; ++k)
    cols.push_back({momentName(k), kMomentUnits[k], method + " moment integral L^k n dL"});
  if (m_qmom)
    for (std::size_t i = 0; i < m_count / 2; ++i) {
      const std::string id = std::to_string(i + 1);
      cols.push_back({"node_L" + id, "m", "quadrature abscissa " + id + " (0 if dropped)"});
      cols.push_back({"node_w" + id, "1/m^3", "quadrature weight " + id + " (0 if dropped)"});
    }
  return cols;
}

std::size_t MomentPopulation::values(std::span<const double> mu, std::span<double> row) const {
  std::size_t k = 0;
  for (std::size_t j = 0; j < m_count; ++j) row[k++] = mu[j];
  if (m_qmom) {
    const InversionResult inv = invertMoments(mu, m_qmom->options());
    for (std::size_t i = 0; i < m_count / 2; ++i) {
      const bool used = inv.realizable() && i < inv.quadrature.nodes;
      row[k++] = used ? inv.quadrature.abscissas[i] : 0.0;
      row[k++] = used ? inv.quadrature.weights[i] : 0.0;
    }
  }
  return k;
}

std::vector<SeriesColumn> MomentPopulation::statisticsColumns() {
  std::vector<SeriesColumn> cols;
  for (const Metric& m : statisticsMetrics({})) cols.push_back({m.name, m.unit, m.doc});
  return cols;
}

std::size_t MomentPopulation::statisticsValues(const MomentStatistics& s, std::span<double> row) {
  std::size_t k = 0;
  for (const Metric& m : statisticsMetrics(s)) row[k++] = m.value;
  return k;
}

std::vector<Metric> MomentPopulation::statisticsMetrics(const MomentStatistics& s) {
  return {
      {"number_density", s.numberDensity, "1/m^3", "particles per volume of suspension, mu0"},
      {"mean_diameter", s.meanDiameter, "m", "number mean diameter mu1/mu0"},
      {"sauter_diameter", s.sauterDiameter, "m", "Sauter diameter mu3/mu2"},
      {"cv", s.cv, "-", "coefficient of variation, sqrt(mu0 mu2 / mu1^2 - 1)"},
  };
}

std::function<double(double, double)> momentAggregation(const AggregationKernel& kernel,
                                                        const AggregationConditions& conditions,
                                                        double shapeFactor) {
  return [&kernel, &conditions, shapeFactor](double Li, double Lj) {
    return kernel.rate(Li, Lj, shapeFactor * Li * Li * Li, shapeFactor * Lj * Lj * Lj,
                       conditions);
  };
}

void setMomentBreakage(const BreakageSettings& b, QmomRates& processes) {
  processes.breakage = [b](double L) {
    return b.selectionRate * std::pow(L / b.referenceDiameter, 3.0 * b.exponent);
  };
  processes.daughterMoment = b.daughters == DaughterDistribution::Binary
                                 ? equalBinaryDaughterMoment
                                 : uniformBinaryDaughterMoment;
}

}  // namespace proscale
