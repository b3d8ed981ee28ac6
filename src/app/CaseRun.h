#pragma once
// Loading and simulating a case, independent of how the results are shown: the command line
// writes them to files, the Python module returns them as arrays.
#include <memory>
#include <string>
#include <vector>

#include "app/ResultCollector.h"
#include "case/CaseDocument.h"
#include "case/Overrides.h"
#include "core/Parameters.h"
#include "core/Process.h"
#include "core/Solver.h"

namespace proscale {

/// A validated case with its model and integrator built. Throws InputError for bad input.
struct LoadedCase {
  std::string file;
  std::string modelType;
  Parameters params;
  std::unique_ptr<Process> process;
  std::unique_ptr<Solver> solver;  ///< chosen by solver.type
  std::vector<double> times;

  static LoadedCase load(const std::string& file, const std::vector<Override>& overrides);
  /// The same from a parsed document (a YAML text, e.g. built from a Python dict).
  static LoadedCase fromDocument(const CaseDocument& document);
};

struct CaseOutcome {
  std::unique_ptr<ResultCollector> results;
  RunSummary summary;
};

/// Integrates the case; a solver failure gives summary.complete == false, not an exception.
/// `secondsSinceStart`: time already spent (for the whole run's wall time). With a listener,
/// every output time's results go to it as they come, and the size distribution is not kept
/// in the outcome (the listener has it).
CaseOutcome simulate(LoadedCase& loaded, double secondsSinceStart = 0.0,
                     ResultListener* listener = nullptr);

}  // namespace proscale
