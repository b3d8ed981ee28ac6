#include "output/TextFormat.h"

namespace proscale {

std::string unitLabel(std::string_view unit) {
  if (unit.empty() || unit == "1" || unit == "-") return "-";
  return std::string(unit);
}

}  // namespace proscale
