#pragma once
// Time integration of a System in residual form F(t, y, y') = 0 with IDAS (Hindmarsh et al.,
// ACM TOMS 31:363, 2005): variable-order BDF for index-1 DAEs, Newton iteration with a dense
// direct linear solve of dF/dy + cj dF/dy' (the model's residualJacobian, or IDAS's difference
// quotients). Algebraic blocks (BlockRole::algebraic) are declared to IDAS, and before the
// first step IDACalcIC makes the initial state consistent: the algebraic components and the
// derivatives of the differential ones are computed from the given differential values.
// Failure semantics as CvodeIntegrator (docs/theory/solvers.md).
#include <memory>

#include "core/Solver.h"
#include "solvers/IntegratorOptions.h"

namespace proscale {

class IdasIntegrator final : public Solver {
 public:
  /// Keeps `system` by reference. std::invalid_argument for invalid options or an empty system.
  IdasIntegrator(System& system, IntegratorOptions options);
  ~IdasIntegrator() override;
  IdasIntegrator(const IdasIntegrator&) = delete;
  IdasIntegrator& operator=(const IdasIntegrator&) = delete;

  SolverReport run(std::span<const double> outputTimes, StateObserver& observer) override;
  const std::string& method() const override;

 private:
  class Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace proscale
