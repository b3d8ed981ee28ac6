#include "app/SweepGrid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "output/VtkStudyGrid.h"

namespace proscale {

bool writeSweepGrid(const ParameterSweep& sweep, const std::vector<ParameterSweep::Point>& points,
                    const std::map<std::size_t, SweepRunRecord>& records, OutputDirectory& dir) {
  const std::vector<SweepVariable>& vars = sweep.variables;
  if (sweep.design != SweepDesign::Factorial || vars.empty() || vars.size() > 3) return false;
  std::vector<StudyGridAxis> axes;
  for (std::size_t k = vars.size(); k-- > 0;) {
    const SweepVariable& v = vars[k];
    if (v.choice) return false;
    const std::string name = v.key + " [" + v.siUnit + "]";
    StudyGridAxis axis{v.logarithmic ? "log10(" + name + ")" : name, {}};
    for (double value : v.si) axis.values.push_back(v.logarithmic ? std::log10(value) : value);
    axes.push_back(std::move(axis));
  }
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<StudyGridArray> arrays;
  std::map<std::string, std::size_t> index;
  StudyGridArray status{"status", std::vector<double>(points.size(), 3.0)};
  for (const auto& [run, record] : records) {
    status.values[run - 1] = static_cast<double>(record.status);
    for (const Metric& m : record.metrics) {
      const auto [at, added] = index.emplace(m.name, arrays.size());
      if (added)
        arrays.push_back({m.name + " [" + (m.unit.empty() ? "-" : m.unit) + "]",
                          std::vector<double>(points.size(), nan)});
      if (record.status != RunStatus::Incomplete) arrays[at->second].values[run - 1] = m.value;
    }
  }
  arrays.push_back(std::move(status));
  // The chart's metric first: the file's active scalars, what ParaView shows when it opens it.
  if (sweep.chart)
    for (std::size_t k = 0; k < arrays.size(); ++k)
      if (arrays[k].name.starts_with(sweep.chart->metric.name + " [")) std::rotate(arrays.begin(), arrays.begin() + k, arrays.begin() + k + 1);
  try {
    writeStudyGridVti(dir.fileForWriting("sweep.vti"), axes, arrays);
  } catch (const std::invalid_argument&) {
    return false;  // values that are not evenly spaced: no image data, the table has them
  }
  return true;
}

}  // namespace proscale
