// Running and judging the scale-up study (ScaleUpStudy.h).
#include "app/ScaleUpStudy.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "core/NumberFormat.h"

namespace proscale {

const char* verdictName(Verdict v) {
  switch (v) {
    case Verdict::InSpec: return "yes";
    case Verdict::OutOfSpec: return "no";
    case Verdict::NotJudged: return "n/a";
  }
  return "";
}

double volumeSpan(double d10, double d50, double d90) { return (d90 - d10) / d50; }

namespace {
std::string micrometres(double metres) { return formatNumber(metres * 1e6, 4) + " um"; }

void addReason(std::string& why, const std::string& reason) {
  why += (why.empty() ? "" : "; ") + reason;
}
}  // namespace

Judgement judge(const ProductSpec& spec, const CaseEvaluation& run) {
  Judgement j;
  if (run.status() == RunStatus::Incomplete) {
    j.why = "run " + std::string(runStatusName(run.status())) + ": " + run.problem();
    return j;
  }
  const auto d10 = run.metric("d10_volume"), d50 = run.metric("d50_volume"),
             d90 = run.metric("d90_volume");
  if (!d50 || (spec.spanMax && (!d10 || !d90))) {
    j.why = "the run reports no volume distribution (d10, d50, d90_volume)";
    return j;
  }
  if (spec.d50Min && *d50 < *spec.d50Min)
    addReason(j.why, "d50 " + micrometres(*d50) + " < d50-min " + micrometres(*spec.d50Min));
  if (spec.d50Max && *d50 > *spec.d50Max)
    addReason(j.why, "d50 " + micrometres(*d50) + " > d50-max " + micrometres(*spec.d50Max));
  if (spec.spanMax) {
    const double span = volumeSpan(*d10, *d50, *d90);
    if (span > *spec.spanMax)
      addReason(j.why, "span " + formatNumber(span, 4) + " > span-max " + formatNumber(*spec.spanMax, 4));
  }
  j.verdict = j.why.empty() ? Verdict::InSpec : Verdict::OutOfSpec;
  if (j.why.empty()) j.why = "d50 and span within the spec";
  if (run.status() == RunStatus::Suspect) addReason(j.why, "run suspect (" + run.problem() + ")");
  return j;
}

ScaleUpOutcome assessScaleUp(const ScaleUpStudy& study, const std::vector<ScaleRecord>& records,
                             std::vector<CaseEvaluation> runs,
                             const std::vector<std::string>& infeasible) {
  ScaleUpOutcome out;
  out.runs = std::move(runs);
  for (std::size_t k = 0; k < records.size(); ++k) {
    const CaseEvaluation& run = out.runs.at(k);
    ScaleUpRow row;
    row.record = records[k];
    row.run = k;
    if (k < infeasible.size() && !infeasible[k].empty()) {
      // The rule cannot be carried out at this scale: it does not keep the product in spec.
      row.infeasible = infeasible[k];
      row.runNumber = 0;
      row.judgement = {Verdict::OutOfSpec, "not feasible at this scale: " + infeasible[k]};
      out.rows.push_back(std::move(row));
      continue;
    }
    row.runNumber = out.simulations + 1;
    for (const ScaleUpRow& earlier : out.rows)
      if (earlier.infeasible.empty() &&
          sameOverrides(out.runs[earlier.run].overrides, run.overrides))
        row.runNumber = earlier.runNumber;
    if (row.runNumber > out.simulations) out.simulations = row.runNumber;
    row.d50 = run.metric("d50_volume");
    const auto d10 = run.metric("d10_volume"), d90 = run.metric("d90_volume");
    if (row.d50 && d10 && d90) row.span = volumeSpan(*d10, *row.d50, *d90);
    row.judgement = judge(study.spec, run);
    if (run.status() == RunStatus::Incomplete) out.status = RunStatus::Incomplete;
    else if (run.status() == RunStatus::Suspect && out.status == RunStatus::Complete)
      out.status = RunStatus::Suspect;
    out.rows.push_back(std::move(row));
  }
  std::string keep, fail, unknown;
  for (ScaleUpRule rule : study.rules) {
    RuleVerdict v;
    v.rule = rule;
    bool outOfSpec = false, notJudged = false;
    for (const ScaleUpRow& row : out.rows) {
      if (row.record.rule != rule || row.judgement.verdict == Verdict::InSpec) continue;
      addReason(v.why, "at " + formatNumber(row.record.volume, 4) + " m^3: " + row.judgement.why);
      outOfSpec = outOfSpec || row.judgement.verdict == Verdict::OutOfSpec;
      notJudged = notJudged || row.judgement.verdict == Verdict::NotJudged;
    }
    // A scale out of spec fails the rule even when another scale could not be judged.
    if (outOfSpec) v.keepsInSpec = false;
    else if (!notJudged) v.keepsInSpec = true;
    if (v.why.empty()) v.why = "in spec at every scale";
    std::string& list = !v.keepsInSpec ? unknown : *v.keepsInSpec ? keep : fail;
    list += (list.empty() ? "" : ", ") + scaleUpRuleName(rule);
    out.rules.push_back(std::move(v));
  }
  out.conclusion = "Rules that keep the product in spec at every scale: " +
                   (keep.empty() ? std::string("none") : keep) + ".";
  if (!fail.empty()) out.conclusion += " Out of spec at some scale: " + fail + ".";
  if (!unknown.empty())
    out.conclusion += " Not judged (a run failed or reported no sizes): " + unknown + ".";
  return out;
}

namespace {
// A process-case problem caused by an override, located at the study entry that made it.
InputError atStudyEntry(const ScaleUpStudy& study, const InputError& e) {
  const std::string key = parseOverride(e.keyPath() + "=").keyPath;
  const auto covers = [&key](const std::string& path) {
    return key == path || key.rfind(path + ".", 0) == 0;
  };
  const std::string problem = "in " + study.processCase + ": " + e.keyPath() + ": " + e.problem();
  for (const ScaleMapping& m : study.mappings)
    if (covers(m.key)) return InputError(m.mark, "process.from-scale." + m.key, problem);
  return InputError(study.processSetMark, "process.set", problem);
}

std::vector<std::vector<Override>> runsOf(const ScaleUpStudy& study,
                                          const std::vector<ScaleRecord>& records) {
  std::vector<std::vector<Override>> runs;
  for (const ScaleRecord& r : records) runs.push_back(study.overridesFor(r));
  return runs;
}
}  // namespace

std::vector<std::string> infeasibleScales(const ScaleUpStudy& study,
                                          const std::vector<ScaleRecord>& records,
                                          double maxMemory) {
  const std::vector<std::vector<Override>> runs = runsOf(study, records);
  std::vector<std::string> why(runs.size());
  std::optional<InputError> first;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    try {
      checkCase(study.processFile, runs[k], maxMemory);
    } catch (const InputError& e) {
      // An override's own problem is located at the study entry that made it; a problem of
      // the process case that only this scale's values expose (the feed zone no longer fits
      // its zone) keeps its place in the process case.
      const bool byOverride = e.mark().file == "--set";
      const InputError located = byOverride ? atStudyEntry(study, e) : e;
      // At the lab's own volume the process is the user's case as given: its problem is the
      // study's, not the scale's.
      const double lab = study.lab.geometry().volume();
      if (std::abs(records[k].volume - lab) <= 1e-9 * lab) throw located;
      why[k] = byOverride ? located.keyPath() + ": " + located.problem() : std::string(e.what());
      if (!first) first = located;
    }
  }
  if (first && std::none_of(why.begin(), why.end(), [](const std::string& w) { return w.empty(); }))
    throw *first;  // no scale can be built: the study is wrong
  return why;
}

ScaleUpOutcome runScaleUpStudy(const ScaleUpStudy& study, const EvaluationOptions& options) {
  const std::vector<ScaleRecord> records = study.records();
  const std::vector<std::string> infeasible =
      infeasibleScales(study, records, options.maxMemory);
  const std::vector<std::vector<Override>> all = runsOf(study, records);
  std::vector<std::vector<Override>> feasible;
  for (std::size_t k = 0; k < all.size(); ++k)
    if (infeasible[k].empty()) feasible.push_back(all[k]);
  std::size_t simulations = 0;
  std::vector<CaseEvaluation> evaluated =
      evaluateCases(study.processFile, feasible, options, &simulations);
  std::vector<CaseEvaluation> results;  // one per record; an infeasible one only names its overrides
  for (std::size_t k = 0, next = 0; k < all.size(); ++k) {
    if (infeasible[k].empty()) {
      results.push_back(std::move(evaluated.at(next++)));
    } else {
      CaseEvaluation none;
      none.overrides = all[k];
      results.push_back(std::move(none));
    }
  }
  ScaleUpOutcome out = assessScaleUp(study, records, std::move(results), infeasible);
  if (out.simulations != simulations) throw std::logic_error("scale-up study: runs miscounted");
  return out;
}

}  // namespace proscale
