// A sweep's runs into its journal (SweepExecution.h).
#include "app/SweepExecution.h"

#include <atomic>
#include <chrono>
#include <cstdio>

#include "app/CaseRun.h"
#include "app/ResultFiles.h"
#include "app/RunCommand.h"
#include "app/RunsOnThreads.h"
#include "app/SweepJournal.h"
#include "core/NumberFormat.h"
#include "output/OutputDirectory.h"

namespace proscale {
namespace {

// One run, with its full output written into its own folder when asked.
CaseEvaluation evaluate(const ParameterSweep& sweep, std::size_t run,
                        const std::vector<Override>& overrides, const SweepExecution& execution,
                        const StopCheck& stop) {
  LoadedCase loaded = LoadedCase::load(sweep.processFile, overrides, execution.evaluation.maxMemory);
  CaseEvaluation e;
  e.overrides = overrides;
  if (!execution.keepCaseOutputs) {
    e.summary = simulate(loaded, 0.0, nullptr, stop).summary;
    return e;
  }
  OutputDirectory dir(execution.root / kSweepJournalFolder / sweepRunFolderName(run));
  dir.claim(newRunId(), false);
  ResultFiles files(dir, loaded.times.size(), loaded.params.section("output").boolean("vtk"));
  CaseOutcome outcome = simulate(loaded, 0.0, &files, stop);
  outcome.summary.runId = dir.runId();
  files.finish(*outcome.results, outcome.summary);
  e.summary = outcome.summary;
  return e;
}

}  // namespace

std::string sweepRunFolderName(std::size_t run) {
  char name[32];
  std::snprintf(name, sizeof name, "run-%06zu", run);
  return name;
}

std::size_t runSweepCases(const ParameterSweep& sweep,
                          const std::vector<ParameterSweep::Point>& points,
                          const std::vector<std::string>& ids, const std::vector<std::size_t>& runs,
                          const SweepExecution& execution, SweepProgress* progress) {
  const std::filesystem::path journal = execution.root / kSweepJournalFolder;
  ensureDirectory(journal);
  const StopCheck& sweepStop = execution.evaluation.stop;
  const auto stopped = [&] { return sweepStop ? sweepStop() : std::string(); };

  std::atomic<std::size_t> recorded{0};
  runOnThreads(runs.size(), execution.evaluation.threads, [&](std::size_t k) {
    if (!stopped().empty()) return false;  // an interrupt or --max-time: no new runs
    const std::size_t run = runs[k];
    const auto start = std::chrono::steady_clock::now();
    const StopCheck stop = [&]() -> std::string {
      if (std::string why = stopped(); !why.empty()) return why;
      if (execution.caseTimeLimit && secondsSince(start) > *execution.caseTimeLimit)
        return "the sweep's case-time-limit (" + formatNumber(*execution.caseTimeLimit) +
               " s) reached";
      return {};
    };
    const CaseEvaluation e = evaluate(sweep, run, sweep.overridesFor(points[run - 1]), execution, stop);
    // Stopped for the whole sweep: not a result of the case; a resumed sweep runs it again.
    if (e.status() == RunStatus::Incomplete && !stopped().empty()) return false;
    writeSweepRunRecord(journal, sweepRunRecord(run, ids[run - 1], e, secondsSince(start)));
    ++recorded;
    if (progress != nullptr) progress->finished(e.status());
    return true;
  });
  return recorded;
}

}  // namespace proscale
