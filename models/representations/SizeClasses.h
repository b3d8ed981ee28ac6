#pragma once
// Particles on size classes (population.method: sectional): finite-volume growth with a flux
// limiter, nucleation into the class of max(min-size, L*), dilution -D N_i, aggregation and
// breakage by the fixed pivot technique (Kumar & Ramkrishna 1996), with exact bookkeeping of
// every particle and every particle volume that entered or left the grid:
//
//   dN_i/dt = growth fluxes + B delta_ib - D N_i + aggregation_i + breakage_i     [1/(m^3 s)]
//
//   number:  sum N + lost + dissolved + washed out + merged = seeds + nucleated + broken + fed
//   volume:  sum x N + lost + washed out                   = seeds + grown + fed
//
// Optionally (population.moments) the standard method of moments mu_0..mu_4 rides along as a
// cross-check of the grid where it closes (size-independent growth, no aggregation/breakage).
// State: budget | [moments] | psd; the psd is the band of the Jacobian.
// Theory: docs/theory/population-balance-model.md, docs/theory/batch-precipitation.md.
#include <algorithm>
#include <optional>

#include "models/pbe/FiniteVolumeDiffusion.h"
#include "models/pbe/FiniteVolumeGrowth.h"
#include "models/pbe/FixedPivotAggregation.h"
#include "models/pbe/FixedPivotBreakage.h"
#include "models/pbe/PopulationSettings.h"
#include "models/representations/ParticleRepresentation.h"

namespace proscale {

/// A class may dip below zero by the integrator's undershoot up to this fraction of the largest
/// class (the negative_classes self-check): 10 x the default solver.rtol, since BDF steps
/// undershoot ahead of a steep front by about rtol x its neighbours whatever the absolute
/// tolerance (calcite at 10 mM, 40 degC: 1.4e-6 .. 5e-5 at number scales from 1e-3 to 1 N).
constexpr double kNegativeClassLimit = 1e-5;
/// Most negative class / largest class, 0 when none is negative.
double negativeClassRatio(std::span<const double> N);

class SizeClasses final : public ParticleRepresentation {
 public:
  /// InputError at population.moments if an explicit moment cross-check cannot close.
  SizeClasses(const Parameters& population, const PointModel& point, const FedSeeds& fed = {});

  void addBlocks(StateLayout& layout) override;
  void initialState(std::span<double> y0) const override;
  double minimumNucleusSize() const override { return m_grid.faces().front(); }
  std::string nucleusProblem() const override { return "the grid cannot resolve the nucleus"; }
  BorderedBandShape jacobianShape(std::size_t size) const override;
  bool jacobianIsExact() const override { return !m_aggregation && !m_breakage; }
  void registerParameters(ParameterRegistry& registry, const ParticleInteractions& with) override;
  double rates(std::span<const double> y, const ParticleProcesses& p, double dilution,
               std::span<double> ydot) const override;
  void jacobian(std::span<const double> y, const ParticleProcesses& p, double dilution,
                BorderedBandJacobian& J, RepresentationSlopes& slopes) const override;
  bool hasJacobianRemainder() const override { return !jacobianIsExact(); }
  void addJacobianRemainderTimes(std::span<const double> y, std::span<const double> v,
                                 std::span<double> Jv) const override;

  /// A feed's seeds on the classes (SizeClassesFeed.cpp): by parameters, integrated over each
  /// class as the initial seeds are; a table must be on this grid (InputError at its sizes).
  double fedParticles(const Parameters& feed, std::span<double> fed) const override;

  double solidVolume(std::span<const double> y) const override;
  double solidVolumeWashedOut(std::span<const double> y) const override {
    return y[m_budget + kVolumeWashedOut];
  }
  double meanDiameter(std::span<const double> y) const override;
  std::vector<SeriesColumn> columns() const override;
  std::size_t values(std::span<const double> y, std::span<double> row) const override;
  std::vector<Metric> metrics(std::span<const double> y) const override;
  std::vector<SelfCheck> selfChecks(std::span<const double> y) const override;
  SettingsAdvice settingsAdvice(std::span<const double> y) const override;
  /// Twice the classes over the same range (population.verify-grid), up to kMaxVerifiedClasses.
  RefinementPlan refinement() const override;
  bool hasSizeDistribution() const override { return true; }
  PsdHistory sizeClasses() const override;
  std::vector<double> numberPerClass(std::span<const double> y) const override;

  const SizeGrid& grid() const { return m_grid; }

 private:
  enum Budget {
    kNucleated,      ///< particles born [1/m^3]
    kWashedOut,      ///< particles that left with the outflow [1/m^3]
    kLostTop,        ///< particles that grew or aggregated past max-size [1/m^3]
    kDissolved,      ///< particles that left below min-size (dissolution, small fragments)
    kMerged,         ///< particles that disappeared by aggregation, 1/2 sum beta N N
    kBroken,         ///< net particles created by breakage
    kVolumeGrown,    ///< particle volume created by growth and nucleation [m^3/m^3]
    kVolumeWashedOut,
    kVolumeLostTop,
    kBornUnresolved,  ///< nuclei born while min-size lay above the near-critical lower edge
    kBudgetSize,
    kFed = kBudgetSize,  ///< particles brought by feeds [1/m^3] (only with seeded feeds)
    kVolumeFed,          ///< their particle volume [m^3/m^3]
  };
  /// The budget entries the state holds: the fed ones only when a feed carries seeds.
  std::size_t budgetSize() const { return m_settings.fed.any ? kVolumeFed + 1 : kBudgetSize; }
  double fedBudget(std::span<const double> y, Budget which) const {
    return m_settings.fed.any ? y[m_budget + which] : 0.0;
  }
  /// The table of a feed's seeds on this grid: N_i per feed volume (InputError at its keys).
  std::vector<double> fedTable(const Parameters& seeds) const;
  /// Growth rates and their slopes at the n + 1 faces into m_faceG / m_faceRates, and the
  /// size-space diffusivities at the interior faces into m_faceD / m_faceDRates (zero when the
  /// point model has no fluctuations).
  void faceRates(const ParticleProcesses& p) const;
  /// Nuclei are born at L_b = max(min-size, x_b L*), the diameter past the near-critical
  /// region (docs/theory/nucleation.md), shared between the classes whose pivots bracket it,
  /// linearly in L, so that the births move continuously with L* (a whole-class birth makes N
  /// jump with the grid by ~10 % in the flagship). If the lower class reaches below L* (a
  /// coarse grid: a nucleus there would dissolve) all go to the upper one; class 0 without a
  /// critical size.
  struct BirthShares {
    std::size_t lower = 0;  ///< class receiving 1 - upper of the births
    double upper = 0.0;     ///< share of class lower + 1
    double dUpper = 0.0;    ///< d(upper)/d(L_b) [1/m]
    double diameter(const SizeGrid& g) const {
      return upper > 0.0 ? (1 - upper) * g.pivots()[lower] + upper * g.pivots()[lower + 1]
                         : g.faces()[lower];
    }
  };
  BirthShares birthShares(const ParticleProcesses& p) const;
  /// The weight with which births count as unresolved (nucleus_resolution check): 0 while the
  /// grid starts at or below the lower edge x_lo L* of the near-critical region, 1 once it
  /// starts 5 % or more above it (a given min-size: nuclei born then cannot fluctuate back
  /// across L*), linear in between, so that the budget's right-hand side stays continuous when
  /// the edge passes the bottom (an automatic bottom starts exactly at it).
  double unresolvedWeight(const ParticleProcesses& p) const {
    if (!(p.lowerEdgeDiameter > 0.0)) return 0.0;
    const double excess = m_grid.faces().front() / p.lowerEdgeDiameter - 1.0;
    return std::clamp(excess / 0.05, 0.0, 1.0);
  }
  void addAggregationJacobian(std::span<const double> N, BorderedBandJacobian& J) const;
  void addBreakageJacobian(BorderedBandJacobian& J) const;
  double numberBalanceError(std::span<const double> y) const;
  double volumeBalanceError(std::span<const double> y) const;
  std::span<const double> psd(std::span<const double> y) const { return y.subspan(m_psd, m_grid.size()); }

  PopulationSettings m_settings;
  SizeGrid m_grid;
  FiniteVolumeGrowth m_fv;
  FiniteVolumeDiffusion m_diffusion;
  std::optional<FixedPivotAggregation> m_aggregation;
  std::optional<FixedPivotBreakage> m_breakage;
  std::optional<BreakageSettings> m_breakageSettings;  ///< what m_breakage was built from
  bool m_moments = false;  ///< the method of moments alongside (population.moments)
  /// mu3 is compared as well as mu0: not with fluctuations, which conserve number only.
  bool m_momentsCompareVolume = true;
  std::size_t m_budget = 0, m_mom = 0, m_psd = 0;
  std::vector<double> m_y0;  ///< the representation's initial values in a whole state
  mutable std::vector<double> m_faceG;             // G at the n + 1 faces
  mutable std::vector<RateAndSlopes> m_faceRates;  // G and its slopes at the faces
  mutable std::vector<double> m_faceWeights;       // d G_k / d argument, n + 1
  mutable std::vector<double> m_faceD;             // D_L at the faces [m^2/s], n + 1
  mutable std::vector<RateAndSlopes> m_faceDRates; // D_L and its slopes at the faces
  mutable std::vector<double> m_faceDWeights;      // d D_k / d argument, n + 1
  mutable bool m_diffuses = false;                 // the last faceRates had fluctuations
  mutable std::vector<double> m_faceKey;           // ParticleProcesses::growthKey of them
};

}  // namespace proscale
