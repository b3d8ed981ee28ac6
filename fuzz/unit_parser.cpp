// libFuzzer target: the unit parser (src/core/Units.h) on any text. Expected outcome for bad
// text: UnitError. Findings besides crashes and UB: another exception type, a quantity that
// is not finite or is 0 for a non-zero number (a unit factor that underflows), a unit factor
// that is not finite and positive, and a unit U whose product "U*U" has not exactly twice
// U's exponents (wrapped exponents, e.g. 'm^64*m^64' as m^-128).
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "FuzzExpect.h"
#include "core/Units.h"

using namespace proscale;
using fuzz::finding;

namespace {

// The number a quantity text starts with (parseQuantity accepted it: decimal digits).
double leadingNumber(const std::string& text) {
  std::size_t begin = text.find_first_not_of(" \t");
  if (begin != std::string::npos && text[begin] == '+') ++begin;
  double value = 0.0;
  std::from_chars(text.data() + begin, text.data() + text.size(), value);
  return value;
}

void checkQuantity(const std::string& text) {
  try {
    const Quantity q = parseQuantity(text);
    if (!std::isfinite(q.value)) finding("parseQuantity accepted a non-finite value: '" + text + "'");
    if (q.value == 0.0 && leadingNumber(text) != 0.0)
      finding("parseQuantity read a non-zero number as 0 (the unit's factor underflows): '" + text + "'");
    (void)unitText(text);
  } catch (const UnitError&) {
  } catch (...) {
    fuzz::unexpectedException();
  }
}

void checkUnit(const std::string& text) {
  Quantity unit;
  try {
    unit = parseUnit(text);
  } catch (const UnitError&) {
    return;
  } catch (...) {
    fuzz::unexpectedException();
  }
  if (!(std::isfinite(unit.value) && unit.value > 0.0))
    finding("parseUnit accepted a factor that is not finite and positive: '" + text + "' = " +
            std::to_string(unit.value));
  // Units evaluate left to right, so "U*U" is U twice: every exponent doubles exactly.
  Quantity twice;
  try {
    twice = parseUnit(text + "*" + text);
  } catch (const UnitError&) {
    return;  // refused (e.g. exponents out of range): fine
  } catch (...) {
    fuzz::unexpectedException();
  }
  for (std::size_t i = 0; i < Dimension::kBaseCount; ++i) {
    const int once = unit.dimension.exponents()[i], doubled = twice.dimension.exponents()[i];
    if (doubled != 2 * once)
      finding("exponent wrapped: '" + text + "' has " + unit.dimension.toString() + " but '" +
              text + "*" + text + "' has " + twice.dimension.toString());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  checkQuantity(text);
  checkUnit(text);
  return 0;
}
