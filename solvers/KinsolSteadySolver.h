#pragma once
// The steady state f(y) = 0 of an explicit System by KINSOL (Hindmarsh et al., ACM TOMS
// 31:363, 2005): Newton's method with a line search (KIN_LINESEARCH), a dense direct solve with
// the model's exact Jacobian (or KINSOL's difference quotients), unknowns and residuals scaled
// by the state blocks' scales, and non-negative blocks constrained to y >= 0. Accumulator
// blocks (running integrals of flows, BlockRole::accumulator) have no steady state: they are
// held at their initial values and left out of the equations. Theory: docs/theory/solvers.md.
#include <memory>

#include "core/Solver.h"

namespace proscale {

struct SteadyOptions {
  double residualTolerance = 1e-10;  ///< max_i |f_i| / scale_i [1/s] (KINSetFuncNormTol)
  long maxIterations = 200;          ///< Newton iterations (KINSetNumMaxIters)
};

class KinsolSteadySolver final : public Solver {
 public:
  /// Keeps `system` by reference. std::invalid_argument if it is not explicit or has no
  /// unknowns that are not accumulators.
  KinsolSteadySolver(System& system, SteadyOptions options);
  ~KinsolSteadySolver() override;
  KinsolSteadySolver(const KinsolSteadySolver&) = delete;
  KinsolSteadySolver& operator=(const KinsolSteadySolver&) = delete;

  SolverReport run(std::span<const double> outputTimes, StateObserver& observer) override;
  const std::string& method() const override;

 private:
  class Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace proscale
