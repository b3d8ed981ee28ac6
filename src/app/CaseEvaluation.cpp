#include "app/CaseEvaluation.h"


#include "app/CaseRun.h"
#include "app/RunsOnThreads.h"
#include "core/NumberFormat.h"

namespace proscale {

const char* runStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::Complete: return "complete";
    case RunStatus::Suspect: return "suspect";
    case RunStatus::Incomplete: return "incomplete";
  }
  return "";
}

RunStatus CaseEvaluation::status() const {
  if (!summary.complete) return RunStatus::Incomplete;
  return summary.suspect() ? RunStatus::Suspect : RunStatus::Complete;
}

std::optional<double> CaseEvaluation::metric(const std::string& name) const {
  for (const Metric& m : summary.metrics)
    if (m.name == name) return m.value;
  return std::nullopt;
}

std::string CaseEvaluation::problem() const {
  switch (status()) {
    case RunStatus::Complete: return "";
    case RunStatus::Incomplete: {
      const SolverReport& r = summary.solver;
      return "ended at t = " + formatNumber(r.timeReached) + " s: " + r.flagName +
             (r.message.empty() ? "" : " " + r.message);
    }
    case RunStatus::Suspect: {
      std::string names;
      for (const SelfCheck& c : summary.checks)
        if (c.failed()) names += (names.empty() ? "" : ", ") + c.name;
      return "self-checks failed: " + names;
    }
  }
  return "";
}

namespace {
double memoryLimit(const EvaluationOptions& options) {
  return options.maxMemory > 0.0 ? options.maxMemory : defaultMemoryLimit();
}
}  // namespace

bool sameOverrides(const std::vector<Override>& a, const std::vector<Override>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].keyPath != b[k].keyPath || a[k].valueText != b[k].valueText) return false;
  return true;
}

void checkCase(const std::string& file, const std::vector<Override>& overrides, double maxMemory) {
  LoadedCase::load(file, overrides, maxMemory > 0.0 ? maxMemory : defaultMemoryLimit());
}

std::vector<Metric> reportedMetrics(const std::string& file, const std::vector<Override>& overrides,
                                    double maxMemory) {
  LoadedCase loaded = LoadedCase::load(file, overrides, maxMemory > 0.0 ? maxMemory : defaultMemoryLimit());
  std::vector<double> y0(loaded.process->system().size());
  loaded.process->system().initialState(y0);
  return loaded.process->metrics(loaded.times.front(), y0);
}

CaseEvaluation evaluateCase(const std::string& file, const std::vector<Override>& overrides,
                            const EvaluationOptions& options) {
  LoadedCase loaded = LoadedCase::load(file, overrides, memoryLimit(options));
  CaseEvaluation e;
  e.overrides = overrides;
  e.summary = simulate(loaded, 0.0, nullptr, options.stop).summary;
  return e;
}

std::vector<CaseEvaluation> evaluateCases(const std::string& file,
                                          const std::vector<std::vector<Override>>& runs,
                                          const EvaluationOptions& options,
                                          std::size_t* distinct) {
  // Which simulation each run takes its result from: the first run with the same overrides.
  std::vector<std::size_t> source(runs.size());
  std::vector<std::size_t> unique;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    source[k] = k;
    for (std::size_t u : unique)
      if (sameOverrides(runs[u], runs[k])) source[k] = u;
    if (source[k] == k) {
      checkCase(file, runs[k], options.maxMemory);
      unique.push_back(k);
    }
  }
  if (distinct != nullptr) *distinct = unique.size();

  std::vector<CaseEvaluation> results(runs.size());
  runOnThreads(unique.size(), options.threads, [&](std::size_t u) {
    results[unique[u]] = evaluateCase(file, runs[unique[u]], options);
    return true;
  });
  for (std::size_t k = 0; k < runs.size(); ++k)
    if (source[k] != k) results[k] = results[source[k]];
  return results;
}

}  // namespace proscale
