#pragma once
// Time integration of a GridSystem (core/GridSystem.h) by the method of lines on a PETSc DMDA
// (Balay et al., PETSc/TAO Users Manual, ANL-21/39 rev. 3.18: "DMDA", "TS", "SNES"): the grid's
// nodes are distributed over the ranks of PETSC_COMM_WORLD (one rank, or as many as mpirun
// starts), each rank evaluates the model on the nodes it owns with the ghost nodes of its
// stencil, and TS integrates F(t, y, y') = y' - f(t, y) = 0 with adaptive BDF and Newton.
//
// Linear algebra, from the model's node-wise Jacobian (GridSystem::nodeJacobian and
// neighbourJacobian): the Newton matrix a I - J is a shell operator that multiplies node by
// node (each node block kept compressed, the neighbours' couplings as lists), and GMRES is
// preconditioned by a block Gauss-Seidel sweep from the inlet down: each node block's LU
// (the bordered-band factorization of the 0-D engine, BorderedBandLU.h) with the upstream
// couplings already swept. For first-order upwind transport without dispersion that sweep is
// the exact inverse; on several ranks it runs on each rank's nodes (block Jacobi between ranks).
// A model whose node blocks are approximate gets difference-quotient products instead.
//
// Unknowns and residuals are scaled by the node layout's block scales (as PetscTsIntegrator).
// The state is gathered on every rank at output times, so every rank sees the same results and
// takes the same decisions; rank 0 writes them (the app's part). A model's failure on any rank
// is shared with all of them at once (one reduction per evaluation): a recoverable one rejects
// the step everywhere, a fatal one ends the run everywhere with the failing rank's message --
// never a hang.
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
