#include "app/ResultTable.h"

#include <cmath>
#include <cstdlib>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace proscale {
namespace {

// The fields of one RFC 4180 record that starts at `line` (continued from `in` while a quoted
// field holds a line end).
std::vector<std::string> fields(std::string line, std::istream& in) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0;; ++i) {
    if (i == line.size()) {
      if (!quoted || !std::getline(in, line)) break;
      out.back() += '\n';
      i = static_cast<std::size_t>(-1);
      continue;
    }
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

}  // namespace

ResultTable ResultTable::read(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read the table " + file.string());
  ResultTable t;
  t.file = file;
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error(file.string() + " is empty");
  for (const std::string& header : fields(line, in)) {
    const auto bracket = header.rfind(" [");
    const bool unit = bracket != std::string::npos && header.back() == ']';
    t.names.push_back(unit ? header.substr(0, bracket) : header);
    t.units.push_back(unit ? header.substr(bracket + 2, header.size() - bracket - 3) : "");
  }
  while (std::getline(in, line))
    if (!line.empty()) t.rows.push_back(fields(line, in));
  return t;
}

std::optional<std::size_t> ResultTable::column(const std::string& name) const {
  for (std::size_t c = 0; c < names.size(); ++c)
    if (names[c] == name) return c;
  return std::nullopt;
}

std::string ResultTable::header(std::size_t c) const {
  return units[c].empty() ? names[c] : names[c] + " [" + units[c] + "]";
}

double ResultTable::number(std::size_t row, std::size_t c) const {
  const std::string& cell = c < rows[row].size() ? rows[row][c] : std::string();
  char* end = nullptr;
  const double v = std::strtod(cell.c_str(), &end);
  return cell.empty() || *end != '\0' ? std::nan("") : v;
}

}  // namespace proscale
