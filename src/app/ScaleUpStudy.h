#pragma once
// The scale-up study (`model: scale-up-study`, docs/theory/stirred-tanks.md "The scale-up
// study"): a lab tank taken to larger geometrically similar tanks under each scale-up rule
// (models/mixing/ScaleUp.h gives each scale's record), and at every scale a run of a process
// case with keys set from that record (app/CaseEvaluation.h), whose d50 and span are judged
// against a product spec. The app runs the study; models only compute the records.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/CaseEvaluation.h"
#include "app/ScaleQuantities.h"
#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/mixing/ScaleUp.h"
#include "models/mixing/StirredTank.h"

namespace proscale {

inline constexpr const char* kScaleUpStudyModel = "scale-up-study";

/// The study file's keys (ScaleUpStudyInput.cpp).
SchemaPtr scaleUpStudySchema();

/// `process.from-scale` entry: the process case key set to factor x quantity at each scale.
struct ScaleMapping {
  std::string key;  ///< process case key path, dotted ("feeds.sulfate.flow-recipe.0.value")
  const ScaleQuantity* quantity = nullptr;
  double factor = 1.0;
  SourceMark mark;  ///< the entry in the study file
};

/// Product spec on the volume distribution; absent bounds are not checked.
struct ProductSpec {
  std::optional<double> d50Min, d50Max;  ///< [m]
  std::optional<double> spanMax;         ///< (d90 - d10) / d50 [-]
};

struct ScaleUpStudy {
  explicit ScaleUpStudy(StirredTank labTank) : lab(std::move(labTank)) {}
  std::string name;
  std::string file;  ///< the study file
  StirredTank lab;
  std::vector<double> volumes;  ///< [m^3]
  std::vector<ScaleUpRule> rules;
  ScaleUpDuty duty;
  std::string processCase;            ///< `process.case` as written (for messages)
  std::string processFile;            ///< resolved against the study file's folder
  std::vector<Override> processSet;   ///< `process.set`, the same in every run
  SourceMark processSetMark;
  std::vector<ScaleMapping> mappings;
  ProductSpec spec;
  unsigned threads = 1;

  /// From the validated study; inconsistencies are InputErrors at their keys.
  static ScaleUpStudy fromParameters(const Parameters& p, const std::string& file);

  /// For each rule, the records of every scale.
  std::vector<ScaleRecord> records() const;
  /// The process overrides of one scale: process.set, then the from-scale mappings.
  std::vector<Override> overridesFor(const ScaleRecord& record) const;
};

enum class Verdict { InSpec, OutOfSpec, NotJudged };
const char* verdictName(Verdict v);  ///< "yes", "no", "n/a"

/// span = (d90 - d10) / d50 of the volume distribution.
double volumeSpan(double d10, double d50, double d90);

struct Judgement {
  Verdict verdict = Verdict::NotJudged;
  std::string why;
};

/// d50 and span against the spec; a run that failed or gave no sizes is not judged, a suspect
/// run is judged and says so.
Judgement judge(const ProductSpec& spec, const CaseEvaluation& run);

struct ScaleUpRow {
  ScaleRecord record;
  std::size_t run = 0;  ///< index into ScaleUpOutcome::runs
  std::size_t runNumber = 1;  ///< 1, 2, ... per distinct run, in order of first use
  std::optional<double> d50, span;
  Judgement judgement;
  /// Why the process cannot be built at this scale (an override of this scale is bad input
  /// for the process case; e.g. the feed zone no longer fits); empty when it can. Such a row
  /// has no run (runNumber 0) and fails its rule.
  std::string infeasible;
};

/// Whether a rule kept the product in spec at every scale: true, false, or unknown (a run
/// failed or was not judged).
struct RuleVerdict {
  ScaleUpRule rule = ScaleUpRule::PowerPerVolume;
  std::optional<bool> keepsInSpec;
  std::string why;
};

struct ScaleUpOutcome {
  std::vector<ScaleUpRow> rows;      ///< rule-major, scales in the study's order
  std::vector<CaseEvaluation> runs;  ///< one per row (identical runs share a simulation)
  std::size_t simulations = 0;       ///< distinct runs
  std::vector<RuleVerdict> rules;
  RunStatus status = RunStatus::Complete;  ///< the worst run's
  std::string conclusion;            ///< one paragraph: which rules keep the product in spec
};

/// Loads and builds every process run without running it. Per record: why the process cannot
/// be built at that scale (the InputError its overrides cause: an override's own problem
/// located at its `process.from-scale` or `process.set` entry, a process-case check that only
/// this scale's values fail at its key in the process case), or empty. Throws that InputError
/// when the study itself is wrong: a run at the lab's own volume, or every run, cannot be
/// built.
std::vector<std::string> infeasibleScales(const ScaleUpStudy& study,
                                          const std::vector<ScaleRecord>& records,
                                          double maxMemory);

/// infeasibleScales (bad input throws before any process run), then every feasible run.
ScaleUpOutcome runScaleUpStudy(const ScaleUpStudy& study, const EvaluationOptions& options);

/// The rows and runs as the verdicts and status (no simulation; for tests and runScaleUpStudy).
/// `infeasible`: per record, as infeasibleScales (empty: every scale can be built); the run of
/// an infeasible record is not looked at.
ScaleUpOutcome assessScaleUp(const ScaleUpStudy& study, const std::vector<ScaleRecord>& records,
                             std::vector<CaseEvaluation> runs,
                             const std::vector<std::string>& infeasible = {});

/// Text of the outputs (ScaleUpTables.cpp).
std::string scaleUpStudyCsv(const ScaleUpOutcome& outcome);
std::string scaleUpStudyMarkdown(const ScaleUpStudy& study, const ScaleUpOutcome& outcome);
std::string scaleUpStudySummaryJson(const ScaleUpStudy& study, const ScaleUpOutcome& outcome,
                                    const std::string& runId, double wallTime);

}  // namespace proscale
