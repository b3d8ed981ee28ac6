#pragma once
// Inverse design (`model: inverse-design`, `proscale design FILE`; docs/theory/studies.md
// "Inverse design"): the process conditions, within the ranges of the keys it varies, whose
// run meets every target (`d50_volume: {min: 380 nm, max: 420 nm}`) and is best by an
// objective (maximize a concentration, a throughput, minimize a residence time), found on the
// model itself:
//   1. a seeded Latin hypercube of `initial-runs` full runs, after the complete runs of an
//      earlier sweep of the same keys when `start-from` names one (its table: the correlation's
//      data);
//   2. a Gaussian-process surrogate of each target metric (and of a metric objective) over the
//      runs so far (analysis/GaussianProcess.h);
//   3. the surrogate's best point -- the objective plus a quadratic penalty on the targets'
//      violations, minimised by Nelder-Mead from the best of a dense sample (analysis/
//      NelderMead.h) -- is run in full, and that run (not the surrogate) is judged;
//   4. repeated until the surrogate's optimum is a point already run, the best run stops
//      improving, or `max-runs` runs are spent.
// The answer is the best run that met every target, with its margin to each bound; when none
// did, the design is infeasible and the run closest to the targets is reported.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/CaseEvaluation.h"
#include "app/MetricBounds.h"
#include "app/ParameterSweep.h"

namespace proscale {

inline constexpr const char* kInverseDesignModel = "inverse-design";

SchemaPtr inverseDesignSchema();

/// What the design minimises or maximises: a summary metric, or one of the varied keys.
struct DesignObjective {
  bool maximize = false;
  std::string name;                 ///< the metric or the key as written
  std::optional<std::size_t> key;   ///< the varied key's index, for a key
  SourceMark mark;
  std::string keyPath;              ///< "objective.maximize"
};

struct InverseDesign {
  std::string name, file;
  ParameterSweep space;                   ///< the process, the keys' ranges, derived keys
  std::vector<MetricBound> targets;
  std::optional<DesignObjective> objective;
  std::size_t initialRuns = 0, maxRuns = 0;
  unsigned threads = 1;
  double tolerance = 1e-3;                ///< in fractions of each key's range
  /// The complete runs of an earlier sweep (`start-from`) inside the ranges: each key's value,
  /// and the run's metrics from its table.
  struct SweepRun {
    std::vector<double> u;
    std::vector<Metric> metrics;
    std::string run;
  };
  std::vector<SweepRun> startFrom;

  static InverseDesign fromParameters(const Parameters& p, const std::string& file);
};

struct DesignRun {
  std::vector<double> u;            ///< fractions of the keys' ranges
  ParameterSweep::Point point;
  CaseEvaluation evaluation;
  const char* origin = "";          ///< "sweep", "initial" or "surrogate"
  double violation = 0.0;           ///< sum of the targets' relative violations (0: all met)
  bool feasible = false;            ///< complete and every target met
  double objective = 0.0;           ///< the objective's value (SI); NaN without one
};

struct DesignOutcome {
  std::vector<DesignRun> runs;
  std::optional<std::size_t> answer;   ///< the best feasible run
  std::optional<std::size_t> closest;  ///< without one: the run closest to the targets
  std::string stopReason;
};

/// Checks the design (every key's range ends, the targets' and objective's metrics); bad
/// input throws InputError before anything runs.
void checkInverseDesign(const InverseDesign& design, double maxMemory);
/// Runs the search. `onRun` is told of each run as it ends.
DesignOutcome runInverseDesign(const InverseDesign& design, const EvaluationOptions& options,
                               const std::function<void(const DesignRun&)>& onRun = {});

}  // namespace proscale
