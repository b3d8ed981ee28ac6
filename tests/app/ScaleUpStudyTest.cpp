// The scale-up study's wiring (app/ScaleUpStudy.h, app/CaseEvaluation.h): the overrides each
// scale gets against hand values of the stirred-tank equations, the spec verdicts against hand
// sizes, the status of a study with a failed run, and a tiny study run end to end
// (tests/app/data/tiny_study.yaml).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/ScaleQuantities.h"
#include "app/ScaleUpStudy.h"
#include "case/CaseDocument.h"
#include "core/Errors.h"

using namespace proscale;

namespace {
const std::string kStudy = std::string(PROSCALE_SOURCE_DIR) + "/tests/app/data/tiny_study.yaml";

ScaleUpStudy tinyStudy(const std::vector<Override>& overrides = {}) {
  return ScaleUpStudy::fromParameters(
      CaseDocument::load(kStudy, overrides).validate(*scaleUpStudySchema()), kStudy);
}

// The number of an override "<number> <unit>", after checking the unit.
double valueOf(const std::vector<Override>& overrides, const std::string& key,
               const std::string& unit) {
  for (const Override& o : overrides)
    if (o.keyPath == key) {
      const auto space = o.valueText.find(' ');
      REQUIRE(o.valueText.substr(space + 1) == unit);
      return std::stod(o.valueText.substr(0, space));
    }
  FAIL("no override of " << key);
  return 0.0;
}

CaseEvaluation finished(double d10, double d50, double d90) {
  CaseEvaluation e;
  e.summary.complete = true;
  e.summary.metrics = {{"d10_volume", d10, "m", ""}, {"d50_volume", d50, "m", ""},
                       {"d90_volume", d90, "m", ""}};
  return e;
}
}  // namespace

// Hand values: lab T = (4 V / pi)^(1/3) for H = T, D = T/3, N = 400/60 1/s; constant P/V gives
// N2 = N1 (D2/D1)^(-2/3) and the same mean dissipation eps = N_P N^3 D^5 / V (N_P = 5.0, the
// Rushton's), eps_feed = phi_feed eps = 2 eps. The study file sets V_bulk = V (1 - 0.05) and
// Q_B = 0.05 V / 6 s. Tolerance 1e-12 relative: the overrides are written with round-trip
// digits, so only the order of the floating-point operations differs from the code's.
TEST_CASE("Scale-up study: each scale's overrides are its record's quantities", "[unit][study]") {
  const ScaleUpStudy study = tinyStudy();
  const std::vector<ScaleRecord> records = study.records();
  REQUIRE(records.size() == 12);  // 4 rules x 3 scales, rule-major
  const ScaleRecord& pv100 = records.at(1);
  REQUIRE(pv100.rule == ScaleUpRule::PowerPerVolume);
  const double pi = 3.14159265358979323846, V1 = 1e-3, V2 = 0.1;
  const double D1 = std::cbrt(4.0 * V1 / pi) / 3.0, D2 = std::cbrt(4.0 * V2 / pi) / 3.0;
  const double N1 = 400.0 / 60.0, N2 = N1 * std::pow(D2 / D1, -2.0 / 3.0);
  const double eps1 = 5.0 * N1 * N1 * N1 * std::pow(D1, 5) / V1;
  const double eps2 = 5.0 * N2 * N2 * N2 * std::pow(D2, 5) / V2;
  CHECK(eps2 == Approx(eps1).epsilon(1e-12));  // constant P/V keeps eps
  const std::vector<Override> o = study.overridesFor(pv100);
  REQUIRE(o.size() == 3);
  CHECK(valueOf(o, "network.zones.bulk.volume", "m^3") == Approx(0.95 * V2).epsilon(1e-12));
  CHECK(valueOf(o, "feeds.sulfate.flow-recipe.0.value", "m^3/s") ==
        Approx(0.05 * V2 / 6.0).epsilon(1e-12));
  CHECK(valueOf(o, "network.exchange.0.engulfment-dissipation", "W/kg") ==
        Approx(2.0 * eps2).epsilon(1e-12));
  // Constant tip speed at 10 m^3: N = N1 D1 / D3, eps_feed = 2 N_P N^3 D^5 / V.
  const ScaleRecord& tip10 = records.at(5);
  REQUIRE(tip10.rule == ScaleUpRule::TipSpeed);
  const double D3 = std::cbrt(4.0 * 10.0 / pi) / 3.0, N3 = N1 * D1 / D3;
  CHECK(valueOf(study.overridesFor(tip10), "network.exchange.0.engulfment-dissipation", "W/kg") ==
        Approx(2.0 * 5.0 * N3 * N3 * N3 * std::pow(D3, 5) / 10.0).epsilon(1e-12));
}

TEST_CASE("Scale-up study: a factor multiplies the quantity, process.set comes first",
          "[unit][study]") {
  ScaleUpStudy study = tinyStudy();
  study.processSet = {{"population.classes", "30"}};
  REQUIRE(study.mappings.at(0).key == "network.zones.bulk.volume");
  study.mappings.at(0).factor = 0.5;
  const std::vector<Override> o = study.overridesFor(study.records().at(0));  // the 1 L lab
  REQUIRE(o.size() == 4);
  CHECK(o[0].keyPath == "population.classes");
  CHECK(o[0].valueText == "30");
  // 0.5 x V (1 - 0.05) at V = 1 L; 1e-12: round-trip digits.
  CHECK(valueOf(o, "network.zones.bulk.volume", "m^3") == Approx(0.5 * 0.95e-3).epsilon(1e-12));
}

// Hand sizes: d10 = 1 um, d50 = 2 um, d90 = 4 um give span (4 - 1) / 2 = 1.5.
TEST_CASE("Scale-up study: d50 and span against the spec", "[unit][study]") {
  CHECK(volumeSpan(1e-6, 2e-6, 4e-6) == 1.5);
  ProductSpec spec;
  spec.d50Min = 1.5e-6;
  spec.d50Max = 3e-6;
  spec.spanMax = 2.0;
  CHECK(judge(spec, finished(1e-6, 2e-6, 4e-6)).verdict == Verdict::InSpec);
  const Judgement small = judge(spec, finished(0.5e-6, 1e-6, 2e-6));
  CHECK(small.verdict == Verdict::OutOfSpec);
  CHECK(small.why == "d50 1 um < d50-min 1.5 um");
  const Judgement large = judge(spec, finished(1e-6, 4e-6, 8e-6));
  CHECK(large.why == "d50 4 um > d50-max 3 um");
  // span (7 - 1) / 2 = 3 > 2
  const Judgement wide = judge(spec, finished(1e-6, 2e-6, 7e-6));
  CHECK(wide.verdict == Verdict::OutOfSpec);
  CHECK(wide.why == "span 3 > span-max 2");
  // A bound left out is not checked: without span-max the wide product is in spec.
  spec.spanMax.reset();
  CHECK(judge(spec, finished(1e-6, 2e-6, 7e-6)).verdict == Verdict::InSpec);
  // A failed run is not judged, a suspect one is judged and says so.
  CaseEvaluation failed = finished(1e-6, 2e-6, 4e-6);
  failed.summary.complete = false;
  failed.summary.solver.flagName = "CV_TOO_MUCH_WORK";
  CHECK(judge(spec, failed).verdict == Verdict::NotJudged);
  CaseEvaluation suspect = finished(1e-6, 2e-6, 4e-6);
  suspect.summary.checks.push_back({"grid_loss", 1.0, 0.1, "-", ""});
  const Judgement s = judge(spec, suspect);
  CHECK(s.verdict == Verdict::InSpec);
  CHECK(s.why == "d50 and span within the spec; run suspect (self-checks failed: grid_loss)");
}

TEST_CASE("Scale-up study: a failed run makes the study incomplete and its rule unknown",
          "[unit][study]") {
  ScaleUpStudy study = tinyStudy();
  study.rules = {ScaleUpRule::PowerPerVolume, ScaleUpRule::Reynolds};
  study.spec = ProductSpec{};
  study.spec.d50Max = 3e-6;
  const std::vector<ScaleRecord> records = study.records();  // 2 rules x 3 scales
  std::vector<CaseEvaluation> runs(records.size(), finished(1e-6, 2e-6, 4e-6));
  runs[2].summary.complete = false;  // P/V at 10 m^3 failed
  runs[4] = finished(1e-6, 5e-6, 9e-6);  // Re at 100 L out of spec
  for (std::size_t k = 0; k < runs.size(); ++k) runs[k].overrides = study.overridesFor(records[k]);
  const ScaleUpOutcome out = assessScaleUp(study, records, runs);
  CHECK(out.status == RunStatus::Incomplete);
  // Runs numbered as they first appear; the lab's (rows 0 and 3) is one run: 1, 2, 3, 1, 4, 5.
  CHECK(out.simulations == 5);
  CHECK(out.rows[3].runNumber == 1);
  CHECK(out.rows[5].runNumber == 5);
  REQUIRE(out.rows.size() == 6);
  CHECK(out.rows[2].judgement.verdict == Verdict::NotJudged);
  CHECK(out.rows[4].judgement.verdict == Verdict::OutOfSpec);
  REQUIRE(out.rules.size() == 2);
  CHECK_FALSE(out.rules[0].keepsInSpec.has_value());
  CHECK(out.rules[1].keepsInSpec == false);
  CHECK(out.conclusion ==
        "Rules that keep the product in spec at every scale: none. Out of spec at some scale: "
        "constant Re. Not judged (a run failed or reported no sizes): constant P/V.");
  // The table says which run failed: run 3.
  const std::string csv = scaleUpStudyCsv(out);
  CHECK(csv.find(",3,incomplete,") != std::string::npos);
}

TEST_CASE("Scale-up study: the table's columns", "[unit][study]") {
  ScaleUpStudy study = tinyStudy();
  study.rules = {ScaleUpRule::MixingTime};
  const std::vector<ScaleRecord> records = study.records();
  const ScaleUpOutcome out =
      assessScaleUp(study, records, std::vector<CaseEvaluation>(3, finished(1e-6, 2e-6, 4e-6)));
  const std::string csv = scaleUpStudyCsv(out);
  CHECK(csv.substr(0, csv.find('\n')) ==
        "rule,volume [m^3],vessel_diameter [m],impeller_diameter [m],speed [1/s],power [W],"
        "power_per_volume [W/m^3],tip_speed [m/s],reynolds [-],mean_dissipation [W/kg],"
        "feed_dissipation [W/kg],blend_time_95 [s],circulation_time [s],mesomixing_time [s],"
        "micromixing_time [s],minimum_feed_time [s],UA [W/K],heat_removal_capacity [W],"
        "heat_release [W],capacity_ratio [-],feed_time [s],flags,run,run_status,"
        "d50_volume [m],span [-],in_spec,why");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);
  // Every line has the header's 28 fields: commas inside quotes (the flag t_feed<t_feed,min)
  // do not separate.
  std::size_t fields = 1;
  bool quoted = false;
  for (const char c : csv) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) ++fields;
    if (c == '\n') {
      CHECK(fields == 28);
      fields = 1;
    }
  }
  const std::string md = scaleUpStudyMarkdown(study, out);
  CHECK(md.find("| constant mixing time | yes | in spec at every scale |") != std::string::npos);
  CHECK(md.find("Rules that keep the product in spec at every scale: constant mixing time.") !=
        std::string::npos);
}

// The tiny study through the process runs (9 distinct: the lab's run is shared by the four
// rules), on one thread and on two: the same numbers, bit for bit, because the runs share
// nothing mutable.
TEST_CASE("Scale-up study: the tiny study runs, the lab row is the same for every rule",
          "[integration][study]") {
  ScaleUpStudy study = tinyStudy();
  EvaluationOptions options;
  options.threads = 1;
  const ScaleUpOutcome one = runScaleUpStudy(study, options);
  CHECK(one.simulations == 9);
  REQUIRE(one.rows.size() == 12);
  CHECK(one.status == RunStatus::Complete);
  for (const ScaleUpRow& row : one.rows) {
    REQUIRE(row.d50.has_value());
    CHECK(row.judgement.verdict == Verdict::InSpec);
  }
  for (std::size_t rule = 1; rule < 4; ++rule) {
    CHECK(one.rows[3 * rule].record.volume == one.rows[0].record.volume);
    CHECK(*one.rows[3 * rule].d50 == *one.rows[0].d50);
  }
  options.threads = 2;
  const ScaleUpOutcome two = runScaleUpStudy(study, options);
  for (std::size_t k = 0; k < one.rows.size(); ++k) CHECK(*two.rows[k].d50 == *one.rows[k].d50);
}

// A rule whose value at a large scale is bad input for the process case (here: the solver's
// linear-tolerance-factor, <= 1, mapped from Re x 5e-5) cannot be carried out there: that row
// is infeasible, has no run and fails its rule; the study goes on. Re at 1 L is ~9760 (0.49,
// valid); at 100 L it is ~76000 (P/V), ~45000 (tip speed), ~210000 (mixing time), all above
// 1 after the factor; constant Re keeps 0.49 at every scale. At the lab's own volume the same
// problem is the study's: an input error located at the study entry.
TEST_CASE("Scale-up study: a scale the process case refuses is infeasible, not an error",
          "[unit][study]") {
  ScaleUpStudy study = tinyStudy();
  ScaleMapping m = study.mappings.front();
  m.key = "solver.linear-tolerance-factor";
  m.quantity = findScaleQuantity("reynolds");
  REQUIRE(m.quantity != nullptr);
  m.factor = 5e-5;
  study.mappings.push_back(m);
  const std::vector<ScaleRecord> records = study.records();
  const std::vector<std::string> why = infeasibleScales(study, records, 0.0);
  REQUIRE(why.size() == records.size());
  for (std::size_t k = 0; k < records.size(); ++k) {
    const bool lab = records[k].volume < 1.001e-3;
    INFO(scaleUpRuleName(records[k].rule) << " at " << records[k].volume << " m^3: " << why[k]);
    CHECK(why[k].empty() == (lab || records[k].rule == ScaleUpRule::Reynolds));
    if (!why[k].empty())
      CHECK(why[k].find("process.from-scale.solver.linear-tolerance-factor") == 0);
  }
  // Judged with every feasible run in spec: only constant Re keeps the product in spec.
  const std::vector<CaseEvaluation> runs(records.size(), finished(1e-6, 2e-6, 4e-6));
  const ScaleUpOutcome out = assessScaleUp(study, records, runs, why);
  CHECK(out.status == RunStatus::Complete);
  for (const RuleVerdict& v : out.rules) {
    INFO(scaleUpRuleName(v.rule) << ": " << v.why);
    REQUIRE(v.keepsInSpec.has_value());
    CHECK(*v.keepsInSpec == (v.rule == ScaleUpRule::Reynolds));
    if (v.rule != ScaleUpRule::Reynolds)
      CHECK(v.why.find("not feasible at this scale") != std::string::npos);
  }
  const std::string csv = scaleUpStudyCsv(out);
  CHECK(csv.find(",-,infeasible,") != std::string::npos);
  CHECK(scaleUpStudyMarkdown(study, out).find("| - infeasible |") != std::string::npos);

  study.mappings.back().factor = 5e-4;  // 4.9 at the lab
  try {
    infeasibleScales(study, study.records(), 0.0);
    FAIL("a lab scale the process case refuses must be an input error");
  } catch (const InputError& e) {
    CHECK(e.keyPath() == "process.from-scale.solver.linear-tolerance-factor");
  }
}
