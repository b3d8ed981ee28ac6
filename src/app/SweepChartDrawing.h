#pragma once
// A sweep's chart drawn from its table (SweepChart.h, ChartRenderer.h): chart.json, then
// chart.png and chart.svg, in the sweep's directory; at the end of `proscale sweep` and by
// `proscale chart STUDY.yaml` on the table an earlier sweep wrote.
#include <string>
#include <vector>

#include "app/ParameterSweep.h"
#include "output/OutputDirectory.h"

namespace proscale {

/// Draws the sweep's chart from dir/sweep.csv. InputError for a request the table cannot
/// serve (a metric it lacks, a correlation that cannot be fitted). Returns the files written,
/// or throws Error with the renderer's message when it could not draw.
std::vector<std::string> drawSweepChart(const ParameterSweep& sweep, OutputDirectory& dir);

}  // namespace proscale
