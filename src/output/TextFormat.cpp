#include "output/TextFormat.h"

#include <array>
#include <charconv>

namespace proscale {

std::string formatShortest(double value) {
  std::array<char, 64> buffer{};  // the longest shortest-form double is 24 characters
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

std::string unitLabel(std::string_view unit) {
  if (unit.empty() || unit == "1" || unit == "-") return "-";
  return std::string(unit);
}

}  // namespace proscale
