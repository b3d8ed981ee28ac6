#pragma once
// Quantities written as text in case files ("25 degC", "0.1 mol/L", "2 nm", "300 rpm") and
// their conversion to SI. See docs/reference/units.md for the accepted units.
#include <string>
#include <string_view>

#include "core/Dimension.h"
#include "core/Errors.h"

namespace proscale {

struct Quantity {
  double value = 0.0;      ///< in SI (kelvin for temperatures)
  Dimension dimension;     ///< dimension of the unit written (none for a plain number)
  bool hasUnit = false;    ///< false for a plain number
};

/// A unit string that cannot be read; `column` is the 0-based offset of the problem in the text.
class UnitError : public Error {
 public:
  UnitError(std::size_t column, const std::string& message) : Error(message), m_column(column) {}
  std::size_t column() const { return m_column; }

 private:
  std::size_t m_column;
};

/// Parses "<number> [unit expression]". Unit expressions use `*`, `/`, `^` (integer
/// exponents), `.` or a space as product, SI prefixes and parentheses-free left-to-right
/// evaluation ("J/mol/K" = J mol^-1 K^-1). `degC` and `degF` are accepted only alone (absolute
/// temperatures). Throws UnitError.
Quantity parseQuantity(std::string_view text);

/// Parses a unit expression alone ("mol/L") and returns its SI factor and dimension.
/// `degC` and `degF` are offset scales, not factors, and are rejected here.
Quantity parseUnit(std::string_view unit);

/// How a value shown in a unit maps to SI: SI = scale * shown + offset (offset nonzero only for
/// degC and degF), and the unit's dimension.
struct UnitScale {
  double scale = 1.0, offset = 0.0;
  Dimension dimension;
};
/// The scale of a unit expression, temperature scales included ("degC": 1, 273.15). An empty
/// unit or "-" (the dimensionless unit of metric tables) is a plain number: 1, 0. Throws
/// UnitError.
UnitScale unitScale(std::string_view unit);

/// The unit part of a quantity text, trimmed ("mol/L" for "0.1 mol/L", "" for "5").
/// Throws UnitError when the text does not start with a number.
std::string_view unitText(std::string_view text);

}  // namespace proscale
