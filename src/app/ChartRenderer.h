#pragma once
// Draws a chart spec (SweepChart.h's chart.json, the sensitivity study's bars) with a renderer
// of python/proscale/ (chart.py, bars.py) under Debian's python3 with matplotlib, so that the
// engineer needs no Python of their own. The interpreter and the renderers' folder are the
// build's (PROSCALE_PYTHON, PROSCALE_RENDERERS); environment variables of the same names
// override them.
#include <filesystem>
#include <string>
#include <vector>

#include "output/JsonWriter.h"

namespace proscale {

/// Runs the renderer `script` ("chart.py") on `spec`. Returns "" when it drew every output,
/// else why not (its own message, or why it could not be started).
std::string renderChart(const std::filesystem::path& spec, const std::string& script = "chart.py");

/// Ends a renderer's spec: its `outputs` (the files to draw, as absolute paths) and the
/// closing of the spec's object.
void endRendererSpec(JsonWriter& json, const std::vector<std::filesystem::path>& outputs);

}  // namespace proscale
