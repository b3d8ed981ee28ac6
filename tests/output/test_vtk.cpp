// ParaView output read back with VTK's own XML reader: grid, arrays, TimeValue and the .pvd index.
#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkFieldData.h>
#include <vtkNew.h>
#include <vtkRectilinearGrid.h>
#include <vtkSmartPointer.h>
#include <vtkXMLDataElement.h>
#include <vtkXMLRectilinearGridReader.h>
#include <vtkXMLUtilities.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "TempDir.h"
#include "core/Errors.h"
#include "output/VtkWriter.h"

using proscale::testing::TempDir;
using proscale::testing::writeText;

namespace {

proscale::PsdHistory samplePsd() {
  proscale::PsdHistory psd;
  psd.faces = {1e-9, 2e-9, 4e-9, 8e-9, 16e-9};
  psd.pivots = {1.5e-9, 3e-9, 6e-9, 12e-9};
  psd.times = {0.0, 0.1 + 0.2, 60.0};  // 0.30000000000000004 must survive exactly
  psd.number = {{0.0, 0.0, 0.0, 0.0}, {1e21, 5e20, 1e19, 3e15}, {1e18, 2e20, 6e20, 4e19}};
  return psd;
}

struct DataSetEntry {
  double timestep;
  std::string file;
};

std::vector<DataSetEntry> readCollection(const std::filesystem::path& pvd) {
  vtkSmartPointer<vtkXMLDataElement> root;
  root.TakeReference(vtkXMLUtilities::ReadElementFromFile(pvd.string().c_str()));
  REQUIRE(root != nullptr);
  CHECK(std::string(root->GetName()) == "VTKFile");
  CHECK(std::string(root->GetAttribute("type")) == "Collection");
  vtkXMLDataElement* collection = root->FindNestedElementWithName("Collection");
  REQUIRE(collection != nullptr);
  std::vector<DataSetEntry> entries;
  for (int i = 0; i < collection->GetNumberOfNestedElements(); ++i) {
    vtkXMLDataElement* dataSet = collection->GetNestedElement(i);
    CHECK(std::string(dataSet->GetName()) == "DataSet");
    entries.push_back(
        {std::stod(dataSet->GetAttribute("timestep")), dataSet->GetAttribute("file")});
  }
  return entries;
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

}  // namespace

TEST_CASE("writePsdVtk pieces read back with the same grid and arrays", "[unit]") {
  TempDir dir;
  const auto psd = samplePsd();
  proscale::writePsdVtk(dir.path(), "psd", psd);
  CHECK(dir.entries() == std::vector<std::string>{"psd", "psd.pvd"});

  const auto entries = readCollection(dir.path() / "psd.pvd");
  REQUIRE(entries.size() == psd.times.size());
  const std::size_t classes = psd.pivots.size();
  for (std::size_t k = 0; k < entries.size(); ++k) {
    CHECK(entries[k].timestep == psd.times[k]);
    CHECK(entries[k].file == "psd/psd_000" + std::to_string(k) + ".vtr");

    vtkNew<vtkXMLRectilinearGridReader> reader;
    const auto piece = dir.path() / entries[k].file;
    REQUIRE(std::filesystem::exists(piece));
    reader->SetFileName(piece.string().c_str());
    reader->Update();
    vtkRectilinearGrid* grid = reader->GetOutput();
    REQUIRE(grid != nullptr);
    int dims[3];
    grid->GetDimensions(dims);
    CHECK(dims[0] == static_cast<int>(classes + 1));
    CHECK(dims[1] == 1);
    CHECK(dims[2] == 1);
    CHECK(grid->GetNumberOfCells() == static_cast<vtkIdType>(classes));
    // x is log10(face / 1 m): the faces 1, 2, 4, 8, 16 nm are -9 + j log10(2).
    const auto x = values(grid->GetXCoordinates(), classes + 1);
    for (std::size_t j = 0; j <= classes; ++j)
      CHECK(x[j] == Approx(-9.0 + static_cast<double>(j) * std::log10(2.0)).epsilon(1e-15));
    CHECK(values(grid->GetYCoordinates(), 1) == std::vector<double>{0.0});

    vtkCellData* cells = grid->GetCellData();
    const auto density = values(cells->GetArray("number_density_per_size [1/m^4]"), classes);
    const auto perLog = values(cells->GetArray("number_per_log10_size [1/m^3]"), classes);
    const auto logPerLog =
        values(cells->GetArray("log10_number_per_log10_size [log10(1/m^3)]"), classes);
    const auto number = values(cells->GetArray("number_per_class [1/m^3]"), classes);
    const auto volume = values(cells->GetArray("volume_fraction_per_size [1/m]"), classes);
    const auto size = values(cells->GetArray("size [m]"), classes);
    const double largest = *std::max_element(psd.number[k].begin(), psd.number[k].end());
    const double floor = largest > 0.0 ? std::log10(largest / std::log10(2.0) * 1e-12) : 0.0;
    for (std::size_t i = 0; i < classes; ++i) {
      const double width = psd.faces[i + 1] - psd.faces[i];
      const double L = psd.pivots[i];
      const double n = psd.number[k][i] / std::log10(2.0);  // every class is log10(2) wide
      CHECK(number[i] == psd.number[k][i]);
      CHECK(density[i] == psd.number[k][i] / width);
      CHECK(perLog[i] == Approx(n).epsilon(1e-14));
      CHECK(logPerLog[i] == Approx(largest > 0.0 ? std::max(std::log10(n), floor) : 0.0)
                                .epsilon(1e-14));
      CHECK(volume[i] ==
            Approx(std::numbers::pi / 6.0 * L * L * L * psd.number[k][i] / width).epsilon(1e-15));
      CHECK(size[i] == L);
    }
    vtkFieldData* field = grid->GetFieldData();
    CHECK(values(field->GetArray("TimeValue"), 1) == std::vector<double>{psd.times[k]});
    CHECK(values(field->GetArray("log10_floor [log10(1/m^3)]"), 1)[0] ==
          Approx(floor).epsilon(1e-14));
  }
  std::vector<std::string> pieces;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "psd")) {
    pieces.push_back(entry.path().filename().string());
  }
  std::sort(pieces.begin(), pieces.end());
  CHECK(pieces == std::vector<std::string>{"psd_0000.vtr", "psd_0001.vtr", "psd_0002.vtr"});
}

TEST_CASE("writePsdVtk replaces a longer earlier run and keeps unrelated files", "[unit]") {
  TempDir dir;
  auto psd = samplePsd();
  proscale::writePsdVtk(dir.path(), "psd", psd);
  writeText(dir.path() / "psd" / "notes.txt", "mine");
  writeText(dir.path() / "psd" / "psd_final.vtr", "not a numbered piece");

  psd.times = {0.0, 30.0};
  psd.number.pop_back();
  proscale::writePsdVtk(dir.path(), "psd", psd);
  const auto entries = readCollection(dir.path() / "psd.pvd");
  REQUIRE(entries.size() == 2);
  CHECK(entries[1].timestep == 30.0);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "psd" / "psd_0002.vtr"));
  CHECK(std::filesystem::exists(dir.path() / "psd" / "psd_0001.vtr"));
  CHECK(std::filesystem::exists(dir.path() / "psd" / "notes.txt"));
  CHECK(std::filesystem::exists(dir.path() / "psd" / "psd_final.vtr"));
}

TEST_CASE("writePsdVtk escapes XML characters of the stem in the collection", "[unit]") {
  TempDir dir;
  proscale::writePsdVtk(dir.path(), "run&<1>", samplePsd());
  const auto entries = readCollection(dir.path() / "run&<1>.pvd");
  REQUIRE(entries.size() == 3);
  CHECK(entries[2].file == "run&<1>/run&<1>_0002.vtr");
  CHECK(std::filesystem::exists(dir.path() / entries[2].file));
}

TEST_CASE("writePsdVtk omits the volume array unless sizes are diameters", "[unit]") {
  TempDir dir;
  auto psd = samplePsd();
  psd.sizeMeaning = "volume";
  proscale::writePsdVtk(dir.path(), "psd", psd);
  vtkNew<vtkXMLRectilinearGridReader> reader;
  reader->SetFileName((dir.path() / "psd" / "psd_0001.vtr").string().c_str());
  reader->Update();
  CHECK(reader->GetOutput()->GetCellData()->GetArray("volume_fraction_per_size [1/m]") == nullptr);
  CHECK(reader->GetOutput()->GetCellData()->GetArray("number_density_per_size [1/m^4]") !=
        nullptr);
}

TEST_CASE("writePsdVtk refuses bad stems and inconsistent histories", "[unit]") {
  TempDir dir;
  const auto psd = samplePsd();
  CHECK_THROWS_AS(proscale::writePsdVtk(dir.path(), "", psd), proscale::Error);
  CHECK_THROWS_AS(proscale::writePsdVtk(dir.path(), "a/b", psd), proscale::Error);
  CHECK_THROWS_AS(proscale::writePsdVtk(dir.path(), "..", psd), proscale::Error);
  auto broken = psd;
  broken.number[2].pop_back();
  CHECK_THROWS_WITH(proscale::writePsdVtk(dir.path(), "psd", broken),
                    Catch::Contains("psd.pvd") && Catch::Contains("3 values for 4 classes"));
  CHECK(dir.entries().empty());
}

TEST_CASE("writePsdVtk floors the log10 array at 1e-12 of the piece's largest value", "[unit]") {
  TempDir dir;
  auto psd = samplePsd();
  psd.times = {5.0};
  psd.number = {{1e21, 1e5, 0.0, -1e3}};  // 1e5 is below 1e21 x 1e-12 = 1e9
  proscale::writePsdVtk(dir.path(), "psd", psd);
  vtkNew<vtkXMLRectilinearGridReader> reader;
  reader->SetFileName((dir.path() / "psd" / "psd_0000.vtr").string().c_str());
  reader->Update();
  vtkRectilinearGrid* grid = reader->GetOutput();
  const double log2 = std::log10(2.0);  // every class is log10(2) wide
  const double top = std::log10(1e21 / log2);
  const double floor = top - 12.0;
  const auto logs =
      values(grid->GetCellData()->GetArray("log10_number_per_log10_size [log10(1/m^3)]"), 4);
  CHECK(logs[0] == Approx(top).epsilon(1e-15));
  for (std::size_t i = 1; i < 4; ++i) CHECK(logs[i] == Approx(floor).epsilon(1e-14));
  CHECK(values(grid->GetFieldData()->GetArray("log10_floor [log10(1/m^3)]"), 1)[0] ==
        Approx(floor).epsilon(1e-14));
  CHECK(values(grid->GetFieldData()->GetArray("TimeValue"), 1) == std::vector<double>{5.0});
}
