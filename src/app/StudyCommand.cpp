#include "app/StudyCommand.h"

#include <algorithm>
#include <chrono>
#include <ostream>

#include "app/Interrupts.h"
#include "app/RunCommand.h"
#include "app/ScaleUpStudy.h"
#include "app/StudySupport.h"
#include "core/NumberFormat.h"
#include "output/OutputDirectory.h"

namespace proscale {
namespace {

const char* const kStudyOutputs =
    "# Outputs of a scale-up study\n\n"
    "| file | what |\n|---|---|\n"
    "| `scaleup.csv` | one row per rule and scale: the scale's record (SI units in the header), "
    "its flags, the process run, d50_volume, span, in_spec (yes, no, n/a) and why |\n"
    "| `scaleup.md` | the same as a Markdown table, the verdict per rule and the conclusion |\n"
    "| `summary.json` | status, every row's overrides, run status, d50, span and verdict, the "
    "verdict per rule and the conclusion |\n\n"
    "docs/reference/outputs.md, \"Scale-up study\", describes every column.\n";

}  // namespace

int runStudy(const CommandLine& cl, const CaseDocument& document, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const ScaleUpStudy study =
      ScaleUpStudy::fromParameters(document.validate(*scaleUpStudySchema()), cl.caseFile);
  if (cl.verb == "outputs") {
    out << kStudyOutputs;
    return kSuccess;
  }
  EvaluationOptions options = studyOptions(cl, study.threads);
  // Every process run loaded and built before the directory is touched: bad input writes nothing.
  const std::vector<std::string> infeasible =
      infeasibleScales(study, study.records(), options.maxMemory);
  if (cl.verb == "check") {
    const auto refused = std::count_if(infeasible.begin(), infeasible.end(),
                                       [](const std::string& why) { return !why.empty(); });
    out << cl.caseFile << ": OK (" << kScaleUpStudyModel << ", " << study.rules.size()
        << " rules x " << study.volumes.size() << " scales of " << study.processFile;
    if (refused > 0) out << "; " << refused << " of them not feasible, marked so when run";
    out << ")\n";
    return kSuccess;
  }
  OutputDirectory dir = claimStudyDirectory(cl);
  const InterruptHandlers interrupts;
  const auto elapsed = [start] { return secondsSince(start); };
  options.stop = runStopCheck(cl, start);
  const ScaleUpOutcome outcome = runScaleUpStudy(study, options);
  writeStudyFile(dir, "scaleup.csv", scaleUpStudyCsv(outcome));
  writeStudyFile(dir, "scaleup.md", scaleUpStudyMarkdown(study, outcome));
  writeStudyFile(dir, "summary.json", scaleUpStudySummaryJson(study, outcome, dir.runId(), elapsed()));

  if (!cl.quiet || outcome.status != RunStatus::Complete) {
    out << "proscale: " << study.name << " (" << kScaleUpStudyModel << ") done in "
        << formatNumber(elapsed(), 3) << " s (" << outcome.simulations << " process runs)\n";
    std::size_t listed = 0;  // each run once, at its first row
    for (const ScaleUpRow& row : outcome.rows) {
      const CaseEvaluation& run = outcome.runs.at(row.run);
      if (row.runNumber <= listed) continue;
      listed = row.runNumber;
      if (run.status() != RunStatus::Complete)
        out << "  " << scaleUpRuleName(row.record.rule) << ", " << formatNumber(row.record.volume, 4)
            << " m^3: run " << row.runNumber << " " << runStatusName(run.status()) << ": "
            << run.problem() << "\n";
    }
    out << "  " << outcome.conclusion << "\n";
    out << "proscale: results (status " << runStatusName(outcome.status) << ") in "
        << dir.root().string() << "/ (scaleup.csv, scaleup.md, summary.json)\n";
  }
  return studyExitCode(outcome.status);
}

}  // namespace proscale
