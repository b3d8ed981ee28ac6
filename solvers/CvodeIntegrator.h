#pragma once
// Time integration of an System with CVODES (Hindmarsh et al., ACM TOMS 31:363, 2005):
// variable-order variable-step BDF, Newton iteration, direct linear solves with the model's
// analytic Jacobian (or CVODE's difference quotients for a dense system without one), or
// GMRES preconditioned by the bordered LU of the model's Jacobian, exact or approximate
// (System::jacobianIsExact). Theory and failure semantics: docs/theory/solvers.md.
#include <memory>
#include <span>
#include <string>

#include "core/Solver.h"
#include "core/SolverReport.h"
#include "solvers/IntegratorOptions.h"

namespace proscale {

class CvodeIntegrator final : public Solver {
 public:
  /// Sets CVODE up for `system` (kept by reference; it must outlive the integrator). Throws
  /// std::invalid_argument for invalid options, an empty system, a Jacobian shape that does not
  /// match the layout, a linear solver that needs an analytic Jacobian the system lacks, or a
  /// direct solver (klu, dense) for a system whose Jacobian is only an approximation.
  CvodeIntegrator(System& system, IntegratorOptions options);
  ~CvodeIntegrator() override;
  CvodeIntegrator(const CvodeIntegrator&) = delete;
  CvodeIntegrator& operator=(const CvodeIntegrator&) = delete;
  CvodeIntegrator(CvodeIntegrator&&) noexcept;
  CvodeIntegrator& operator=(CvodeIntegrator&&) noexcept;

  /// Integrates from outputTimes.front() (state from system.initialState) through the
  /// remaining times, which must be strictly ascending. The observer sees the initial state at
  /// t0 and the state at every output time reached. If CVODE fails, the report is incomplete,
  /// names the CVODE flag, and the observer additionally receives the last state CVODE reached
  /// (at report.timeReached), so partial results end where the solver stopped. A non-finite
  /// initial state is reported (flag "CV_ILL_INPUT", nothing observed) without integrating.
  /// Exceptions from the observer or from system.initialState propagate; none from the model's
  /// rhs/jacobian do (see docs/theory/solvers.md, "Failure semantics").
  SolverReport run(std::span<const double> outputTimes, StateObserver& observer) override;

  /// Description of the method, as in SolverReport::method.
  const std::string& method() const override;

 private:
  class Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace proscale
