#pragma once
// The verbs that load a case: `check` (validate and build) and `run` (simulate and write).
#include <iosfwd>

#include "app/CommandLine.h"

namespace proscale {

enum ExitCode : int { kSuccess = 0, kInternalError = 1, kBadInput = 2, kSolverFailure = 3 };

/// Runs `check` or `run`. Input errors propagate as InputError (the caller prints them).
int runCase(const CommandLine& cl, std::ostream& out);

}  // namespace proscale
