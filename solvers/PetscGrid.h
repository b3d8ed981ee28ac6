#pragma once
// A GridSystem (core/GridSystem.h) laid out on a PETSc DMDA (Balay et al., PETSc/TAO Users
// Manual, ANL-21/39 rev. 3.18, "DMDA"): its nodes distributed over the ranks of
// PETSC_COMM_WORLD, each rank evaluating the model on the nodes it owns with the ghost nodes of
// its stencil. What the time integrator (PetscGridIntegrator.h) and the steady-state solver
// (PetscGridSteadySolver.h) share:
//
//   * the unknowns and residuals scaled by the node layout's block scales (y = S u);
//   * the model's rates on this rank's nodes;
//   * the Newton matrix M = a I - J~ (a = 0 for a steady state) from the model's node-wise
//     Jacobian: a shell operator that multiplies node by node (each node block kept compressed,
//     the neighbours' couplings as lists), or difference products when the node blocks are
//     only approximate;
//   * its preconditioner: symmetric block Gauss-Seidel over this rank's nodes, from the inlet
//     down and back, each node block factored by the 0-D engine's bordered-band LU
//     (BorderedBandLU.h); the downward sweep alone inverts upwind convection, the way back
//     takes in the dispersion's downstream couplings; between ranks it is block Jacobi;
//   * failures shared by all ranks (one reduction per evaluation), so that every rank takes the
//     same branch -- a recoverable failure rejects the step everywhere, a fatal one ends the run
//     everywhere with the failing rank's message, never a hang;
//   * the whole state gathered on every rank for the observers.
// Internal to proscale_solvers.
#include <petscdmda.h>
#include <petscsnes.h>

#include <string>
#include <vector>

#include "core/CompressedRows.h"
#include "core/GridSystem.h"
#include "solvers/BorderedBandLU.h"
#include "solvers/CallbackGuard.h"
#include "solvers/PetscTsCommon.h"

namespace proscale {

class PetscGrid {
 public:
  /// Outcomes of a model callback, reduced (max) over the ranks.
  enum Outcome { kFine = 0, kRecoverable = 1, kFatal = 2 };

  explicit PetscGrid(GridSystem& system);
  PetscGrid(const PetscGrid&) = delete;
  PetscGrid& operator=(const PetscGrid&) = delete;

  GridSystem& system() { return m_system; }
  Vec state() const { return m_y.h; }
  DM dm() const { return m_da.h; }
  Mat shell() const { return m_shell.h; }
  /// Makes `pc` the node-block Gauss-Seidel preconditioner.
  void usePreconditioner(PC pc);
  /// True when the node blocks are the exact derivative (products from them).
  bool exact() const { return m_exact; }

  /// The system's initial state into state(), scaled.
  void setInitialState();
  /// f(t, y) on this rank's nodes into rates() (unscaled); the outcome on all ranks.
  Outcome evaluateRates(double t, Vec y);
  const std::vector<double>& rates() const { return m_f; }
  double scale(std::size_t local) const { return m_scale[local % m_dof]; }
  /// Factors the node blocks at (t, y): M = a I - J~ (a > 0), or, `steady`, the same with the
  /// accumulator rows replaced by the identity (a = 0 for Newton on f, a = 1/dtau for a
  /// pseudo-time step). The outcome on all ranks.
  Outcome assemble(double t, Vec y, double a, bool steady);
  /// max |J~_kk| over the nodes at the last assemble [1/s], on every rank (collective).
  double fastestRate() const;
  /// Whether local unknown k (this rank's) belongs to an accumulator block.
  bool accumulator(std::size_t local) const { return m_accumulator[local % m_dof]; }

  /// The whole state, unscaled, on every rank (collective).
  void gather(Vec y, std::vector<double>& state);
  /// The failure message of the lowest rank that has one, on every rank, prefixed to the
  /// library's reason (collective).
  std::string explain(const std::string& library) const;
  /// `text` of the lowest rank that has a non-empty one, on every rank (collective).
  std::string sharedText(const std::string& text) const;
  /// "a DMDA of N nodes x dof unknowns over K ranks".
  std::string describe() const;
  void clearFailures() { m_guard.clear(); }
  /// Whether a model callback failed fatally on some rank (collective).
  bool failedFatally() const { return !sharedText(m_guard.fatalMessage()).empty(); }

 private:
  /// One owned node's part of M.
  struct NodeLinear {
    BorderedBandMatrix newton;   ///< M_ii / sigma, factored (sigma = a, or 1 when steady)
    BorderedBandLU lu;
    CompressedRows block;        ///< J~_ii, for products
    struct Coupling {
      int offset;
      NodeCoupling entry;  ///< J~_{i,i+offset}
    };
    std::vector<Coupling> couplings;
  };

  static PetscErrorCode multiply(Mat A, Vec x, Vec y);
  static PetscErrorCode precondition(PC pc, Vec x, Vec y);
  Outcome shared(Outcome mine) const;
  /// The owned and ghost nodes of v: unscaled (into m_window) or as they are (m_direction).
  NodeWindow ghosted(Vec v, bool unscale);
  void factorNodes(double t, const NodeWindow& window, double a, bool steady);

  GridSystem& m_system;
  std::size_t m_dof = 0, m_first = 0, m_owned = 0, m_ghostFirst = 0, m_ghostCount = 0;
  std::vector<double> m_scale;       ///< one node's block scales
  std::vector<bool> m_accumulator;   ///< one node's accumulator components
  std::vector<double> m_window, m_direction, m_f, m_work;
  std::vector<NodeLinear> m_nodes;
  BorderedBandJacobian m_block;
  std::vector<NodeCoupling> m_entries;
  double m_shift = 1.0, m_sigma = 1.0, m_fastest = 0.0;
  bool m_exact = true;
  CallbackGuard m_guard;
  Owned<DM, DMDestroy> m_da;
  Owned<Vec, VecDestroy> m_y, m_local, m_all;
  Owned<VecScatter, VecScatterDestroy> m_gather;
  Owned<Mat, MatDestroy> m_shell;
};

}  // namespace proscale
