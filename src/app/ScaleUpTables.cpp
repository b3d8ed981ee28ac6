// The scale-up study's outputs as text: scaleup.csv, scaleup.md and summary.json
// (docs/reference/outputs.md, "Scale-up study"). The files are written by StudyCommand.cpp.
#include <sstream>

#include "app/ScaleUpStudy.h"
#include "app/StudySupport.h"
#include "core/NumberFormat.h"
#include "output/CsvWriter.h"
#include "output/JsonWriter.h"

namespace proscale {
namespace {

std::string optionalShortest(const std::optional<double>& v) { return v ? formatShortest(*v) : ""; }

// A row without a run (the process cannot be built at its scale) shows "-" and "infeasible".
std::string runNumberText(const ScaleUpRow& row) {
  return row.infeasible.empty() ? std::to_string(row.runNumber) : std::string("-");
}

std::string rowStatus(const ScaleUpRow& row, const CaseEvaluation& run) {
  return row.infeasible.empty() ? runStatusName(run.status()) : "infeasible";
}

std::string markdownCell(const std::string& text) {
  std::string cell;
  for (const char c : text) cell += c == '|' ? std::string("\\|") : std::string(1, c);
  return cell;
}

}  // namespace

std::string scaleUpStudyCsv(const ScaleUpOutcome& outcome) {
  std::ostringstream out;
  out << "rule";
  for (const ScaleRecordColumn& c : scaleRecordColumns()) out << ',' << c.csv;
  out << ",feed_time [s],flags,run,run_status,d50_volume [m],span [-],in_spec,why\n";
  for (const ScaleUpRow& row : outcome.rows) {
    const CaseEvaluation& run = outcome.runs.at(row.run);
    out << scaleUpRuleName(row.record.rule);
    for (const ScaleRecordColumn& c : scaleRecordColumns()) out << ',' << formatShortest(c.value(row.record));
    out << ',' << formatShortest(row.record.feedTime) << ',' << csvField(scaleRecordFlags(row.record)) << ','
        << runNumberText(row) << ',' << rowStatus(row, run) << ',' << optionalShortest(row.d50)
        << ',' << optionalShortest(row.span) << ',' << verdictName(row.judgement.verdict) << ','
        << csvField(row.judgement.why) << '\n';
  }
  return out.str();
}

std::string scaleUpStudyMarkdown(const ScaleUpStudy& study, const ScaleUpOutcome& outcome) {
  std::ostringstream out;
  out << "# Scale-up study: " << study.name << "\n\nProcess case `" << study.processFile
      << "` run at every scale (" << outcome.simulations << " distinct runs); status "
      << runStatusName(outcome.status) << ".\n\n| rule |";
  for (const ScaleRecordColumn& c : scaleRecordColumns()) out << ' ' << c.markdown << " |";
  out << " t_feed [s] | flags | run | d50 [um] | span | in spec | why |\n|---|";
  for (std::size_t i = 0; i <= scaleRecordColumns().size(); ++i) out << "---:|";
  out << "---|---:|---:|---:|---|---|\n";
  const auto number = [](const std::optional<double>& v, double scale) {
    return v ? formatNumber(*v * scale, 4) : std::string("-");
  };
  for (const ScaleUpRow& row : outcome.rows) {
    const CaseEvaluation& run = outcome.runs.at(row.run);
    out << "| " << scaleUpRuleName(row.record.rule) << " |";
    for (const ScaleRecordColumn& c : scaleRecordColumns())
      out << ' ' << formatNumber(c.value(row.record) * c.markdownScale, 4) << " |";
    out << ' ' << formatNumber(row.record.feedTime, 4) << " | " << scaleRecordFlags(row.record)
        << " | " << runNumberText(row)
        << (!row.infeasible.empty() || run.status() != RunStatus::Complete
                ? std::string(" ") + rowStatus(row, run)
                : std::string())
        << " | " << number(row.d50, 1e6) << " | " << number(row.span, 1.0) << " | "
        << verdictName(row.judgement.verdict) << " | " << markdownCell(row.judgement.why) << " |\n";
  }
  out << "\n| rule | keeps the product in spec at every scale | why |\n|---|---|---|\n";
  for (const RuleVerdict& v : outcome.rules)
    out << "| " << scaleUpRuleName(v.rule) << " | "
        << (!v.keepsInSpec ? "unknown" : *v.keepsInSpec ? "yes" : "no") << " | "
        << markdownCell(v.why) << " |\n";
  out << '\n' << outcome.conclusion << "\n";
  return out.str();
}

std::string scaleUpStudySummaryJson(const ScaleUpStudy& study, const ScaleUpOutcome& outcome,
                                    const std::string& runId, double wallTime) {
  std::ostringstream text;
  JsonWriter json(text);
  beginStudySummary(json, outcome.status, study.file, study.name, kScaleUpStudyModel, runId,
                    study.processFile);
  json.member("simulations", outcome.simulations);
  json.key("rows").beginArray();
  for (const ScaleUpRow& row : outcome.rows) {
    const CaseEvaluation& run = outcome.runs.at(row.run);
    json.beginObject();
    json.member("rule", scaleUpRuleName(row.record.rule));
    json.member("volume", row.record.volume);
    json.key("run");
    row.infeasible.empty() ? json.value(row.runNumber) : json.null();
    json.member("run_status", rowStatus(row, run));
    if (!row.infeasible.empty()) json.member("run_problem", row.infeasible);
    else if (!run.problem().empty()) json.member("run_problem", run.problem());
    json.key("overrides").beginObject();
    for (const Override& o : run.overrides) json.member(o.keyPath, o.valueText);
    json.endObject();
    json.key("d50_volume");
    row.d50 ? json.value(*row.d50) : json.null();
    json.key("span");
    row.span ? json.value(*row.span) : json.null();
    json.member("in_spec", verdictName(row.judgement.verdict));
    json.member("why", row.judgement.why);
    json.endObject();
  }
  json.endArray();
  json.key("rules").beginArray();
  for (const RuleVerdict& v : outcome.rules) {
    json.beginObject();
    json.member("rule", scaleUpRuleName(v.rule));
    json.key("keeps_in_spec");
    v.keepsInSpec ? json.value(*v.keepsInSpec) : json.null();
    json.member("why", v.why);
    json.endObject();
  }
  json.endArray();
  json.member("conclusion", outcome.conclusion);
  json.member("run_wall_time_s", wallTime);
  json.endObject();
  json.finish();
  return text.str();
}

}  // namespace proscale
