#include "app/RunCommand.h"

#include <chrono>
#include <filesystem>
#include <ostream>
#include <stdexcept>

#include "app/CaseSchema.h"
#include "app/ResultCollector.h"
#include "case/CaseDocument.h"
#include "core/Version.h"
#include "models/ProcessModels.h"
#include "output/CsvWriter.h"
#include "output/OutputDirectory.h"
#include "output/SummaryWriter.h"
#include "output/VtkWriter.h"
#include "solvers/CvodeIntegrator.h"

namespace proscale {
namespace {
using Clock = std::chrono::steady_clock;

struct LoadedCase {
  std::string modelType;
  Parameters params;
  std::unique_ptr<Process> process;
  IntegratorOptions options;
  std::vector<double> times;
};

LoadedCase loadCase(const CommandLine& cl) {
  const CaseDocument doc = CaseDocument::load(cl.caseFile, cl.overrides);
  LoadedCase c;
  c.modelType = doc.modelType(processModelNames());
  c.params = doc.validate(*caseSchema(c.modelType));
  c.process = processModels().at(c.modelType).make(c.params);
  c.options = integratorOptionsFrom(c.params.section("solver"));
  c.times = outputTimes(c.params.section("output"));
  return c;
}

std::filesystem::path defaultOutputDir(const std::string& caseFile) {
  return std::filesystem::path("results") / std::filesystem::path(caseFile).stem();
}

void writeResults(OutputDirectory& dir, const ResultCollector& results, const RunSummary& summary,
                  bool vtk) {
  writeTimeSeriesCsv(dir.fileForWriting("timeseries.csv"), results.series());
  if (!results.psd().times.empty()) {
    writePsdCsv(dir.fileForWriting("psd.csv"), results.psd());
    if (vtk) writePsdVtk(dir.root(), "psd", results.psd());
  }
  writeSummaryJson(dir.fileForWriting("summary.json"), summary);
}
}  // namespace

int runCase(const CommandLine& cl, std::ostream& out) {
  const auto start = Clock::now();
  LoadedCase c = loadCase(cl);
  std::unique_ptr<CvodeIntegrator> integrator;
  try {
    integrator = std::make_unique<CvodeIntegrator>(c.process->system(), c.options);
  } catch (const std::invalid_argument& e) {
    throw c.params.section("solver").error("linear", e.what());
  }
  const std::string name = c.params.string("name");
  if (cl.verb == "check") {
    out << cl.caseFile << ": OK (" << c.modelType << ", " << c.process->system().size()
        << " unknowns, " << c.times.size() << " output times, " << integrator->method() << ")\n";
    return kSuccess;
  }

  ResultCollector results(*c.process);
  const SolverReport report = integrator->integrate(c.times, results);

  RunSummary summary;
  summary.caseFile = cl.caseFile;
  summary.caseName = name;
  summary.model = c.modelType;
  summary.proscaleVersion = kVersion;
  summary.complete = report.complete;
  summary.solver = report;
  summary.metrics = c.process->metrics(results.lastTime(), results.lastState());
  summary.runWallTime = std::chrono::duration<double>(Clock::now() - start).count();

  OutputDirectory dir(cl.outputDir ? std::filesystem::path(*cl.outputDir)
                                   : defaultOutputDir(cl.caseFile));
  writeResults(dir, results, summary, c.params.section("output").boolean("vtk"));

  if (!report.complete) {
    out << "proscale: " << cl.caseFile << ": solver failed at t = " << report.timeReached
        << " s with " << report.flagName << (report.message.empty() ? "" : ": ") << report.message
        << "\nproscale: partial results (status incomplete) in " << dir.root().string() << "\n";
    return kSolverFailure;
  }
  if (!cl.quiet) {
    out << "proscale: " << name << " (" << c.modelType << ") done in " << summary.runWallTime
        << " s (" << report.statistics.steps << " steps)\n";
    for (const auto& m : summary.metrics)
      if (m.name == "number_density" || m.name == "d50_volume" || m.name == "sauter_diameter" ||
          m.name == "mass_balance_error")
        out << "  " << m.name << " = " << m.value << " " << m.unit << "\n";
    out << "proscale: results in " << dir.root().string() << "/ (timeseries.csv, psd.csv, "
        << "summary.json, psd.pvd)\n";
  }
  return kSuccess;
}

}  // namespace proscale
