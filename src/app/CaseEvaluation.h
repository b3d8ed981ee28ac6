#pragma once
// One case file run with a list of key overrides, in memory (no files written), reduced to its
// summary and status: the building block of studies (the scale-up study, parameter sweeps).
// The overrides are `--set` overrides (case/Overrides.h): "reactor.volume" = "0.1 m^3".
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/ResultCollector.h"
#include "case/Overrides.h"
#include "core/Results.h"

namespace proscale {

/// complete, suspect (complete but a self-check failed) or incomplete (the solver failed, a
/// result was not finite, or the run was stopped), as in summary.json.
enum class RunStatus { Complete, Suspect, Incomplete };
const char* runStatusName(RunStatus status);  ///< "complete", "suspect", "incomplete"

struct CaseEvaluation {
  std::vector<Override> overrides;
  RunSummary summary;

  RunStatus status() const;
  /// The final value of a summary metric (SI), absent when the run did not report it.
  std::optional<double> metric(const std::string& name) const;
  /// Why the run is not complete: the time reached, the solver's flag (STOPPED for a stop
  /// request) and message, or the failed self-checks' names; empty for a complete run.
  std::string problem() const;
};

struct EvaluationOptions {
  double maxMemory = 0.0;   ///< bytes, as LoadedCase::load (0: the default limit)
  unsigned threads = 1;     ///< distinct runs at once (each run is independent of the others)
  StopCheck stop;           ///< asked between solver steps of every run (interrupt, time limit)
};

/// The same overrides in the same order (the same run).
bool sameOverrides(const std::vector<Override>& a, const std::vector<Override>& b);

/// Loads and builds the case with `overrides` without running it: throws InputError exactly
/// as LoadedCase::load does (an override's problem located at `--set`).
void checkCase(const std::string& file, const std::vector<Override>& overrides, double maxMemory);

/// The summary metrics the case reports (their names and units; values at its initial state).
std::vector<Metric> reportedMetrics(const std::string& file, const std::vector<Override>& overrides,
                                    double maxMemory);

/// Loads and simulates the case (CaseRun.h `simulate`, with the tool's grid settling).
/// Throws InputError for bad input; a failed run is an incomplete status, not an exception.
CaseEvaluation evaluateCase(const std::string& file, const std::vector<Override>& overrides,
                            const EvaluationOptions& options);

/// Every run of `runs` (one override list each), in that order. All are checked first, so that
/// bad input throws before anything is simulated; identical override lists are simulated once
/// and share the result. `distinct` receives the number of simulations.
std::vector<CaseEvaluation> evaluateCases(const std::string& file,
                                          const std::vector<std::vector<Override>>& runs,
                                          const EvaluationOptions& options,
                                          std::size_t* distinct = nullptr);

}  // namespace proscale
