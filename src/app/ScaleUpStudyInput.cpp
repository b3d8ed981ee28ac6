// The scale-up study's case keys and their reading (ScaleUpStudy.h).

#include "app/ScaleUpStudy.h"
#include "app/StudySupport.h"
#include "case/DidYouMean.h"
#include "core/NumberFormat.h"
#include "models/mixing/Impeller.h"

namespace proscale {
namespace {

// Rule keys in the study file, in the order of scaleUpRules().
const std::vector<std::string>& ruleKeys() {
  static const std::vector<std::string> keys{"power-per-volume", "tip-speed", "reynolds",
                                             "mixing-time"};
  return keys;
}

SchemaPtr liquidSchema() {
  auto s = std::make_shared<Schema>("liquid", "The liquid in the tank (water at 25 degC by "
                                              "default: IAPWS-95 density and heat capacity, "
                                              "IAPWS 2008 viscosity).");
  s->add(ParamSpec::real("density", dim::density, "Liquid density rho.")
             .unit("kg/m^3").defaultsTo("997.05 kg/m^3").above(0));
  s->add(ParamSpec::real("viscosity", dim::viscosity, "Dynamic viscosity mu.")
             .unit("mPa s").defaultsTo("0.89 mPa s").above(0));
  s->add(ParamSpec::real("heat-capacity", dim::energy / (dim::mass * dim::temperature),
                         "Isobaric heat capacity c_p (jacket Prandtl number).")
             .unit("J/kg/K").defaultsTo("4181.3 J/kg/K").above(0));
  return s;
}

SchemaPtr feedPointSchema() {
  auto s = std::make_shared<Schema>(
      "feed-point", "Where the feed enters. No literature defaults are shipped (docs/theory/"
                    "stirred-tanks.md, \"Dissipation zones\"): state where the numbers come from.");
  s->add(ParamSpec::real("dissipation-ratio", dim::none,
                         "phi_feed = eps_feed / eps_mean at the feed point (a measurement or CFD).")
             .isRequired().above(0));
  s->add(ParamSpec::real("velocity-ratio", dim::none,
                         "u / u_tip, the mean velocity past the feed pipe over the tip speed; "
                         "absent: the discharge flow over the tank cross-section, "
                         "N_Q N D^3 / (pi T^2 / 4).")
             .above(0));
  return s;
}

SchemaPtr dutySchema() {
  auto s = std::make_shared<Schema>("duty", "What is fed and released, per liquid volume so "
                                            "that it scales with the tank.");
  s->add(ParamSpec::real("feed-volume-fraction", dim::none,
                         "V_B / V, the fed volume over the tank's liquid volume after the feed.")
             .isRequired().above(0).below(1));
  s->add(ParamSpec::real("feed-time", dim::time, "The feed time, kept at every scale.")
             .unit("min").isRequired().above(0));
  s->add(ParamSpec::real("heat-release-per-volume", dim::power / dim::volume,
                         "q_V, reaction heat released per liquid volume during the feed.")
             .unit("W/m^3").defaultsTo("0 W/m^3").atLeast(0));
  s->add(ParamSpec::real("temperature-difference", dim::temperature,
                         "Delta T_max, bulk minus coolant, for the capacity U A Delta T_max.")
             .unit("K").defaultsTo("20 K").above(0));
  return s;
}

SchemaPtr mappingSchema() {
  auto s = std::make_shared<Schema>(
      "from-scale entry", "A process case key set at each scale to factor x quantity.");
  s->add(ParamSpec::choice("quantity", scaleQuantityNames(),
                           "The scale's quantity (docs/theory/stirred-tanks.md lists them with "
                           "their units).")
             .isRequired());
  s->add(ParamSpec::real("factor", dim::none, "Multiplies the quantity.").defaultsTo("1").above(0));
  return s;
}

SchemaPtr processSchema() {
  auto s = std::make_shared<Schema>("process", "The process case run at every scale and rule.");
  s->add(ParamSpec::string("case", "Process case file, relative to the study file's folder.")
             .isRequired());
  s->add(ParamSpec::stringList("set", "Overrides KEY.PATH=VALUE applied in every run, as "
                                      "`proscale run --set` (e.g. a coarser grid)."));
  s->add(ParamSpec::sectionMap("from-scale", mappingSchema(),
                               "Process case key paths (dotted, list entries by number: "
                               "`network.exchange.0.engulfment-dissipation`) set from each "
                               "scale's record: `reactor.volume: {quantity: initial-volume}`."));
  return s;
}

SchemaPtr specSchema() {
  auto s = std::make_shared<Schema>("spec", "The product spec on the volume distribution; give "
                                            "at least one bound.");
  s->add(ParamSpec::real("d50-min", dim::length, "Smallest d50 (volume) in spec.").unit("um").above(0));
  s->add(ParamSpec::real("d50-max", dim::length, "Largest d50 (volume) in spec.").unit("um").above(0));
  s->add(ParamSpec::real("span-max", dim::none, "Largest span (d90 - d10) / d50 (volume) in spec.")
             .above(0));
  return s;
}

}  // namespace

SchemaPtr scaleUpStudySchema() {
  auto s = std::make_shared<Schema>(
      kScaleUpStudyModel,
      "A lab stirred tank taken to geometrically similar larger tanks under constant P/V, tip "
      "speed, Re or mixing time; a process case run at each scale, its d50 and span judged "
      "against a product spec (docs/theory/stirred-tanks.md, \"The scale-up study\").");
  s->add(ParamSpec::string("model", std::string("The study: ") + kScaleUpStudyModel + ".").isRequired());
  s->add(ParamSpec::string("name", "Short name of the study (used in outputs).").defaultsTo("study"));
  s->add(ParamSpec::string("description", "What the study is and where its numbers come from.")
             .defaultsTo(""));
  // The keys of reactor.stirrer, with the study's liquid instead of the vessel's.
  auto tankKeys = std::make_shared<Schema>(
      "tank", "The lab tank, baffled, one impeller (docs/theory/stirred-tanks.md); its liquid is "
              "the study's `liquid:`.");
  const ParamSpec stirrer = StirredTank::stirrerSection();
  for (const ParamSpec& key : stirrer.sectionSchema->params()) tankKeys->add(key);
  s->add(ParamSpec::section("tank", tankKeys, "The lab tank: the keys of reactor.stirrer.").isRequired());
  s->add(ParamSpec::section("liquid", liquidSchema(), "The liquid."));
  s->add(ParamSpec::section("feed-point", feedPointSchema(), "The feed point.").isRequired());
  s->add(ParamSpec::realList("scales", dim::volume,
                             "Liquid volumes of the tanks, the lab's own first if it is to be "
                             "in the table.")
             .unit("L").isRequired().above(0));
  const std::string all = joinWords(ruleKeys());
  s->add(ParamSpec::stringList("rules", "Scale-up rules, any of: " + all + " (default: all).")
             .defaultsTo("[" + all + "]"));
  s->add(ParamSpec::section("duty", dutySchema(), "Feed and heat duty.").isRequired());
  s->add(ParamSpec::section("process", processSchema(), "The process run at each scale.").isRequired());
  s->add(ParamSpec::section("spec", specSchema(), "Product spec.").isRequired());
  s->add(ParamSpec::integer("threads", "Process runs at once (each run is independent).")
             .defaultsTo("1").atLeast(1).atMost(64));
  return s;
}

namespace {

StirredTank labTank(const Parameters& p) {
  const Parameters& liquid = p.section("liquid");
  const Parameters& feed = p.section("feed-point");
  const StirredTank fromKeys(p.section("tank"), liquid.real("density"), liquid.real("viscosity"),
                             liquid.real("heat-capacity"));
  FeedPoint point;
  point.dissipationRatio = feed.real("dissipation-ratio");
  if (feed.has("velocity-ratio")) point.velocityRatio = feed.real("velocity-ratio");
  return StirredTank(fromKeys.geometry(), impellerFromKey(p.section("tank").string("impeller")),
                     fromKeys.liquid(), fromKeys.speed(), point, fromKeys.jacket());
}

std::vector<ScaleUpRule> rulesFrom(const Parameters& p) {
  std::vector<ScaleUpRule> rules;
  for (const std::string& key : p.strings("rules")) {
    std::size_t k = 0;
    while (k < ruleKeys().size() && ruleKeys()[k] != key) ++k;
    if (k == ruleKeys().size())
      throw p.error("rules", "unknown rule '" + key + "'" + didYouMean(key, ruleKeys()) +
                                 "; rules: " + joinWords(ruleKeys()));
    for (ScaleUpRule r : rules)
      if (r == scaleUpRules()[k]) throw p.error("rules", "rule '" + key + "' is given twice");
    rules.push_back(scaleUpRules()[k]);
  }
  if (rules.empty()) throw p.error("rules", "give at least one rule");
  return rules;
}

ProductSpec specFrom(const Parameters& s) {
  ProductSpec spec;
  if (s.has("d50-min")) spec.d50Min = s.real("d50-min");
  if (s.has("d50-max")) spec.d50Max = s.real("d50-max");
  if (s.has("span-max")) spec.spanMax = s.real("span-max");
  if (!spec.d50Min && !spec.d50Max && !spec.spanMax)
    throw s.error("", "give at least one of d50-min, d50-max, span-max");
  if (spec.d50Min && spec.d50Max && !(*spec.d50Min < *spec.d50Max))
    throw s.error("d50-max", "must be larger than d50-min");
  return spec;
}

}  // namespace

ScaleUpStudy ScaleUpStudy::fromParameters(const Parameters& p, const std::string& file) {
  ScaleUpStudy study(labTank(p));
  study.name = p.string("name");
  study.file = file;
  study.volumes = p.reals("scales");
  if (study.volumes.empty()) throw p.error("scales", "give at least one volume");
  study.rules = rulesFrom(p);
  const Parameters& duty = p.section("duty");
  study.duty.feedVolumeFraction = duty.real("feed-volume-fraction");
  study.duty.feedTime = duty.real("feed-time");
  study.duty.heatReleasePerVolume = duty.real("heat-release-per-volume");
  study.duty.temperatureDifference = duty.real("temperature-difference");
  study.spec = specFrom(p.section("spec"));
  study.threads = static_cast<unsigned>(p.integer("threads"));

  const Parameters& process = p.section("process");
  const StudyProcess run = readStudyProcess(process, study.file);
  study.processCase = run.caseName;
  study.processFile = run.file;
  study.processSet = run.set;
  study.processSetMark = run.setMark;
  if (process.has("from-scale")) {
    const Parameters& map = process.section("from-scale");
    for (const std::string& key : map.keys()) {
      const Parameters& entry = map.section(key);
      ScaleMapping m;
      m.key = parseOverride(key + "=").keyPath;
      m.quantity = findScaleQuantity(entry.string("quantity"));
      m.factor = entry.real("factor");
      m.mark = map.markOf(key);
      if (std::string(m.quantity->name) == "ua" && !study.lab.jacket())
        throw entry.error("quantity", "ua needs a jacket (tank.jacket)");
      for (const Override& o : study.processSet)
        if (o.keyPath == m.key)
          throw map.error(key, "is also set by process.set; set it in one place");
      study.mappings.push_back(std::move(m));
    }
  }
  return study;
}

std::vector<ScaleRecord> ScaleUpStudy::records() const {
  std::vector<ScaleRecord> all;
  for (ScaleUpRule rule : rules)
    for (const ScaleRecord& r : scaleUp(lab, volumes, rule, duty)) all.push_back(r);
  return all;
}

std::vector<Override> ScaleUpStudy::overridesFor(const ScaleRecord& record) const {
  std::vector<Override> overrides = processSet;
  for (const ScaleMapping& m : mappings)
    overrides.push_back({m.key, scaleQuantityText(*m.quantity, m.factor, record, duty)});
  return overrides;
}

}  // namespace proscale
