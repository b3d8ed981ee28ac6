#pragma once
// The point model of a precipitating solution: the liquid phase and its reactions, the
// precipitating solid, the nucleation and growth laws with growth inhibition, aggregation and
// breakage settings, and the conservation check of solute + solid. The vessel (temperature,
// volume, flows) is not here: it passes the local conditions in. Equations:
// docs/theory/batch-precipitation.md.
//
// Fluid unknowns: the species' total concentrations c_j [mol/m^3],
//   dc_j/dt = sum_r nu_jr k_r prod_l c_l^{nu_lr^-} - nu_j^solid P,   P = (solid volume rate)/V_m.
// Arguments of the rate laws (ParticleProcesses): ln S, ln c, ln c_f for each formula species
// f, and ln F of the growth-inhibition factor F = 1 - alpha theta when there is inhibition.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/Schema.h"
#include "models/kinetics/ReactionNetwork.h"
#include "models/particles/GrowthInhibition.h"
#include "models/particles/GrowthLaws.h"
#include "models/particles/NucleationLaws.h"
#include "models/points/PointModel.h"
#include "models/thermo/PrecipitatingSolid.h"
#include "models/thermo/Solution.h"

namespace proscale {

/// Supersaturation, nucleation and growth inhibition at one composition.
struct PrecipitationRates {
  SupersaturationState ss;
  DrivingForce force;             ///< what the nucleation and growth laws see
  RateAndSlopes B;                ///< nucleation rate [1/(m^3 s)] and its slopes
  double criticalDiameter = 0.0;  ///< L* [m] of the nucleation law (NaN if it has none)
  double birthDiameter = 0.0;     ///< where its nuclei are born [m] (NaN if no critical size)
  double lowerEdgeDiameter = 0.0; ///< lower edge of the near-critical region [m] (NaN: none)
  double inhibition = 1.0;        ///< growth-inhibition factor 1 - alpha theta
  double dLnInhibition = 0.0;     ///< d ln(inhibition factor)/d c_modifier [m^3/mol]
};

class PrecipitationPoint final : public PointModel {
 public:
  /// The case sections read here: solution, reactions, solid, nucleation, growth,
  /// growth-inhibition, aggregation, breakage (the vessel adds `reactor`, the representation
  /// `population`).
  static std::vector<ParamSpec> sections();
  /// A feed's composition keys (Solution::addFeedKeys).
  static void addFeedKeys(Schema& feed) { Solution::addFeedKeys(feed); }
  /// `at`: the vessel's conditions, checked against the correlations' temperature ranges
  /// (InputError at reactor.temperature); `viscosity` [Pa s] of the liquid for the Brownian
  /// aggregation kernels.
  PrecipitationPoint(const Parameters& root, const PointConditions& at, double viscosity);
  PrecipitationPoint(const PrecipitationPoint&) = delete;  // m_solid refers to m_solution
  PrecipitationPoint& operator=(const PrecipitationPoint&) = delete;

  // PointModel
  std::size_t fluidSize() const override { return m_solution.size(); }
  void addFluidBlocks(StateLayout& layout) const override;
  void initialFluid(std::span<double> c0) const override;
  const ParticleInteractions& interactions() const override { return m_interactions; }
  bool sizeDependentGrowth() const override { return m_growth->sizeDependent(); }
  bool growthFluctuates() const override { return m_fluctuations; }
  bool growthHasCriticalSize() const override { return m_growth->hasCriticalSize(); }
  ParticleProcesses processes(std::span<const double> c, const PointConditions& at,
                              ArgumentSlopes* slopes) const override;
  double initialCriticalDiameter() const override;
  double initialGridBottom() const override;
  void checkNucleusSize(double nucleusSize, const Parameters& population,
                        const std::string& problem) const override;
  void fluidRates(std::span<const double> c, double T, double solidVolumeRate,
                  std::span<double> dc) const override;
  void solidCoupling(std::span<double> perSolidVolume) const override;
  void addFluidJacobian(std::span<const double> c, double T, BorderedBandJacobian& J) const override;
  void feedFluid(const Parameters& feed, std::span<double> c) const override {
    m_solution.feedConcentrations(feed, c);
  }
  double reactionHeat(std::span<const double> c, double T, std::span<double> dq = {}) const override {
    if (!dq.empty()) m_reactions.addHeatReleaseSlopes(c, T, dq);
    return m_reactions.heatRelease(c, T);
  }
  std::vector<std::vector<double>> conservedMoieties() const override;
  double heatPerSolidVolume() const override {
    return -m_solid.crystallizationEnthalpy() / m_solid.molarVolume();
  }
  void registerParameters(ParameterRegistry& registry) override;
  std::vector<SeriesColumn> fluidColumns() const override;
  std::size_t fluidValues(std::span<const double> c, const PointConditions& at, double L,
                          std::span<double> row) const override;
  std::vector<SeriesColumn> productColumns() const override;
  std::size_t productValues(std::span<const double> c, double solidVolume,
                            std::span<const double> c0, double solidVolume0,
                            std::span<double> row) const override;
  std::vector<SelfCheck> selfChecks(std::span<const double> c,
                                    const PointConditions& at) const override;
  bool depletes() const override { return true; }
  std::vector<Metric> metrics(std::span<const double> c, const PointConditions& at,
                              double solidVolume, std::span<const double> c0, double solidVolume0,
                              double vesselVolume) const override;
  std::vector<TemperatureRange> temperatureRanges() const override;

  const Solution& solution() const { return m_solution; }
  const PrecipitatingSolid& solid() const { return m_solid; }
  /// S, B and the inhibition factor at the concentrations c [mol/m^3] and temperature T [K].
  PrecipitationRates rates(std::span<const double> c, double T) const;
  /// The rates at the initial fluid state and the vessel's temperature.
  PrecipitationRates initialRates() const;
  /// G(L) [m/s] and its slopes, inhibition included: G = G_law(S, c, L) (1 - alpha theta).
  RateAndSlopes growthRate(const PrecipitationRates& r, double L) const;
  /// G at size L for the driving force f (the inhibition of r applied).
  RateAndSlopes growthRate(const PrecipitationRates& r, const DrivingForce& f, double L) const;
  /// D_L of the molecular fluctuations at L, given G there.
  RateAndSlopes sizeDiffusivity(const PrecipitationRates& r, double L, const RateAndSlopes& G) const;

 private:
  /// Arguments: ln S, ln c, ln c_f (f over the formula), then ln F with inhibition.
  std::size_t lawArguments() const { return 2 + m_solid.formula().size(); }
  static double lawSlope(const RateAndSlopes& rate, std::size_t a);
  double argumentSlope(const PrecipitationRates& r, std::size_t a, std::size_t j) const;
  bool m_stokesEinstein = false;  ///< a diffusivity from liquid water's viscosity (0-100 degC)
  bool m_stokesEinsteinHot = false;  ///< one from IAPWS 2008 at a pressure (0-800 degC)
  /// Largest relative drift of a conserved moiety of (species, solid [mol/m^3]).
  double massBalanceError(std::span<const double> c, double solid, std::span<const double> c0,
                          double solid0) const;

  Solution m_solution;
  ReactionNetwork m_reactions;
  PrecipitatingSolid m_solid;
  std::unique_ptr<NucleationLaw> m_nucleation;
  std::unique_ptr<GrowthLaw> m_growth;
  bool m_fluctuations = true;  ///< growth.fluctuations: size-space diffusion on size classes
  std::optional<LangmuirInhibition> m_inhibition;
  std::unique_ptr<AggregationKernel> m_kernel;
  ParticleInteractions m_interactions;
};

}  // namespace proscale
