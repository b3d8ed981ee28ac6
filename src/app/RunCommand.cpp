#include "app/RunCommand.h"

#include <chrono>
#include <filesystem>
#include <ostream>

#include "app/CaseRun.h"
#include "app/CaseSchema.h"
#include "app/DispersionCommand.h"
#include "app/DispersionStudy.h"
#include "app/Interrupts.h"
#include "app/InverseDesign.h"
#include "app/SensitivityStudy.h"
#include "app/OutputsReference.h"
#include "app/ParameterSweep.h"
#include "app/ResultFiles.h"
#include "app/ScaleUpStudy.h"
#include "app/StudyCommand.h"
#include "core/NumberFormat.h"
#include "output/OutputDirectory.h"
#include "solvers/SolverFactory.h"

namespace proscale {
namespace {
std::filesystem::path defaultOutputDir(const std::string& caseFile) {
  return std::filesystem::path("results") / std::filesystem::path(caseFile).stem();
}

void printHeadline(std::ostream& out, const RunSummary& s) {
  out << "proscale: " << s.caseName << " (" << s.model << ") done in " << s.runWallTime << " s ("
      << s.solver.statistics.steps << " steps)\n";
  for (const auto& m : s.metrics)
    if (m.name == "number_density" || m.name == "d50_volume" || m.name == "sauter_diameter" ||
        m.name == "mass_balance_error")
      out << "  " << m.name << " = " << m.value << " " << m.unit << "\n";
  const ToolSettingsRecord& tool = s.toolSettings;
  if (!tool.chosen.empty()) {
    out << "  chosen by the tool (" << tool.runs << (tool.runs == 1 ? " run" : " runs") << "):";
    for (const ToolSetting& setting : tool.chosen)
      out << " " << setting.key.substr(setting.key.find('.') + 1) << " "
          << formatNumber(setting.value) << (setting.unit == "-" ? "" : " " + setting.unit);
    out << "\n";
  }
}
}  // namespace

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

StopCheck runStopCheck(const CommandLine& cl, std::chrono::steady_clock::time_point start) {
  return [&cl, start]() -> std::string {
    if (const int signal = interruptSignal()) return std::string("interrupted by ") + signalName(signal);
    if (cl.maxTime && secondsSince(start) > *cl.maxTime)
      return "--max-time " + formatNumber(*cl.maxTime) + " s reached";
    return {};
  };
}

int runCase(const CommandLine& cl, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const CaseDocument document = CaseDocument::load(cl.caseFile, cl.overrides);
  const std::string model = document.modelType(caseModelNames());
  if (cl.verb == "design" && model != kInverseDesignModel) try {
      document.modelType({kInverseDesignModel});  // throws, located at `model:`
    } catch (const InputError& e) {
      throw InputError(e.mark(), "model", "`proscale design` takes an inverse design file (model: " +
                                              std::string(kInverseDesignModel) + "); this is a " +
                                              model + " file");
    }
  if ((cl.verb == "sweep" || cl.verb == "chart") && model != kParameterSweepModel) try {
      document.modelType({kParameterSweepModel});  // throws, located at `model:`
    } catch (const InputError& e) {
      throw InputError(e.mark(), "model", "`proscale " + cl.verb + "` takes a sweep file (model: " +
                                              std::string(kParameterSweepModel) + "); this is a " +
                                              model + " case: `proscale run` runs it");
    }
  if (model == kScaleUpStudyModel) return runStudy(cl, document, out);
  if (model == kParameterSweepModel) return runSweep(cl, document, out);
  if (model == kInverseDesignModel) return runDesign(cl, document, out);
  if (model == kSensitivityModel) return runSensitivity(cl, document, out);
  if (model == kDispersionModel) return runDispersion(cl, document, out);
  if (cl.verb == "check") {
    // Every problem the declarations can find, at once; then what only the model finds.
    std::vector<InputError> all = document.problems(*caseSchema(document.modelType(processModelNames())));
    if (all.size() > 1) throw InputErrors(std::move(all));
  }
  LoadedCase c =
      LoadedCase::fromDocument(document, cl.maxMemory ? *cl.maxMemory : defaultMemoryLimit());
  if (cl.verb == "outputs") {
    out << outputsReferenceMarkdown(c);
    return kSuccess;
  }
  if (cl.verb == "check") {
    out << cl.caseFile << ": OK (" << c.modelType << ", " << c.process->system().size()
        << " unknowns, " << c.times.size() << " output times, " << c.solver->method() << ")\n";
    const ParameterRegistry& parameters = c.process->system().parameters();
    if (parameters.size() > 0) out << "parameters (for solver.sensitivities and studies):\n";
    for (const ModelParameter& p : parameters.all())
      out << "  " << p.name << " = " << p.get() << " " << p.unit << "  (" << p.doc << ")\n";
    return kSuccess;
  }
  const auto elapsed = [start] { return secondsSince(start); };
  if (parallelRank() != 0) {  // under mpirun: the other ranks compute, rank 0 reports
    const InterruptHandlers interrupts;
    const CaseOutcome outcome = simulate(c, elapsed(), nullptr, runStopCheck(cl, start));
    const RunSummary& s = outcome.summary;
    return !s.complete ? kSolverFailure : s.suspect() ? kSuspect : kSuccess;
  }
  // The directory is claimed (and so proved writable) before anything is simulated.
  OutputDirectory dir(cl.outputDir ? std::filesystem::path(*cl.outputDir)
                                   : defaultOutputDir(cl.caseFile));
  dir.claim(newRunId(), cl.overwrite);
  const InterruptHandlers interrupts;
  const StopCheck stop = runStopCheck(cl, start);
  ResultFiles files(dir, c.times.size(), c.params.section("output").boolean("vtk"));
  CaseOutcome outcome = simulate(c, elapsed(), &files, stop);
  RunSummary& s = outcome.summary;
  s.runId = dir.runId();
  files.finish(*outcome.results, s);

  if (!s.complete) {
    const SolverReport& r = s.solver;
    if (r.flagName == kStoppedFlag || r.flagName == kNonFiniteFlag)
      out << "proscale: " << cl.caseFile << ": stopped at t = " << formatNumber(r.timeReached, 9)
          << " s: " << r.message;
    else
      out << "proscale: " << cl.caseFile << ": solver failed at t = " << r.timeReached
          << " s with " << r.flagName << (r.message.empty() ? "" : ": ") << r.message;
    out << "\nproscale: partial results (status incomplete) in " << dir.root().string() << "/\n";
    if (const int signal = interruptSignal()) return 128 + signal;
    return kSolverFailure;
  }
  if (s.suspect()) {
    printHeadline(out, s);
    out << "proscale: " << cl.caseFile << ": SUSPECT -- the run completed, but its self-checks "
                                          "failed:\n";
    for (const SelfCheck& check : s.checks)
      if (check.failed())
        out << "  " << check.name << " = " << formatNumber(check.value) << " " << check.unit
            << " (threshold " << formatNumber(check.threshold) << "): " << check.meaning << "\n";
    out << "proscale: results (status suspect) in " << dir.root().string() << "/\n";
    return kSuspect;
  }
  if (!cl.quiet) {
    printHeadline(out, s);
    out << "  self-checks: " << s.checks.size() << " passed\n";
    std::string names;
    for (const std::string& name : files.names()) names += (names.empty() ? "" : ", ") + name;
    out << "proscale: results in " << dir.root().string() << "/ (" << names << ")\n";
  }
  return kSuccess;
}

}  // namespace proscale
