#include "core/Dimension.h"

#include <string>

namespace proscale {

std::string Dimension::toString() const {
  static const char* symbols[kBaseCount] = {"m", "kg", "s", "K", "mol", "A"};
  std::string num, den;
  auto append = [](std::string& s, const char* sym, int e) {
    if (!s.empty()) s += ' ';
    s += sym;
    if (e != 1) {
      s += '^';
      s += std::to_string(e);
    }
  };
  for (std::size_t i = 0; i < kBaseCount; ++i) {
    if (m_exp[i] > 0) append(num, symbols[i], m_exp[i]);
    if (m_exp[i] < 0) append(den, symbols[i], -m_exp[i]);
  }
  if (num.empty() && den.empty()) return "1";
  if (den.empty()) return num;
  std::string out = num.empty() ? "1" : num;
  out += '/';
  if (den.find(' ') != std::string::npos) {
    out += '(';
    out += den;
    out += ')';
  } else {
    out += den;
  }
  return out;
}

}  // namespace proscale
