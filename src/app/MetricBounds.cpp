#include "app/MetricBounds.h"

#include <algorithm>
#include <cmath>

#include "case/DidYouMean.h"
#include "core/Units.h"

namespace proscale {

double MetricBound::violation(double value) const {
  if (!std::isfinite(value)) return INFINITY;
  const double width = min && max ? *max - *min : std::max(std::abs(min ? *min : *max), 1e-300);
  double outside = 0.0;
  if (min && value < *min) outside = *min - value;
  if (max && value > *max) outside = value - *max;
  return outside / width;
}

std::optional<double> MetricBound::marginToMin(double value) const {
  return min ? std::optional<double>(value - *min) : std::nullopt;
}

std::optional<double> MetricBound::marginToMax(double value) const {
  return max ? std::optional<double>(*max - value) : std::nullopt;
}

std::string MetricBound::text() const {
  return (min ? minText + " <= " : std::string()) + metric + (max ? " <= " + maxText : std::string());
}

SchemaPtr metricBoundSchema() {
  auto s = std::make_shared<Schema>("metric bound", "A metric's acceptable range.");
  s->add(ParamSpec::string("min", "Lowest acceptable value, with the metric's unit (350 nm)."));
  s->add(ParamSpec::string("max", "Highest acceptable value, with the metric's unit."));
  return s;
}

std::vector<MetricBound> readMetricBounds(const Parameters& bounds, const std::string& path) {
  std::vector<MetricBound> out;
  for (const std::string& name : bounds.keys()) {
    const Parameters& entry = bounds.section(name);
    MetricBound b{name, {}, {}, "", "", bounds.markOf(name), path + "." + name};
    if (!entry.has("min") && !entry.has("max")) throw entry.error("", "give min, max or both");
    for (const bool lower : {true, false}) {
      const char* side = lower ? "min" : "max";
      if (!entry.has(side)) continue;
      const std::string text = entry.string(side);
      try {
        (lower ? b.min : b.max) = parseQuantity(text).value;
      } catch (const UnitError& e) {
        throw entry.error(side, "'" + text + "': " + e.what());
      }
      (lower ? b.minText : b.maxText) = text;
    }
    if (b.min && b.max && !(*b.min < *b.max))
      throw entry.error("max", "the range is empty: max (" + b.maxText + ") must be above min (" +
                                   b.minText + ")");
    out.push_back(std::move(b));
  }
  return out;
}

const Metric* findMetric(const std::vector<Metric>& metrics, const std::string& name) {
  for (const Metric& m : metrics)
    if (m.name == name) return &m;
  return nullptr;
}

InputError unknownMetric(const SourceMark& mark, const std::string& keyPath, const std::string& name,
                         const std::vector<Metric>& metrics) {
  std::vector<std::string> names;
  for (const Metric& m : metrics) names.push_back(m.name);
  return InputError(mark, keyPath, "the process case reports no metric '" + name + "'" +
                                       didYouMean(name, names) + " (`proscale outputs` lists them)");
}

void checkMetricBounds(const std::vector<MetricBound>& bounds, const std::vector<Metric>& metrics) {
  for (const MetricBound& b : bounds) {
    const Metric* metric = findMetric(metrics, b.metric);
    if (metric == nullptr) throw unknownMetric(b.mark, b.keyPath, b.metric, metrics);
    const Dimension own = unitScale(metric->unit).dimension;
    for (const std::string* text : {&b.minText, &b.maxText})
      if (!text->empty() && !(parseQuantity(*text).dimension == own))
        throw InputError(b.mark, b.keyPath,
                         "'" + *text + "' is not of the dimension of " + b.metric + " (" + metric->unit + ")");
  }
}

}  // namespace proscale
