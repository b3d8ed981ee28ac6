#include "core/NumberFormat.h"

#include <array>
#include <charconv>

namespace proscale {

std::string formatShortest(double value) {
  std::array<char, 64> buffer{};  // the longest shortest-form double is 24 characters
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

std::string formatNumber(double value, int significant) {
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::general, significant);
  return std::string(buffer.data(), result.ptr);
}

}  // namespace proscale
