#pragma once
// A design chart of a sweep (`chart:` of a sweep file; docs/theory/studies.md "Design charts"):
// a structure metric contoured over two swept keys, other metrics' contours on top, the
// specification window shaded, the failed runs marked and, on request, a correlation fitted to
// the table drawn as dashed contours. proscale reads and checks the request and writes the
// chart's spec (chart.json: columns, display units, window in SI, the correlation's grid); the
// renderer, python/proscale/chart.py (matplotlib), draws chart.png and chart.svg from it.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/Correlation.h"
#include "app/MetricBounds.h"
#include "core/Parameters.h"
#include "core/Results.h"
#include "core/Schema.h"

namespace proscale {

struct ParameterSweep;
struct ResultTable;

/// A metric drawn (the contoured one or an overlay): its name, display unit and levels.
struct ChartMetric {
  std::string name;
  std::string unit;            ///< display unit ("nm"); "" for the metric's own
  std::vector<double> levels;  ///< in the display unit; empty: automatic
  SourceMark mark;
  std::string keyPath;         ///< "chart.metric", "chart.overlay.0.metric"
};

struct ChartRequest {
  std::size_t x = 0, y = 0;   ///< indices of the swept keys on the axes
  SourceMark xMark, yMark;
  std::string xLabel, yLabel, title;
  ChartMetric metric;
  std::vector<ChartMetric> overlays;
  std::vector<MetricBound> window;
  std::optional<CorrelationForm> correlation;
  SourceMark correlationMark;
};

/// The keys of `chart:`.
SchemaPtr chartSchema();
/// From the validated section. InputError at chart.x / chart.y for a key the sweep does not
/// vary (with "did you mean"), one that takes words, or the same key twice.
ChartRequest readChartRequest(const Parameters& chart, const ParameterSweep& sweep);
/// InputError at the chart's metric, an overlay or a window entry whose metric the process
/// case does not report (`metrics`: what it reports), or whose unit or bounds do not fit it.
void checkChartMetrics(const ChartRequest& chart, const std::vector<Metric>& metrics);

/// chart.json: what the renderer draws, from the sweep's table (`tableFile`, read as `table`);
/// InputError at chart.correlation when the correlation cannot be fitted to the table.
std::string chartSpecJson(const ChartRequest& chart, const ParameterSweep& sweep,
                          const ResultTable& table, const std::filesystem::path& tableFile,
                          const std::vector<std::filesystem::path>& outputs);

}  // namespace proscale
