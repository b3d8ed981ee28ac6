#pragma once
// The batch precipitation process with the population carried by moments (population.method:
// qmom or moments) instead of size classes: the same vessel, liquid phase, solid and rate laws
// (PrecipitationChemistry) as BatchPrecipitation, with MomentPopulation for the particles.
//
// State:
//   species  c_j [mol/m^3]          dc_j/dt = reactions_j(c) - nu_j P
//   budget   number nucleated [1/m^3]   d/dt = B
//   moments  mu_k [m^k/m^3]          dmu_k/dt = QMOM source terms (growth G(L) incl. inhibition,
//                                    nucleation B at L0 = max(min-size, L*(S)), aggregation, breakage),
//                                    or k G mu_{k-1} + B L0^k for the standard method
// with the solid formation rate P = k_v (dmu_3/dt) / V_m [mol/(m^3 s)] (k_v the solid's shape
// factor, V_m its molar volume): aggregation and breakage conserve k_v mu_3, so P is growth and
// nucleation, and solute + k_v mu_3 / V_m is conserved to round-off.
// Jacobian: the moment and budget rows by forward differences of the (small, dense) system;
// the species rows are then built from the mu_3 row, -nu_j k_v/V_m d(dmu_3/dt)/dy, plus the
// reactions' analytic part, so that every conserved moiety w has w^T J = 0 exactly and the
// Newton iterations keep solute + solid to round-off (a plain difference Jacobian drifts it by
// ~1e-6 on the flagship).
// Theory: docs/theory/qmom.md ("QMOM in the batch reactor").
#include <vector>

#include "core/Process.h"
#include "models/pbe/MomentPopulation.h"
#include "models/reactors/PrecipitationChemistry.h"

namespace proscale {

class MomentBatchPrecipitation final : public Process, public System {
 public:
  /// Reads the sections of BatchPrecipitation::sections(). InputError at population.method if
  /// the standard method of moments does not close for the processes, at population.moment-count
  /// for QMOM with 2 moments (no mu_3 to couple the solid to the solution).
  explicit MomentBatchPrecipitation(const Parameters& root);

  // System
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override;
  /// Lets NonRealizableMoments (recoverable) propagate: the solver retries, then reports it.
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override;
  bool hasJacobian() const override { return true; }
  void jacobian(double t, std::span<const double> y, std::span<const double> f,
                JacobianSink& J) override;

  // Process
  System& system() override { return *this; }
  std::vector<SeriesColumn> seriesColumns() const override;
  void series(double t, std::span<const double> y, std::span<double> row) const override;
  std::vector<Metric> metrics(double t, std::span<const double> y) const override;

 private:
  QmomRates processes(const PrecipitationRates& r) const;
  double solidConcentration(std::span<const double> y) const;  ///< k_v mu_3 / V_m [mol/m^3]
  double massBalanceError(std::span<const double> y) const;

  PrecipitationChemistry m_chem;
  MomentPopulation m_population;
  StateLayout m_layout;
  std::size_t m_nucleated = 0, m_mom = 0;  ///< offsets of the budget and the moments
  std::vector<double> m_y0;
};

}  // namespace proscale
