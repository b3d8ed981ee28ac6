#pragma once
// What every batch-precipitation model shares, whatever represents its particles (size classes
// or moments): the vessel (temperature, viscosity, volume), the liquid phase and its reactions,
// the precipitating solid, the nucleation and growth laws with growth inhibition, the optional
// aggregation kernel and breakage settings, and the conservation check of solute + solid.
// It reads every case section except `population`. Equations: docs/theory/batch-precipitation.md.
//
// Species balance (P = solid formation rate [mol/(m^3 s)], given by the population model):
//   dc_j/dt = sum_r nu_jr k_r prod_l c_l^{nu_lr^-} - nu_j^solid P.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Results.h"
#include "core/Schema.h"
#include "models/kinetics/ReactionNetwork.h"
#include "models/particles/AggregationKernels.h"
#include "models/particles/GrowthInhibition.h"
#include "models/particles/GrowthLaws.h"
#include "models/particles/NucleationLaws.h"
#include "models/pbe/FixedPivotBreakage.h"
#include "models/thermo/PrecipitatingSolid.h"
#include "models/thermo/Solution.h"

namespace proscale {

/// Supersaturation, nucleation and growth inhibition at one composition.
struct PrecipitationRates {
  SupersaturationState ss;
  DrivingForce force;          ///< what the nucleation and growth laws see
  RateAndSlopes B;             ///< nucleation rate [1/(m^3 s)] and its slopes
  double criticalDiameter = 0.0;  ///< L* [m] of the nucleation law (NaN if it has none)
  double inhibition = 1.0;     ///< growth-inhibition factor 1 - alpha theta
  double dLnInhibition = 0.0;  ///< d ln(inhibition factor)/d c_modifier [m^3/mol]
};

class PrecipitationChemistry {
 public:
  /// The case sections read here: reactor, solution, reactions, solid, nucleation, growth,
  /// growth-inhibition, aggregation, breakage (the model adds `population`).
  static std::vector<ParamSpec> sections();
  explicit PrecipitationChemistry(const Parameters& root);
  PrecipitationChemistry(const PrecipitationChemistry&) = delete;  // m_solid refers to m_solution
  PrecipitationChemistry& operator=(const PrecipitationChemistry&) = delete;

  const Solution& solution() const { return m_solution; }
  const ReactionNetwork& reactions() const { return m_reactions; }
  const PrecipitatingSolid& solid() const { return m_solid; }
  const GrowthLaw& growth() const { return *m_growth; }
  const std::optional<LangmuirInhibition>& inhibition() const { return m_inhibition; }
  /// The aggregation kernel (nullptr without `aggregation:`) and the liquid it acts in.
  const AggregationKernel* aggregationKernel() const { return m_kernel.get(); }
  const AggregationConditions& aggregationConditions() const { return m_conditions; }
  const std::optional<BreakageSettings>& breakage() const { return m_breakage; }

  /// S, B and the inhibition factor at the concentrations c [mol/m^3].
  PrecipitationRates rates(std::span<const double> c) const;

  /// The rate laws are functions of the arguments ln S, ln c and ln c_f (f over the formula's
  /// species), see models/particles/DrivingForce.h. Their number, a rate's slope in argument
  /// a, and d(argument a)/dc_j at the state of r:
  std::size_t argumentCount() const { return 2 + m_solid.formula().size(); }
  static double rateSlope(const RateAndSlopes& rate, std::size_t a);
  double argumentSlope(const PrecipitationRates& r, std::size_t a, std::size_t j) const;
  /// d(rate)/dc_j by the chain rule over the arguments.
  double speciesSlope(const RateAndSlopes& rate, const PrecipitationRates& r, std::size_t j) const;
  /// G(L) [m/s] and its slopes, inhibition included: G = G_law(S, c, L) (1 - alpha theta).
  RateAndSlopes growthRate(const PrecipitationRates& r, double L) const;
  /// dc/dt = reaction rates - nu P for the solid formation rate P [mol/(m^3 s)].
  void speciesRates(std::span<const double> c, double P, std::span<double> dc) const;

  /// Nuclei are born at `nucleusSize` (population.min-size): more than twice the critical
  /// nucleus diameter at the initial supersaturation cannot represent them. InputError at
  /// population.min-size, its text starting with `problem`.
  void checkNucleusSize(double nucleusSize, const Parameters& population,
                        const std::string& problem) const;

  /// Largest relative drift of a conserved moiety of (species, solid) between the initial
  /// (c0, solid0) and the current (c, solid) state [-]; solid in mol/m^3.
  double massBalanceError(std::span<const double> c, double solid, std::span<const double> c0,
                          double solid0) const;

  /// The leading time-series columns: time, temperature, c_<species>, c_<ion pair> (free
  /// concentrations of the pairs, when there are any), ionic_strength, supersaturation,
  /// nucleation_rate, growth_rate; and their values at the growth rate's size L [m].
  std::vector<SeriesColumn> leadingColumns() const;
  std::size_t leadingValues(double t, std::span<const double> c, double L,
                            std::span<double> row) const;
  /// supersaturation and ionic_strength of the final state r.
  std::vector<Metric> solutionMetrics(const PrecipitationRates& r) const;
  /// solid_concentration, solid_mass_concentration, product_mass for `solid` [mol/m^3].
  std::vector<Metric> productMetrics(double solid) const;

 private:
  void checkTemperature(const Parameters& root) const;

  double m_T, m_volume;
  Solution m_solution;
  ReactionNetwork m_reactions;
  PrecipitatingSolid m_solid;
  std::unique_ptr<NucleationLaw> m_nucleation;
  std::unique_ptr<GrowthLaw> m_growth;
  std::optional<LangmuirInhibition> m_inhibition;
  std::unique_ptr<AggregationKernel> m_kernel;
  AggregationConditions m_conditions;
  std::optional<BreakageSettings> m_breakage;
};

}  // namespace proscale
