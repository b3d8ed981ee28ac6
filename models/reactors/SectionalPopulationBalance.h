#pragma once
// The `population-balance` model on size classes (population.method: sectional): prescribed
// nucleation and growth (PrescribedRates.h), washout in a continuous vessel, aggregation and
// breakage by the fixed pivot technique, with exact number and volume bookkeeping:
//
//   dN_i/dt = growth fluxes (FiniteVolumeGrowth) + B0 delta_i0 - N_i / tau
//             + aggregation_i + breakage_i                                  [1/(m^3 s)]
//
// State (border first, see core/BorderedBandJacobian.h): budget | psd. The budget integrates
// every particle and every particle volume that entered or left the grid, so that
//   number:  sum N + lost + dissolved + washed out + merged = seeds + nucleated + broken,
//   volume:  sum x N + lost + washed out = seeds + nucleated + grown,
// are checked at every output (number_balance_error, volume_balance_error).
// Theory: docs/theory/population-balance-model.md.
#include <optional>

#include "core/Process.h"
#include "models/pbe/FiniteVolumeGrowth.h"
#include "models/pbe/FixedPivotAggregation.h"
#include "models/pbe/FixedPivotBreakage.h"
#include "models/pbe/PopulationSettings.h"
#include "models/reactors/PrescribedRates.h"

namespace proscale {

class SectionalPopulationBalance final : public Process, public System {
 public:
  explicit SectionalPopulationBalance(const Parameters& root);

  // System
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override;
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override;
  BorderedBandShape jacobianShape() const override;
  bool hasJacobian() const override { return true; }
  /// With aggregation the Jacobian is dense: jacobian() gives its banded part (preconditioner).
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
    kBudgetSize
  };
  double numberBalanceError(std::span<const double> y) const;
  double volumeBalanceError(std::span<const double> y) const;

  PrescribedRates m_rates;
  PopulationSettings m_population;
  SizeGrid m_grid;
  FiniteVolumeGrowth m_fv;
  std::optional<FixedPivotAggregation> m_aggregation;
  std::optional<FixedPivotBreakage> m_breakage;
  StateLayout m_layout;
  std::size_t m_psd = 0;
  std::vector<double> m_y0, m_faceG;
};

}  // namespace proscale
