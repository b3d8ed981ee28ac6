#include "output/SummaryWriter.h"

#include <ostream>
#include <set>
#include <string>

#include "core/Errors.h"
#include "output/AtomicFile.h"
#include "output/JsonWriter.h"
#include "output/TextFormat.h"

namespace proscale {
namespace {

void checkMetricNames(const std::filesystem::path& target, const RunSummary& summary) {
  std::set<std::string> seen;
  for (const Metric& metric : summary.metrics) {
    if (!seen.insert(metric.name).second) {
      throw Error("cannot write '" + target.string() + "': metric '" + metric.name +
                  "' appears twice");
    }
  }
}

void writeSolver(JsonWriter& json, const SolverReport& report) {
  const SolverStatistics& stats = report.statistics;
  json.key("solver").beginObject();
  json.member("method", report.method)
      .member("flag", report.flagName)
      .member("message", report.message)
      .member("time_reached_s", report.timeReached)
      .member("steps", stats.steps)
      .member("rhs_evaluations", stats.rhsEvaluations)
      .member("jacobian_evaluations", stats.jacobianEvaluations)
      .member("linear_setups", stats.linearSetups)
      .member("nonlinear_iterations", stats.nonlinearIterations)
      .member("linear_iterations", stats.linearIterations)
      .member("nonlinear_convergence_failures", stats.nonlinearConvergenceFailures)
      .member("error_test_failures", stats.errorTestFailures)
      .member("integration_wall_time_s", stats.wallTime);
  if (!report.events.empty()) {
    json.member("ended_by_event", report.endedByEvent);
    json.key("events").beginArray();
    for (const SolverEvent& e : report.events)
      json.beginObject().member("time_s", e.time).member("what", e.what).endObject();
    json.endArray();
  }
  json.endObject();
}

}  // namespace

void writeSummaryJson(const std::filesystem::path& target, const RunSummary& summary) {
  checkMetricNames(target, summary);
  writeFileAtomically(target, [&](std::ostream& out) {
    JsonWriter json(out);
    json.beginObject();
    json.member("status", !summary.complete ? "incomplete"
                          : summary.suspect() ? "suspect"
                                              : "complete");
    json.key("case").beginObject();
    json.member("file", summary.caseFile)
        .member("name", summary.caseName)
        .member("model", summary.model);
    json.endObject();
    json.member("proscale_version", summary.proscaleVersion);
    if (!summary.runId.empty()) json.member("run_id", summary.runId);
    json.key("metrics").beginObject();
    for (const Metric& metric : summary.metrics) {
      json.key(metric.name).beginObject();
      json.member("value", metric.value)
          .member("unit", unitLabel(metric.unit))
          .member("doc", metric.doc);
      json.endObject();
    }
    json.endObject();
    if (!summary.checks.empty()) {
      json.key("checks").beginObject();
      for (const SelfCheck& check : summary.checks) {
        json.key(check.name).beginObject();
        json.member("passed", !check.failed())
            .member("value", check.value)
            .member("threshold", check.threshold)
            .member("unit", unitLabel(check.unit))
            .member("doc", check.meaning);
        json.endObject();
      }
      json.endObject();
    }
    const ToolSettingsRecord& tool = summary.toolSettings;
    if (!tool.chosen.empty()) {
      json.key("tool_settings").beginObject();
      json.member("runs", static_cast<double>(tool.runs)).member("settled", tool.settled);
      json.key("chosen").beginObject();
      for (const ToolSetting& setting : tool.chosen) {
        json.key(setting.key).beginObject();
        json.member("value", setting.value).member("unit", unitLabel(setting.unit));
        json.endObject();
      }
      json.endObject();
      json.key("reruns").beginArray();
      for (const std::string& why : tool.reruns) json.value(why);
      json.endArray();
      json.endObject();
    }
    writeSolver(json, summary.solver);
    json.member("run_wall_time_s", summary.runWallTime);
    json.endObject();
    json.finish();
  });
}

}  // namespace proscale
