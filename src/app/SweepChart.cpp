// A sweep's design chart: the request, its checks and the renderer's spec (SweepChart.h).
#include "app/SweepChart.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "app/ChartRenderer.h"
#include "app/ParameterSweep.h"
#include "app/ResultTable.h"
#include "case/DidYouMean.h"
#include "core/Dimension.h"
#include "core/NumberFormat.h"
#include "core/Units.h"
#include "output/JsonWriter.h"

namespace proscale {
namespace {

SchemaPtr metricSchema(const char* what) {
  auto s = std::make_shared<Schema>("chart metric", what);
  s->add(ParamSpec::string("metric", "A summary metric of the process case (d50_volume, "
                                     "span_volume, cv, ...; `proscale outputs CASE` lists them).")
             .isRequired());
  s->add(ParamSpec::string("unit", "The unit it is shown in (e.g. nm); default: its own (SI)."));
  s->add(ParamSpec::realList("levels", Dimension{}, "Contour levels, in that unit; default: "
                                                    "chosen by the renderer."));
  return s;
}

ChartMetric readMetric(const Parameters& section, const std::string& path) {
  ChartMetric m;
  m.name = section.string("metric");
  m.mark = section.markOf("metric");
  m.keyPath = path + ".metric";
  if (section.has("unit")) m.unit = section.string("unit");
  if (section.has("levels")) m.levels = section.reals("levels");
  return m;
}

std::size_t sweptKey(const Parameters& chart, const char* axis, const ParameterSweep& sweep) {
  const std::string key = chart.string(axis);
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < sweep.variables.size(); ++i) {
    keys.push_back(sweep.variables[i].key);
    if (sweep.variables[i].key != key) continue;
    if (sweep.variables[i].choice)
      throw chart.error(axis, "'" + key + "' takes words, not numbers: a chart needs numbers on its axes");
    return i;
  }
  throw chart.error(axis, "'" + key + "' is not swept" + didYouMean(key, keys) +
                              "; the swept keys: " + joinWords(keys));
}

// SI = scale * shown + offset for a value shown in `unit`.
// A swept key's unit as the sweep file writes it (the range's, or the first value's).
std::string variableUnit(const SweepVariable& v) {
  return v.range ? v.unit : std::string(unitText(v.texts.front()));
}

// The unit `shown` must measure the metric's own unit.
void checkUnit(const ChartMetric& m, const Metric& metric) {
  if (m.unit.empty()) return;
  try {
    if (unitScale(m.unit).dimension == unitScale(metric.unit).dimension) return;
  } catch (const UnitError& e) {
    throw InputError(m.mark, m.keyPath, "unit '" + m.unit + "': " + e.what());
  }
  throw InputError(m.mark, m.keyPath, "'" + m.name + "' is in " + metric.unit + ", which '" +
                                          m.unit + "' does not measure");
}

void axisJson(JsonWriter& json, const ResultTable& table, const SweepVariable& v,
              const std::string& label) {
  const std::string unit = variableUnit(v);
  const UnitScale u = unitScale(unit);
  json.beginObject();
  json.member("column", table.header(*table.column(v.key)));
  json.member("label", label.empty() ? v.key : label);
  json.member("unit", unit);
  json.member("scale", u.scale);
  json.member("offset", u.offset);
  json.member("log", v.logarithmic);
  json.endObject();
}

void metricJson(JsonWriter& json, const ResultTable& table, const ChartMetric& m) {
  const UnitScale u = unitScale(m.unit);
  const std::size_t column = *table.column(m.name);
  json.beginObject();
  json.member("column", table.header(column));
  json.member("label", m.name);
  json.member("unit", m.unit.empty() ? (table.units[column] == "-" ? "" : table.units[column]) : m.unit);
  json.member("scale", u.scale);
  json.member("offset", u.offset);
  json.member("log", false);
  json.key("levels");
  if (m.levels.empty()) {
    json.null();
  } else {
    json.beginArray();
    for (double level : m.levels) json.value(level);
    json.endArray();
  }
  json.endObject();
}

std::size_t tableColumn(const ResultTable& table, const std::string& name, const SourceMark& mark,
                        const std::string& keyPath) {
  if (const auto c = table.column(name)) return *c;
  throw InputError(mark, keyPath, "no column '" + name + "' in " + table.file.string() +
                                      didYouMean(name, table.names) + "; was the table made by this sweep?");
}

// The correlation of the metric in the two axes' keys, fitted to the table's complete runs,
// and its values on a 60 x 60 grid over the swept ranges (log-spaced on a log axis).
void predictionJson(JsonWriter& json, const ChartRequest& chart, const ParameterSweep& sweep,
                    const ResultTable& table) {
  const SweepVariable& vx = sweep.variables[chart.x];
  const SweepVariable& vy = sweep.variables[chart.y];
  const std::size_t cx = *table.column(vx.key), cy = *table.column(vy.key);
  const std::size_t cz = *table.column(chart.metric.name);
  const auto status = table.column("status");
  CorrelationData data{chart.metric.name, {vx.key, vy.key}, {}, {}, "run", {}};
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (status && table.rows[r][*status] != "complete") continue;
    data.y.push_back(table.number(r, cz));
    data.x.push_back({table.number(r, cx), table.number(r, cy)});
    data.labels.push_back(table.rows[r][0]);
  }
  const Correlation c = [&] {
    try {
      return correlate(data, *chart.correlation);
    } catch (const std::invalid_argument& e) {
      throw InputError(chart.correlationMark, "chart.correlation", e.what());
    }
  }();
  const auto range = [&](const SweepVariable& v, std::size_t column) {
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      lo = std::min(lo, table.number(r, column));
      hi = std::max(hi, table.number(r, column));
    }
    std::vector<double> values;
    for (int k = 0; k < 60; ++k) {
      const double u = k / 59.0;
      values.push_back(v.logarithmic ? lo * std::pow(hi / lo, u) : lo + u * (hi - lo));
    }
    return values;
  };
  const std::vector<double> xs = range(vx, cx), ys = range(vy, cy);
  json.key("prediction").beginObject();
  json.member("label", std::string(c.form == CorrelationForm::PowerLaw ? "power law" : "quadratic") +
                           " fit (R² = " + formatNumber(c.fit.rSquared, 3) + ")");
  json.member("equation", c.equation());
  json.key("x").beginArray();
  for (double x : xs) json.value(x);
  json.endArray();
  json.key("y").beginArray();
  for (double y : ys) json.value(y);
  json.endArray();
  json.key("z").beginArray();
  for (double y : ys) {
    json.beginArray();
    for (double x : xs) json.value(c.predict({x, y}));
    json.endArray();
  }
  json.endArray();
  json.endObject();
}

}  // namespace

SchemaPtr chartSchema() {
  auto s = std::make_shared<Schema>(
      "chart", "A design chart drawn from the sweep's table: a metric contoured over two swept "
               "keys, other metrics' contours, the specification window shaded, failed runs "
               "marked (chart.png, chart.svg; docs/theory/studies.md, \"Design charts\").");
  s->add(ParamSpec::string("x", "The swept key on the horizontal axis.").isRequired());
  s->add(ParamSpec::string("y", "The swept key on the vertical axis.").isRequired());
  s->add(ParamSpec::string("x-label", "The horizontal axis's label (default: the key)."));
  s->add(ParamSpec::string("y-label", "The vertical axis's label (default: the key)."));
  s->add(ParamSpec::string("title", "The chart's title (default: the sweep's description or name)."));
  s->add(ParamSpec::string("metric", "The metric contoured in colour.").isRequired());
  s->add(ParamSpec::string("unit", "The unit it is shown in (e.g. nm); default: its own (SI)."));
  s->add(ParamSpec::realList("levels", Dimension{}, "Its contour levels, in that unit."));
  s->add(ParamSpec::sectionList("overlay", metricSchema("A metric drawn as labelled contour lines."),
                                "Metrics drawn as contour lines on top."));
  s->add(ParamSpec::sectionMap("window", metricBoundSchema(),
                               "The specification window: metrics and their bounds "
                               "(`d50_volume: {min: 350 nm, max: 500 nm}`), shaded where all hold."));
  s->add(ParamSpec::choice("correlation", {"none", "power-law", "quadratic"},
                           "A correlation of the metric in the two keys, fitted to the complete "
                           "runs and drawn as dashed contours.")
             .defaultsTo("none"));
  return s;
}

ChartRequest readChartRequest(const Parameters& chart, const ParameterSweep& sweep) {
  ChartRequest r;
  r.x = sweptKey(chart, "x", sweep);
  r.y = sweptKey(chart, "y", sweep);
  r.xMark = chart.markOf("x");
  r.yMark = chart.markOf("y");
  if (r.x == r.y) throw chart.error("y", "the same key as x: a chart needs two swept keys");
  if (chart.has("x-label")) r.xLabel = chart.string("x-label");
  if (chart.has("y-label")) r.yLabel = chart.string("y-label");
  r.title = chart.has("title") ? chart.string("title") : sweep.name;
  r.metric = readMetric(chart, "chart");
  const Parameters::List& overlays = chart.has("overlay") ? chart.list("overlay") : Parameters::List{};
  for (std::size_t k = 0; k < overlays.size(); ++k)
    r.overlays.push_back(readMetric(overlays[k], "chart.overlay." + std::to_string(k)));
  if (chart.has("window")) r.window = readMetricBounds(chart.section("window"), "chart.window");
  const std::string form = chart.string("correlation");
  r.correlationMark = chart.markOf("correlation");
  if (form != "none") r.correlation = form == "quadratic" ? CorrelationForm::Quadratic : CorrelationForm::PowerLaw;
  return r;
}

void checkChartMetrics(const ChartRequest& chart, const std::vector<Metric>& metrics) {
  std::vector<const ChartMetric*> drawn{&chart.metric};
  for (const ChartMetric& m : chart.overlays) drawn.push_back(&m);
  for (const ChartMetric* m : drawn) {
    const Metric* metric = findMetric(metrics, m->name);
    if (metric == nullptr) throw unknownMetric(m->mark, m->keyPath, m->name, metrics);
    checkUnit(*m, *metric);
  }
  checkMetricBounds(chart.window, metrics);
}

std::string chartSpecJson(const ChartRequest& chart, const ParameterSweep& sweep,
                          const ResultTable& table, const std::filesystem::path& tableFile,
                          const std::vector<std::filesystem::path>& outputs) {
  tableColumn(table, sweep.variables[chart.x].key, chart.xMark, "chart.x");
  tableColumn(table, sweep.variables[chart.y].key, chart.yMark, "chart.y");
  tableColumn(table, chart.metric.name, chart.metric.mark, chart.metric.keyPath);
  for (const ChartMetric& m : chart.overlays) tableColumn(table, m.name, m.mark, m.keyPath);
  for (const MetricBound& b : chart.window) tableColumn(table, b.metric, b.mark, b.keyPath);

  std::ostringstream text;
  JsonWriter json(text);
  json.beginObject();
  json.member("title", chart.title);
  json.member("table", std::filesystem::absolute(tableFile).string());
  json.key("x");
  axisJson(json, table, sweep.variables[chart.x], chart.xLabel);
  json.key("y");
  axisJson(json, table, sweep.variables[chart.y], chart.yLabel);
  json.key("metric");
  metricJson(json, table, chart.metric);
  json.key("overlay").beginArray();
  for (const ChartMetric& m : chart.overlays) metricJson(json, table, m);
  json.endArray();
  json.key("window").beginArray();
  for (const MetricBound& b : chart.window) {
    json.beginObject();
    json.member("column", table.header(*table.column(b.metric)));
    json.member("label", b.metric);
    json.key("min");
    b.min ? json.value(*b.min) : json.null();
    json.key("max");
    b.max ? json.value(*b.max) : json.null();
    json.endObject();
  }
  json.endArray();
  if (chart.correlation) predictionJson(json, chart, sweep, table);
  endRendererSpec(json, outputs);
  return text.str();
}

}  // namespace proscale
