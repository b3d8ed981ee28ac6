// Study grids (.vti) read back with VTK's own vtkXMLImageDataReader: extent, origin, spacing,
// x-fastest point order, NaN for failed runs, the "complete" mask, the axes as field data;
// and the input checks (1 to 3 strictly increasing, uniformly spaced axes; array sizes; names).
#include <vtkDataArray.h>
#include <vtkFieldData.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkStringArray.h>
#include <vtkXMLImageDataReader.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "TempDir.h"
#include "output/VtkStudyGrid.h"

using Catch::Matchers::Contains;
using proscale::StudyGridArray;
using proscale::StudyGridAxis;
using proscale::writeStudyGridVti;
using proscale::testing::readText;
using proscale::testing::TempDir;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Reads `file` with VTK's reader; the returned reader owns the image.
vtkImageData* readImage(vtkXMLImageDataReader* reader, const std::filesystem::path& file) {
  reader->SetFileName(file.string().c_str());
  reader->Update();
  REQUIRE(reader->GetErrorCode() == 0);
  vtkImageData* image = reader->GetOutput();
  REQUIRE(image != nullptr);
  return image;
}

std::vector<double> arrayValues(vtkDataArray* array) {
  REQUIRE(array != nullptr);
  REQUIRE(array->GetNumberOfComponents() == 1);
  std::vector<double> out(static_cast<std::size_t>(array->GetNumberOfTuples()));
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = array->GetTuple1(static_cast<vtkIdType>(i));
  return out;
}

/// The 3 x 4 grid of the tests: x = 0, 0.5, 1 and y = log10(c) = -3 .. 0, f = x + 10 y with
/// the run at (x, y) = (0.5, -1) failed, g = 2 x with the run at (1, -3) failed.
struct SmallStudy {
  std::vector<StudyGridAxis> axes{{"x [m]", {0.0, 0.5, 1.0}},
                                  {"log10(c [mol/L])", {-3.0, -2.0, -1.0, 0.0}}};
  std::vector<StudyGridArray> arrays;
  SmallStudy() {
    std::vector<double> f, g;
    for (double y : axes[1].values) {
      for (double x : axes[0].values) {  // x fastest
        f.push_back(x + 10.0 * y);
        g.push_back(2.0 * x);
      }
    }
    f[1 + 3 * 2] = kNaN;
    g[2 + 3 * 0] = kNaN;
    arrays = {{"f [-]", f}, {"g [m]", g}};
  }
};

void checkRejected(const std::vector<StudyGridAxis>& axes,
                   const std::vector<StudyGridArray>& arrays, const std::string& message) {
  TempDir dir;
  INFO(message);
  try {
    writeStudyGridVti(dir.path() / "study.vti", axes, arrays);
    FAIL("no std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    CHECK(what.rfind("cannot write '" + (dir.path() / "study.vti").string() + "': ", 0) == 0);
    CHECK_THAT(what, Contains(message));
  }
  CHECK(dir.entries().empty());
}

}  // namespace

TEST_CASE("a 3 x 4 study grid reads back with its geometry, values and axes", "[unit]") {
  TempDir dir;
  const SmallStudy study;
  const auto file = dir.path() / "study.vti";
  writeStudyGridVti(file, study.axes, study.arrays);
  CHECK(dir.entries() == std::vector<std::string>{"study.vti"});  // no temporary left
  // Inline base64 (no raw appended bytes), LZ4 as the other ParaView files.
  const std::string text = readText(file);
  CHECK(text.find("type=\"ImageData\"") != std::string::npos);
  CHECK(text.find("vtkLZ4DataCompressor") != std::string::npos);
  CHECK(text.find("format=\"binary\"") != std::string::npos);
  CHECK(text.find("AppendedData") == std::string::npos);

  vtkNew<vtkXMLImageDataReader> reader;
  vtkImageData* image = readImage(reader, file);
  int dims[3];
  image->GetDimensions(dims);
  CHECK(dims[0] == 3);
  CHECK(dims[1] == 4);
  CHECK(dims[2] == 1);
  double origin[3], spacing[3];
  image->GetOrigin(origin);
  image->GetSpacing(spacing);
  CHECK(origin[0] == 0.0);
  CHECK(origin[1] == -3.0);
  CHECK(origin[2] == 0.0);
  CHECK(spacing[0] == 0.5);
  CHECK(spacing[1] == 1.0);
  CHECK(spacing[2] == 1.0);

  // Values at known points, exact: doubles in, the same doubles out.
  const auto f = arrayValues(image->GetPointData()->GetArray("f [-]"));
  REQUIRE(f.size() == 12);
  CHECK(f[0] == -30.0);             // (0, -3)
  CHECK(f[2] == 1.0 - 30.0);        // (1, -3)
  CHECK(f[3] == -20.0);             // (0, -2)
  CHECK(f[11] == 1.0);              // (1, 0)
  CHECK(std::isnan(f[1 + 3 * 2]));  // (0.5, -1): the failed run stays NaN
  // and every point's value matches the coordinates VTK itself gives the point
  for (vtkIdType id = 0; id < 12; ++id) {
    if (id == 7) continue;
    double p[3];
    image->GetPoint(id, p);
    INFO("point " << id);
    CHECK(f[static_cast<std::size_t>(id)] == Approx(p[0] + 10.0 * p[1]).margin(1e-12));
  }
  const auto g = arrayValues(image->GetPointData()->GetArray("g [m]"));
  REQUIRE(g.size() == 12);
  CHECK(std::isnan(g[2]));
  CHECK(g[5] == 2.0);

  vtkDataArray* complete = image->GetPointData()->GetArray("complete");
  REQUIRE(complete != nullptr);
  CHECK(complete->GetDataType() == VTK_UNSIGNED_CHAR);
  const std::vector<double> expectedComplete{1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1};
  CHECK(arrayValues(complete) == expectedComplete);

  vtkFieldData* field = image->GetFieldData();
  auto* axes = vtkStringArray::SafeDownCast(field->GetAbstractArray("axes"));
  REQUIRE(axes != nullptr);
  REQUIRE(axes->GetNumberOfValues() == 2);
  CHECK(axes->GetValue(0) == "x [m]");
  CHECK(axes->GetValue(1) == "log10(c [mol/L])");
  CHECK(arrayValues(field->GetArray("x [m]")) == study.axes[0].values);
  CHECK(arrayValues(field->GetArray("log10(c [mol/L])")) == study.axes[1].values);
}

TEST_CASE("a 3-D study grid keeps VTK's x-fastest point order", "[unit]") {
  TempDir dir;
  const std::vector<StudyGridAxis> axes{
      {"a", {1.0, 2.0}}, {"b", {0.0, 0.25, 0.5}}, {"c", {-1.0, 1.0, 3.0, 5.0}}};
  std::vector<double> h;
  for (double c : axes[2].values)
    for (double b : axes[1].values)
      for (double a : axes[0].values) h.push_back(a + 10.0 * b + 100.0 * c);
  writeStudyGridVti(dir.path() / "cube.vti", axes, {{"h", h}});

  vtkNew<vtkXMLImageDataReader> reader;
  vtkImageData* image = readImage(reader, dir.path() / "cube.vti");
  int dims[3];
  image->GetDimensions(dims);
  CHECK((dims[0] == 2 && dims[1] == 3 && dims[2] == 4));
  const auto values = arrayValues(image->GetPointData()->GetArray("h"));
  REQUIRE(values.size() == 24);
  for (vtkIdType id = 0; id < 24; ++id) {
    double p[3];
    image->GetPoint(id, p);
    INFO("point " << id);
    CHECK(values[static_cast<std::size_t>(id)] ==
          Approx(p[0] + 10.0 * p[1] + 100.0 * p[2]).margin(1e-12));
  }
  // index = i + nx (j + ny k): (i, j, k) = (1, 2, 3) is a = 2, b = 0.5, c = 5
  CHECK(values[1 + 2 * (2 + 3 * 3)] == 2.0 + 5.0 + 500.0);
  CHECK(arrayValues(image->GetPointData()->GetArray("complete")) == std::vector<double>(24, 1.0));
}

TEST_CASE("1-D study grids, also of one point", "[unit]") {
  TempDir dir;
  writeStudyGridVti(dir.path() / "line.vti", {{"t", {2.0, 4.0, 6.0}}}, {{"y", {1.0, kNaN, 3.0}}});
  writeStudyGridVti(dir.path() / "point.vti", {{"t", {7.0}}}, {{"y", {1.5}}});
  vtkNew<vtkXMLImageDataReader> lineReader, pointReader;
  vtkImageData* line = readImage(lineReader, dir.path() / "line.vti");
  vtkImageData* point = readImage(pointReader, dir.path() / "point.vti");
  int dims[3];
  line->GetDimensions(dims);
  CHECK((dims[0] == 3 && dims[1] == 1 && dims[2] == 1));
  CHECK(line->GetSpacing()[0] == 2.0);
  CHECK(line->GetOrigin()[0] == 2.0);
  CHECK(arrayValues(line->GetPointData()->GetArray("complete")) == std::vector<double>{1, 0, 1});
  point->GetDimensions(dims);
  CHECK((dims[0] == 1 && dims[1] == 1 && dims[2] == 1));
  CHECK(point->GetOrigin()[0] == 7.0);
  CHECK(point->GetSpacing()[0] == 1.0);
  CHECK(arrayValues(point->GetPointData()->GetArray("y")) == std::vector<double>{1.5});
}

TEST_CASE("log10 axes computed by the caller pass the uniformity check", "[unit]") {
  // 1e-4 .. 1e-1 at three points per decade: log10 of the values carries rounding errors.
  std::vector<double> logs;
  for (int k = 0; k <= 9; ++k) logs.push_back(std::log10(1e-4 * std::pow(10.0, k / 3.0)));
  TempDir dir;
  CHECK_NOTHROW(writeStudyGridVti(dir.path() / "log.vti", {{"log10(tau [s])", logs}},
                                  {{"y", std::vector<double>(10, 0.0)}}));
}

TEST_CASE("study grid axes must be uniformly spaced within 1e-9 of a step", "[unit]") {
  const std::vector<StudyGridArray> three{{"y", {1.0, 2.0, 3.0}}};
  checkRejected({{"x", {0.0, 1.0, 3.0}}}, {{"y", {1, 2, 3}}},
                "axis 0 'x' is not uniformly spaced: value 1 is 1, 1.5 expected from the first "
                "and last values (step 1.5, relative tolerance 1e-09)");
  checkRejected({{"x", {0.0, 1.0 + 2e-9, 2.0}}}, three, "axis 0 'x' is not uniformly spaced");
  TempDir dir;
  CHECK_NOTHROW(writeStudyGridVti(dir.path() / "ok.vti", {{"x", {0.0, 1.0 + 5e-10, 2.0}}}, three));
  // a log-spaced sweep passed without taking log10 first
  checkRejected({{"T [K]", {1.0, 10.0, 100.0}}}, three, "axis 0 'T [K]' is not uniformly spaced");
  // the second axis is checked too
  checkRejected({{"x", {0.0, 1.0}}, {"z", {0.0, 1.0, 2.5}}}, {{"y", std::vector<double>(6, 0.0)}},
                "axis 1 'z' is not uniformly spaced");
}

TEST_CASE("study grid axes must be strictly increasing, finite and non-empty", "[unit]") {
  const std::vector<StudyGridArray> three{{"y", {1.0, 2.0, 3.0}}};
  checkRejected({{"x", {2.0, 1.0, 0.0}}}, three,
                "axis 0 'x' is not strictly increasing: value 1 (1) <= value 0 (2)");
  checkRejected({{"x", {0.0, 0.0, 0.0}}}, three, "axis 0 'x' is not strictly increasing");
  checkRejected({{"x", {0.0, kNaN, 2.0}}}, three, "axis 0 'x': value 1 is nan");
  checkRejected({{"x", {}}}, {}, "axis 0 'x' has no values");
  checkRejected({{"", {1.0}}}, {}, "axis 0 has no name");
}

TEST_CASE("study grids have 1 to 3 axes and arrays of one value per point", "[unit]") {
  checkRejected({}, {}, "a study grid has 1 to 3 axes, not 0");
  checkRejected({{"a", {0.0}}, {"b", {0.0}}, {"c", {0.0}}, {"d", {0.0}}}, {},
                "a study grid has 1 to 3 axes, not 4");
  const SmallStudy study;
  auto arrays = study.arrays;
  arrays[1].values.pop_back();
  checkRejected(study.axes, arrays, "array 'g [m]' has 11 values, the grid 12 points");
}

TEST_CASE("study grid names must be distinct and not the reserved ones", "[unit]") {
  const std::vector<StudyGridAxis> axis{{"x", {0.0, 1.0}}};
  checkRejected(axis, {{"y", {1, 2}}, {"y", {3, 4}}}, "array 'y': the name 'y' is used twice");
  // safeArrayName makes both "a<b" and "a>b" "a_b"
  checkRejected(axis, {{"a<b", {1, 2}}, {"a>b", {3, 4}}},
                "array 'a>b': the name 'a_b' is used twice");
  checkRejected(axis, {{"complete", {1, 2}}},
                "array 'complete': the name 'complete' is reserved for the file's own array");
  checkRejected({{"axes", {0.0}}}, {}, "axis 0 'axes': the name 'axes' is reserved");
  checkRejected({{"x", {0.0}}, {"x", {0.0}}}, {}, "axis 1 'x': the name 'x' is used twice");
  checkRejected(axis, {{"", {1, 2}}}, "a result array has no name");
}

TEST_CASE("a rejected study grid leaves the earlier file in place", "[unit]") {
  TempDir dir;
  const auto file = dir.path() / "study.vti";
  const SmallStudy study;
  writeStudyGridVti(file, study.axes, study.arrays);
  const std::string before = readText(file);
  CHECK_THROWS_AS(writeStudyGridVti(file, {{"x", {0.0, 1.0, 3.0}}}, {}), std::invalid_argument);
  CHECK(readText(file) == before);
  CHECK(dir.entries() == std::vector<std::string>{"study.vti"});
}
