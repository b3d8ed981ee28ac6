#pragma once
// Time integration of a GridSystem (core/GridSystem.h) by the method of lines on a PETSc DMDA
// (solvers/PetscGrid.h: the nodes over the MPI ranks, the node-block Newton operator and its
// Gauss-Seidel preconditioner, failures shared by the ranks): TS integrates
// F(t, y, y') = y' - f(t, y) = 0 with adaptive BDF (order min(solver.max-order, 4)), Newton
// (SNES) and GMRES. The state is gathered on every rank at output times, so every rank sees
// the same results and takes the same decisions; rank 0 writes them (the app's part).
// `solver.petsc-options` go to PETSc's options database (-ts_*, -snes_*, -ksp_*, -log_view).
#include <memory>
#include <string>

#include "core/GridSystem.h"
#include "core/Solver.h"
#include "solvers/IntegratorOptions.h"

namespace proscale {

class PetscGridIntegrator final : public Solver {
 public:
  /// Keeps `system` by reference. std::invalid_argument for invalid options;
  /// SolverSettingError("petsc-options") for options PETSc refuses.
  PetscGridIntegrator(GridSystem& system, IntegratorOptions options, std::string petscOptions = "");
  ~PetscGridIntegrator() override;
  PetscGridIntegrator(const PetscGridIntegrator&) = delete;
  PetscGridIntegrator& operator=(const PetscGridIntegrator&) = delete;

  SolverReport run(std::span<const double> outputTimes, StateObserver& observer) override;
  const std::string& method() const override;

 private:
  class Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace proscale
