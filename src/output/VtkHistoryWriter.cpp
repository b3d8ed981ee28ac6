#include "output/VtkHistoryWriter.h"

#include <vtkCellData.h>
#include <vtkDoubleArray.h>
#include <vtkFieldData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkRectilinearGrid.h>
#include <vtkStringArray.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "core/Errors.h"
#include "output/PsdCheck.h"
#include "output/TextFormat.h"
#include "output/TimeSeriesCheck.h"
#include "output/VtkGridFile.h"

namespace proscale {
namespace {

/// Boundaries [s] of the time cells around the output times (see VtkHistoryWriter.h).
std::vector<double> timeCellBoundaries(const std::vector<double>& times,
                                       const std::filesystem::path& file) {
  const std::size_t m = times.size();
  std::vector<double> bounds(m + 1);
  if (m == 1) {
    const double half = 0.5 * std::max(1.0, std::abs(times[0]));
    bounds = {times[0] - half, times[0] + half};
  } else {
    bounds[0] = times[0] - 0.5 * (times[1] - times[0]);
    for (std::size_t k = 1; k < m; ++k) bounds[k] = times[k - 1] + 0.5 * (times[k] - times[k - 1]);
    bounds[m] = times[m - 1] + 0.5 * (times[m - 1] - times[m - 2]);
  }
  for (std::size_t k = 0; k <= m; ++k) {
    if (!std::isfinite(bounds[k]) || (k > 0 && !(bounds[k] > bounds[k - 1]))) {
      throw Error("cannot write '" + file.string() +
                  "': the output times are too large or too close to build time cells (boundary " +
                  std::to_string(k) + " is " + formatShortest(bounds[k]) + " s)");
    }
  }
  return bounds;
}

vtkNew<vtkDoubleArray> coordinates(const char* name, const std::vector<double>& values) {
  auto array = namedArray(name, values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    array->SetValue(static_cast<vtkIdType>(i), values[i]);
  return array;
}

/// The value written for densities <= 0: log10(smallest positive density / 1e6), kept at or
/// above log10 of the smallest subnormal double; 0 when no density is positive.
double log10Floor(const PsdHistory& psd) {
  double smallest = std::numeric_limits<double>::infinity();
  for (const auto& number : psd.number) {
    for (std::size_t i = 0; i < number.size(); ++i) {
      const double density = number[i] / (psd.faces[i + 1] - psd.faces[i]);
      if (density > 0.0) smallest = std::min(smallest, density);
    }
  }
  if (!std::isfinite(smallest)) return 0.0;
  return std::log10(std::max(smallest / 1e6, std::numeric_limits<double>::denorm_min()));
}

}  // namespace

void writePsdMap(const std::filesystem::path& file, const PsdHistory& psd) {
  checkPsdHistory(psd, file);
  const std::vector<double> bounds = timeCellBoundaries(psd.times, file);
  const std::size_t classes = psd.pivots.size();
  const std::size_t cells = classes * psd.times.size();
  const bool withVolume = psd.sizeMeaning == "diameter";
  const double floor = log10Floor(psd);

  auto density = namedArray("number_density", cells);
  auto volume = namedArray("volume_fraction_density", cells);
  auto logDensity = namedArray("log10_number_density", cells);
  for (std::size_t k = 0; k < psd.times.size(); ++k) {
    for (std::size_t i = 0; i < classes; ++i) {
      const auto cell = static_cast<vtkIdType>(i + k * classes);
      const double n = psd.number[k][i] / (psd.faces[i + 1] - psd.faces[i]);
      const double size = psd.pivots[i];
      density->SetValue(cell, n);
      volume->SetValue(cell, std::numbers::pi / 6.0 * size * size * size * n);
      logDensity->SetValue(cell, n > 0.0 ? std::log10(n) : floor);
    }
  }
  auto timeValues = coordinates("TIME_VALUES", psd.times);
  auto floorValue = namedArray("LOG10_FLOOR", 1);
  floorValue->SetValue(0, floor);

  vtkNew<vtkRectilinearGrid> grid;
  grid->SetDimensions(static_cast<int>(classes + 1), static_cast<int>(bounds.size()), 1);
  grid->SetXCoordinates(coordinates("faces", psd.faces));
  grid->SetYCoordinates(coordinates("time_bounds", bounds));
  grid->SetZCoordinates(zeroCoordinate());
  grid->GetCellData()->AddArray(density);
  if (withVolume) grid->GetCellData()->AddArray(volume);
  grid->GetCellData()->AddArray(logDensity);
  grid->GetFieldData()->AddArray(timeValues);
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
  vtkNew<vtkStringArray> units;
  units->SetName("UNITS");
  for (std::size_t c = 1; c < table.columns.size(); ++c) {
    auto values = namedArray(table.columns[c].name.c_str(), rows);
    for (std::size_t r = 0; r < rows; ++r)
      values->SetValue(static_cast<vtkIdType>(r), table.rows[r][c]);
    grid->GetPointData()->AddArray(values);
    units->InsertNextValue(unitLabel(table.columns[c].unit));
  }
  grid->SetDimensions(static_cast<int>(rows), 1, 1);
  grid->SetXCoordinates(coordinates("time", times));
  grid->SetYCoordinates(zeroCoordinate());
  grid->SetZCoordinates(zeroCoordinate());
  grid->GetFieldData()->AddArray(units);
  writeGridAtomically(file, grid);
}

}  // namespace proscale
