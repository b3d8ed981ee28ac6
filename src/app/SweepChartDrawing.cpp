#include "app/SweepChartDrawing.h"

#include "app/ChartRenderer.h"
#include "app/ResultTable.h"
#include "app/StudySupport.h"

namespace proscale {

std::vector<std::string> drawSweepChart(const ParameterSweep& sweep, OutputDirectory& dir) {
  const std::filesystem::path tableFile = dir.path("sweep.csv");
  if (!std::filesystem::is_regular_file(tableFile))
    throw OutputDirectoryError("'" + dir.root().string() +
                               "' holds no sweep.csv: run the sweep first (proscale sweep " +
                               sweep.file + " -o " + dir.root().string() + ")");
  const ResultTable table = [&] {
    try {
      return ResultTable::read(tableFile);
    } catch (const std::runtime_error& e) {
      throw OutputDirectoryError(e.what());
    }
  }();
  const std::vector<std::string> names{"chart.png", "chart.svg"};
  std::vector<std::filesystem::path> outputs;
  for (const std::string& name : names) outputs.push_back(dir.path(name));
  writeStudyFile(dir, "chart.json", chartSpecJson(*sweep.chart, sweep, table, tableFile, outputs));
  if (const std::string why = renderChart(dir.path("chart.json")); !why.empty())
    throw Error("the chart could not be drawn: " + why);
  return names;
}

}  // namespace proscale
