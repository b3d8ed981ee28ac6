// timeseries.csv and psd.csv: header, exact round trip of values, guards.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "TempDir.h"
#include "core/Errors.h"
#include "output/CsvWriter.h"
#include "output/TextFormat.h"

using proscale::testing::readText;
using proscale::testing::TempDir;
using proscale::testing::writeText;

namespace {

std::vector<std::vector<std::string>> parseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream fieldsIn(line);
    std::string field;
    while (std::getline(fieldsIn, field, ',')) fields.push_back(field);
    lines.push_back(fields);
  }
  return lines;
}

proscale::TimeSeriesTable sampleSeries() {
  proscale::TimeSeriesTable table;
  table.columns = {{"time", "s", "time since the start"},
                   {"temperature", "K", "suspension temperature"},
                   {"c_Ba+2", "mol/m^3", "barium concentration"},
                   {"supersaturation", "", "S = IAP/Ksp"}};
  table.rows = {{0.0, 298.15, 10.0, 1.0},
                {0.1, 298.1500000001, 9.999999999999998, 1234.5678901234567},
                {3600.0, 310.0, 1.0e-300, 2.2250738585072014e-308}};
  return table;
}

}  // namespace

TEST_CASE("formatShortest reads back exactly", "[unit]") {
  CHECK(proscale::formatShortest(0.1) == "0.1");
  CHECK(proscale::formatShortest(300.0) == "300");
  CHECK(proscale::formatShortest(1.0e18) == "1e+18");
  for (const double x : {0.1, 1.0 / 3.0, 6.02214076e23, -2.5e-9, 5e-324, 1.7976931348623157e308}) {
    CHECK(std::strtod(proscale::formatShortest(x).c_str(), nullptr) ==
          x);  // stod rejects subnormals
  }
  CHECK(proscale::unitLabel("") == "-");
  CHECK(proscale::unitLabel("1") == "-");
  CHECK(proscale::unitLabel("mol/m^3") == "mol/m^3");
}

TEST_CASE("timeseries.csv header has units and values round-trip exactly", "[unit]") {
  TempDir dir;
  const auto file = dir.path() / "timeseries.csv";
  const auto table = sampleSeries();
  proscale::writeTimeSeriesCsv(file, table);
  const auto lines = parseCsv(readText(file));
  REQUIRE(lines.size() == 1 + table.rows.size());
  CHECK(lines[0] == std::vector<std::string>{"time [s]", "temperature [K]", "c_Ba+2 [mol/m^3]",
                                             "supersaturation [-]"});
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    REQUIRE(lines[r + 1].size() == table.columns.size());
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      CHECK(std::stod(lines[r + 1][c]) == table.rows[r][c]);
    }
  }
  CHECK(dir.entries() == std::vector<std::string>{"timeseries.csv"});
}

TEST_CASE("timeseries.csv quotes header fields that contain commas or quotes", "[unit]") {
  TempDir dir;
  proscale::TimeSeriesTable table;
  table.columns = {{"time", "s", ""}, {"mass, \"dry\"", "kg", ""}};
  table.rows = {{0.0, 1.0}};
  proscale::writeTimeSeriesCsv(dir.path() / "t.csv", table);
  CHECK(readText(dir.path() / "t.csv") == "time [s],\"mass, \"\"dry\"\" [kg]\"\n0,1\n");
}

TEST_CASE("timeseries.csv refuses non-finite values and names column and time", "[unit]") {
  TempDir dir;
  const auto file = dir.path() / "timeseries.csv";
  writeText(file, "previous run\n");
  auto table = sampleSeries();
  table.rows[1][2] = std::numeric_limits<double>::quiet_NaN();
  try {
    proscale::writeTimeSeriesCsv(file, table);
    FAIL("no exception");
  } catch (const proscale::Error& e) {
    const std::string message = e.what();
    CHECK(message.find("'c_Ba+2'") != std::string::npos);
    CHECK(message.find("time = 0.1 s") != std::string::npos);
    CHECK(message.find("nan") != std::string::npos);
  }
  table.rows[1][2] = 1.0;
  table.rows[2][3] = -std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(proscale::writeTimeSeriesCsv(file, table),
                    Catch::Contains("'supersaturation'") && Catch::Contains("time = 3600 s"));
  CHECK(readText(file) == "previous run\n");
  CHECK(dir.entries() == std::vector<std::string>{"timeseries.csv"});
}

TEST_CASE("timeseries.csv refuses ragged rows and tables without columns", "[unit]") {
  TempDir dir;
  auto table = sampleSeries();
  table.rows[2].pop_back();
  CHECK_THROWS_WITH(proscale::writeTimeSeriesCsv(dir.path() / "t.csv", table),
                    Catch::Contains("row 2 has 3 values for 4 columns"));
  CHECK_THROWS_AS(proscale::writeTimeSeriesCsv(dir.path() / "t.csv", {}), proscale::Error);
  CHECK(dir.entries().empty());
}

TEST_CASE("psd.csv has geometry columns and one number density column per time", "[unit]") {
  TempDir dir;
  proscale::PsdHistory psd;
  psd.faces = {0.0, 1e-9, 3e-9, 7e-9};
  psd.pivots = {0.5e-9, 2e-9, 5e-9};
  psd.times = {0.0, 0.5, 120.0};
  psd.number = {{0.0, 0.0, 0.0}, {1e20, 3e19, 1e15}, {2e18, 4e19, 7.5e19}};
  const auto file = dir.path() / "psd.csv";
  proscale::writePsdCsv(file, psd);
  const auto lines = parseCsv(readText(file));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == std::vector<std::string>{"class", "L_low [m]", "L [m]", "L_high [m]", "dL [m]",
                                             "n@t=0s [1/m^4]", "n@t=0.5s [1/m^4]",
                                             "n@t=120s [1/m^4]"});
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& fields = lines[i + 1];
    REQUIRE(fields.size() == 8);
    const double width = psd.faces[i + 1] - psd.faces[i];
    CHECK(fields[0] == std::to_string(i));
    CHECK(std::stod(fields[1]) == psd.faces[i]);
    CHECK(std::stod(fields[2]) == psd.pivots[i]);
    CHECK(std::stod(fields[3]) == psd.faces[i + 1]);
    CHECK(std::stod(fields[4]) == width);
    for (std::size_t k = 0; k < 3; ++k) CHECK(std::stod(fields[5 + k]) == psd.number[k][i] / width);
  }
}

TEST_CASE("psd.csv refuses inconsistent histories", "[unit]") {
  TempDir dir;
  const auto file = dir.path() / "psd.csv";
  proscale::PsdHistory psd;
  psd.faces = {1e-9, 2e-9, 4e-9};
  psd.pivots = {1.5e-9, 3e-9};
  psd.times = {0.0, 1.0};
  psd.number = {{1.0, 2.0}, {3.0, 4.0}};
  proscale::writePsdCsv(file, psd);

  auto broken = psd;
  broken.faces.pop_back();
  CHECK_THROWS_WITH(proscale::writePsdCsv(file, broken),
                    Catch::Contains("2 class faces for 2 classes"));
  broken = psd;
  broken.faces[1] = 5e-9;
  CHECK_THROWS_WITH(proscale::writePsdCsv(file, broken),
                    Catch::Contains("not strictly increasing"));
  broken = psd;
  broken.pivots[1] = 5e-9;
  CHECK_THROWS_WITH(proscale::writePsdCsv(file, broken), Catch::Contains("outside its class"));
  broken = psd;
  broken.times[1] = 0.0;
  CHECK_THROWS_WITH(proscale::writePsdCsv(file, broken), Catch::Contains("output times"));
  broken = psd;
  broken.number[1][0] = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(proscale::writePsdCsv(file, broken),
                    Catch::Contains("class 0 at t = 1 s is inf"));
  broken = psd;
  broken.number.pop_back();
  CHECK_THROWS_WITH(proscale::writePsdCsv(file, broken),
                    Catch::Contains("1 distributions for 2 output times"));
  CHECK(dir.entries() == std::vector<std::string>{"psd.csv"});
}

TEST_CASE("formatNumber gives significant digits for people", "[unit]") {
  CHECK(proscale::formatNumber(298.15) == "298.15");
  CHECK(proscale::formatNumber(1.0 / 3.0) == "0.333333");
  CHECK(proscale::formatNumber(1.0 / 3.0, 9) == "0.333333333");
  CHECK(proscale::formatNumber(2.5e-9) == "2.5e-09");
  CHECK(proscale::formatNumber(1e18) == "1e+18");
  CHECK(proscale::formatNumber(-0.5) == "-0.5");
}
