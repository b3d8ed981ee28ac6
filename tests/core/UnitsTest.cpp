// Conversions to SI, checked against values derived by hand from the unit definitions.
#include <catch2/catch.hpp>

#include "core/Units.h"

using namespace proscale;

namespace {
void checkQuantity(const std::string& text, double si, const Dimension& d) {
  INFO(text);
  Quantity q = parseQuantity(text);
  CHECK(q.hasUnit);
  CHECK(q.value == Approx(si).epsilon(1e-12));
  CHECK(q.dimension.toString() == d.toString());
}
}  // namespace

TEST_CASE("plain numbers have no unit", "[unit]") {
  for (auto [text, value] : {std::pair{"1e-3", 1e-3}, {"-5", -5.0}, {".5", 0.5}, {"+2", 2.0},
                             {"5.", 5.0}, {"2.5E+4", 2.5e4}, {"  7  ", 7.0}}) {
    INFO(text);
    Quantity q = parseQuantity(text);
    CHECK_FALSE(q.hasUnit);
    CHECK(q.dimension.isDimensionless());
    CHECK(q.value == value);
  }
}

TEST_CASE("case-file quantities convert to SI", "[unit]") {
  CHECK(parseQuantity("25 degC").value == 298.15);  // 25 + 273.15, exact in double
  checkQuantity("25 degC", 298.15, dim::temperature);
  checkQuantity("-40 degC", 233.15, dim::temperature);
  checkQuantity("77 degF", 298.15, dim::temperature);  // (77 - 32) * 5/9 + 273.15
  checkQuantity("0.1 mol/L", 100.0, dim::concentration);
  checkQuantity("300 rpm", 5.0, dim::frequency);
  checkQuantity("2 nm", 2e-9, dim::length);
  checkQuantity("0.12 J/m^2", 0.12, dim::surfaceEnergy);
  checkQuantity("20 min", 1200.0, dim::time);
  checkQuantity("26.3 kJ/mol", 26300.0, dim::molarEnergy);
  checkQuantity("1 bar", 1e5, dim::pressure);
  checkQuantity("4.48 g/cm^3", 4480.0, dim::density);
  checkQuantity("233.39 g/mol", 0.23339, dim::molarMass);
  checkQuantity("1 atm", 101325.0, dim::pressure);
  checkQuantity("2 h", 7200.0, dim::time);
  checkQuantity("1.5 day", 129600.0, dim::time);
  checkQuantity("50 %", 0.5, dim::none);
  checkQuantity("10 ppm", 1e-5, dim::none);
  checkQuantity("1e-9 m^2/s", 1e-9, dim::diffusivity);
  checkQuantity("1 cP", 1e-3, dim::viscosity);
  checkQuantity("3 mL", 3e-6, dim::volume);
  checkQuantity("3 ml", 3e-6, dim::volume);
  checkQuantity("5 mM", 5.0, dim::concentration);
  checkQuantity("2 MPa", 2e6, dim::pressure);
  checkQuantity("4 mmol", 4e-3, dim::amount);
  checkQuantity("7 mm", 7e-3, dim::length);
  checkQuantity("3 um", 3e-6, dim::length);
  checkQuantity("3 \xC2\xB5m", 3e-6, dim::length);  // micro sign
  checkQuantity("3 \xCE\xBCm", 3e-6, dim::length);  // Greek mu
  checkQuantity("1 kg", 1.0, dim::mass);
  checkQuantity("1 eV", 1.602176634e-19, dim::energy);
  checkQuantity("1 kcal/mol", 4184.0, dim::molarEnergy);
  checkQuantity("60 Hz", 60.0, dim::frequency);
  checkQuantity("2 1/s", 2.0, dim::frequency);
  checkQuantity("1e20 1/m^3", 1e20, dim::numberDensity);
  checkQuantity("8.314 J/mol/K", 8.314, dim::molarEnergy / dim::temperature);
}

TEST_CASE("products are written with *, . or a space", "[unit]") {
  for (const char* text : {"0.89 mPa*s", "0.89 mPa.s", "0.89 mPa s", "0.89 mPa * s"})
    checkQuantity(text, 0.89e-3, dim::viscosity);
  checkQuantity("1 kg m^2 s^-2", 1.0, dim::energy);
  checkQuantity("1 N.m", 1.0, dim::energy);
  checkQuantity("3 J/mol*K", 3.0, dim::molarEnergy * dim::temperature);  // left to right
}

TEST_CASE("electrical units", "[unit]") {
  checkQuantity("2 V", 2.0, dim::power / dim::current);
  checkQuantity("2 C", 2.0, dim::current * dim::time);
  checkQuantity("2 mS", 2e-3, dim::current * dim::current / dim::power);
  checkQuantity("2 kohm", 2e3, dim::power / (dim::current * dim::current));
  checkQuantity("1 mA", 1e-3, dim::current);
}

TEST_CASE("a unit may follow the number directly", "[unit]") {
  checkQuantity("2nm", 2e-9, dim::length);
  checkQuantity("2eV", 2 * 1.602176634e-19, dim::energy);  // 'e' without digits is not an exponent
  checkQuantity("1e3eV", 1e3 * 1.602176634e-19, dim::energy);
}

TEST_CASE("parseUnit gives the SI factor of a unit expression", "[unit]") {
  Quantity u = parseUnit("mol/L");
  CHECK(u.hasUnit);
  CHECK(u.value == Approx(1000.0));
  CHECK(u.dimension == dim::concentration);
  CHECK(parseUnit(" um ").value == Approx(1e-6));
  CHECK(parseUnit("K").dimension == dim::temperature);
}

TEST_CASE("unitText returns the unit part of a quantity", "[unit]") {
  CHECK(unitText("0.1 mol/L") == "mol/L");
  CHECK(unitText("  25 degC  ") == "degC");
  CHECK(unitText("5") == "");
  CHECK(unitText("2nm") == "nm");
}

TEST_CASE("a unit's scale maps a shown value to SI, temperature scales included", "[unit]") {
  // SI = scale * shown + offset: 1 nm = 1e-9 m; 0 degC = 273.15 K with 1 K per degC;
  // 0 degF = 255.372... K with 5/9 K per degF (NIST SP 811, B.8); mmol/L = 1 mol/m^3.
  const UnitScale nm = unitScale("nm");
  CHECK(nm.scale == Approx(1e-9).epsilon(1e-15));
  CHECK(nm.offset == 0.0);
  CHECK(nm.dimension == dim::length);
  const UnitScale c = unitScale(" degC ");
  CHECK(c.scale == Approx(1.0).epsilon(1e-13));
  CHECK(c.offset == Approx(273.15).epsilon(1e-15));
  CHECK(c.dimension == dim::temperature);
  const UnitScale f = unitScale("degF");
  CHECK(f.scale == Approx(5.0 / 9.0).epsilon(1e-13));
  CHECK(f.offset == Approx(273.15 - 32.0 * 5.0 / 9.0).epsilon(1e-13));
  CHECK(unitScale("mmol/L").scale == Approx(1.0).epsilon(1e-15));
  for (const char* plain : {"", "-"}) {
    const UnitScale u = unitScale(plain);
    CHECK(u.scale == 1.0);
    CHECK(u.offset == 0.0);
    CHECK(u.dimension.isDimensionless());
  }
  CHECK_THROWS_AS(unitScale("furlong"), UnitError);
}
