// `check`, `run` and `outputs` of a parameter sweep (`model: parameter-sweep`): the sweep's keys
// validated, every run it implies loaded and built (bad input exits 2 before anything runs),
// then the runs, sweep.csv and summary.json (docs/reference/outputs.md, "Parameter sweep").
#include <chrono>
#include <ostream>
#include <sstream>

#include "app/Interrupts.h"
#include "app/ParameterSweep.h"
#include "app/RunCommand.h"
#include "app/StudyCommand.h"
#include "app/StudySupport.h"
#include "core/NumberFormat.h"
#include "output/JsonWriter.h"
#include "output/OutputDirectory.h"

namespace proscale {
namespace {

const char* const kSweepOutputs =
    "# Outputs of a parameter sweep\n\n"
    "| file | what |\n|---|---|\n"
    "| `sweep.csv` | one row per run: its number, each varied key in SI (`key [unit]`; empty: the "
    "case's own value), the status, every summary metric (`name [unit]`) and the problem of a "
    "run that is not complete |\n"
    "| `summary.json` | status, the design, the counts of runs by status, and each run's "
    "overrides, status and problem |\n\n"
    "docs/reference/outputs.md, \"Parameter sweep\", describes every column.\n";

const char* designName(SweepDesign d) {
  return d == SweepDesign::Factorial ? "factorial"
         : d == SweepDesign::LatinHypercube ? "latin-hypercube" : "one-at-a-time";
}

std::string summaryJson(const ParameterSweep& sweep, const SweepOutcome& outcome,
                        const std::string& runId, double wallTime) {
  std::ostringstream text;
  JsonWriter json(text);
  beginStudySummary(json, outcome.status, sweep.file, sweep.name, kParameterSweepModel, runId,
                    sweep.processFile);
  json.member("design", designName(sweep.design));
  json.member("runs", outcome.runs.size());
  json.member("simulations", outcome.simulations);
  std::size_t counts[3] = {0, 0, 0};
  for (const CaseEvaluation& run : outcome.runs) ++counts[static_cast<int>(run.status())];
  json.key("counts").beginObject();
  for (RunStatus s : {RunStatus::Complete, RunStatus::Suspect, RunStatus::Incomplete})
    json.member(runStatusName(s), counts[static_cast<int>(s)]);
  json.endObject();
  json.key("rows").beginArray();
  for (std::size_t r = 0; r < outcome.runs.size(); ++r) {
    const CaseEvaluation& run = outcome.runs[r];
    json.beginObject();
    json.member("run", r + 1);
    json.key("overrides").beginObject();
    for (const Override& o : run.overrides) json.member(o.keyPath, o.valueText);
    json.endObject();
    json.member("status", runStatusName(run.status()));
    if (!run.problem().empty()) json.member("problem", run.problem());
    json.endObject();
  }
  json.endArray();
  json.member("run_wall_time_s", wallTime);
  json.endObject();
  json.finish();
  return text.str();
}

}  // namespace

int runSweep(const CommandLine& cl, const CaseDocument& document, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const ParameterSweep sweep =
      ParameterSweep::fromParameters(document.validate(*parameterSweepSchema()), cl.caseFile);
  if (cl.verb == "outputs") {
    out << kSweepOutputs;
    return kSuccess;
  }
  EvaluationOptions options = studyOptions(cl, sweep.threads);
  // Every run loaded and built before the directory is touched: bad input writes nothing.
  const std::size_t runs = checkParameterSweep(sweep, options.maxMemory);
  if (cl.verb == "check") {
    out << cl.caseFile << ": OK (" << kParameterSweepModel << ", " << designName(sweep.design)
        << ", " << runs << " runs of " << sweep.processFile << ")\n";
    return kSuccess;
  }
  OutputDirectory dir = claimStudyDirectory(cl);
  const InterruptHandlers interrupts;
  options.stop = runStopCheck(cl, start);
  const SweepOutcome outcome = runParameterSweep(sweep, options);
  writeStudyFile(dir, "sweep.csv", parameterSweepCsv(sweep, outcome));
  writeStudyFile(dir, "summary.json", summaryJson(sweep, outcome, dir.runId(), secondsSince(start)));

  if (!cl.quiet || outcome.status != RunStatus::Complete) {
    out << "proscale: " << sweep.name << " (" << kParameterSweepModel << ", "
        << designName(sweep.design) << ") done in " << formatNumber(secondsSince(start), 3) << " s ("
        << outcome.runs.size() << " runs)\n";
    for (std::size_t r = 0; r < outcome.runs.size(); ++r)
      if (outcome.runs[r].status() != RunStatus::Complete)
        out << "  run " << r + 1 << " " << runStatusName(outcome.runs[r].status()) << ": "
            << outcome.runs[r].problem() << "\n";
    out << "proscale: results (status " << runStatusName(outcome.status) << ") in "
        << dir.root().string() << "/ (sweep.csv, summary.json)\n";
  }
  return studyExitCode(outcome.status);
}

}  // namespace proscale
