// Inverse design on the model with a Gaussian-process surrogate (InverseDesign.h).
#include "app/InverseDesign.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <random>

#include "analysis/GaussianProcess.h"
#include "analysis/LatinHypercube.h"
#include "analysis/NelderMead.h"
#include "analysis/Random.h"
#include "app/ResultTable.h"
#include "app/StudySupport.h"
#include "case/DidYouMean.h"
#include "core/NumberFormat.h"

namespace proscale {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Weight of the targets' squared relative violations against the objective (scaled to about
// [0, 1]): large enough that the surrogate's optimum violates a target by ~1e-6 of its width.
constexpr double kPenalty = 1e6;
// The targets are tightened on the surrogate by a share of their width, so that the full run at
// the surrogate's optimum meets them despite the surrogate's own error at an active bound: 1e-3
// at first, four times more each time the surrogate's optimum is a run already made that missed
// a target, up to 0.25.
constexpr double kFirstMargin = 1e-3, kMarginGrowth = 4.0, kLastMargin = 0.25;
// Random points the surrogate is searched over before Nelder-Mead polishes the best few.
constexpr std::size_t kSearchPoints = 4000, kPolished = 4;
// The best run must improve its objective by this share within this many surrogate runs.
constexpr double kImprovement = 1e-6;
constexpr std::size_t kPatience = 3;

SchemaPtr objectiveSchema() {
  auto s = std::make_shared<Schema>("objective", "What the design optimises among the runs that "
                                                 "meet every target (one of minimize, maximize).");
  s->add(ParamSpec::string("minimize", "A summary metric, or a varied key (its path or name)."));
  s->add(ParamSpec::string("maximize", "A summary metric, or a varied key (its path or name)."));
  return s;
}

// The objective's value at a run (SI), NaN where the run did not report it.
double objectiveOf(const InverseDesign& design, const ParameterSweep::Point& point,
                   const CaseEvaluation& e) {
  if (!design.objective) {
    // No objective: the middle of every two-sided target is best.
    double sum = 0.0;
    for (const MetricBound& b : design.targets)
      if (b.min && b.max) {
        const double v = e.metric(b.metric).value_or(kNaN);
        sum += std::pow((v - 0.5 * (*b.min + *b.max)) / (0.5 * (*b.max - *b.min)), 2);
      }
    return sum;
  }
  if (design.objective->key) return point.si[*design.objective->key];
  return e.metric(design.objective->name).value_or(kNaN);
}

DesignRun judged(const InverseDesign& design, std::vector<double> u, ParameterSweep::Point point,
                 CaseEvaluation e, const char* origin) {
  DesignRun run{std::move(u), std::move(point), std::move(e), origin, 0.0, false, kNaN};
  for (const MetricBound& b : design.targets)
    run.violation += b.violation(run.evaluation.metric(b.metric).value_or(kNaN));
  run.feasible = run.evaluation.status() == RunStatus::Complete && run.violation == 0.0;
  run.objective = objectiveOf(design, run.point, run.evaluation);
  return run;
}

// Smaller is better: the objective's value with its sense.
double score(const InverseDesign& design, const DesignRun& run) {
  return design.objective && design.objective->maximize ? -run.objective : run.objective;
}

std::optional<std::size_t> bestFeasible(const InverseDesign& design, const std::vector<DesignRun>& runs) {
  std::optional<std::size_t> best;
  for (std::size_t k = 0; k < runs.size(); ++k)
    if (runs[k].feasible && std::isfinite(runs[k].objective) &&
        (!best || score(design, runs[k]) < score(design, runs[*best])))
      best = k;
  return best;
}

// The surrogates of the target metrics (and of a metric objective) over the runs that ended.
struct Surrogate {
  std::vector<GaussianProcess> targets;
  std::optional<GaussianProcess> objective;
  double objectiveLow = 0.0, objectiveRange = 1.0;
};

Surrogate fitSurrogate(const InverseDesign& design, const std::vector<DesignRun>& runs) {
  std::vector<const DesignRun*> usable;
  for (const DesignRun& r : runs)
    if (r.evaluation.status() != RunStatus::Incomplete) usable.push_back(&r);
  const auto d = static_cast<Eigen::Index>(design.space.variables.size());
  Eigen::MatrixXd X(static_cast<Eigen::Index>(usable.size()), d);
  for (std::size_t k = 0; k < usable.size(); ++k)
    for (Eigen::Index i = 0; i < d; ++i) X(static_cast<Eigen::Index>(k), i) = usable[k]->u[i];
  const auto fitted = [&](const std::string& metric) {
    Eigen::VectorXd y(X.rows());
    for (std::size_t k = 0; k < usable.size(); ++k)
      y(static_cast<Eigen::Index>(k)) = usable[k]->evaluation.metric(metric).value_or(kNaN);
    return GaussianProcess::fit(X, y);
  };
  Surrogate s;
  for (const MetricBound& b : design.targets) s.targets.push_back(fitted(b.metric));
  if (design.objective && !design.objective->key) {
    s.objective = fitted(design.objective->name);
    double lo = INFINITY, hi = -INFINITY;
    for (const DesignRun* r : usable) {
      lo = std::min(lo, r->objective);
      hi = std::max(hi, r->objective);
    }
    s.objectiveLow = lo;
    s.objectiveRange = hi > lo ? hi - lo : std::max(std::abs(hi), 1e-300);
  }
  return s;
}

// The merit the surrogate's optimum minimises: the objective scaled to about [0, 1] plus the
// penalty on the (tightened) targets' predicted violations.
double merit(const InverseDesign& design, const Surrogate& s, const std::vector<double>& u,
             double margin) {
  const Eigen::Map<const Eigen::VectorXd> x(u.data(), static_cast<Eigen::Index>(u.size()));
  double penalty = 0.0, middle = 0.0;
  for (std::size_t i = 0; i < design.targets.size(); ++i) {
    MetricBound tight = design.targets[i];
    const double width = tight.min && tight.max ? *tight.max - *tight.min
                                                : std::abs(tight.min ? *tight.min : *tight.max);
    if (tight.min) *tight.min += margin * width;
    if (tight.max) *tight.max -= margin * width;
    const double m = s.targets[i].mean(x);
    penalty += std::pow(tight.violation(m), 2);
    if (tight.min && tight.max)
      middle += std::pow((m - 0.5 * (*tight.min + *tight.max)) / (0.5 * (*tight.max - *tight.min)), 2);
  }
  double objective = middle;
  if (design.objective) {
    const double sense = design.objective->maximize ? -1.0 : 1.0;
    objective = design.objective->key ? sense * u[*design.objective->key]
                                      : sense * (s.objective->mean(x) - s.objectiveLow) / s.objectiveRange;
  }
  return objective + kPenalty * penalty;
}

// The surrogate's best point: the best of a random sample and of the runs, polished.
std::vector<double> surrogateOptimum(const InverseDesign& design, const Surrogate& s,
                                     const std::vector<DesignRun>& runs, std::uint64_t seed,
                                     double margin) {
  const std::size_t d = design.space.variables.size();
  std::mt19937_64 random(seed);
  std::vector<std::pair<double, std::vector<double>>> starts;
  for (std::size_t k = 0; k < kSearchPoints; ++k) {
    std::vector<double> u(d);
    for (double& ui : u) ui = random::uniform(random);
    starts.emplace_back(merit(design, s, u, margin), std::move(u));
  }
  for (const DesignRun& r : runs) starts.emplace_back(merit(design, s, r.u, margin), r.u);
  std::partial_sort(starts.begin(), starts.begin() + static_cast<std::ptrdiff_t>(std::min(kPolished, starts.size())),
                    starts.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<double> best = starts.front().second;
  double bestMerit = starts.front().first;
  NelderMeadOptions options;
  options.xTolerance = 0.1 * design.tolerance;
  for (std::size_t k = 0; k < std::min(kPolished, starts.size()); ++k) {
    const NelderMeadResult r = nelderMead([&](const std::vector<double>& u) { return merit(design, s, u, margin); },
                                          starts[k].second, std::vector<double>(d, 0.0),
                                          std::vector<double>(d, 1.0), options);
    if (r.f < bestMerit) {
      bestMerit = r.f;
      best = r.x;
    }
  }
  return best;
}

double distance(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
  return worst;
}

// The complete runs of the sweep table `start-from` names, inside the keys' ranges. InputError
// at start-from for a table that cannot be read, or whose varied keys are not the design's.
std::vector<InverseDesign::SweepRun> readStartFrom(const Parameters& p, const ParameterSweep& space,
                                                   const std::string& designFile) {
  std::filesystem::path file = std::filesystem::path(designFile).parent_path() / p.string("start-from");
  if (std::filesystem::is_directory(file)) file /= "sweep.csv";
  const ResultTable t = [&] {
    try {
      return ResultTable::read(file);
    } catch (const std::runtime_error& e) {
      throw p.error("start-from", e.what());
    }
  }();
  const auto status = t.column("status");
  if (!status) throw p.error("start-from", "'" + file.string() + "' is not a sweep's table (no status column)");
  // The table's inputs are its columns between `run` and `status`: they must be the design's keys
  // (with its derived keys), or its runs are of other processes.
  std::vector<std::string> keys;
  for (const SweepVariable& v : space.variables) keys.push_back(v.key);
  for (const DerivedInput& d : space.derived) keys.push_back(d.key);
  std::vector<std::string> inputs(t.names.begin() + 1, t.names.begin() + static_cast<std::ptrdiff_t>(*status));
  std::sort(keys.begin(), keys.end());
  std::sort(inputs.begin(), inputs.end());
  if (keys != inputs)
    throw p.error("start-from", "'" + file.string() + "' varied " + joinWords(inputs) +
                                    "; this design varies " + joinWords(keys) +
                                    ": its runs are of other processes");
  std::vector<InverseDesign::SweepRun> runs;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (t.rows[r][*status] != "complete") continue;
    InverseDesign::SweepRun run;
    run.run = t.rows[r][0];
    bool inside = true;
    for (const SweepVariable& v : space.variables) {
      const double x = t.number(r, *t.column(v.key));
      const double u = v.logarithmic ? std::log(x / v.from) / std::log(v.to / v.from) : (x - v.from) / (v.to - v.from);
      inside = inside && u >= -1e-9 && u <= 1.0 + 1e-9;
      run.u.push_back(std::clamp(u, 0.0, 1.0));
    }
    if (!inside) continue;
    for (std::size_t c = *status + 1; c + 1 < t.names.size(); ++c)
      run.metrics.push_back({t.names[c], t.number(r, c), t.units[c], ""});
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace

SchemaPtr inverseDesignSchema() {
  auto s = studyOverProcessSchema(
      kInverseDesignModel,
      "The process conditions, within ranges of some keys, whose run meets every target and is "
      "best by an objective: searched on the model with a Gaussian-process surrogate, each "
      "candidate verified by a full run (docs/theory/studies.md, \"Inverse design\").",
      "design", "The keys the design may change and their ranges (from, to, spacing); derived keys by expression.");
  s->add(ParamSpec::sectionMap("target", metricBoundSchema(),
                               "The targets: summary metrics and their bounds "
                               "(`d50_volume: {min: 380 nm, max: 420 nm}`).")
             .isRequired());
  s->add(ParamSpec::section("objective", objectiveSchema(),
                            "What is best among the runs that meet the targets; without it, the "
                            "run nearest the middle of the two-sided targets."));
  s->add(ParamSpec::string("start-from",
                           "An earlier sweep of the same process and keys (its directory or "
                           "sweep.csv, relative to this file's folder): its complete runs inside "
                           "the ranges start the search, before (or instead of) the Latin "
                           "hypercube."));
  s->add(ParamSpec::integer("initial-runs", "Runs of the first Latin hypercube (0: 4 (d + 1) for "
                                            "d keys, or none with start-from).")
             .defaultsTo("0")
             .atLeast(0)
             .atMost(10000));
  s->add(ParamSpec::integer("max-runs", "Full runs the search may spend, the Latin hypercube's "
                                        "included (a start-from sweep's are not).")
             .defaultsTo("40")
             .atLeast(2)
             .atMost(10000));
  s->add(ParamSpec::real("tolerance", Dimension{}, "The search ends when the surrogate's optimum "
                                                   "is within this share of every key's range of "
                                                   "a run already made.")
             .defaultsTo("1e-3")
             .above(0));
  s->add(ParamSpec::integer("seed", "Seed of the Latin hypercube and of the surrogate's search.")
             .defaultsTo("1")
             .atLeast(0));
  s->add(ParamSpec::integer("threads", "Runs of the first Latin hypercube at once.")
             .defaultsTo("1")
             .atLeast(1)
             .atMost(64));
  return s;
}

InverseDesign InverseDesign::fromParameters(const Parameters& p, const std::string& file) {
  InverseDesign d;
  d.name = p.string("name");
  d.file = file;
  d.space.name = d.name;
  d.space.file = file;
  d.space.design = SweepDesign::LatinHypercube;
  d.space.sampler = "an inverse design";
  d.space.seed = static_cast<std::uint64_t>(p.integer("seed"));
  d.space.readInputs(p);
  d.threads = static_cast<unsigned>(p.integer("threads"));
  d.tolerance = p.real("tolerance");
  const std::size_t keys = d.space.variables.size();
  if (p.has("start-from")) d.startFrom = readStartFrom(p, d.space, file);
  d.initialRuns = p.integer("initial-runs") > 0 ? static_cast<std::size_t>(p.integer("initial-runs"))
                  : d.startFrom.empty()         ? 4 * (keys + 1)
                                                : 0;
  d.maxRuns = static_cast<std::size_t>(p.integer("max-runs"));
  if (d.initialRuns + d.startFrom.size() < 3)
    throw p.error(d.startFrom.empty() ? "initial-runs" : "start-from",
                  "a surrogate needs at least 3 runs to start from (the sweep's inside the ranges "
                  "and the Latin hypercube's together)");
  if (d.maxRuns <= d.initialRuns)
    throw p.error("max-runs", "must be above initial-runs (" + std::to_string(d.initialRuns) +
                                  "): the search needs runs of its own");
  d.space.samples = d.initialRuns;
  d.targets = readMetricBounds(p.section("target"), "target");
  if (d.targets.empty()) throw p.error("target", "give at least one target");
  const Parameters& o = p.section("objective");
  if (o.has("minimize") && o.has("maximize"))
    throw o.error("maximize", "give one of minimize or maximize, not both");
  if (o.has("minimize") || o.has("maximize")) {
    DesignObjective objective;
    objective.maximize = o.has("maximize");
    const char* sense = objective.maximize ? "maximize" : "minimize";
    objective.name = o.string(sense);
    objective.mark = o.markOf(sense);
    objective.keyPath = std::string("objective.") + sense;
    for (std::size_t i = 0; i < keys; ++i)
      if (d.space.variables[i].key == objective.name || d.space.variables[i].name == objective.name)
        objective.key = i;
    d.objective = objective;
  }
  return d;
}

void checkInverseDesign(const InverseDesign& design, double maxMemory) {
  const std::vector<Metric> metrics = checkRangeCorners(design.space, maxMemory);
  checkMetricBounds(design.targets, metrics);
  if (design.objective && !design.objective->key && !findMetric(metrics, design.objective->name)) {
    std::vector<Metric> named = metrics;
    for (const SweepVariable& v : design.space.variables) named.push_back({v.key, 0.0, "", ""});
    throw unknownMetric(design.objective->mark, design.objective->keyPath, design.objective->name, named);
  }
}

DesignOutcome runInverseDesign(const InverseDesign& design, const EvaluationOptions& options,
                               const std::function<void(const DesignRun&)>& onRun) {
  DesignOutcome out;
  const std::size_t d = design.space.variables.size();
  const auto add = [&](DesignRun run) {
    out.runs.push_back(std::move(run));
    if (onRun) onRun(out.runs.back());
  };
  // 1. An earlier sweep's runs (already full runs), then the first Latin hypercube, on threads.
  for (const InverseDesign::SweepRun& s : design.startFrom) {
    CaseEvaluation e;
    e.summary.complete = true;
    e.summary.metrics = s.metrics;
    const ParameterSweep::Point point = design.space.pointAt(s.u);
    e.overrides = design.space.overridesFor(point);
    add(judged(design, s.u, point, std::move(e), "sweep"));
  }
  std::vector<std::vector<double>> us;
  if (design.initialRuns > 0) us = latinHypercube(design.initialRuns, d, design.space.seed);
  std::vector<ParameterSweep::Point> points;
  std::vector<std::vector<Override>> runs;
  for (const auto& u : us) {
    points.push_back(design.space.pointAt(u));
    runs.push_back(design.space.overridesFor(points.back()));
  }
  std::vector<CaseEvaluation> first = evaluateCases(design.space.processFile, runs, options);
  for (std::size_t k = 0; k < us.size(); ++k)
    add(judged(design, us[k], points[k], std::move(first[k]), "initial"));

  // 2-4. Surrogate, its optimum, a full run there; until converged or spent.
  std::size_t stale = 0;
  double margin = kFirstMargin;
  while (true) {
    if (options.stop) {
      if (std::string why = options.stop(); !why.empty()) {
        out.stopReason = "stopped: " + why;
        break;
      }
    }
    if (out.runs.size() - design.startFrom.size() >= design.maxRuns) {
      out.stopReason = "max-runs (" + std::to_string(design.maxRuns) + ") spent";
      break;
    }
    std::size_t usable = 0;
    for (const DesignRun& r : out.runs) usable += r.evaluation.status() != RunStatus::Incomplete;
    if (usable < 3) {
      out.stopReason = "fewer than 3 runs completed: too few for a surrogate";
      break;
    }
    const Surrogate surrogate = fitSurrogate(design, out.runs);
    const std::vector<double> u =
        surrogateOptimum(design, surrogate, out.runs, design.space.seed + out.runs.size(), margin);
    const DesignRun* nearest = nullptr;
    for (const DesignRun& r : out.runs)
      if (!nearest || distance(u, r.u) < distance(u, nearest->u)) nearest = &r;
    if (distance(u, nearest->u) < design.tolerance) {
      // The surrogate sends the search back to a run already made. If that run missed a target
      // the surrogate is off at the bound: ask it for more room, and search again.
      if (!nearest->feasible && margin < kLastMargin) {
        margin = std::min(margin * kMarginGrowth, kLastMargin);
        continue;
      }
      out.stopReason = "converged: the surrogate's optimum is a point already run (within " +
                       formatShortest(design.tolerance) + " of every key's range)";
      break;
    }
    const auto before = bestFeasible(design, out.runs);
    const ParameterSweep::Point point = design.space.pointAt(u);
    add(judged(design, u, point, evaluateCase(design.space.processFile, design.space.overridesFor(point), options),
               "surrogate"));
    const auto after = bestFeasible(design, out.runs);
    const bool improved =
        after && (!before || score(design, out.runs[*before]) - score(design, out.runs[*after]) >
                                 kImprovement * std::max(1.0, std::abs(score(design, out.runs[*before]))));
    stale = improved ? 0 : stale + 1;
    if (after && stale >= kPatience) {
      out.stopReason = "converged: the best run did not improve in " + std::to_string(kPatience) + " runs";
      break;
    }
  }
  out.answer = bestFeasible(design, out.runs);
  if (!out.answer) {
    for (std::size_t k = 0; k < out.runs.size(); ++k)
      if (!out.closest || out.runs[k].violation < out.runs[*out.closest].violation) out.closest = k;
  }
  return out;
}

}  // namespace proscale
