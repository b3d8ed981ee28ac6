#pragma once
// A particle population carried by moments mu_k = integral L^k n(L) dL [m^k/m^3] of the number
// density over diameter instead of size classes (population.method: qmom or moments):
//  * qmom: mu_0 .. mu_{2n-1}, closed by the n-node Gauss quadrature of the moments (Qmom.h);
//    any growth law G(L), aggregation kernel and breakage;
//  * moments: the standard method of moments mu_0 .. mu_4, d mu_k/dt = k G mu_{k-1} + B L0^k,
//    exact for size-independent growth and nucleation (MomentEquations.h) and nothing else.
// Reactors own one, give it the rates of the processes (QmomRates) and read back statistics
// that the moments determine: number density, mean and Sauter diameters, coefficient of
// variation; quantiles (d10/d50/d90) need a distribution and are not available.
// Theory: docs/theory/qmom.md.
#include <cmath>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Results.h"
#include "core/StateLayout.h"
#include "models/particles/AggregationKernels.h"
#include "models/pbe/FixedPivotBreakage.h"
#include "models/pbe/PopulationSettings.h"
#include "models/pbe/Qmom.h"

namespace proscale {

/// Statistics that the moments determine (0 when the population is empty).
struct MomentStatistics {
  double numberDensity = 0.0;   ///< mu_0 [1/m^3]
  double meanDiameter = 0.0;    ///< mu_1/mu_0 [m]
  double sauterDiameter = 0.0;  ///< mu_3/mu_2 [m]
  double cv = 0.0;              ///< sqrt(mu_0 mu_2 / mu_1^2 - 1) [-]
};

/// The processes in QMOM's form, from the case's aggregation kernel (particle volume
/// x = k_v L^3; `kernel` and `conditions` are referenced and must outlive the result) and
/// breakage settings (S = s0 (L/L_ref)^(3 alpha), as on the fixed pivot).
std::function<double(double, double)> momentAggregation(const AggregationKernel& kernel,
                                                        const AggregationConditions& conditions,
                                                        double shapeFactor);
void setMomentBreakage(const BreakageSettings& breakage, QmomRates& processes);

class MomentPopulation {
 public:
  /// `population` is the case section `settings` came from (for errors at its keys). Throws
  /// InputError there if the method cannot represent the processes (see requireClosure) or the
  /// initial moments are not realizable.
  MomentPopulation(const PopulationSettings& settings, const Parameters& population);

  std::size_t count() const { return m_count; }
  double nucleusSize() const { return m_L0; }
  double numberScale() const { return m_numberScale; }  ///< [1/m^3]
  /// Tolerance scale of mu_k: numberScale * (typical size)^k [m^k/m^3].
  double momentScale(std::size_t k) const {
    return m_numberScale * std::pow(m_sizeScale, static_cast<double>(k));
  }

  /// Adds the block "moments" (mu0 .. mu{K-1}) to the layout; returns its offset.
  std::size_t addTo(StateLayout& layout) const;
  /// The moments of the seeds (exact integrals of the seed distribution; zero without seeds).
  const std::vector<double>& initialMoments() const { return m_mu0; }

  /// The standard method of moments closes only for size-independent growth without
  /// aggregation or breakage: throws InputError at population.method otherwise.
  void requireClosure(bool sizeDependentGrowth, bool aggregation, bool breakage) const;

  /// dmu/dt for the given processes. qmom: throws NonRealizableMoments (recoverable; the
  /// solver retries, then reports it with the time) when mu cannot be inverted.
  void rates(std::span<const double> mu, const QmomRates& processes, std::span<double> dmu) const;

  MomentStatistics statistics(std::span<const double> mu) const;

  /// Time-series columns: the moments, then (qmom) the quadrature nodes L_i and weights w_i.
  std::vector<SeriesColumn> columns() const;
  /// Writes columns() at mu into row (row.size() >= columns().size()); returns the count.
  std::size_t values(std::span<const double> mu, std::span<double> row) const;
  /// The statistics as time-series columns (number_density, mean_diameter, sauter_diameter,
  /// cv), their values in that order, and as summary metrics.
  static std::vector<SeriesColumn> statisticsColumns();
  static std::size_t statisticsValues(const MomentStatistics& s, std::span<double> row);
  static std::vector<Metric> statisticsMetrics(const MomentStatistics& s);

 private:
  PopulationMethod m_method;
  std::size_t m_count;
  double m_L0;            ///< nucleus size = population.min-size [m]
  double m_numberScale;   ///< [1/m^3]
  double m_sizeScale;     ///< typical diameter for the moments' tolerances [m]
  std::optional<QmomSystem> m_qmom;
  std::vector<double> m_mu0;
  Parameters m_section;   ///< for errors at its keys
};

}  // namespace proscale
