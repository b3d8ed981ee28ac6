#include "output/TimeSeriesCheck.h"

#include <cmath>
#include <set>
#include <string>

#include "core/Errors.h"
#include "output/TextFormat.h"

namespace proscale {
namespace {
[[noreturn]] void fail(const std::filesystem::path& target, const std::string& problem) {
  throw Error("cannot write '" + target.string() + "': " + problem);
}
}  // namespace

void checkTimeSeries(const TimeSeriesTable& table, const std::filesystem::path& target) {
  if (table.columns.empty()) fail(target, "the time series has no columns");
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    if (row.size() != table.columns.size()) {
      fail(target, "row " + std::to_string(r) + " has " + std::to_string(row.size()) +
                       " values for " + std::to_string(table.columns.size()) + " columns");
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (std::isfinite(row[c])) continue;
      const std::string when = std::isfinite(row[0])
                                   ? "at " + table.columns[0].name + " = " +
                                         formatShortest(row[0]) + " " + table.columns[0].unit
                                   : "in row " + std::to_string(r);
      fail(target, "column '" + table.columns[c].name + "' " + when + " is " +
                       formatShortest(row[c]));
    }
  }
}

void checkTimeAxis(const TimeSeriesTable& table, const std::filesystem::path& target) {
  if (table.rows.empty()) fail(target, "the time series has no rows");
  const SeriesColumn& time = table.columns[0];
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    if (!(table.rows[r][0] > table.rows[r - 1][0])) {
      fail(target, "'" + time.name + "' is not strictly increasing at row " + std::to_string(r) +
                       " (" + formatShortest(table.rows[r - 1][0]) + " then " +
                       formatShortest(table.rows[r][0]) + " " + time.unit + ")");
    }
  }
  std::set<std::string> names;
  for (std::size_t c = 1; c < table.columns.size(); ++c) {
    const std::string& name = table.columns[c].name;
    if (name.empty()) fail(target, "column " + std::to_string(c) + " has no name");
    if (!names.insert(name).second) fail(target, "two columns are named '" + name + "'");
  }
}

}  // namespace proscale
