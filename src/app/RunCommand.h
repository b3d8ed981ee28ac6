#pragma once
// The verbs that load a case: `check` (validate and build) and `run` (simulate and write).
#include <iosfwd>

#include "app/CommandLine.h"

namespace proscale {

/// 4: the run completed but a self-check failed (status "suspect" in summary.json).
enum ExitCode : int {
  kSuccess = 0,
  kInternalError = 1,
  kBadInput = 2,
  kSolverFailure = 3,
  kSuspect = 4
};

/// Runs `check` or `run`. Input errors propagate as InputError (the caller prints them).
int runCase(const CommandLine& cl, std::ostream& out);

}  // namespace proscale
