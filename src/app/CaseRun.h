#pragma once
// Loading and simulating a case, independent of how the results are shown: the command line
// writes them to files, the Python module returns them as arrays.
#include <memory>
#include <string>
#include <vector>

#include "app/MemoryEstimate.h"
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

  /// `maxMemory` (bytes): a case whose estimated memory (app/MemoryEstimate.h) is above it is
  /// an InputError, raised before the model or solver allocates anything.
  static LoadedCase load(const std::string& file, const std::vector<Override>& overrides,
                         double maxMemory = defaultMemoryLimit());
  /// The same from a parsed document (a YAML text, e.g. built from a Python dict).
  static LoadedCase fromDocument(const CaseDocument& document,
                                 double maxMemory = defaultMemoryLimit());
  /// The same case with settings changed and its model and solver built anew: as the tool's
  /// own (`toolOwned`: a later run may change them again) or as if the case had given them.
  LoadedCase variant(const std::vector<ToolSetting>& changes, bool toolOwned) const;
};

struct CaseOutcome {
  std::unique_ptr<ResultCollector> results;
  RunSummary summary;
};

/// Runs allowed to settle the tool's own settings (the first included).
constexpr std::size_t kMaxSettingRuns = 6;
/// grid_refinement_change threshold: doubling the classes may move N and d50 by at most 5 %,
/// which bounds the reported run's own grid error by ~5 % (first order) or ~2 % (second).
constexpr double kRefinementTolerance = 0.05;

/// Integrates the case; a solver failure gives summary.complete == false, not an exception.
/// Settings the case left to the tool (size grid, number scale: Process::settingsAdvice) are
/// settled by rerunning with the advice of each run until a run needs no change, at most
/// kMaxSettingRuns runs; the last run's results are the outcome, summary.toolSettings says how
/// they were found, and a run that still asked for changes fails the tool_settings_settled
/// self-check.
/// `secondsSinceStart`: time already spent (for the whole run's wall time). With a listener,
/// every output time's results go to it as they come, and the size distribution is not kept
/// in the outcome (the listener has it).
/// The tool_settings_settled self-check of a run whose settings the tool chose.
SelfCheck toolSettingsCheck(const ToolSettingsRecord& record);
/// The grid_refinement_change self-check of a run checked on twice its classes.
SelfCheck refinementCheck(double change);

/// `stop`: asked between solver steps (ResultCollector::stopWhen); a run it stops is
/// incomplete with flag kStoppedFlag, and no further run (tool settings, refinement) follows.
/// A metric that is not finite is left out of the summary and makes a run incomplete
/// (flag kNonFiniteFlag).
CaseOutcome simulate(LoadedCase& loaded, double secondsSinceStart = 0.0,
                     ResultListener* listener = nullptr, const StopCheck& stop = {});

/// SolverReport::flagName of a run stopped on request (StateObserver::stopReason).
inline constexpr const char* kStoppedFlag = "STOPPED";
/// SolverReport::flagName of a run whose final metrics were not finite.
inline constexpr const char* kNonFiniteFlag = "NON_FINITE_RESULT";

}  // namespace proscale
