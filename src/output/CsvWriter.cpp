#include "output/CsvWriter.h"

#include <ostream>
#include <string>
#include <string_view>

#include "output/AtomicFile.h"
#include "output/PsdCheck.h"
#include "output/TextFormat.h"
#include "output/TimeSeriesCheck.h"

namespace proscale {

std::string csvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

namespace {

std::string headerField(const SeriesColumn& column) {
  return csvField(column.name + " [" + unitLabel(column.unit) + "]");
}

}  // namespace

std::string timeSeriesCsvHeader(const std::vector<SeriesColumn>& columns) {
  std::string line;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c > 0) line += ',';
    line += headerField(columns[c]);
  }
  return line;
}

void writeTimeSeriesCsv(const std::filesystem::path& target, const TimeSeriesTable& table) {
  checkTimeSeries(table, target);
  writeFileAtomically(target, [&](std::ostream& out) {
    out << timeSeriesCsvHeader(table.columns) << '\n';
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
