#include "output/CsvWriter.h"

#include <cmath>
#include <ostream>
#include <string>
#include <string_view>

#include "core/Errors.h"
#include "output/AtomicFile.h"
#include "output/PsdCheck.h"
#include "output/TextFormat.h"

namespace proscale {
namespace {

/// A header field, quoted (with doubled quotes) only when it contains ',', '"' or a line end.
std::string csvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string headerField(const SeriesColumn& column) {
  return csvField(column.name + " [" + unitLabel(column.unit) + "]");
}

void checkTimeSeries(const std::filesystem::path& target, const TimeSeriesTable& table) {
  const std::string where = "cannot write '" + target.string() + "': ";
  if (table.columns.empty()) throw Error(where + "the time series has no columns");
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    if (row.size() != table.columns.size()) {
      throw Error(where + "row " + std::to_string(r) + " has " + std::to_string(row.size()) +
                  " values for " + std::to_string(table.columns.size()) + " columns");
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (std::isfinite(row[c])) continue;
      const std::string when = std::isfinite(row[0])
                                   ? "at " + table.columns[0].name + " = " +
                                         formatShortest(row[0]) + " " + table.columns[0].unit
                                   : "in row " + std::to_string(r);
      throw Error(where + "column '" + table.columns[c].name + "' " + when + " is " +
                  formatShortest(row[c]));
    }
  }
}

}  // namespace

void writeTimeSeriesCsv(const std::filesystem::path& target, const TimeSeriesTable& table) {
  checkTimeSeries(target, table);
  writeFileAtomically(target, [&](std::ostream& out) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      out << (c > 0 ? "," : "") << headerField(table.columns[c]);
    }
    out << '\n';
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < row.size(); ++c)
        out << (c > 0 ? "," : "") << formatShortest(row[c]);
      out << '\n';
    }
  });
}

void writePsdCsv(const std::filesystem::path& target, const PsdHistory& psd) {
  checkPsdHistory(psd, target);
  writeFileAtomically(target, [&](std::ostream& out) {
    out << "class,L_low [m],L [m],L_high [m],dL [m]";
    for (const double t : psd.times)
      out << ',' << csvField("n@t=" + formatShortest(t) + "s [1/m^4]");
    out << '\n';
    for (std::size_t i = 0; i < psd.pivots.size(); ++i) {
      const double width = psd.faces[i + 1] - psd.faces[i];
      out << i << ',' << formatShortest(psd.faces[i]) << ',' << formatShortest(psd.pivots[i]) << ','
          << formatShortest(psd.faces[i + 1]) << ',' << formatShortest(width);
      for (const auto& number : psd.number) out << ',' << formatShortest(number[i] / width);
      out << '\n';
    }
  });
}

}  // namespace proscale
