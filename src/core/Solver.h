#pragma once
// One interface for every solver the app can hold: time integrators (CVODES; IDAS for systems
// with algebraic blocks; later PETSc TS) and steady-state solvers (KINSOL; later SNES). The
// app builds one from the `solver:` section (solvers/SolverFactory.h) and drives it through
// this interface only; a solver never writes files, it hands states to observers.
#include <span>
#include <string>
#include <vector>

#include "core/SolverReport.h"
#include "core/System.h"

namespace proscale {

/// An observer that also wants the forward sensitivities dy/dp_k of the state to the
/// parameters a time integrator was asked for (IntegratorOptions::sensitivities), in that
/// order, at every output time. The integrator calls it right after observe().
class SensitivityObserver {
 public:
  virtual ~SensitivityObserver() = default;
  virtual void observeSensitivities(double t, const std::vector<std::vector<double>>& dydp) = 0;
};

class Solver {
 public:
  virtual ~Solver() = default;

  /// A time integrator integrates from outputTimes.front() (the system's initial state)
  /// through the remaining, strictly ascending times; the observer sees the initial state and
  /// the state at every output time reached. A steady-state solver starts from the initial
  /// state as its guess; the observer sees the guess at outputTimes.front() and the steady
  /// state at outputTimes.back() (the t -> infinity limit, stamped with the last output time).
  /// On failure the report is incomplete and names the time reached and the library's reason;
  /// the observer then also receives the last state reached. No exception from the model
  /// crosses the solver (see docs/theory/solvers.md, "Failure semantics").
  virtual SolverReport run(std::span<const double> outputTimes, StateObserver& observer) = 0;

  /// Description of the method, as in SolverReport::method.
  virtual const std::string& method() const = 0;
};

}  // namespace proscale
