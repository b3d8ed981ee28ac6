// The parameter sweep's keys: the schemas, the varied keys (ranges, lists, words, names), the
// derived keys and the file as a whole (ParameterSweep.h). The designs and the runs are in
// ParameterSweep.cpp.
#include "app/ParameterSweep.h"

#include <cmath>
#include <limits>

#include "app/StudySupport.h"
#include "core/NumberFormat.h"
#include "core/Units.h"

namespace proscale {
namespace {
const std::vector<std::string>& designNames() {
  static const std::vector<std::string> names{"factorial", "latin-hypercube", "one-at-a-time"};
  return names;
}

SchemaPtr variableSchemaOf() {
  auto s = std::make_shared<Schema>(
      "vary entry", "The values of one process case key: a range (from, to; points for a grid) "
                    "or a list of values.");
  s->add(ParamSpec::string("from", "Lower end of the range, with the key's unit (\"15 degC\")."));
  s->add(ParamSpec::string("to", "Upper end of the range, in the same unit as from."));
  s->add(ParamSpec::integer("points", "Values from `from` to `to`, both included (factorial and "
                                      "one-at-a-time designs).")
             .atLeast(2)
             .atMost(1000));
  s->add(ParamSpec::choice("spacing", {"linear", "log"},
                           "Spacing of the values (and of a Latin hypercube's strata): linear, "
                           "or log (equal ratios; both ends above zero).")
             .defaultsTo("linear"));
  s->add(ParamSpec::stringList("values", "The values themselves, with units (instead of a range); "
                                         "words (a method, a model) are taken as they are."));
  s->add(ParamSpec::string("name", "A name for this key's value in derived keys' expressions "
                                   "(letters, digits, _; e.g. tau)."));
  s->add(ParamSpec::string("expression",
                           "A derived key: its value computed at every run from the named keys' "
                           "values in SI (e.g. \"2e-3 / tau\"; + - * / ^, exp, log, log10, sqrt, "
                           "abs, min, max, pow), instead of a range or values."));
  s->add(ParamSpec::string("unit", "The unit of a derived key's expression value (e.g. m^3/s)."));
  return s;
}

SchemaPtr processSchemaOf() {
  auto s = std::make_shared<Schema>("process", "The process case the sweep runs.");
  s->add(ParamSpec::string("case", "Process case file, relative to the sweep file's folder.").isRequired());
  s->add(ParamSpec::stringList("set", "Overrides KEY.PATH=VALUE applied in every run, as "
                                      "`proscale run --set` (e.g. a coarser grid)."));
  return s;
}

double quantity(const Parameters& entry, const std::string& key, const std::string& text) {
  try {
    return parseQuantity(text).value;
  } catch (const UnitError& e) {
    throw entry.error(key, "'" + text + "': " + e.what());
  }
}

// A range from/to, its unit and its values for a grid of `points`.
void readRange(const Parameters& entry, SweepVariable& v) {
  if (!entry.has("from") || !entry.has("to"))
    throw entry.error(entry.has("from") ? "to" : "from", "give a range (from and to) or values");
  const std::string from = entry.string("from"), to = entry.string("to");
  v.range = true;
  v.from = quantity(entry, "from", from);
  v.to = quantity(entry, "to", to);
  v.unit = std::string(unitText(from));
  if (std::string(unitText(to)) != v.unit)
    throw entry.error("to", "give from and to in the same unit ('" + v.unit + "' and '" +
                                std::string(unitText(to)) + "')");
  if (!(v.from < v.to))
    throw entry.error("to", "the range is " + std::string(v.from == v.to ? "empty" : "inverted") +
                                ": to (" + to + ") must be above from (" + from + ")");
  v.logarithmic = entry.string("spacing") == "log";
  if (v.logarithmic && !(v.from > 0.0))
    throw entry.error("from", "log spacing needs a range above zero (in SI units)");
  // SI = scale x + offset for x in the file's unit (degC and degF are offset scales).
  const UnitScale shown = unitScale(v.unit);
  v.scale = shown.scale;
  v.offset = shown.offset;
  const Quantity q = parseQuantity(from);
  v.siUnit = q.hasUnit ? q.dimension.toString() : "-";
}


SweepVariable readVariable(const Parameters& vary, const std::string& key, SweepDesign design,
                           const std::string& sampler) {
  const Parameters& entry = vary.section(key);
  SweepVariable v;
  v.key = key;
  v.mark = vary.markOf(key);
  if (entry.has("unit")) throw entry.error("unit", "only a derived key (with an expression) takes a unit");
  if (entry.has("name")) {
    v.name = entry.string("name");
    const bool identifier = [&] {
      try {
        const Expression e = Expression::parse(v.name);
        return e.variables().size() == 1 && e.variables()[0] == v.name;
      } catch (const ExpressionError&) {
        return false;
      }
    }();
    if (!identifier)
      throw entry.error("name", "'" + v.name + "' is not a name an expression can use (letters, "
                                "digits and _, not starting with a digit; not a function name)");
  }
  if (entry.has("values")) {
    if (entry.has("from") || entry.has("to") || entry.has("points"))
      throw entry.error("values", "give either values or a range (from, to, points), not both");
    if (design == SweepDesign::LatinHypercube)
      throw entry.error("values", sampler + " samples ranges: give from and to");
    v.texts = entry.strings("values");
    if (v.texts.empty()) throw entry.error("values", "give at least one value");
    // Words (a method, a model) rather than quantities: the runs take them as they are.
    std::size_t words = 0;
    for (const std::string& text : v.texts) {
      try {
        parseQuantity(text);
      } catch (const UnitError&) {
        ++words;
      }
    }
    if (words == v.texts.size()) {
      v.choice = true;
      v.siUnit = "";
      v.si.assign(v.texts.size(), std::numeric_limits<double>::quiet_NaN());
      return v;
    }
    Dimension dimension;
    for (std::size_t k = 0; k < v.texts.size(); ++k) {
      const Quantity q = [&] {
        try {
          return parseQuantity(v.texts[k]);
        } catch (const UnitError& e) {
          throw entry.error("values", "'" + v.texts[k] + "': " + e.what() +
                                          " (the other values are numbers: give all values as "
                                          "numbers, or all as words)");
        }
      }();
      if (k == 0) {
        dimension = q.dimension;
        v.siUnit = q.hasUnit ? q.dimension.toString() : "-";
      } else if (!(q.dimension == dimension)) {
        throw entry.error("values", "'" + v.texts[k] + "' is not of the dimension of '" + v.texts[0] + "'");
      }
      v.si.push_back(q.value);
    }
    return v;
  }
  readRange(entry, v);
  if (design == SweepDesign::LatinHypercube) {
    if (entry.has("points"))
      throw entry.error("points", sampler + " draws its own values: leave points out");
    return v;
  }
  if (!entry.has("points")) throw entry.error("", "give points: how many values from `from` to `to`");
  const auto n = static_cast<std::size_t>(entry.integer("points"));
  for (std::size_t k = 0; k < n; ++k) {
    const auto [text, si] = v.at(static_cast<double>(k) / static_cast<double>(n - 1));
    v.texts.push_back(text);
    v.si.push_back(si);
  }
  return v;
}

Expression parsedExpression(const Parameters& entry) {
  const std::string text = entry.string("expression");
  try {
    return Expression::parse(text);
  } catch (const ExpressionError& e) {
    throw entry.error("expression", "'" + text + "': " + e.what());
  }
}

// A derived key (`expression`, `unit`), its names resolved among the varied keys.
DerivedInput readDerived(const Parameters& vary, const std::string& key,
                         const std::vector<SweepVariable>& variables) {
  const Parameters& entry = vary.section(key);
  for (const char* other : {"from", "to", "points", "values", "name"})
    if (entry.has(other))
      throw entry.error(other, "a derived key has an expression (and a unit) only");
  DerivedInput d{key, vary.markOf(key), parsedExpression(entry), {},
                 entry.has("unit") ? entry.string("unit") : "", "-"};
  std::string known;
  for (const SweepVariable& v : variables)
    if (!v.name.empty()) known += (known.empty() ? "" : ", ") + v.name;
  for (const std::string& name : d.expression.variables()) {
    std::size_t i = 0;
    while (i < variables.size() && variables[i].name != name) ++i;
    if (i == variables.size())
      throw entry.error("expression", "'" + name + "' is not the name of a varied key (" +
                                          (known.empty() ? "none has a name: give one, e.g. name: tau"
                                                         : "known: " + known) + ")");
    if (variables[i].choice)
      throw entry.error("expression", "'" + name + "' takes words, not numbers");
    d.inputs.push_back(i);
  }
  if (!d.unit.empty()) {
    try {
      d.siUnit = unitScale(d.unit).dimension.toString();
    } catch (const UnitError& e) {
      throw entry.error("unit", "'" + d.unit + "': " + e.what());
    }
  }
  return d;
}

}  // namespace

std::shared_ptr<Schema> studyOverProcessSchema(const char* model, const std::string& doc, const char* name,
                                               const std::string& varyDoc) {
  auto s = std::make_shared<Schema>(model, doc);
  s->add(ParamSpec::string("model", std::string("The study: ") + model + ".").isRequired());
  s->add(ParamSpec::string("name", "Short name of the study (used in outputs).").defaultsTo(name));
  s->add(ParamSpec::string("description", "What the study is for.").defaultsTo(""));
  s->add(ParamSpec::section("process", processSchemaOf(), "The process case.").isRequired());
  s->add(ParamSpec::sectionMap("vary", variableSchemaOf(), varyDoc).isRequired());
  return s;
}

SchemaPtr parameterSweepSchema() {
  auto s = studyOverProcessSchema(
      kParameterSweepModel,
      "A process case run over a design of values of its keys: a full factorial grid, a seeded "
      "Latin hypercube or one key at a time; one table of inputs, status and metrics "
      "(docs/theory/studies.md, \"Sweeps\").",
      "sweep",
      "Process case key paths (dotted, list entries by number) and their values: "
      "`reactor.temperature: {from: 15 degC, to: 60 degC, points: 10}`.");
  s->add(ParamSpec::choice("design", designNames(),
                           "factorial: every combination of the keys' values; latin-hypercube: "
                           "`samples` points, one in each of `samples` strata of every key's range; "
                           "one-at-a-time: the case as it is, then each key over its values alone.")
             .defaultsTo("factorial"));
  s->add(ParamSpec::integer("samples", "Points of a Latin hypercube.").atLeast(2).atMost(100000));
  s->add(ParamSpec::integer("seed", "Seed of the Latin hypercube's draws (the same seed, the same "
                                    "points on every machine).")
             .defaultsTo("1")
             .atLeast(0));
  s->add(ParamSpec::integer("threads", "Process runs at once (each run is independent).")
             .defaultsTo("1")
             .atLeast(1)
             .atMost(64));
  s->add(ParamSpec::section("chart", chartSchema(),
                            "A design chart drawn from the table when the sweep ends (chart.png, "
                            "chart.svg; also `proscale chart FILE`)."));
  s->add(ParamSpec::real("case-time-limit", dim::time,
                         "Wall time one run may take; a run that reaches it stops, is recorded as "
                         "incomplete, and the sweep goes on.")
             .above(0));
  s->add(ParamSpec::boolean("keep-case-outputs",
                            "Keep each run's full output (as `proscale run` writes it) in "
                            "runs/run-NNNNNN/ of the sweep's directory.")
             .defaultsTo("false"));
  return s;
}

void ParameterSweep::readInputs(const Parameters& p) {
  const StudyProcess process = readStudyProcess(p.section("process"), file);
  processCase = process.caseName;
  processFile = process.file;
  processSet = process.set;
  processSetMark = process.setMark;
  const Parameters& vary = p.section("vary");
  if (vary.keys().empty()) throw p.error("vary", "give at least one key to vary");
  for (const std::string& key : vary.keys()) {
    for (const Override& o : processSet)
      if (o.keyPath == parseOverride(key + "=").keyPath)
        throw vary.error(key, "is also set by process.set; set it in one place");
    if (vary.section(key).has("expression")) continue;
    SweepVariable v = readVariable(vary, parseOverride(key + "=").keyPath, design, sampler);
    for (const SweepVariable& earlier : variables)
      if (!v.name.empty() && earlier.name == v.name)
        throw vary.section(key).error("name", "'" + v.name + "' names " + earlier.key + " already");
    variables.push_back(std::move(v));
  }
  for (const std::string& key : vary.keys()) {
    if (!vary.section(key).has("expression")) continue;
    if (design == SweepDesign::OneAtATime)
      throw vary.section(key).error("expression",
                                    "one-at-a-time runs leave keys at the case's own values, which "
                                    "a derived key cannot use: use a factorial or Latin hypercube "
                                    "design");
    derived.push_back(readDerived(vary, parseOverride(key + "=").keyPath, variables));
  }
  if (variables.empty()) throw p.error("vary", "give at least one key to vary, not only derived ones");
}

ParameterSweep ParameterSweep::fromParameters(const Parameters& p, const std::string& file) {
  ParameterSweep sweep;
  sweep.name = p.string("name");
  sweep.file = file;
  const std::string design = p.string("design");
  sweep.design = design == "factorial"         ? SweepDesign::Factorial
                 : design == "latin-hypercube" ? SweepDesign::LatinHypercube
                                               : SweepDesign::OneAtATime;
  if (sweep.design == SweepDesign::LatinHypercube) {
    if (!p.has("samples")) throw p.error("samples", "a Latin hypercube needs samples: how many points");
    sweep.samples = static_cast<std::size_t>(p.integer("samples"));
  } else if (p.has("samples")) {
    throw p.error("samples", "only a Latin hypercube takes samples; the " + design +
                                 " design's points come from the keys' values");
  }
  sweep.seed = static_cast<std::uint64_t>(p.integer("seed"));
  sweep.threads = static_cast<unsigned>(p.integer("threads"));
  if (p.has("case-time-limit")) sweep.caseTimeLimit = p.real("case-time-limit");
  sweep.keepCaseOutputs = p.boolean("keep-case-outputs");

  sweep.readInputs(p);
  if (p.has("chart")) sweep.chart = readChartRequest(p.section("chart"), sweep);
  return sweep;
}

}  // namespace proscale
