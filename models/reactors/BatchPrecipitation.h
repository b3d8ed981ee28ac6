#pragma once
// Isothermal, well-mixed batch precipitation: liquid-phase reactions, a precipitating solid,
// primary nucleation, size-independent growth and the population balance on a size grid,
// plus the method of moments as a cross-check. One stiff ODE system.
//
// State (border first, see core/BorderedBandJacobian.h):
//   species  c_j [mol/m^3]            dc_j/dt = reactions_j(c) - nu_j P
//   budget   [solid lost above the grid [mol/m^3], particles lost above, particles dissolved
//            below, particles nucleated [1/m^3]]  -- exact conservation bookkeeping
//   moments  mu_0..mu_4 [m^k/m^3]     (optional) method of moments
//   psd      N_i [1/m^3]              dN_i/dt = growth fluxes + B delta_ib (b: birthClass)
// Optional aggregation and breakage (fixed pivot, Kumar & Ramkrishna 1996) add to dN_i/dt;
// they conserve the solid volume, so they do not enter P.
// with the solid formation rate P = (1/V_m) (sum_i x_i dN_i/dt + x_{n-1} F_top) [mol/(m^3 s)],
// so that solute + solid is conserved to round-off. The liquid phase, the solid and the rate
// laws are PrecipitationChemistry's; this class is the sectional population (population.method
// sectional; the moment methods are MomentBatchPrecipitation). Equations and sources:
// docs/theory/batch-precipitation.md.
#include <optional>

#include "core/Process.h"
#include "core/Schema.h"
#include "models/pbe/FiniteVolumeGrowth.h"
#include "models/pbe/FixedPivotAggregation.h"
#include "models/pbe/FixedPivotBreakage.h"
#include "models/pbe/MomentEquations.h"
#include "models/pbe/PopulationSettings.h"
#include "models/reactors/PrecipitationChemistry.h"

namespace proscale {

class BatchPrecipitation final : public Process, public System {
 public:
  /// The case sections this model reads: PrecipitationChemistry's and `population` (shared
  /// with MomentBatchPrecipitation).
  static std::vector<ParamSpec> sections();
  explicit BatchPrecipitation(const Parameters& root);

  // System
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override;
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override;
  BorderedBandShape jacobianShape() const override;
  bool hasJacobian() const override { return true; }
  /// With aggregation the Jacobian is dense; jacobian() then gives its arrow-shaped part, a
  /// preconditioner for Newton-Krylov.
  bool jacobianIsExact() const override { return !m_aggregation && !m_breakage; }
  void jacobian(double t, std::span<const double> y, std::span<const double> f,
                JacobianSink& J) override;

  // Process
  System& system() override { return *this; }
  std::vector<SeriesColumn> seriesColumns() const override;
  void series(double t, std::span<const double> y, std::span<double> row) const override;
  bool hasSizeDistribution() const override { return true; }
  PsdHistory sizeClasses() const override;
  std::vector<double> numberPerClass(std::span<const double> y) const override;
  std::vector<Metric> metrics(double t, std::span<const double> y) const override;

  const SizeGrid& grid() const { return m_grid; }

 private:
  enum Budget {
    kSolidLostTop,
    kNumberLostTop,
    kNumberDissolved,
    kNumberNucleated,
    kNumberMerged,  ///< particles that disappeared by aggregation, 1/2 sum_jk beta_jk N_j N_k
    kNumberBroken,  ///< net particles created by breakage (fragments minus broken parents)
    kBudgetSize
  };
  /// Supersaturation, nucleation and inhibition; the growth rates at the class faces go to
  /// m_faceG and, with their slopes, to m_faceRates (size-dependent laws differ per face).
  PrecipitationRates rates(std::span<const double> c) const;
  /// Nuclei are born in the first class whose lower face is at or above both min-size and
  /// the critical diameter L*(S) (supercritical clusters; below L* Gibbs-Thomson growth would
  /// dissolve them).
  std::size_t birthClass(const PrecipitationRates& r) const;
  double solidConcentration(std::span<const double> y) const;  ///< on grid + lost [mol/m^3]
  void addAggregationJacobian(std::span<const double> N, BorderedBandJacobian& J) const;
  void addBreakageJacobian(BorderedBandJacobian& J) const;
  double massBalanceError(std::span<const double> y) const;
  double numberBalanceError(std::span<const double> y) const;

  PrecipitationChemistry m_chem;
  PopulationSettings m_population;
  SizeGrid m_grid;
  FiniteVolumeGrowth m_fv;
  std::optional<FixedPivotAggregation> m_aggregation;
  std::optional<FixedPivotBreakage> m_breakage;
  bool m_moments = false;  // the method of moments as a cross-check (population.moments)
  StateLayout m_layout;
  std::size_t m_budget = 0, m_mom = 0, m_psd = 0;
  std::vector<double> m_y0;
  mutable std::vector<double> m_faceG;               // G at the n + 1 faces
  mutable std::vector<RateAndSlopes> m_faceRates;    // G and its slopes at the faces
  // Jacobian work: face weights (n + 1), d(dN/dt)/d(argument a) and /d ln(inhibition) (n each)
  std::vector<double> m_faceWeights;
  std::vector<std::vector<double>> m_dNdArgument;
  std::vector<double> m_dNdLnF;
};

}  // namespace proscale
