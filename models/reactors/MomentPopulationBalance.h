#pragma once
// The `population-balance` model carried by moments (population.method: qmom or moments):
//
//   dmu_k/dt = [QMOM or standard-moment source terms of growth, nucleation, aggregation and
//              breakage] - mu_k / tau                                  [m^k/(m^3 s)]
//
// with the prescribed rates of PrescribedRates.h; tau = residence time of a continuous vessel
// (no washout in batch). A small system without an analytic Jacobian: CVODE differences it.
// Theory: docs/theory/qmom.md, docs/theory/population-balance-model.md.
#include "core/Process.h"
#include "models/pbe/MomentPopulation.h"
#include "models/reactors/PrescribedRates.h"

namespace proscale {

class MomentPopulationBalance final : public Process, public System {
 public:
  explicit MomentPopulationBalance(const Parameters& root);

  // System
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override;
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override;

  // Process
  System& system() override { return *this; }
  std::vector<SeriesColumn> seriesColumns() const override;
  void series(double t, std::span<const double> y, std::span<double> row) const override;
  std::vector<Metric> metrics(double t, std::span<const double> y) const override;

 private:
  PrescribedRates m_rates;
  MomentPopulation m_population;
  QmomRates m_processes;  // refers to m_rates
  StateLayout m_layout;
};

}  // namespace proscale
