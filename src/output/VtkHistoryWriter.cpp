#include "output/VtkHistoryWriter.h"

#include <vtkCellData.h>
#include <vtkDoubleArray.h>
#include <vtkFieldData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkRectilinearGrid.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <set>
#include <string>
#include <vector>

#include "core/Errors.h"
#include "output/PsdCheck.h"
#include "output/TextFormat.h"
#include "output/TimeSeriesCheck.h"
#include "output/VtkGridFile.h"

namespace proscale {
namespace {

/// Boundaries of the time cells around the output times' log10 positions (VtkHistoryWriter.h).
std::vector<double> timeCellBoundaries(const std::vector<double>& times,
                                       const std::filesystem::path& file) {
  const std::vector<double> u = log10Positions(times, file, "output time");
  const std::size_t m = u.size();
  std::vector<double> bounds(m + 1);
  if (m == 1) {
    bounds = {u[0] - 0.5, u[0] + 0.5};
  } else {
    bounds[0] = u[0] - 0.5 * (u[1] - u[0]);
    for (std::size_t k = 1; k < m; ++k) bounds[k] = u[k - 1] + 0.5 * (u[k] - u[k - 1]);
    bounds[m] = u[m - 1] + 0.5 * (u[m - 1] - u[m - 2]);
  }
  for (std::size_t k = 0; k <= m; ++k) {
    if (!std::isfinite(bounds[k]) || (k > 0 && !(bounds[k] > bounds[k - 1]))) {
      throw Error("cannot write '" + file.string() +
                  "': the output times are too close to build log10 time cells (boundary " +
                  std::to_string(k) + " is " + formatShortest(bounds[k]) + ")");
    }
  }
  return bounds;
}

/// "<name> [<unit>]" made safe, with "_2", "_3", ... after the name when sanitising made it
/// equal to an earlier array's name.
std::string distinctLabel(const SeriesColumn& column, std::set<std::string>& used) {
  std::string label = arrayLabel(column.name, column.unit);
  for (int copy = 2; used.count(label) > 0; ++copy)
    label = arrayLabel(column.name + "_" + std::to_string(copy), column.unit);
  used.insert(label);
  return label;
}

}  // namespace

void writePsdMap(const std::filesystem::path& file, const PsdHistory& psd) {
  checkPsdHistory(psd, file);
  const std::vector<double> x = log10Positions(psd.faces, file, "class face");
  const std::vector<double> y = timeCellBoundaries(psd.times, file);
  const std::size_t classes = psd.pivots.size();
  const std::size_t cells = classes * psd.times.size();
  const bool withVolume = psd.sizeMeaning == "diameter";

  auto density = namedArray("number_density_per_size [1/m^4]", cells);
  auto volume = namedArray("volume_fraction_per_size [1/m]", cells);
  auto size = namedArray("size [m]", cells);
  auto time = namedArray("time [s]", cells);
  std::vector<double> perLog(cells);
  for (std::size_t k = 0; k < psd.times.size(); ++k) {
    for (std::size_t i = 0; i < classes; ++i) {
      const std::size_t index = i + k * classes;
      const auto cell = static_cast<vtkIdType>(index);
      const double n = psd.number[k][i] / (psd.faces[i + 1] - psd.faces[i]);
      const double L = psd.pivots[i];
      perLog[index] = psd.number[k][i] / (x[i + 1] - x[i]);
      density->SetValue(cell, n);
      volume->SetValue(cell, std::numbers::pi / 6.0 * L * L * L * n);
      size->SetValue(cell, L);
      time->SetValue(cell, psd.times[k]);
    }
  }
  double floor = 0.0;
  const std::vector<double> logs = log10Floored(perLog, floor);
  auto floorValue = namedArray("log10_floor [log10(1/m^3)]", 1);
  floorValue->SetValue(0, floor);

  vtkNew<vtkRectilinearGrid> grid;
  grid->SetDimensions(static_cast<int>(classes + 1), static_cast<int>(y.size()), 1);
  grid->SetXCoordinates(filledArray("log10_size_faces", x));
  grid->SetYCoordinates(filledArray("log10_time_bounds", y));
  grid->SetZCoordinates(zeroCoordinate());
  vtkCellData* data = grid->GetCellData();
  data->AddArray(filledArray("log10_number_per_log10_size [log10(1/m^3)]", logs));
  data->AddArray(filledArray("number_per_log10_size [1/m^3]", perLog));
  data->AddArray(density);
  if (withVolume) data->AddArray(volume);
  data->AddArray(size);
  data->AddArray(time);
  grid->GetFieldData()->AddArray(filledArray("output_times [s]", psd.times));
  grid->GetFieldData()->AddArray(floorValue);
  writeGridAtomically(file, grid);
}

void writeTimeSeriesVtk(const std::filesystem::path& file, const TimeSeriesTable& table) {
  checkTimeSeries(table, file);
  checkTimeAxis(table, file);
  const std::size_t rows = table.rows.size();
  std::vector<double> times(rows);
  for (std::size_t r = 0; r < rows; ++r) times[r] = table.rows[r][0];

  vtkNew<vtkRectilinearGrid> grid;
  std::set<std::string> used;
  // Time as a point array too: ParaView's Plot Data takes its X array from the point data.
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    auto values = namedArray(distinctLabel(table.columns[c], used), rows);
    for (std::size_t r = 0; r < rows; ++r)
      values->SetValue(static_cast<vtkIdType>(r), table.rows[r][c]);
    grid->GetPointData()->AddArray(values);
  }
  grid->SetDimensions(static_cast<int>(rows), 1, 1);
  grid->SetXCoordinates(filledArray("time", times));
  grid->SetYCoordinates(zeroCoordinate());
  grid->SetZCoordinates(zeroCoordinate());
  writeGridAtomically(file, grid);
}

}  // namespace proscale
