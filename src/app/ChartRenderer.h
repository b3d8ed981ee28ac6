#pragma once
// Draws a chart spec (SweepChart.h's chart.json) with the renderer python/proscale/chart.py
// under Debian's python3 with matplotlib, so that the engineer needs no Python of their own.
// The interpreter and the script are the build's (PROSCALE_PYTHON, PROSCALE_CHART_SCRIPT); the
// environment variables of the same names override them.
#include <filesystem>
#include <string>

namespace proscale {

/// Runs the renderer on `spec`. Returns "" when it drew every output, else why not (its own
/// message, or why it could not be started).
std::string renderChart(const std::filesystem::path& spec);

}  // namespace proscale
