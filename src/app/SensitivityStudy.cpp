// Global sensitivity on the model or on a Gaussian-process surrogate (SensitivityStudy.h).
#include "app/SensitivityStudy.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "analysis/GaussianProcess.h"
#include "analysis/LatinHypercube.h"
#include "app/MetricBounds.h"
#include "core/NumberFormat.h"

namespace proscale {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The method on f: Morris's effects or Sobol's indices, the other left empty. InputError at
// `metrics` when the metric does not vary at all over the ranges (no variance to share).
void analyse(const SensitivityStudy& s, const UnitCubeFunction& f, MetricSensitivity& out) {
  const std::size_t d = s.space.variables.size();
  if (s.method == SensitivityMethod::Morris) {
    out.morris = morrisEffects(d, s.samples, s.levels, f, s.space.seed);
    return;
  }
  try {
    out.sobol = sobolIndices(d, s.samples, f, s.space.seed);
  } catch (const std::invalid_argument& e) {
    throw InputError(s.metricsMark, "metrics", out.metric + ": " + e.what() +
                                                   " (it does not change over the keys' ranges)");
  }
}

// The points the method asks for, in its order: a first pass with a stand-in function whose
// values all differ (so that Sobol's variance is not zero).
std::vector<std::vector<double>> requestedPoints(const SensitivityStudy& s) {
  std::vector<std::vector<double>> points;
  MetricSensitivity ignored;
  analyse(s, [&](const std::vector<double>& u) {
    points.push_back(u);
    return static_cast<double>(points.size());
  }, ignored);
  return points;
}

std::vector<CaseEvaluation> runAt(const SensitivityStudy& s, const std::vector<std::vector<double>>& us,
                                  const EvaluationOptions& options) {
  std::vector<std::vector<Override>> runs;
  for (const auto& u : us) runs.push_back(s.space.overridesFor(s.space.pointAt(u)));
  return evaluateCases(s.space.processFile, runs, options);
}

RunStatus worst(const std::vector<CaseEvaluation>& runs, std::string& problem) {
  RunStatus status = RunStatus::Complete;
  std::size_t failed = 0;
  for (const CaseEvaluation& r : runs) {
    if (static_cast<int>(r.status()) > static_cast<int>(status)) status = r.status();
    failed += r.status() == RunStatus::Incomplete;
  }
  if (failed > 0) problem = std::to_string(failed) + " of " + std::to_string(runs.size()) + " runs did not complete";
  return status;
}

}  // namespace

SchemaPtr sensitivityStudySchema() {
  auto s = studyOverProcessSchema(
      kSensitivityModel,
      "How much each varied key moves each chosen metric over the keys' ranges: Morris "
      "elementary effects or Sobol indices, on the model or on a Gaussian-process surrogate "
      "(docs/theory/studies.md, \"Global sensitivity\").",
      "sensitivity", "The keys and their ranges (from, to, spacing); derived keys by expression.");
  s->add(ParamSpec::stringList("metrics", "The summary metrics to analyse (d50_volume, ...).").isRequired());
  s->add(ParamSpec::choice("method", {"sobol", "morris"},
                           "sobol: first-order and total indices with 95 % bootstrap intervals; "
                           "morris: elementary effects mu*, mu, sigma (screening).")
             .defaultsTo("sobol"));
  s->add(ParamSpec::choice("on", {"surrogate", "model"},
                           "surrogate: a Gaussian process fitted to surrogate-runs full runs; "
                           "model: every point the method needs is a full run.")
             .defaultsTo("surrogate"));
  s->add(ParamSpec::integer("samples", "Sobol: base samples N (N (d + 2) evaluations; default "
                                       "4096 on a surrogate, 64 on the model); Morris: "
                                       "trajectories r (r (d + 1) evaluations; default 20).")
             .defaultsTo("0")
             .atLeast(0)
             .atMost(1000000));
  s->add(ParamSpec::integer("levels", "Morris: levels of the grid (even).").defaultsTo("4").atLeast(2).atMost(100));
  s->add(ParamSpec::integer("surrogate-runs", "Full runs the surrogate is fitted to (a Latin "
                                              "hypercube; 0: 10 d for d keys).")
             .defaultsTo("0")
             .atLeast(0)
             .atMost(100000));
  s->add(ParamSpec::integer("seed", "Seed of the samples.").defaultsTo("1").atLeast(0));
  s->add(ParamSpec::integer("threads", "Full runs at once.").defaultsTo("1").atLeast(1).atMost(64));
  return s;
}

SensitivityStudy SensitivityStudy::fromParameters(const Parameters& p, const std::string& file) {
  SensitivityStudy s;
  s.name = p.string("name");
  s.file = file;
  s.space.name = s.name;
  s.space.file = file;
  s.space.design = SweepDesign::LatinHypercube;
  s.space.sampler = "a sensitivity study";
  s.space.seed = static_cast<std::uint64_t>(p.integer("seed"));
  s.space.readInputs(p);
  s.metrics = p.strings("metrics");
  s.metricsMark = p.markOf("metrics");
  if (s.metrics.empty()) throw p.error("metrics", "name at least one metric");
  s.method = p.string("method") == "morris" ? SensitivityMethod::Morris : SensitivityMethod::Sobol;
  s.onSurrogate = p.string("on") == "surrogate";
  const std::size_t d = s.space.variables.size();
  const auto given = static_cast<std::size_t>(p.integer("samples"));
  s.samples = given > 0 ? given
              : s.method == SensitivityMethod::Morris ? 20
              : s.onSurrogate ? 4096 : 64;
  s.levels = static_cast<std::size_t>(p.integer("levels"));
  if (s.method == SensitivityMethod::Morris && s.levels % 2 != 0)
    throw p.error("levels", "Morris's grid needs an even number of levels");
  if (s.method == SensitivityMethod::Sobol && s.samples < 2) throw p.error("samples", "Sobol needs N >= 2");
  if (s.method == SensitivityMethod::Morris && s.samples < 2) throw p.error("samples", "Morris needs r >= 2");
  const auto runs = static_cast<std::size_t>(p.integer("surrogate-runs"));
  s.surrogateRuns = runs > 0 ? runs : 10 * d;
  if (s.onSurrogate && s.surrogateRuns < d + 2)
    throw p.error("surrogate-runs", "a surrogate of " + std::to_string(d) + " keys needs at least " +
                                        std::to_string(d + 2) + " runs");
  s.space.samples = s.surrogateRuns;
  s.threads = static_cast<unsigned>(p.integer("threads"));
  return s;
}

void checkSensitivityStudy(const SensitivityStudy& s, double maxMemory) {
  const std::vector<Metric> metrics = checkRangeCorners(s.space, maxMemory);
  for (std::size_t k = 0; k < s.metrics.size(); ++k)
    if (!findMetric(metrics, s.metrics[k])) throw unknownMetric(s.metricsMark, "metrics", s.metrics[k], metrics);
}

SensitivityOutcome runSensitivityStudy(const SensitivityStudy& s, const EvaluationOptions& options) {
  SensitivityOutcome out;
  const std::size_t d = s.space.variables.size();
  const std::vector<std::vector<double>> us =
      s.onSurrogate ? latinHypercube(s.surrogateRuns, d, s.space.seed) : requestedPoints(s);
  out.runs = runAt(s, us, options);
  out.status = worst(out.runs, out.problem);
  if (out.status == RunStatus::Incomplete) return out;  // no indices from a map with holes

  for (const std::string& name : s.metrics) {
    MetricSensitivity m;
    m.metric = name;
    std::vector<double> values;
    for (const CaseEvaluation& r : out.runs) values.push_back(r.metric(name).value_or(kNaN));
    if (s.onSurrogate) {
      Eigen::MatrixXd X(static_cast<Eigen::Index>(us.size()), static_cast<Eigen::Index>(d));
      for (std::size_t k = 0; k < us.size(); ++k)
        for (std::size_t i = 0; i < d; ++i) X(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(i)) = us[k][i];
      const Eigen::Map<const Eigen::VectorXd> y(values.data(), static_cast<Eigen::Index>(values.size()));
      const GaussianProcess gp = GaussianProcess::fit(X, y);
      const double mean = y.mean();
      const double variance = (y.array() - mean).square().mean();
      m.surrogateLooR2 = variance > 0.0 ? 1.0 - std::pow(gp.leaveOneOutRmse(), 2) / variance : 1.0;
      analyse(s, [&gp](const std::vector<double>& u) {
        return gp.mean(Eigen::Map<const Eigen::VectorXd>(u.data(), static_cast<Eigen::Index>(u.size())));
      }, m);
      if (m.surrogateLooR2 < kSurrogateLooR2Threshold && out.status == RunStatus::Complete) {
        out.status = RunStatus::Suspect;
        out.problem = "the surrogate of " + name + " explains " + formatNumber(100.0 * m.surrogateLooR2, 3) +
                      " % of its variance (leave-one-out), below " +
                      formatNumber(100.0 * kSurrogateLooR2Threshold, 3) + " %: more surrogate-runs";
      }
    } else {
      std::size_t next = 0;
      analyse(s, [&](const std::vector<double>&) { return values[next++]; }, m);
    }
    out.metrics.push_back(std::move(m));
  }
  return out;
}

}  // namespace proscale
