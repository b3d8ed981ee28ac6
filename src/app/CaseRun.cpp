#include "app/CaseRun.h"

#include <chrono>
#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "app/CaseSchema.h"
#include "case/CaseDocument.h"
#include "core/NumberFormat.h"
#include "core/Version.h"
#include "models/ProcessModels.h"
#include "solvers/SolverFactory.h"

namespace proscale {

LoadedCase LoadedCase::load(const std::string& file, const std::vector<Override>& overrides,
                            double maxMemory) {
  return fromDocument(CaseDocument::load(file, overrides), maxMemory);
}

LoadedCase LoadedCase::fromDocument(const CaseDocument& doc, double maxMemory) {
  LoadedCase c;
  c.file = doc.fileName();
  try {
    c.modelType = doc.modelType(processModelNames());
  } catch (const InputError& e) {
    const std::string model = doc.modelType(caseModelNames());
    if (!isStudyModel(model)) throw;
    throw InputError(e.mark(), "model", "a " + model + " study is not a process case: it runs "
                                        "one (`proscale run` runs the study)");
  }
  c.params = doc.validate(*caseSchema(c.modelType));
  checkMemory(c.params, maxMemory);
  c.process = processModels().at(c.modelType).make(c.params);
  c.times = outputTimes(c.params.section("output"), c.process->endTime());
  c.solver = makeSolver(c.process->system(), c.params.section("solver"));
  return c;
}

LoadedCase LoadedCase::variant(const std::vector<ToolSetting>& changes, bool toolOwned) const {
  LoadedCase v;
  v.file = file;
  v.modelType = modelType;
  v.params = params;
  v.times = times;
  for (const ToolSetting& change : changes) {
    const auto dot = change.key.find('.');
    const std::string sectionName = change.key.substr(0, dot), key = change.key.substr(dot + 1);
    auto section = std::make_shared<Parameters>(v.params.section(sectionName));
    const Parameters::Value value =
        change.unit == "-" ? Parameters::Value(std::lround(change.value)) : Parameters::Value(change.value);
    section->set(key, value, section->markOf(key), /*defaulted=*/toolOwned);
    v.params.set(sectionName, section, v.params.markOf(sectionName));
  }
  v.process = processModels().at(modelType).make(v.params);
  v.solver = makeSolver(v.process->system(), v.params.section("solver"));
  return v;
}

namespace {
std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const std::string& line : lines) all += (all.empty() ? "" : "; ") + line;
  return all;
}

struct Attempt {
  std::unique_ptr<ResultCollector> results;
  SolverReport report;
  bool finished() const { return report.complete && !results->empty(); }
};

Attempt runOnce(LoadedCase& c, const std::vector<std::string>& sensitivities,
                ResultListener* stream, const StopCheck& stop) {
  Attempt a;
  a.results = std::make_unique<ResultCollector>(*c.process, c.process->system().parameters(),
                                                sensitivities);
  a.results->stopWhen(stop);
  if (stream != nullptr) a.results->streamTo(*stream, false);
  a.report = c.solver->run(c.times, *a.results);
  return a;
}

/// The answers the refinement check compares: number density and d50 by volume.
std::vector<double> answers(const LoadedCase& c, const Attempt& a) {
  std::vector<double> v;
  for (const Metric& m : c.process->metrics(a.results->lastTime(), a.results->lastState()))
    if (m.name == "number_density" || m.name == "d50_volume") v.push_back(m.value);
  return v;
}

double largestChange(const std::vector<double>& coarse, const std::vector<double>& fine) {
  double change = 0.0;
  for (std::size_t k = 0; k < std::min(coarse.size(), fine.size()); ++k)
    change = std::max(change, std::abs(coarse[k] / fine[k] - 1.0));  // NaN propagates: fails
  return change;
}

}  // namespace

SelfCheck toolSettingsCheck(const ToolSettingsRecord& record) {
  return {"tool_settings_settled", record.settled ? 0.0 : 1.0, 0.0, "-",
          "1 when the size grid or number scale the tool chose still had to change after " +
              std::to_string(kMaxSettingRuns) +
              " runs (summary.json tool_settings.reruns says why): give population.max-size, "
              "classes and number-scale"};
}

SelfCheck refinementCheck(double change) {
  return {"grid_refinement_change", change, kRefinementTolerance, "-",
          "largest relative change of number_density and d50_volume between the run on its "
          "classes and on twice as many (population.verify-grid): above the threshold the "
          "answer depends on the grid"};
}

CaseOutcome simulate(LoadedCase& c, double secondsSinceStart, ResultListener* listener,
                     const StopCheck& stop) {
  const auto start = std::chrono::steady_clock::now();
  CaseOutcome out;
  const Parameters& solver = c.params.section("solver");
  const std::vector<std::string> sensitivities =
      solver.has("sensitivities") ? solver.strings("sensitivities") : std::vector<std::string>{};
  // With settings of its own to settle, or a finer run that may become the answer, the tool
  // keeps every run's results until it knows which one it reports; otherwise it streams them.
  std::vector<double> y0(c.process->system().size());
  c.process->system().initialState(y0);
  const bool toolSettings = !c.process->settingsAdvice(0.0, y0).used.empty();
  const bool buffered = toolSettings || c.process->refinement().adopt;
  ToolSettingsRecord record;
  Attempt a;
  std::optional<SelfCheck> refined;
  // The answers of the run before the last refinement, while its finer run is under way.
  std::optional<std::vector<double>> coarser;
  std::size_t refinementLine = 0;  // its line in record.reruns
  const auto replace = [&c](LoadedCase next) {
    c.solver.reset();  // it integrates the old model: gone before the model goes
    c = std::move(next);
  };
  for (;;) {
    a = runOnce(c, sensitivities, buffered ? nullptr : listener, stop);
    // Asked to stop (interrupt, time limit): no further run. A refused non-finite result is a
    // failure like the solver's: the tool may still rerun with the settings it advises.
    if (a.report.flagName == kStoppedFlag && !a.results->refusedResult()) break;
    if (toolSettings && !a.results->empty()) {
      SettingsAdvice advice = c.process->settingsAdvice(a.results->lastTime(), a.results->lastState());
      record.chosen = advice.used;
      if (coarser) {  // a refined grid keeps its range and classes; only its scale may change
        std::erase_if(advice.changes, [](const ToolSetting& t) { return t.key != "population.number-scale"; });
        if (advice.changes.empty()) advice.reasons.clear();
      }
      if (!advice.settled()) {
        if (record.runs == kMaxSettingRuns) {
          record.settled = false;
          record.reruns.push_back("still asked for: " + joined(advice.reasons));
          break;
        }
        record.reruns.push_back(joined(advice.reasons));
        replace(c.variant(advice.changes, true));
        ++record.runs;
        continue;
      }
    }
    if (!a.finished()) break;
    // The refinement check: the same case on twice the classes. A grid that is the tool's is
    // replaced by the finer one, and refined again while the answer still moves.
    if (coarser) {
      const double change = largestChange(*coarser, answers(c, a));
      refined = refinementCheck(change);
      record.reruns[refinementLine] += ": N and d50 moved by " + formatNumber(change);
      if (!(change > kRefinementTolerance)) break;
    }
    const RefinementPlan plan = c.process->refinement();
    if (plan.changes.empty()) break;
    if (!plan.adopt) {  // the case's own grid: checked, not replaced
      LoadedCase fine = c.variant(plan.changes, false);
      const Attempt b = runOnce(fine, sensitivities, nullptr, stop);
      refined = refinementCheck(b.finished() ? largestChange(answers(c, a), answers(fine, b))
                                             : std::nan(""));  // a failed refinement fails it
      break;
    }
    coarser = answers(c, a);
    refinementLine = record.reruns.size();
    record.reruns.push_back("refinement check: " + formatNumber(plan.changes.front().value) +
                            " " + plan.changes.front().key.substr(plan.changes.front().key.find('.') + 1));
    replace(c.variant(plan.changes, true));
    ++record.runs;
  }

  out.results = std::move(a.results);
  if (listener != nullptr && buffered) out.results->replayTo(*listener);
  const SolverReport& report = a.report;
  RunSummary& s = out.summary;
  s.caseFile = c.file;
  s.caseName = c.params.string("name");
  s.model = c.modelType;
  s.proscaleVersion = kVersion;
  s.complete = report.complete;
  s.solver = report;
  if (!out.results->empty()) {
    // A metric that is not finite is left out, and the run cannot be complete without it.
    std::string nonFinite;
    for (Metric& m : c.process->metrics(out.results->lastTime(), out.results->lastState())) {
      if (report.steadyState && m.fromHistory) continue;
      if (std::isfinite(m.value)) s.metrics.push_back(std::move(m));
      else nonFinite += (nonFinite.empty() ? "" : ", ") + m.name;
    }
    if (!nonFinite.empty() && s.complete) {
      s.complete = false;
      s.solver.flagName = kNonFiniteFlag;
      s.solver.message = "the model gave non-finite metrics (" + nonFinite +
                         ") from the state at t = " + formatNumber(out.results->lastTime(), 9) +
                         " s";
    }
    s.checks = c.process->selfChecks(out.results->lastTime(), out.results->lastState());
    if (toolSettings) s.checks.push_back(toolSettingsCheck(record));
    if (refined) s.checks.push_back(*refined);
  }
  if (toolSettings) s.toolSettings = record;
  s.runWallTime = secondsSinceStart +
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace proscale
