#include "app/CaseRun.h"

#include <chrono>
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

CaseOutcome simulate(LoadedCase& c, double secondsSinceStart, ResultListener* listener) {
  const auto start = std::chrono::steady_clock::now();
  CaseOutcome out;
  const Parameters& solver = c.params.section("solver");
  out.results = std::make_unique<ResultCollector>(
      *c.process, c.process->system().parameters(),
      solver.has("sensitivities") ? solver.strings("sensitivities") : std::vector<std::string>{});
  if (listener != nullptr) out.results->streamTo(*listener, false);
  const SolverReport report = c.solver->run(c.times, *out.results);
  RunSummary& s = out.summary;
  s.caseFile = c.file;
  s.caseName = c.params.string("name");
  s.model = c.modelType;
  s.proscaleVersion = kVersion;
  s.complete = report.complete;
  s.solver = report;
  for (Metric& m : c.process->metrics(out.results->lastTime(), out.results->lastState()))
    if (!(report.steadyState && m.fromHistory)) s.metrics.push_back(std::move(m));
  if (!out.results->empty())
    s.checks = c.process->selfChecks(out.results->lastTime(), out.results->lastState());
  s.runWallTime = secondsSinceStart +
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace proscale
