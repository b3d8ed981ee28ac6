// `check`, `run` and `outputs` of a parameter sweep (`model: parameter-sweep`): the sweep's keys
// validated, every run it implies loaded and built (bad input exits 2 before anything runs),
// then the runs, sweep.csv and summary.json (docs/reference/outputs.md, "Parameter sweep").
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <optional>
#include <ostream>
#include <sstream>

#include "app/Interrupts.h"
#include "app/ParameterSweep.h"
#include "app/RunCommand.h"
#include "app/StudyCommand.h"
#include "app/StudySupport.h"
#include "app/SweepChartDrawing.h"
#include "app/SweepExecution.h"
#include "app/SweepGrid.h"
#include "app/SweepJournal.h"
#include "app/SweepProgress.h"
#include "core/NumberFormat.h"
#include "output/JsonWriter.h"
#include "output/OutputDirectory.h"
#include "solvers/StudyRanks.h"

namespace proscale {
namespace {

const char* const kSweepOutputs =
    "# Outputs of a parameter sweep\n\n"
    "| file | what |\n|---|---|\n"
    "| `sweep.csv` | one row per run: its number, each varied key in SI (`key [unit]`; empty: the "
    "case's own value), the status, every summary metric (`name [unit]`) and the problem of a "
    "run that is not complete |\n"
    "| `sweep.vti` | a factorial sweep of 1 to 3 evenly spaced keys: every metric over the grid "
    "(VTK image data for ParaView; a log-spaced key's axis is log10 of it), NaN where a run did "
    "not complete, and `status` |\n"
    "| `chart.json`, `chart.png`, `chart.svg` | with a `chart:` section: the design chart and "
    "the spec it was drawn from |\n"
    "| `runs/run-NNNNNN.json` | each finished run's record (case id, overrides, status, "
    "metrics): the journal `--resume` goes on from |\n"
    "| `runs/run-NNNNNN/` | with keep-case-outputs: each run's own output, as `proscale run` "
    "writes it |\n"
    "| `summary.json` | status, the design, the counts of runs by status, and each run's "
    "case id, overrides, status, problem and wall time |\n\n"
    "docs/reference/outputs.md, \"Parameter sweep\", describes every column.\n";

const char* designName(SweepDesign d) {
  return d == SweepDesign::Factorial ? "factorial"
         : d == SweepDesign::LatinHypercube ? "latin-hypercube" : "one-at-a-time";
}

std::string summaryJson(const ParameterSweep& sweep, std::size_t runs,
                        const std::map<std::size_t, SweepRunRecord>& records, RunStatus status,
                        std::size_t resumedWith, const std::string& runId, double wallTime) {
  std::ostringstream text;
  JsonWriter json(text);
  beginStudySummary(json, status, sweep.file, sweep.name, kParameterSweepModel, runId,
                    sweep.processFile);
  json.member("design", designName(sweep.design));
  json.member("runs", runs);
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& [run, record] : records) ++counts[static_cast<int>(record.status)];
  json.key("counts").beginObject();
  for (RunStatus s : {RunStatus::Complete, RunStatus::Suspect, RunStatus::Incomplete})
    json.member(runStatusName(s), counts[static_cast<int>(s)]);
  json.member("not-run", runs - records.size());
  json.endObject();
  json.member("resumed_with", resumedWith);
  json.key("rows").beginArray();
  for (const auto& [run, record] : records) {
    json.beginObject();
    json.member("run", run);
    json.member("case_id", record.caseId);
    json.key("overrides").beginObject();
    for (const Override& o : record.overrides) json.member(o.keyPath, o.valueText);
    json.endObject();
    json.member("status", runStatusName(record.status));
    if (!record.problem.empty()) json.member("problem", record.problem);
    json.member("seconds", record.seconds);
    json.endObject();
  }
  json.endArray();
  json.member("run_wall_time_s", wallTime);
  json.endObject();
  json.finish();
  return text.str();
}

// The worst status of the runs; a sweep with runs left to do is incomplete.
RunStatus sweepStatus(const std::map<std::size_t, SweepRunRecord>& records, std::size_t runs) {
  RunStatus worst = records.size() < runs ? RunStatus::Incomplete : RunStatus::Complete;
  for (const auto& [run, record] : records)
    if (static_cast<int>(record.status) > static_cast<int>(worst)) worst = record.status;
  return worst;
}

// Rank 0 takes the directory (a new one, or the one to resume); the others learn whether it
// could. False on ranks other than 0 when it could not (rank 0 has thrown the reason).
bool takeDirectory(const CommandLine& cl, OutputDirectory& dir) {
  if (studyRank() != 0) return valueOfRankZero(0) == 1;
  try {
    if (cl.resume) dir.reopen(newRunId());
    else dir.claim(newRunId(), cl.overwrite);
  } catch (...) {
    valueOfRankZero(0);
    throw;
  }
  valueOfRankZero(1);
  return true;
}

void report(std::ostream& out, const ParameterSweep& sweep, const OutputDirectory& dir,
            const std::map<std::size_t, SweepRunRecord>& records, std::size_t runs,
            std::size_t resumedWith, RunStatus status, double seconds,
            const std::vector<std::string>& files) {
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& [run, record] : records) ++counts[static_cast<int>(record.status)];
  out << "proscale: " << sweep.name << " (" << kParameterSweepModel << ", "
      << designName(sweep.design) << ") done in " << formatNumber(seconds, 3) << " s (" << runs
      << " runs: " << counts[0] << " complete, " << counts[1] << " suspect, " << counts[2]
      << " incomplete";
  if (records.size() < runs) out << ", " << runs - records.size() << " not run";
  if (resumedWith > 0) out << "; " << resumedWith << " recorded before the resume";
  out << ")\n";
  for (const auto& [run, record] : records)
    if (record.status != RunStatus::Complete)
      out << "  run " << run << " " << runStatusName(record.status) << ": " << record.problem << "\n";
  if (records.size() < runs)
    out << "proscale: the sweep stopped before every run was done; `proscale sweep "
        << sweep.file << " -o " << dir.root().string() << " --resume` runs the rest\n";
  out << "proscale: results (status " << runStatusName(status) << ") in " << dir.root().string() << "/ (";
  for (const std::string& name : files) out << name << ", ";
  out << "runs/)\n";
}

// Rank 0, every run done or stopped: the table, the grid, the chart, then summary.json.
int finishSweep(const CommandLine& cl, const ParameterSweep& sweep,
                const std::vector<ParameterSweep::Point>& points, const std::vector<std::string>& ids,
                std::size_t resumedWith, OutputDirectory& dir, std::ostream& out, double seconds) {
  const auto records = readSweepJournal(dir.root() / kSweepJournalFolder, ids);
  const RunStatus status = sweepStatus(records, points.size());
  writeStudyFile(dir, "sweep.csv", parameterSweepCsv(sweep, points, records));
  std::vector<std::string> files{"sweep.csv"};
  if (writeSweepGrid(sweep, points, records, dir)) files.push_back("sweep.vti");
  std::string chartProblem;
  if (sweep.chart) {
    try {
      for (const std::string& name : drawSweepChart(sweep, dir)) files.push_back(name);
    } catch (const InputError&) {
      throw;
    } catch (const Error& e) {
      chartProblem = e.what();
    }
  }
  writeStudyFile(dir, "summary.json", summaryJson(sweep, points.size(), records, status,
                                                  resumedWith, dir.runId(), seconds));
  files.push_back("summary.json");
  if (!cl.quiet || status != RunStatus::Complete || !chartProblem.empty())
    report(out, sweep, dir, records, points.size(), resumedWith, status, seconds, files);
  if (!chartProblem.empty()) {
    out << "proscale: " << chartProblem << "\nproscale: `proscale chart " << sweep.file << " -o "
        << dir.root().string() << "` draws it again from the table\n";
    return kInternalError;
  }
  return studyExitCode(status);
}

// `proscale chart STUDY.yaml`: the chart of a sweep that has run, from its table.
int chartOnly(const CommandLine& cl, const ParameterSweep& sweep, std::ostream& out) {
  if (!sweep.chart)
    throw InputError(SourceMark{sweep.file, 1, 1}, "chart",
                     "the sweep file has no chart section: add one (chart: {x: KEY, y: KEY, "
                     "metric: NAME}, docs/reference/case-files.md)");
  OutputDirectory dir = studyDirectory(cl);
  const std::vector<std::string> files = drawSweepChart(sweep, dir);
  if (!cl.quiet)
    out << "proscale: chart of " << sweep.name << " in " << dir.root().string() << "/ ("
        << files[0] << ", " << files[1] << ")\n";
  return kSuccess;
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
  if (cl.verb == "chart") return chartOnly(cl, sweep, out);
  EvaluationOptions options = studyOptions(cl, sweep.threads);
  // Every run loaded and built before the directory is touched: bad input writes nothing.
  const std::size_t runs = checkParameterSweep(sweep, options.maxMemory);
  if (cl.verb == "check") {
    out << cl.caseFile << ": OK (" << kParameterSweepModel << ", " << designName(sweep.design)
        << ", " << runs << " runs of " << sweep.processFile << ")\n";
    return kSuccess;
  }
  const int ranks = shareRunsOverRanks(), rank = studyRank();
  const std::vector<ParameterSweep::Point> points = sweep.points();
  std::vector<std::string> ids;
  const std::string processText = readCaseFile(sweep.processFile);
  for (const ParameterSweep::Point& p : points) ids.push_back(sweepCaseId(processText, sweep.overridesFor(p)));

  OutputDirectory dir = studyDirectory(cl);
  if (!takeDirectory(cl, dir)) return kBadInput;
  const std::filesystem::path journal = dir.root() / kSweepJournalFolder;
  // The runs left, dealt round the ranks in turn (each rank takes every ranks-th).
  const auto before = readSweepJournal(journal, ids);
  const std::size_t resumedWith = before.size();
  std::vector<std::size_t> left, mine;
  for (std::size_t run = 1; run <= points.size(); ++run)
    if (!before.contains(run)) left.push_back(run);
  for (std::size_t k = static_cast<std::size_t>(rank); k < left.size(); k += static_cast<std::size_t>(ranks))
    mine.push_back(left[k]);
  waitForAllRanks();  // every rank has read the journal before any writes to it

  const InterruptHandlers interrupts;
  options.stop = runStopCheck(cl, start);
  SweepExecution execution{options, sweep.caseTimeLimit, sweep.keepCaseOutputs, dir.root()};
  std::optional<SweepProgress> progress;
  if (!cl.quiet && rank == 0)
    progress.emplace(std::cerr, isatty(STDERR_FILENO) != 0, mine.size(), ranks > 1 ? 0 : resumedWith,
                     ranks > 1 ? "(rank 0 of " + std::to_string(ranks) + ")" : "");
  runSweepCases(sweep, points, ids, mine, execution, progress ? &*progress : nullptr);
  if (progress) progress->close();
  waitForAllRanks();
  if (rank != 0) return valueOfRankZero(0);
  int code = kInternalError;
  try {
    code = finishSweep(cl, sweep, points, ids, resumedWith, dir, out, secondsSince(start));
  } catch (...) {
    valueOfRankZero(code);  // the other ranks end too; rank 0 reports
    throw;
  }
  return valueOfRankZero(code);
}

}  // namespace proscale
