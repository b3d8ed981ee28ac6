#include "app/RunCommand.h"

#include <chrono>
#include <filesystem>
#include <ostream>

#include "app/CaseRun.h"
#include "output/CsvWriter.h"
#include "output/OutputDirectory.h"
#include "output/SummaryWriter.h"
#include "output/VtkHistoryWriter.h"
#include "output/VtkWriter.h"

namespace proscale {
namespace {
std::filesystem::path defaultOutputDir(const std::string& caseFile) {
  return std::filesystem::path("results") / std::filesystem::path(caseFile).stem();
}

void writeResults(OutputDirectory& dir, const ResultCollector& results, const RunSummary& summary,
                  bool vtk) {
  writeTimeSeriesCsv(dir.fileForWriting("timeseries.csv"), results.series());
  if (!results.sensitivities().rows.empty())
    writeTimeSeriesCsv(dir.fileForWriting("sensitivities.csv"), results.sensitivities());
  if (vtk) writeTimeSeriesVtk(dir.fileForWriting("timeseries.vtr"), results.series());
  if (!results.psd().times.empty()) {
    writePsdCsv(dir.fileForWriting("psd.csv"), results.psd());
    if (vtk) {
      writePsdVtk(dir.root(), "psd", results.psd());
      writePsdMap(dir.fileForWriting("psd_map.vtr"), results.psd());
    }
  }
  writeSummaryJson(dir.fileForWriting("summary.json"), summary);
}

void printHeadline(std::ostream& out, const RunSummary& s) {
  out << "proscale: " << s.caseName << " (" << s.model << ") done in " << s.runWallTime << " s ("
      << s.solver.statistics.steps << " steps)\n";
  for (const auto& m : s.metrics)
    if (m.name == "number_density" || m.name == "d50_volume" || m.name == "sauter_diameter" ||
        m.name == "mass_balance_error")
      out << "  " << m.name << " = " << m.value << " " << m.unit << "\n";
}
}  // namespace

int runCase(const CommandLine& cl, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  LoadedCase c = LoadedCase::load(cl.caseFile, cl.overrides);
  if (cl.verb == "check") {
    out << cl.caseFile << ": OK (" << c.modelType << ", " << c.process->system().size()
        << " unknowns, " << c.times.size() << " output times, " << c.solver->method() << ")\n";
    const ParameterRegistry& parameters = c.process->system().parameters();
    if (parameters.size() > 0) out << "parameters (for solver.sensitivities and studies):\n";
    for (const ModelParameter& p : parameters.all())
      out << "  " << p.name << " = " << p.get() << " " << p.unit << "  (" << p.doc << ")\n";
    return kSuccess;
  }
  const double setup = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const CaseOutcome outcome = simulate(c, setup);
  const RunSummary& s = outcome.summary;

  OutputDirectory dir(cl.outputDir ? std::filesystem::path(*cl.outputDir)
                                   : defaultOutputDir(cl.caseFile));
  writeResults(dir, *outcome.results, s, c.params.section("output").boolean("vtk"));

  if (!s.complete) {
    out << "proscale: " << cl.caseFile << ": solver failed at t = " << s.solver.timeReached
        << " s with " << s.solver.flagName << (s.solver.message.empty() ? "" : ": ")
        << s.solver.message << "\nproscale: partial results (status incomplete) in "
        << dir.root().string() << "/\n";
    return kSolverFailure;
  }
  if (!cl.quiet) {
    printHeadline(out, s);
    // A process without a size distribution (e.g. a moment method) writes no PSD files.
    const bool psd = c.process->hasSizeDistribution();
    const bool vtk = c.params.section("output").boolean("vtk");
    const bool sensitivities = !outcome.results->sensitivities().rows.empty();
    out << "proscale: results in " << dir.root().string() << "/ (timeseries.csv, "
        << (sensitivities ? "sensitivities.csv, " : "")
        << (psd ? "psd.csv, " : "") << "summary.json"
        << (vtk ? (psd ? ", psd.pvd, psd_map.vtr, timeseries.vtr" : ", timeseries.vtr") : "")
        << ")\n";
  }
  return kSuccess;
}

}  // namespace proscale
