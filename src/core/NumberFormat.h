#pragma once
// The one place numbers become text. Two precisions, for two readers:
//  * files (CSV, JSON, ParaView attributes): formatShortest, the shortest text that reads back
//    (std::stod, Python float, pandas) to exactly the value;
//  * people (error messages, reports, docs): formatNumber, a given number of significant
//    digits (%g style).
#include <string>

namespace proscale {

/// "0.1", "300", "1e+18", "-2.5e-09"; non-finite values give "inf", "-inf" or "nan".
std::string formatShortest(double value);

/// `significant` digits, %g style: formatNumber(298.15) == "298.15",
/// formatNumber(1.0 / 3, 9) == "0.333333333", formatNumber(2.5e-9) == "2.5e-09".
std::string formatNumber(double value, int significant = 6);

}  // namespace proscale
