#pragma once
// Unit text shared by every writer in src/output; numbers: core/NumberFormat.h (writers check
// finiteness before they format).
#include <string>
#include <string_view>

#include "core/NumberFormat.h"

namespace proscale {

/// A unit as shown in a header or summary: the SI unit text as given, or "-" when the quantity
/// is dimensionless (unit "", "1" or "-").
std::string unitLabel(std::string_view unit);

}  // namespace proscale
