#pragma once
// The steady state f(y) = 0 of a GridSystem (a tube's cells) by PETSc's SNES (Balay et al.,
// PETSc/TAO Users Manual, ANL-21/39 rev. 3.18, "SNES"): Newton's method with a backtracking
// line search from the initial state, GMRES on the node-block Newton operator with its
// Gauss-Seidel preconditioner (solvers/PetscGrid.h), the nodes distributed over the MPI ranks.
// Where Newton from the initial state fails (a crystallizer's start-up from a particle-free
// tube), pseudo-transient continuation from it: implicit Euler steps in a pseudo time whose
// step grows as the residual falls, then Newton (Kelley & Keyes 1998, as KinsolSteadySolver).
// Unknowns and residuals are scaled by the block scales; accumulator blocks (budgets) have no
// steady state and are held at their initial values, as KinsolSteadySolver holds them. The
// steady state is accepted when the 2-norm of the scaled rates f_i / s_i, which bounds every
// |f_i| / s_i, is below solver.steady-tolerance [1/s] or 1e-12 of its value at the initial
// state (the round-off floor of a fine grid's transport). Theory: docs/theory/solvers.md.
#include <memory>
#include <string>

#include "core/GridSystem.h"
#include "core/Solver.h"
#include "solvers/KinsolSteadySolver.h"

namespace proscale {

class PetscGridSteadySolver final : public Solver {
 public:
  /// Keeps `system` by reference. SolverSettingError("petsc-options") for options PETSc refuses.
  PetscGridSteadySolver(GridSystem& system, SteadyOptions options, std::string petscOptions = "");
  ~PetscGridSteadySolver() override;
  PetscGridSteadySolver(const PetscGridSteadySolver&) = delete;
  PetscGridSteadySolver& operator=(const PetscGridSteadySolver&) = delete;

  /// The observer sees the initial guess at outputTimes.front() and the steady state at
  /// outputTimes.back() (the feeds' flows of that time).
  SolverReport run(std::span<const double> outputTimes, StateObserver& observer) override;
  const std::string& method() const override;

 private:
  class Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace proscale
