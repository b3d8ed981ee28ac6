#pragma once
// Number and unit text shared by every writer in src/output.
#include <string>
#include <string_view>

namespace proscale {

/// The shortest decimal text that reads back (std::stod, Python float, pandas) to exactly
/// `value`: "0.1", "300", "1e+18", "-2.5e-09". Non-finite values give "inf", "-inf" or "nan";
/// writers check finiteness before they call this.
std::string formatShortest(double value);

/// A unit as shown in a header or summary: the SI unit text as given, or "-" when the quantity
/// is dimensionless (unit "", "1" or "-").
std::string unitLabel(std::string_view unit);

}  // namespace proscale
