// `check`, `design` (and `run`) and `outputs` of an inverse design (`model: inverse-design`):
// the design's keys validated and its ranges' ends loaded (bad input exits 2 before anything
// runs), the search (InverseDesign.h), then design.csv and summary.json
// (docs/reference/outputs.md, "Inverse design"), and the answer with its margins.
#include <chrono>
#include <cmath>
#include <iostream>
#include <sstream>

#include "app/Interrupts.h"
#include "app/InverseDesign.h"
#include "app/RunCommand.h"
#include "app/StudyCommand.h"
#include "app/StudySupport.h"
#include "core/NumberFormat.h"
#include "core/Units.h"
#include "output/CsvWriter.h"
#include "output/JsonWriter.h"

namespace proscale {
namespace {

const char* const kDesignOutputs =
    "# Outputs of an inverse design\n\n"
    "| file | what |\n|---|---|\n"
    "| `design.csv` | one row per full run: its number, origin (initial: the first Latin "
    "hypercube; surrogate: the surrogate's optimum), each key in SI, status, whether it met "
    "every target, the sum of the targets' relative violations, the objective and every target "
    "metric |\n"
    "| `summary.json` | status (found or infeasible), why the search ended, the answer (or the "
    "closest run) with its keys, metrics and the margin to each bound |\n\n"
    "docs/reference/outputs.md, \"Inverse design\", describes every column.\n";

// A value (or, `difference`, a difference of values) in the unit a bound was written in
// ("380 nm" -> nm), with that unit.
std::string inUnitOf(double si, const std::string& example, bool difference = false) {
  const std::string unit(unitText(example));
  const UnitScale u = unitScale(unit);
  return formatNumber(difference ? si / u.scale : (si - u.offset) / u.scale, 4) + (unit.empty() ? "" : " " + unit);
}

std::string signedMargin(double si, const std::string& example) {
  return (si >= 0.0 ? "+" : "") + inUnitOf(si, example, true);
}

std::string designCsv(const InverseDesign& design, const DesignOutcome& outcome) {
  std::ostringstream out;
  out << "run,origin";
  for (const SweepVariable& v : design.space.variables) out << ',' << csvField(v.key + " [" + v.siUnit + "]");
  for (const DerivedInput& d : design.space.derived) out << ',' << csvField(d.key + " [" + d.siUnit + "]");
  out << ",status,meets_targets,violation,objective";
  for (const MetricBound& b : design.targets) out << ',' << csvField(b.metric);
  out << ",problem\n";
  for (std::size_t k = 0; k < outcome.runs.size(); ++k) {
    const DesignRun& r = outcome.runs[k];
    out << k + 1 << ',' << r.origin;
    for (double v : r.point.si) out << ',' << formatShortest(v);
    out << ',' << runStatusName(r.evaluation.status()) << ',' << (r.feasible ? "yes" : "no") << ','
        << formatShortest(r.violation) << ',' << (std::isnan(r.objective) ? "" : formatShortest(r.objective));
    for (const MetricBound& b : design.targets) {
      const auto v = r.evaluation.metric(b.metric);
      out << ',' << (v ? formatShortest(*v) : "");
    }
    out << ',' << csvField(r.evaluation.problem()) << '\n';
  }
  return out.str();
}

void answerJson(JsonWriter& json, const InverseDesign& design, const DesignRun& r, std::size_t run) {
  json.beginObject();
  json.member("run", run);
  json.key("keys").beginObject();
  for (std::size_t i = 0; i < design.space.variables.size(); ++i)
    json.member(design.space.variables[i].key, r.point.texts[i]);
  for (std::size_t i = 0; i < design.space.derived.size(); ++i)
    json.member(design.space.derived[i].key, r.point.texts[design.space.variables.size() + i]);
  json.endObject();
  json.key("targets").beginArray();
  for (const MetricBound& b : design.targets) {
    const double v = r.evaluation.metric(b.metric).value_or(NAN);
    json.beginObject();
    json.member("metric", b.metric);
    json.member("value", v);
    json.key("margin_to_min");
    if (const auto m = b.marginToMin(v)) json.value(*m); else json.null();
    json.key("margin_to_max");
    if (const auto m = b.marginToMax(v)) json.value(*m); else json.null();
    json.member("met", b.violation(v) == 0.0);
    json.endObject();
  }
  json.endArray();
  if (design.objective) {
    json.member("objective", design.objective->name);
    json.member("objective_value", r.objective);
  }
  json.endObject();
}

std::string summaryJson(const InverseDesign& design, const DesignOutcome& outcome,
                        const std::string& runId, double seconds) {
  std::ostringstream text;
  JsonWriter json(text);
  json.beginObject();
  json.member("status", outcome.answer ? "found" : "infeasible");
  json.key("case").beginObject();
  json.member("file", design.file);
  json.member("name", design.name);
  json.member("model", kInverseDesignModel);
  json.endObject();
  json.member("run_id", runId);
  json.member("process_case", design.space.processFile);
  json.member("runs", outcome.runs.size());
  json.member("stop_reason", outcome.stopReason);
  if (outcome.answer) {
    json.key("answer");
    answerJson(json, design, outcome.runs[*outcome.answer], *outcome.answer + 1);
  } else if (outcome.closest) {
    json.key("closest");
    answerJson(json, design, outcome.runs[*outcome.closest], *outcome.closest + 1);
  }
  json.member("run_wall_time_s", seconds);
  json.endObject();
  json.finish();
  return text.str();
}

void printRun(std::ostream& out, const InverseDesign& design, const DesignRun& r) {
  for (std::size_t i = 0; i < design.space.variables.size(); ++i)
    out << "  " << design.space.variables[i].key << " = " << r.point.texts[i] << "\n";
  for (const MetricBound& b : design.targets) {
    const double v = r.evaluation.metric(b.metric).value_or(NAN);
    const std::string example = b.min ? b.minText : b.maxText;
    out << "  " << b.metric << " = " << inUnitOf(v, example) << "  (target " << b.text();
    if (const auto m = b.marginToMin(v)) out << "; margin to min " << signedMargin(*m, b.minText);
    if (const auto m = b.marginToMax(v)) out << "; margin to max " << signedMargin(*m, b.maxText);
    out << ")\n";
  }
  if (design.objective)
    out << "  objective: " << (design.objective->maximize ? "maximize " : "minimize ")
        << design.objective->name << " = " << formatNumber(r.objective, 6) << " (SI)\n";
}

}  // namespace

int runDesign(const CommandLine& cl, const CaseDocument& document, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const InverseDesign design =
      InverseDesign::fromParameters(document.validate(*inverseDesignSchema()), cl.caseFile);
  if (cl.verb == "outputs") {
    out << kDesignOutputs;
    return kSuccess;
  }
  EvaluationOptions options = studyOptions(cl, design.threads);
  checkInverseDesign(design, options.maxMemory);
  if (cl.verb == "check") {
    out << cl.caseFile << ": OK (" << kInverseDesignModel << ", " << design.space.variables.size()
        << " keys, " << design.targets.size() << " targets, at most " << design.maxRuns
        << " runs of " << design.space.processFile << ")\n";
    return kSuccess;
  }
  OutputDirectory dir = claimStudyDirectory(cl);
  const InterruptHandlers interrupts;
  options.stop = runStopCheck(cl, start);
  const bool terminal = !cl.quiet;
  const DesignOutcome outcome = runInverseDesign(design, options, [&](const DesignRun& r) {
    if (terminal)
      std::cerr << "design: run (" << r.origin << ") " << runStatusName(r.evaluation.status())
                << (r.feasible ? ", meets the targets" : "") << ", violation "
                << formatNumber(r.violation, 3) << "\n";
  });
  writeStudyFile(dir, "design.csv", designCsv(design, outcome));
  writeStudyFile(dir, "summary.json", summaryJson(design, outcome, dir.runId(), secondsSince(start)));
  if (const int signal = interruptSignal()) return 128 + signal;
  out << "proscale: " << design.name << " (" << kInverseDesignModel << ") "
      << outcome.runs.size() - design.startFrom.size() << " full runs in " << formatNumber(secondsSince(start), 3)
      << " s" << (design.startFrom.empty() ? std::string() : " after the " + std::to_string(design.startFrom.size()) +
                                                                  " runs of the start-from sweep")
      << "; " << outcome.stopReason << "\n";
  if (outcome.answer) {
    out << "proscale: design found, verified by full run " << *outcome.answer + 1 << ":\n";
    printRun(out, design, outcome.runs[*outcome.answer]);
  } else {
    out << "proscale: INFEASIBLE -- no run met every target";
    if (outcome.closest) {
      out << "; the closest is run " << *outcome.closest + 1 << ":\n";
      printRun(out, design, outcome.runs[*outcome.closest]);
    } else {
      out << "\n";
    }
  }
  out << "proscale: results in " << dir.root().string() << "/ (design.csv, summary.json)\n";
  return outcome.answer ? kSuccess : kInfeasible;
}

}  // namespace proscale
