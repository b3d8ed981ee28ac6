#pragma once
// Time integration of a System with PETSc's TS (Balay et al., PETSc/TAO Users Manual, ANL-21/39
// rev. 3.18, ch. "ODE and DAE integrators"): the implicit form F(t, y, y') = y' - f(t, y) = 0
// (System::residual), adaptive BDF by default (TSBDF, orders 1-6 with its own error control),
// Newton (SNES) with a direct LU of a J = a I - df/dy assembled in PETSc's sparse (AIJ) format
// from the model's arrow Jacobian (System::residualJacobian), or colored finite differences
// on the arrow's pattern for a model without one. `solver.petsc-options` go to PETSc's options
// database, so -ts_type, -ts_adapt_*, -snes_*, -ksp_type, -pc_type, -log_view work as in any
// PETSc code. One rank (PETSC_COMM_SELF); the spatial models distribute their grids on top of
// this layer (issue 12). Failure semantics as CvodeIntegrator (docs/theory/solvers.md): a model's
// RecoverableError or a non-finite value rejects the step (SNES domain error, TS retries
// smaller), PETSc's own errors and a diverged TS end the run with its reason, incomplete.
#include <memory>
#include <string>

#include "core/Solver.h"
#include "solvers/IntegratorOptions.h"

namespace proscale {

class PetscTsIntegrator final : public Solver {
 public:
  /// Keeps `system` by reference. std::invalid_argument for invalid options or an empty system;
  /// SolverSettingError("petsc-options") for options PETSc refuses.
  PetscTsIntegrator(System& system, IntegratorOptions options, std::string petscOptions = "");
  ~PetscTsIntegrator() override;
  PetscTsIntegrator(const PetscTsIntegrator&) = delete;
  PetscTsIntegrator& operator=(const PetscTsIntegrator&) = delete;

  SolverReport run(std::span<const double> outputTimes, StateObserver& observer) override;
  const std::string& method() const override;

 private:
  class Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace proscale
