#pragma once
// What an integration reports back, independent of the library that did it.
#include <string>
#include <vector>

namespace proscale {

struct SolverStatistics {
  long steps = 0;
  long rhsEvaluations = 0;         ///< including those for difference-quotient Jacobians
  long jacobianEvaluations = 0;
  long linearSetups = 0;
  long nonlinearIterations = 0;
  long linearIterations = 0;       ///< Krylov iterations (0 for direct linear solvers)
  long nonlinearConvergenceFailures = 0;
  long errorTestFailures = 0;
  double wallTime = 0.0;           ///< seconds spent inside the integrator
};

/// A stop time or a root the integrator stopped at and handed to the model.
struct SolverEvent {
  double time = 0.0;          ///< s
  std::string what;           ///< "stop time", "root 0", ...
};

struct SolverReport {
  bool complete = false;      ///< reached the final output time (or an event ended the run)
  bool endedByEvent = false;  ///< a root's handler (System::atRoot) ended the run at timeReached
  bool steadyState = false;   ///< a steady-state solve (no history integrated)
  double timeReached = 0.0;   ///< s
  std::string flagName;       ///< e.g. "CV_SUCCESS", "CV_CONV_FAILURE"
  std::string message;        ///< the library's or the model's explanation when not complete
  std::string method;         ///< e.g. "CVODE BDF, Newton, bordered-band direct"
  SolverStatistics statistics;
  std::vector<SolverEvent> events;  ///< in the order they happened
};

}  // namespace proscale
