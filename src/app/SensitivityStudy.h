#pragma once
// Global sensitivity of a process case (`model: global-sensitivity`, docs/theory/studies.md
// "Global sensitivity"): how much each varied key moves each chosen metric over the keys'
// ranges, by Morris elementary effects (screening) or Sobol first-order and total indices with
// bootstrap intervals (analysis/GlobalSensitivity.h),
//   * on the model: every point the method asks for is a full run (the points are generated
//     first, run on threads, then handed to the method in its order), or
//   * on a surrogate: a Gaussian process fitted to a Latin hypercube of full runs
//     (analysis/GaussianProcess.h), whose own accuracy -- the leave-one-out error -- is
//     reported and judged: a surrogate that explains less than 90 % of a metric's variance
//     makes the study suspect.
#include <cstddef>
#include <string>
#include <vector>

#include "app/CaseEvaluation.h"
#include "app/ParameterSweep.h"
#include "analysis/GlobalSensitivity.h"

namespace proscale {

inline constexpr const char* kSensitivityModel = "global-sensitivity";

SchemaPtr sensitivityStudySchema();

enum class SensitivityMethod { Morris, Sobol };

struct SensitivityStudy {
  std::string name, file;
  ParameterSweep space;            ///< process, ranges, derived keys (and the surrogate's design)
  std::vector<std::string> metrics;
  SourceMark metricsMark;
  SensitivityMethod method = SensitivityMethod::Sobol;
  bool onSurrogate = true;
  std::size_t samples = 0;         ///< Sobol's N or Morris's trajectories r
  std::size_t levels = 4;          ///< Morris's grid levels
  std::size_t surrogateRuns = 0;   ///< the Latin hypercube the surrogate is fitted to
  unsigned threads = 1;

  static SensitivityStudy fromParameters(const Parameters& p, const std::string& file);
};

/// One metric's indices, inputs in the order of the keys.
struct MetricSensitivity {
  std::string metric;
  MorrisEffects morris;
  SobolIndices sobol;
  double surrogateLooR2 = 1.0;     ///< 1 - LOO MSE / variance of the metric over the runs
};

struct SensitivityOutcome {
  std::vector<MetricSensitivity> metrics;
  std::vector<CaseEvaluation> runs;  ///< the full runs made
  RunStatus status = RunStatus::Complete;
  std::string problem;               ///< why the status is not complete
};

/// Checks every corner of the ranges and the metrics; InputError before anything runs.
void checkSensitivityStudy(const SensitivityStudy& study, double maxMemory);
SensitivityOutcome runSensitivityStudy(const SensitivityStudy& study, const EvaluationOptions& options);

/// The share of a metric's variance a surrogate must explain (leave-one-out) to be trusted.
inline constexpr double kSurrogateLooR2Threshold = 0.9;

}  // namespace proscale
