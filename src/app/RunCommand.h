#pragma once
// The verbs that load a case: `check` (validate and build) and `run` (simulate and write).
#include <chrono>
#include <iosfwd>

#include "app/CommandLine.h"
#include "app/ResultCollector.h"

namespace proscale {

/// 4: the run completed but a self-check failed (status "suspect" in summary.json).
enum ExitCode : int {
  kSuccess = 0,
  kInternalError = 1,
  kBadInput = 2,
  kSolverFailure = 3,
  kSuspect = 4,
  kInfeasible = 5  ///< an inverse design found no run that meets every target
};

/// Seconds since `start`.
double secondsSince(std::chrono::steady_clock::time_point start);
/// The stop request of a run that began at `start`: a caught signal, or --max-time reached.
/// Needs the caller's InterruptHandlers for the signals.
StopCheck runStopCheck(const CommandLine& cl, std::chrono::steady_clock::time_point start);

/// Runs `check` or `run`. Input errors propagate as InputError (the caller prints them).
int runCase(const CommandLine& cl, std::ostream& out);

}  // namespace proscale
