// Unit texts that must be rejected, with the exact message and the 0-based column.
#include <catch2/catch.hpp>

#include "core/Units.h"

using namespace proscale;

namespace {
void checkError(const std::string& text, std::size_t column, const std::string& message) {
  INFO(text);
  try {
    parseQuantity(text);
    FAIL("no UnitError for '" + text + "'");
  } catch (const UnitError& e) {
    CHECK(e.column() == column);
    CHECK(std::string(e.what()) == message);
  }
}
}  // namespace

TEST_CASE("unknown units name the token and the text", "[unit]") {
  checkError("5 mols/L", 2, "unknown unit 'mols' in '5 mols/L'");
  checkError("5 mol/Lt", 6, "unknown unit 'Lt' in '5 mol/Lt'");
  checkError("1 d", 2, "unknown unit 'd' in '1 d'");              // a day is spelt 'day'
  checkError("1 kmin", 2, "unknown unit 'kmin' in '1 kmin'");     // min takes no prefix
  checkError("1 molecule", 2, "unknown unit 'molecule' in '1 molecule'");
  checkError("1 T", 2, "unknown unit 'T' in '1 T'");              // T is only a prefix
}

TEST_CASE("units written the everyday way get the table's spelling suggested", "[unit]") {
  checkError("25 \xC2\xB0" "C", 3, "unknown unit '\xC2\xB0" "C' (did you mean 'degC'?) in '25 \xC2\xB0" "C'");
  checkError("10 minutes", 3, "unknown unit 'minutes' (did you mean 'min'?) in '10 minutes'");
  checkError("2 hours", 2, "unknown unit 'hours' (did you mean 'h'?) in '2 hours'");
  checkError("3 microns", 2, "unknown unit 'microns' (did you mean 'um'?) in '3 microns'");
}

TEST_CASE("a number must come first", "[unit]") {
  checkError("", 0, "expected a number at the start of ''");
  checkError("abc", 0, "expected a number at the start of 'abc'");
  checkError("  K", 2, "expected a number at the start of '  K'");
  checkError("- 5 K", 0, "expected a number at the start of '- 5 K'");
  checkError("nan", 0, "expected a number at the start of 'nan'");
  checkError("inf K", 0, "expected a number at the start of 'inf K'");
  checkError("1e999 m", 0, "number '1e999' is out of range in '1e999 m'");
}

TEST_CASE("malformed unit expressions", "[unit]") {
  checkError("5 m2", 3, "write exponents with '^' (e.g. 'm^2') in '5 m2'");
  checkError("5 m^", 3, "expected an integer exponent from -99 to 99 after '^' in '5 m^'");
  checkError("5 m^x", 3, "expected an integer exponent from -99 to 99 after '^' in '5 m^x'");
  checkError("5 m/", 3, "missing unit after '/' in '5 m/'");
  checkError("5 m//s", 4, "unexpected character '/' in '5 m//s'");
  checkError("5 m)", 3, "unexpected character ')' in '5 m)'");
  checkError("5 2m", 2, "unexpected number '2' in a unit (only '1', as in '1/s', is allowed) in '5 2m'");
}

TEST_CASE("degC and degF only stand alone", "[unit]") {
  checkError("5 J/degC", 4,
             "'degC' cannot be part of a compound unit in '5 J/degC'; write absolute temperatures "
             "alone (e.g. '25 degC') and use K in compound units");
  checkError("5 kdegF", 2, "unknown unit 'kdegF' in '5 kdegF'");
  CHECK_THROWS_AS(parseUnit("degC"), UnitError);
  CHECK_THROWS_AS(parseUnit("  "), UnitError);
}

TEST_CASE("values that overflow after conversion are rejected", "[unit]") {
  checkError("1e300 TPa^2", 0, "value of '1e300 TPa^2' is out of range");
  // and below: a non-zero value must not become 0 or lose digits as a subnormal
  checkError("1e-305 nm", 0, "value of '1e-305 nm' is out of range");
  checkError("1e-300 nm", 0, "value of '1e-300 nm' is out of range");
  checkError("1e-320", 0, "number '1e-320' is out of range in '1e-320'");
  CHECK(parseQuantity("0 nm").value == 0.0);
}

TEST_CASE("unit exponents and factors stay within range", "[unit]") {
  // Issue 10, defect 6: 8-bit exponents wrapped, m^64*m^64*m^64*m^64*nm was a length.
  checkError("50 m^64*m^64*m^64*m^64*nm", 8,  // at the second factor: m^128
             "exponent of a base unit beyond +-99 in '50 m^64*m^64*m^64*m^64*nm'");
  checkError("1 s^81*s^81", 7, "exponent of a base unit beyond +-99 in '1 s^81*s^81'");
  CHECK(parseQuantity("1 m^99").dimension == dim::length.pow(99));
  // fuzz findings: a unit's factor that underflows to 0 was accepted (pm^20*pm^20 = 1e-480)
  checkError("50 mmol/L*pm^20*pm^20/m^20/m^20", 16,  // 1e-240 * 1e-240
             "the unit's factor to SI is beyond the range of a double in "
             "'50 mmol/L*pm^20*pm^20/m^20/m^20'");
  checkError("1 Tm^20 Tm^20", 8,
             "the unit's factor to SI is beyond the range of a double in '1 Tm^20 Tm^20'");
}
