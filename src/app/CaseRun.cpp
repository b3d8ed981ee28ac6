#include "app/CaseRun.h"

#include <chrono>
#include <cmath>
#include <stdexcept>

#include "app/CaseSchema.h"
#include "case/CaseDocument.h"
#include "core/Version.h"
#include "models/ProcessModels.h"
#include "solvers/SolverFactory.h"

namespace proscale {

LoadedCase LoadedCase::load(const std::string& file, const std::vector<Override>& overrides) {
  return fromDocument(CaseDocument::load(file, overrides));
}

LoadedCase LoadedCase::fromDocument(const CaseDocument& doc) {
  LoadedCase c;
  c.file = doc.fileName();
  c.modelType = doc.modelType(processModelNames());
  c.params = doc.validate(*caseSchema(c.modelType));
  c.process = processModels().at(c.modelType).make(c.params);
  c.times = outputTimes(c.params.section("output"));
  c.solver = makeSolver(c.process->system(), c.params.section("solver"));
  return c;
}

void LoadedCase::rebuildWith(const std::vector<ToolSetting>& changes) {
  for (const ToolSetting& change : changes) {
    const auto dot = change.key.find('.');
    const std::string sectionName = change.key.substr(0, dot), key = change.key.substr(dot + 1);
    auto section = std::make_shared<Parameters>(params.section(sectionName));
    const Parameters::Value value =
        change.unit == "-" ? Parameters::Value(std::lround(change.value)) : Parameters::Value(change.value);
    section->set(key, value, section->markOf(key), /*defaulted=*/true);
    params.set(sectionName, section, params.markOf(sectionName));
  }
  process.reset();  // the solver holds the old system: drop both before building anew
  solver.reset();
  process = processModels().at(modelType).make(params);
  solver = makeSolver(process->system(), params.section("solver"));
}

namespace {
std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const std::string& line : lines) all += (all.empty() ? "" : "; ") + line;
  return all;
}

}  // namespace

SelfCheck toolSettingsCheck(const ToolSettingsRecord& record) {
  return {"tool_settings_settled", record.settled ? 0.0 : 1.0, 0.0, "-",
          "1 when the size grid or number scale the tool chose still had to change after " +
              std::to_string(kMaxSettingRuns) +
              " runs (summary.json tool_settings.reruns says why): give population.max-size, "
              "classes and number-scale"};
}

CaseOutcome simulate(LoadedCase& c, double secondsSinceStart, ResultListener* listener) {
  const auto start = std::chrono::steady_clock::now();
  CaseOutcome out;
  const Parameters& solver = c.params.section("solver");
  const std::vector<std::string> sensitivities =
      solver.has("sensitivities") ? solver.strings("sensitivities") : std::vector<std::string>{};
  // With settings of its own to settle the tool keeps every run's results until it knows which
  // one it reports; with none it streams them as they come.
  std::vector<double> y0(c.process->system().size());
  c.process->system().initialState(y0);
  const bool toolSettings = !c.process->settingsAdvice(0.0, y0).used.empty();
  ToolSettingsRecord record;
  SolverReport report;
  for (;;) {
    out.results = std::make_unique<ResultCollector>(*c.process, c.process->system().parameters(),
                                                    sensitivities);
    if (listener != nullptr && !toolSettings) out.results->streamTo(*listener, false);
    report = c.solver->run(c.times, *out.results);
    if (!toolSettings || out.results->empty()) break;
    const SettingsAdvice advice =
        c.process->settingsAdvice(out.results->lastTime(), out.results->lastState());
    record.chosen = advice.used;
    if (advice.settled()) break;
    if (record.runs == kMaxSettingRuns) {
      record.settled = false;
      record.reruns.push_back("still asked for: " + joined(advice.reasons));
      break;
    }
    record.reruns.push_back(joined(advice.reasons));
    c.rebuildWith(advice.changes);
    ++record.runs;
  }
  if (listener != nullptr && toolSettings) out.results->replayTo(*listener);
  RunSummary& s = out.summary;
  s.caseFile = c.file;
  s.caseName = c.params.string("name");
  s.model = c.modelType;
  s.proscaleVersion = kVersion;
  s.complete = report.complete;
  s.solver = report;
  for (Metric& m : c.process->metrics(out.results->lastTime(), out.results->lastState()))
    if (!(report.steadyState && m.fromHistory)) s.metrics.push_back(std::move(m));
  if (!out.results->empty()) {
    s.checks = c.process->selfChecks(out.results->lastTime(), out.results->lastState());
    if (toolSettings) s.checks.push_back(toolSettingsCheck(record));
  }
  if (toolSettings) s.toolSettings = record;
  s.runWallTime = secondsSinceStart +
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace proscale
