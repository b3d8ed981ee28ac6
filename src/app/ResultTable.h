#pragma once
// A results table as proscale writes it (sweep.csv, timeseries.csv): a header of
// `name [unit]` fields, then rows, RFC 4180 quoting. Read back for `proscale correlate`.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace proscale {

struct ResultTable {
  std::filesystem::path file;
  std::vector<std::string> names, units;     ///< per column ("" when the header has no unit)
  std::vector<std::vector<std::string>> rows;  ///< cells as text

  /// Reads `file`; std::runtime_error naming it when it cannot be read or has no header.
  static ResultTable read(const std::filesystem::path& file);
  /// The column called `name`, if any.
  std::optional<std::size_t> column(const std::string& name) const;
  /// The header text of a column: "name [unit]", or the name without a unit.
  std::string header(std::size_t column) const;
  /// The cell as a number; NaN when it is empty or not a number.
  double number(std::size_t row, std::size_t column) const;
};

}  // namespace proscale
