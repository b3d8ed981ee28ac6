#pragma once
// Bounds on summary metrics, as engineers write a specification: `d50_volume: {min: 350 nm,
// max: 500 nm}`, `span_volume: {max: 0.85}`. A design chart shades where they all hold; an
// inverse design searches for the process conditions that meet them.
#include <optional>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Results.h"
#include "core/Schema.h"

namespace proscale {

struct MetricBound {
  std::string metric;
  std::optional<double> min, max;  ///< SI; absent: unbounded
  std::string minText, maxText;    ///< as written ("350 nm")
  SourceMark mark;
  std::string keyPath;             ///< "chart.window.d50_volume"

  /// How far `value` is outside the bounds, relative to the window's width (both bounds) or
  /// to the bound's magnitude (one bound); 0 inside.
  double violation(double value) const;
  /// value - min and max - value (SI; absent without that bound): positive inside.
  std::optional<double> marginToMin(double value) const;
  std::optional<double> marginToMax(double value) const;
  /// "350 nm <= d50_volume <= 500 nm", "span_volume <= 0.85".
  std::string text() const;
};

/// The entry schema of a map of bounds (min, max).
SchemaPtr metricBoundSchema();
/// The bounds of a validated map section `bounds` (at `path`, e.g. "chart.window").
/// InputError for an entry with neither bound, an unreadable value, or min not below max.
std::vector<MetricBound> readMetricBounds(const Parameters& bounds, const std::string& path);
/// InputError at a bound whose metric the case does not report (with "did you mean") or whose
/// values are not of the metric's dimension.
void checkMetricBounds(const std::vector<MetricBound>& bounds, const std::vector<Metric>& metrics);
/// The metric called `name` among `metrics`; nullptr if none.
const Metric* findMetric(const std::vector<Metric>& metrics, const std::string& name);
/// InputError: the case reports no metric `name` (with "did you mean" among `metrics`).
InputError unknownMetric(const SourceMark& mark, const std::string& keyPath, const std::string& name,
                         const std::vector<Metric>& metrics);

}  // namespace proscale
