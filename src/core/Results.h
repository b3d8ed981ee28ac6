#pragma once
// Plain result containers passed from a process model (through the app) to the writers in
// src/output. No model or solver types appear here, so writers depend on core only.
#include <cstddef>
#include <string>
#include <vector>

#include "core/SolverReport.h"

namespace proscale {

/// One column of a time series: name as it appears in the CSV header, SI unit, meaning.
struct SeriesColumn {
  std::string name;
  std::string unit;
  std::string doc;
};

struct TimeSeriesTable {
  std::vector<SeriesColumn> columns;        ///< the first column is time [s]
  std::vector<std::vector<double>> rows;    ///< one row per output time
};

/// A particle size distribution on fixed classes, at several times.
struct PsdHistory {
  std::vector<double> faces;    ///< class boundaries [m], size n + 1
  std::vector<double> pivots;   ///< representative sizes [m], size n
  std::vector<double> times;    ///< s
  std::vector<std::vector<double>> number;  ///< [time][class] particles per m^3 of suspension
  std::string sizeMeaning = "diameter";     ///< what the size coordinate is
};

/// A named scalar result in SI units.
struct Metric {
  std::string name;
  double value = 0.0;
  std::string unit;
  std::string doc;
  /// Computed from accumulated budgets (integrals over the run's history): meaningless for a
  /// steady state, which has no history, and left out of its summary.
  bool fromHistory = false;
};

/// A self-check of a run's final state: a quantity against its documented threshold. A run
/// whose checks fail is `suspect` (summary.json, exit code 4): it completed, but its answer
/// cannot be trusted as it stands.
struct SelfCheck {
  std::string name;          ///< e.g. "solid_lost_above_grid"
  double value = 0.0;
  double threshold = 0.0;    ///< fails when value > threshold
  std::string unit;
  std::string meaning;       ///< what the value is, and what to do when it fails
  bool failed() const { return !(value <= threshold); }  // NaN fails too
};

/// A numerical setting the tool chooses when the case leaves its key out (the size grid's range
/// and class count, the tolerance scale of number densities): key path, SI value, unit.
struct ToolSetting {
  std::string key;   ///< e.g. "population.max-size"
  double value = 0.0;
  std::string unit;  ///< SI
};

/// What a finished run says about the settings the tool chose for it: the values it used, the
/// values the next run should use (none when the run's own were adequate) and why.
struct SettingsAdvice {
  std::vector<ToolSetting> used;
  std::vector<ToolSetting> changes;
  std::vector<std::string> reasons;
  bool settled() const { return changes.empty(); }
};

/// A rerun at twice the resolution that judges a run's grid (the grid_refinement_change
/// self-check): the settings to change, and whether the finer run becomes the answer (a grid
/// that is the tool's) or only checks the case's own.
struct RefinementPlan {
  std::vector<ToolSetting> changes;  ///< empty: no check (no grid, or the case turned it off)
  bool adopt = false;
};

/// How the tool's settings were found: the values of the accepted run, how many runs it took
/// and, for every rerun, why.
struct ToolSettingsRecord {
  std::vector<ToolSetting> chosen;
  std::size_t runs = 1;
  std::vector<std::string> reruns;  ///< one line per rerun: what changed and why
  bool settled = true;              ///< false: the last run still asked for other settings
};

struct RunSummary {
  std::string caseFile;
  std::string caseName;
  std::string model;              ///< the process model's type, e.g. "batch-precipitation"
  std::string proscaleVersion;
  std::string runId;              ///< the run's id, shared with its directory's marker (output)
  bool complete = false;          ///< "complete" / "incomplete" in summary.json
  /// Complete, but a self-check failed: "suspect" in summary.json.
  bool suspect() const {
    if (!complete) return false;
    for (const SelfCheck& c : checks)
      if (c.failed()) return true;
    return false;
  }
  std::vector<Metric> metrics;
  std::vector<SelfCheck> checks;  ///< of the final state; any failed one makes the run suspect
  ToolSettingsRecord toolSettings;  ///< empty `chosen` when the case fixed every setting
  SolverReport solver;
  double runWallTime = 0.0;       ///< s, whole run including set-up and writing
};

}  // namespace proscale
