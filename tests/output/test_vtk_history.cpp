// psd_map.vtr and timeseries.vtr read back with VTK's own XML reader: grid, coordinates,
// arrays, field data, refusals and atomic replacement.
#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkFieldData.h>
#include <vtkNew.h>
#include <vtkObject.h>
#include <vtkPointData.h>
#include <vtkRectilinearGrid.h>
#include <vtkSmartPointer.h>
#include <vtkStringArray.h>
#include <vtkXMLRectilinearGridReader.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "TempDir.h"
#include "core/Errors.h"
#include "output/VtkHistoryWriter.h"

using proscale::testing::readText;
using proscale::testing::TempDir;

namespace {

proscale::PsdHistory samplePsd() {
  proscale::PsdHistory psd;
  psd.faces = {1e-9, 2e-9, 4e-9, 8e-9, 16e-9};
  psd.pivots = {1.5e-9, 3e-9, 6e-9, 12e-9};
  psd.times = {0.0, 10.0, 30.0};
  psd.number = {{0.0, 0.0, 0.0, 0.0}, {1e21, 5e20, -1e10, 3e15}, {1e18, 2e20, 6e20, 4e19}};
  return psd;
}

proscale::TimeSeriesTable sampleTable() {
  proscale::TimeSeriesTable table;
  table.columns = {{"time", "s", "time"},
                   {"temperature", "K", "temperature"},
                   {"c_Ba+2", "mol/m^3", "barium"},
                   {"supersaturation", "", "saturation ratio"}};
  table.rows = {{0.0, 298.15, 10.0, 1.0},
                {0.1 + 0.2, 298.15, 9.999999999999998, 1234.5678901234567},
                {60.0, 300.0, 1e-12, 0.5}};
  return table;
}

vtkSmartPointer<vtkRectilinearGrid> readGrid(const std::filesystem::path& file) {
  REQUIRE(std::filesystem::exists(file));
  vtkNew<vtkXMLRectilinearGridReader> reader;
  reader->SetFileName(file.string().c_str());
  reader->Update();
  vtkSmartPointer<vtkRectilinearGrid> grid = reader->GetOutput();
  REQUIRE(grid != nullptr);
  return grid;
}

std::vector<int> dimensions(vtkRectilinearGrid* grid) {
  int dims[3];
  grid->GetDimensions(dims);
  return {dims[0], dims[1], dims[2]};
}

/// The values of a one-component array, checked to have `size` tuples.
std::vector<double> values(vtkDataArray* array, std::size_t size) {
  REQUIRE(array != nullptr);
  REQUIRE(array->GetNumberOfComponents() == 1);
  REQUIRE(array->GetNumberOfTuples() == static_cast<vtkIdType>(size));
  std::vector<double> out(size);
  for (std::size_t i = 0; i < size; ++i) out[i] = array->GetTuple1(static_cast<vtkIdType>(i));
  return out;
}

/// Runs `write` with VTK's error printing off (a failed open would print to stderr).
template <class Write>
void quietly(Write write) {
  const int previous = vtkObject::GetGlobalWarningDisplay();
  vtkObject::GlobalWarningDisplayOff();
  try {
    write();
  } catch (...) {
    vtkObject::SetGlobalWarningDisplay(previous);
    throw;
  }
  vtkObject::SetGlobalWarningDisplay(previous);
}

}  // namespace

TEST_CASE("writePsdMap writes a size x time grid with densities per cell", "[unit]") {
  TempDir dir;
  const auto psd = samplePsd();
  const auto file = dir.path() / "psd_map.vtr";
  proscale::writePsdMap(file, psd);
  CHECK(dir.entries() == std::vector<std::string>{"psd_map.vtr"});

  const auto grid = readGrid(file);
  const std::size_t classes = 4;
  CHECK(dimensions(grid) == std::vector<int>{5, 4, 1});
  CHECK(grid->GetNumberOfCells() == 12);
  CHECK(values(grid->GetXCoordinates(), 5) == psd.faces);
  CHECK(values(grid->GetYCoordinates(), 4) == std::vector<double>{-5.0, 5.0, 20.0, 40.0});
  CHECK(values(grid->GetZCoordinates(), 1) == std::vector<double>{0.0});
  CHECK(values(grid->GetFieldData()->GetArray("TIME_VALUES"), 3) == psd.times);

  // Smallest positive density is 3e15 / 8e-9 (class 3 at t = 10 s); the floor is 1e6 below.
  const double floor = std::log10(3e15 / 8e-9 / 1e6);
  CHECK(values(grid->GetFieldData()->GetArray("LOG10_FLOOR"), 1)[0] ==
        Approx(floor).epsilon(1e-14));

  vtkCellData* cells = grid->GetCellData();
  const auto density = values(cells->GetArray("number_density"), 12);
  const auto volume = values(cells->GetArray("volume_fraction_density"), 12);
  const auto logDensity = values(cells->GetArray("log10_number_density"), 12);
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < static_cast<int>(classes); ++i) {
      int ijk[3] = {i, k, 0};
      const auto cell = static_cast<std::size_t>(grid->ComputeCellId(ijk));
      CHECK(cell == static_cast<std::size_t>(i) + static_cast<std::size_t>(k) * classes);
      const double width = psd.faces[i + 1] - psd.faces[i];
      const double n = psd.number[k][i] / width;
      const double L = psd.pivots[i];
      CHECK(density[cell] == n);
      CHECK(volume[cell] == Approx(std::numbers::pi / 6.0 * L * L * L * n).epsilon(1e-15));
      if (n > 0.0) {
        CHECK(logDensity[cell] == Approx(std::log10(n)).epsilon(1e-15));
      } else {
        CHECK(logDensity[cell] == Approx(floor).epsilon(1e-14));  // zero and the -1e10 undershoot
      }
    }
  }
}

TEST_CASE("writePsdMap time cells for one output time and for sizes that are not diameters",
          "[unit]") {
  TempDir dir;
  auto psd = samplePsd();
  psd.times = {100.0};
  psd.number = {{0.0, 0.0, 0.0, 0.0}};
  psd.sizeMeaning = "volume";
  proscale::writePsdMap(dir.path() / "psd_map.vtr", psd);
  auto grid = readGrid(dir.path() / "psd_map.vtr");
  CHECK(dimensions(grid) == std::vector<int>{5, 2, 1});
  CHECK(values(grid->GetYCoordinates(), 2) == std::vector<double>{50.0, 150.0});
  CHECK(grid->GetCellData()->GetArray("volume_fraction_density") == nullptr);
  // No positive density anywhere: every log10 cell and the floor are 0.
  CHECK(values(grid->GetCellData()->GetArray("log10_number_density"), 4) ==
        std::vector<double>(4, 0.0));
  CHECK(values(grid->GetFieldData()->GetArray("LOG10_FLOOR"), 1) == std::vector<double>{0.0});

  psd.times = {0.0};
  proscale::writePsdMap(dir.path() / "psd_map.vtr", psd);
  grid = readGrid(dir.path() / "psd_map.vtr");
  CHECK(values(grid->GetYCoordinates(), 2) == std::vector<double>{-0.5, 0.5});
}

TEST_CASE("writePsdMap refuses bad histories and keeps the previous file", "[unit]") {
  TempDir dir;
  const auto file = dir.path() / "psd_map.vtr";
  proscale::writePsdMap(file, samplePsd());
  const std::string before = readText(file);

  auto broken = samplePsd();
  broken.number[1][2] = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(proscale::writePsdMap(file, broken),
                    Catch::Contains("psd_map.vtr") && Catch::Contains("class 2 at t = 10 s"));
  broken = samplePsd();
  broken.times[2] = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(proscale::writePsdMap(file, broken), proscale::Error);
  broken = samplePsd();
  broken.times = {-1.5e308, 0.0, 1.5e308};  // first cell boundary -2.25e308 overflows
  CHECK_THROWS_WITH(proscale::writePsdMap(file, broken), Catch::Contains("time cells"));
  broken = samplePsd();
  broken.number.pop_back();
  CHECK_THROWS_AS(proscale::writePsdMap(file, broken), proscale::Error);

  CHECK(dir.entries() == std::vector<std::string>{"psd_map.vtr"});
  CHECK(readText(file) == before);
}

TEST_CASE("writeTimeSeriesVtk writes one point array per column along time", "[unit]") {
  TempDir dir;
  const auto table = sampleTable();
  const auto file = dir.path() / "timeseries.vtr";
  proscale::writeTimeSeriesVtk(file, table);
  CHECK(dir.entries() == std::vector<std::string>{"timeseries.vtr"});

  const auto grid = readGrid(file);
  CHECK(dimensions(grid) == std::vector<int>{3, 1, 1});
  CHECK(values(grid->GetXCoordinates(), 3) == std::vector<double>{0.0, 0.1 + 0.2, 60.0});
  CHECK(values(grid->GetYCoordinates(), 1) == std::vector<double>{0.0});

  vtkPointData* points = grid->GetPointData();
  REQUIRE(points->GetNumberOfArrays() == 3);
  auto* units = vtkStringArray::SafeDownCast(grid->GetFieldData()->GetAbstractArray("UNITS"));
  REQUIRE(units != nullptr);
  REQUIRE(units->GetNumberOfValues() == 3);
  const std::vector<std::string> expectedUnits = {"K", "mol/m^3", "-"};
  for (int a = 0; a < 3; ++a) {
    const auto& column = table.columns[static_cast<std::size_t>(a) + 1];
    CHECK(std::string(points->GetArrayName(a)) == column.name);
    CHECK(units->GetValue(a) == expectedUnits[static_cast<std::size_t>(a)]);
    std::vector<double> expected;
    for (const auto& row : table.rows) expected.push_back(row[static_cast<std::size_t>(a) + 1]);
    CHECK(values(points->GetArray(a), 3) == expected);
  }
  CHECK(points->GetArray("time") == nullptr);
}

TEST_CASE("writeTimeSeriesVtk writes a single row as a single point", "[unit]") {
  TempDir dir;
  auto table = sampleTable();
  table.rows.resize(1);
  proscale::writeTimeSeriesVtk(dir.path() / "timeseries.vtr", table);
  const auto grid = readGrid(dir.path() / "timeseries.vtr");
  CHECK(dimensions(grid) == std::vector<int>{1, 1, 1});
  CHECK(values(grid->GetPointData()->GetArray("temperature"), 1) == std::vector<double>{298.15});
}

TEST_CASE("writeTimeSeriesVtk refuses bad tables and keeps the previous file", "[unit]") {
  TempDir dir;
  const auto file = dir.path() / "timeseries.vtr";
  proscale::writeTimeSeriesVtk(file, sampleTable());
  const std::string before = readText(file);

  auto broken = sampleTable();
  broken.rows[1][2] = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(proscale::writeTimeSeriesVtk(file, broken),
                    Catch::Contains("timeseries.vtr") &&
                        Catch::Contains("column 'c_Ba+2' at time = 0.30000000000000004 s is nan"));
  broken = sampleTable();
  broken.rows[2][0] = -std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(proscale::writeTimeSeriesVtk(file, broken), proscale::Error);
  broken = sampleTable();
  broken.rows[0].pop_back();
  CHECK_THROWS_WITH(proscale::writeTimeSeriesVtk(file, broken),
                    Catch::Contains("row 0 has 3 values for 4 columns"));
  broken = sampleTable();
  broken.rows[2][0] = broken.rows[1][0];
  CHECK_THROWS_WITH(proscale::writeTimeSeriesVtk(file, broken),
                    Catch::Contains("not strictly increasing at row 2"));
  broken = sampleTable();
  broken.columns[3].name = "temperature";
  CHECK_THROWS_WITH(proscale::writeTimeSeriesVtk(file, broken),
                    Catch::Contains("two columns are named 'temperature'"));
  broken = sampleTable();
  broken.columns[1].name.clear();
  CHECK_THROWS_AS(proscale::writeTimeSeriesVtk(file, broken), proscale::Error);
  broken = sampleTable();
  broken.rows.clear();
  CHECK_THROWS_WITH(proscale::writeTimeSeriesVtk(file, broken), Catch::Contains("no rows"));
  CHECK_THROWS_AS(proscale::writeTimeSeriesVtk(file, proscale::TimeSeriesTable{}),
                  proscale::Error);

  CHECK(dir.entries() == std::vector<std::string>{"timeseries.vtr"});
  CHECK(readText(file) == before);
}

TEST_CASE("ParaView history writers report an unwritable target and leave no temporary file",
          "[unit]") {
  TempDir dir;
  const auto missing = dir.path() / "no-such-dir";
  quietly([&] {
    CHECK_THROWS_WITH(proscale::writePsdMap(missing / "psd_map.vtr", samplePsd()),
                      Catch::Contains("cannot write '" + (missing / "psd_map.vtr").string()));
    CHECK_THROWS_WITH(proscale::writeTimeSeriesVtk(missing / "timeseries.vtr", sampleTable()),
                      Catch::Contains("cannot write '" + (missing / "timeseries.vtr").string()));
  });
  CHECK(dir.entries().empty());

  // Overwriting replaces the file and leaves only the file itself.
  const auto file = dir.path() / "timeseries.vtr";
  proscale::writeTimeSeriesVtk(file, sampleTable());
  auto table = sampleTable();
  table.rows[2][1] = 310.0;
  proscale::writeTimeSeriesVtk(file, table);
  CHECK(dir.entries() == std::vector<std::string>{"timeseries.vtr"});
  CHECK(values(readGrid(file)->GetPointData()->GetArray("temperature"), 3)[2] == 310.0);
}
