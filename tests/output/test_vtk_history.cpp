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
#include <vtkXMLDataElement.h>
#include <vtkXMLUtilities.h>
#include <vtkXMLRectilinearGridReader.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include "TempDir.h"
#include "core/Errors.h"
#include "output/VtkGridFile.h"
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

TEST_CASE("writePsdMap writes a log size x log time grid with densities per cell", "[unit]") {
  TempDir dir;
  const auto psd = samplePsd();
  const auto file = dir.path() / "psd_map.vtr";
  proscale::writePsdMap(file, psd);
  CHECK(dir.entries() == std::vector<std::string>{"psd_map.vtr"});

  const auto grid = readGrid(file);
  const std::size_t classes = 4;
  const double log2 = std::log10(2.0);
  CHECK(dimensions(grid) == std::vector<int>{5, 4, 1});
  CHECK(grid->GetNumberOfCells() == 12);
  const auto x = values(grid->GetXCoordinates(), 5);  // faces 1, 2, 4, 8, 16 nm
  for (std::size_t j = 0; j < 5; ++j)
    CHECK(x[j] == Approx(-9.0 + static_cast<double>(j) * log2).epsilon(1e-15));
  // Times 0, 10, 30 s: u = log10 t is 1 and 1 + d (d = log10 3) for the positive ones, t = 0
  // one step d below 1; the cells reach half-way: 1 - 1.5d, 1 - 0.5d, 1 + 0.5d, 1 + 1.5d.
  const double d = std::log10(3.0);
  const auto y = values(grid->GetYCoordinates(), 4);
  const std::vector<double> expectedY = {1 - 1.5 * d, 1 - 0.5 * d, 1 + 0.5 * d, 1 + 1.5 * d};
  for (std::size_t j = 0; j < 4; ++j) CHECK(y[j] == Approx(expectedY[j]).epsilon(1e-15));
  CHECK(values(grid->GetZCoordinates(), 1) == std::vector<double>{0.0});
  vtkFieldData* field = grid->GetFieldData();
  CHECK(values(field->GetArray("output_times [s]"), 3) == psd.times);

  // Largest number per log10 size: 1e21 / log10(2) (class 0 at t = 10 s); floor 1e-12 of it.
  const double floor = std::log10(1e21 / log2 * 1e-12);
  CHECK(values(field->GetArray("log10_floor [log10(1/m^3)]"), 1)[0] ==
        Approx(floor).epsilon(1e-14));

  vtkCellData* cells = grid->GetCellData();
  const auto logPerLog = values(cells->GetArray("log10_number_per_log10_size [log10(1/m^3)]"), 12);
  const auto perLog = values(cells->GetArray("number_per_log10_size [1/m^3]"), 12);
  const auto density = values(cells->GetArray("number_density_per_size [1/m^4]"), 12);
  const auto volume = values(cells->GetArray("volume_fraction_per_size [1/m]"), 12);
  const auto size = values(cells->GetArray("size [m]"), 12);
  const auto time = values(cells->GetArray("time [s]"), 12);
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < static_cast<int>(classes); ++i) {
      int ijk[3] = {i, k, 0};
      const auto cell = static_cast<std::size_t>(grid->ComputeCellId(ijk));
      CHECK(cell == static_cast<std::size_t>(i) + static_cast<std::size_t>(k) * classes);
      const double number = psd.number[k][i];
      const double n = number / (psd.faces[i + 1] - psd.faces[i]);
      const double L = psd.pivots[i];
      CHECK(density[cell] == n);
      CHECK(perLog[cell] == Approx(number / log2).epsilon(1e-14));
      CHECK(volume[cell] == Approx(std::numbers::pi / 6.0 * L * L * L * n).epsilon(1e-15));
      CHECK(size[cell] == L);
      CHECK(time[cell] == psd.times[k]);
      if (number / log2 > 1e21 / log2 * 1e-12) {
        CHECK(logPerLog[cell] == Approx(std::log10(number / log2)).epsilon(1e-15));
      } else {
        CHECK(logPerLog[cell] == Approx(floor).epsilon(1e-14));  // zero and the -1e10 undershoot
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
  CHECK(values(grid->GetYCoordinates(), 2) == std::vector<double>{1.5, 2.5});  // log10 100 -/+ 0.5
  CHECK(grid->GetCellData()->GetArray("volume_fraction_per_size [1/m]") == nullptr);
  // No positive density anywhere: every log10 cell and the floor are 0.
  CHECK(values(grid->GetCellData()->GetArray("log10_number_per_log10_size [log10(1/m^3)]"), 4) ==
        std::vector<double>(4, 0.0));
  CHECK(values(grid->GetFieldData()->GetArray("log10_floor [log10(1/m^3)]"), 1) ==
        std::vector<double>{0.0});

  psd.times = {0.0};
  proscale::writePsdMap(dir.path() / "psd_map.vtr", psd);
  grid = readGrid(dir.path() / "psd_map.vtr");
  CHECK(values(grid->GetYCoordinates(), 2) == std::vector<double>{-0.5, 0.5});
}

TEST_CASE("writePsdMap puts a first class face of 0 one class step below the next", "[unit]") {
  TempDir dir;
  auto psd = samplePsd();
  psd.faces = {0.0, 1e-9, 2e-9, 4e-9, 8e-9};
  psd.pivots = {0.5e-9, 1.5e-9, 3e-9, 6e-9};
  proscale::writePsdMap(dir.path() / "psd_map.vtr", psd);
  const auto x = values(readGrid(dir.path() / "psd_map.vtr")->GetXCoordinates(), 5);
  CHECK(x[0] == Approx(-9.0 - std::log10(2.0)).epsilon(1e-15));
  CHECK(x[1] == Approx(-9.0).epsilon(1e-15));
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
  broken.times = {-1.5e308, 0.0, 1.5e308};  // only the first time may be <= 0
  CHECK_THROWS_WITH(proscale::writePsdMap(file, broken),
                    Catch::EndsWith("psd_map.vtr': output time 1 is 0, only the first may be <= 0 "
                                    "on a log10 axis"));
  broken = samplePsd();
  broken.times = {0.0, 1e300, std::nextafter(1e300, 2e300)};  // equal logarithms
  CHECK_THROWS_WITH(proscale::writePsdMap(file, broken), Catch::Contains("log10 time cells"));
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
  REQUIRE(points->GetNumberOfArrays() == 4);
  const std::vector<std::string> names = {"time [s]", "temperature [K]", "c_Ba+2 [mol/m^3]",
                                          "supersaturation [-]"};
  for (int a = 0; a < 4; ++a) {
    CHECK(std::string(points->GetArrayName(a)) == names[static_cast<std::size_t>(a)]);
    std::vector<double> expected;
    for (const auto& row : table.rows) expected.push_back(row[static_cast<std::size_t>(a)]);
    CHECK(values(points->GetArray(a), 3) == expected);
  }
  CHECK(grid->GetFieldData()->GetNumberOfArrays() == 0);  // no UNITS list matched by index
}

TEST_CASE("writeTimeSeriesVtk makes names with XML characters or line ends safe (defect 5)",
          "[unit]") {
  TempDir dir;
  auto table = sampleTable();
  table.columns[1].name = "c_<A&B>";
  table.columns[2].name = "c_x\ny";
  table.columns[3].name = "c__A_B_";  // equal to the first once that is made safe
  table.columns[3].unit = "mol/m^3";
  table.columns[1].unit = "mol/m^3";
  const auto file = dir.path() / "timeseries.vtr";
  proscale::writeTimeSeriesVtk(file, table);

  // VTK's own parser (expat) takes the whole file, and the arrays carry the documented names.
  vtkSmartPointer<vtkXMLDataElement> root;
  root.TakeReference(vtkXMLUtilities::ReadElementFromFile(file.string().c_str()));
  REQUIRE(root != nullptr);
  const auto grid = readGrid(file);
  vtkPointData* points = grid->GetPointData();
  REQUIRE(points->GetNumberOfArrays() == 4);
  CHECK(std::string(points->GetArrayName(1)) == "c__A_B_ [mol/m^3]");
  CHECK(std::string(points->GetArrayName(2)) == "c_x_y [mol/m^3]");
  CHECK(std::string(points->GetArrayName(3)) == "c__A_B__2 [mol/m^3]");
  CHECK(values(points->GetArray(3), 3) == std::vector<double>{1.0, 1234.5678901234567, 0.5});
}

TEST_CASE("safeArrayName replaces XML-unsafe characters and invalid UTF-8 by '_'", "[unit]") {
  using proscale::safeArrayName;
  CHECK(safeArrayName("c_Ba+2 [mol/m^3]") == "c_Ba+2 [mol/m^3]");
  CHECK(safeArrayName("<A&B> \"q\" 'r'") == "_A_B_ _q_ _r_");
  CHECK(safeArrayName(std::string("a\tb\rc\nd\x7f" "e\0f", 11)) == "a_b_c_d_e_f");
  CHECK(safeArrayName("Ba\u00b2\u207a \u00b5m") == "Ba\u00b2\u207a \u00b5m");  // UTF-8 stays
  CHECK(safeArrayName("a\xff" "b") == "a_b");             // not UTF-8
  CHECK(safeArrayName("\xc0\xaf") == "__");               // overlong '/'
  CHECK(safeArrayName("\xed\xa0\x80") == "___");          // a surrogate
  CHECK(safeArrayName("x\xef\xbf\xbf" "y") == "x_y");     // U+FFFF is no XML character
  CHECK(safeArrayName("\xe2\x82") == "__");               // truncated sequence
  CHECK(proscale::arrayLabel("supersaturation", "") == "supersaturation [-]");
}

TEST_CASE("writeTimeSeriesVtk writes a single row as a single point", "[unit]") {
  TempDir dir;
  auto table = sampleTable();
  table.rows.resize(1);
  proscale::writeTimeSeriesVtk(dir.path() / "timeseries.vtr", table);
  const auto grid = readGrid(dir.path() / "timeseries.vtr");
  CHECK(dimensions(grid) == std::vector<int>{1, 1, 1});
  CHECK(values(grid->GetPointData()->GetArray("temperature [K]"), 1) ==
        std::vector<double>{298.15});
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
  CHECK(values(readGrid(file)->GetPointData()->GetArray("temperature [K]"), 3)[2] == 310.0);
}
