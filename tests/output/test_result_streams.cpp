// Result files written while a run goes (output/ResultStreams.h): each row is on disk, in the
// .partial file, as soon as it is appended; the finished files are byte for byte those the
// whole-history writers make from the same results; an abandoned stream leaves nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "TempDir.h"
#include "core/Errors.h"
#include "output/CsvWriter.h"
#include "output/ResultStreams.h"
#include "output/VtkHistoryWriter.h"
#include "output/VtkWriter.h"

using proscale::testing::readText;
using proscale::testing::TempDir;
namespace fs = std::filesystem;

namespace {

proscale::TimeSeriesTable series() {
  proscale::TimeSeriesTable table;
  table.columns = {{"time", "s", ""}, {"c_Ba+2", "mol/m^3", ""}, {"supersaturation", "", ""}};
  table.rows = {{0.0, 10.0, 1.0}, {0.1, 9.999999999999998, 1234.5678901234567}, {2.0, 1e-300, 3}};
  return table;
}

proscale::PsdHistory history() {
  proscale::PsdHistory psd;
  psd.faces = {1e-9, 2e-9, 4e-9, 8e-9};
  psd.pivots = {1.5e-9, 3e-9, 6e-9};
  psd.times = {0.0, 0.5, 1.0, 2.0};
  psd.number = {{0, 0, 0}, {1e15, 2e14, 0}, {3e15, 1e15, 1e13}, {1e15, 4e15, 2e14}};
  return psd;
}

}  // namespace

TEST_CASE("A streamed time series is on disk row by row and ends as writeTimeSeriesCsv's file",
          "[unit][output]") {
  TempDir dir;
  const proscale::TimeSeriesTable table = series();
  proscale::writeTimeSeriesCsv(dir.path() / "whole.csv", table);
  {
    proscale::CsvRowStream stream(dir.path() / "timeseries.csv", table.columns);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      stream.append(table.rows[i]);
      // Flushed: a reader (tail -f, a notebook) sees every row appended so far.
      const std::string partial = readText(dir.path() / "timeseries.csv.partial");
      CHECK(std::count(partial.begin(), partial.end(), '\n') == static_cast<long>(i + 2));
      CHECK_FALSE(fs::exists(dir.path() / "timeseries.csv"));
    }
    stream.finish();
  }
  CHECK(readText(dir.path() / "timeseries.csv") == readText(dir.path() / "whole.csv"));
  CHECK_FALSE(fs::exists(dir.path() / "timeseries.csv.partial"));
}

TEST_CASE("A non-finite row is refused before it is written; an abandoned stream leaves nothing",
          "[unit][output]") {
  TempDir dir;
  {
    proscale::CsvRowStream stream(dir.path() / "timeseries.csv", series().columns);
    stream.append(std::vector<double>{0.0, 1.0, 2.0});
    const std::vector<double> bad{0.5, std::nan(""), 1.0};
    CHECK_THROWS_AS(stream.append(bad), proscale::Error);
    CHECK_THROWS_WITH(stream.append(bad), Catch::Contains("column 'c_Ba+2' at time = 0.5 s is nan"));
  }
  CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("A streamed size distribution gives the whole-history writers' files", "[unit][output]") {
  TempDir whole, streamed;
  const proscale::PsdHistory psd = history();
  proscale::writePsdCsv(whole.path() / "psd.csv", psd);
  proscale::writePsdVtk(whole.path(), "psd", psd);
  proscale::writePsdMap(whole.path() / "psd_map.vtr", psd);
  {
    proscale::PsdStream stream(streamed.path(), psd, psd.times.size(), true);
    for (std::size_t k = 0; k < psd.times.size(); ++k) {
      stream.append(psd.times[k], psd.number[k]);
      CHECK(fs::exists(streamed.path() / "psd" / ("psd_000" + std::to_string(k) + ".vtr")));
    }
    CHECK_FALSE(fs::exists(streamed.path() / "psd.csv"));
    stream.finish();
  }
  for (const char* file : {"psd.csv", "psd.pvd", "psd_map.vtr", "psd/psd_0000.vtr",
                           "psd/psd_0003.vtr"}) {
    INFO(file);
    CHECK(readText(streamed.path() / file) == readText(whole.path() / file));
  }
  CHECK_FALSE(fs::exists(streamed.path() / "psd.values.partial"));
}
