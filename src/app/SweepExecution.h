#pragma once
// Running a sweep's runs (ParameterSweep.h) into its journal (SweepJournal.h): this process's
// share of the runs left, on `threads` threads, each run under its own time limit, each
// finished run's record written as it ends, the progress shown as it goes. A run stopped by an
// interrupt or --max-time is not recorded (a resumed sweep runs it again); a run stopped by
// its own time limit, or one whose solver failed, is recorded as incomplete and the sweep goes
// on.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>

#include "app/CaseEvaluation.h"
#include "app/ParameterSweep.h"
#include "app/SweepProgress.h"

namespace proscale {

struct SweepExecution {
  EvaluationOptions evaluation;        ///< memory limit, threads, the sweep-wide stop check
  std::optional<double> caseTimeLimit; ///< s of wall time per run
  bool keepCaseOutputs = false;        ///< each run's full output in runs/run-NNNNNN/
  std::filesystem::path root;          ///< the sweep's output directory
};

/// Runs `runs` (1-based run numbers of `points`, with their case ids `ids`, indexed by run - 1);
/// each finished run's record goes to root/runs/. Returns how many ran to their end (recorded).
std::size_t runSweepCases(const ParameterSweep& sweep,
                          const std::vector<ParameterSweep::Point>& points,
                          const std::vector<std::string>& ids, const std::vector<std::size_t>& runs,
                          const SweepExecution& execution, SweepProgress* progress);

/// The folder of run `run`'s full output (with keepCaseOutputs).
std::string sweepRunFolderName(std::size_t run);  ///< "run-000017"

}  // namespace proscale
