// IAPWS-95 (models/thermo/water/Iapws95.h) against the check values of IAPWS R6-95(2018):
// Table 6 (phi0, phir and derivatives), Table 7 (single phase), Table 8 (saturation), the
// critical point; plus the (T, p) inversion, the saturation temperature, the derivative
// formulas against finite differences and the range errors.
//
// Tolerance of a published value: half a unit in its last printed digit (the table's own
// rounding; the unit is read from the printed string) plus 1e-13 relative for our round-off.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

#include "core/Errors.h"
#include "models/thermo/water/Iapws95.h"

using namespace proscale;

namespace {

/// A value as printed in a release table, e.g. "0.992418352e-1", and half a unit of its last
/// printed digit.
struct Printed {
  double value;
  double halfUnit;
};
Printed printed(const std::string& text) {
  const std::size_t e = text.find_first_of("eE");
  const std::string mantissa = text.substr(0, e);
  const int exponent = e == std::string::npos ? 0 : std::stoi(text.substr(e + 1));
  const std::size_t dot = mantissa.find('.');
  const int decimals = dot == std::string::npos ? 0 : int(mantissa.size() - dot - 1);
  return {std::stod(text), 0.5 * std::pow(10.0, exponent - decimals)};
}

/// |computed - printed| within the table's rounding plus our round-off (see file header).
void checkPrinted(double computed, const std::string& text, const std::string& what) {
  const Printed p = printed(text);
  INFO(what << ": computed " << std::setprecision(12) << computed << ", printed " << text);
  CHECK(std::fabs(computed - p.value) <= p.halfUnit + 1e-13 * std::fabs(p.value));
}

/// Rows of a data csv under tests/models/data/iapws (first line "# Source: ...", then a header).
std::vector<std::vector<std::string>> readCsv(const std::string& name) {
  std::ifstream in(std::string(PROSCALE_SOURCE_DIR) + "/tests/models/data/iapws/" + name);
  REQUIRE(in);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

double relativeError(double a, double b) { return std::fabs(a / b - 1); }

}  // namespace

TEST_CASE("IAPWS-95 Table 6: phi0, phir and their derivatives at 500 K, 838.025 kg/m^3") {
  const double delta = 838.025 / iapws95::rhoc, tau = iapws95::Tc / 500.0;
  const HelmholtzDerivatives i = iapws95Ideal(delta, tau);
  checkPrinted(i.phi, "0.204797733e1", "phi0");
  checkPrinted(i.d, "0.384236747", "phi0_delta");
  checkPrinted(i.dd, "-0.147637878", "phi0_delta_delta");
  checkPrinted(i.t, "0.904611106e1", "phi0_tau");
  checkPrinted(i.tt, "-0.193249185e1", "phi0_tau_tau");
  CHECK(i.dt == 0.0);  // Table 6: phi0_delta_tau = 0 exactly
  const HelmholtzDerivatives r = iapws95Residual(delta, tau);
  checkPrinted(r.phi, "-0.342693206e1", "phir");
  checkPrinted(r.d, "-0.364366650", "phir_delta");
  checkPrinted(r.dd, "0.856063701", "phir_delta_delta");
  checkPrinted(r.t, "-0.581403435e1", "phir_tau");
  checkPrinted(r.tt, "-0.223440737e1", "phir_tau_tau");
  checkPrinted(r.dt, "-0.112176915e1", "phir_delta_tau");
}

TEST_CASE("IAPWS-95 Table 7: p, cv, w, s at the 11 single-phase (T, rho) states") {
  const auto rows = readCsv("iapws95_table7_single_phase.csv");
  REQUIRE(rows.size() == 11);
  for (const auto& row : rows) {
    const double T = std::stod(row[0]), rho = std::stod(row[1]);
    const WaterState s = iapws95FromTRho(T, rho);
    const std::string at = "T = " + row[0] + " K, rho = " + row[1] + " kg/m^3: ";
    checkPrinted(s.p / 1e6, row[2], at + "p [MPa]");
    checkPrinted(s.cv / 1e3, row[3], at + "cv [kJ/(kg K)]");
    checkPrinted(s.w, row[4], at + "w [m/s]");
    checkPrinted(s.s / 1e3, row[5], at + "s [kJ/(kg K)]");
  }
}

TEST_CASE("IAPWS-95 Table 8: saturation at 275, 450 and 625 K") {
  const auto rows = readCsv("iapws95_table8_saturation_full.csv");
  REQUIRE(rows.size() == 3);
  for (const auto& row : rows) {
    const SaturationState s = iapws95Saturation(std::stod(row[0]));
    const std::string at = "T = " + row[0] + " K: ";
    checkPrinted(s.p / 1e6, row[1], at + "p_s [MPa]");
    checkPrinted(s.rhoLiquid, row[2], at + "rho'");
    checkPrinted(s.rhoVapour, row[3], at + "rho''");
    checkPrinted(s.hLiquid / 1e3, row[4], at + "h' [kJ/kg]");
    checkPrinted(s.hVapour / 1e3, row[5], at + "h'' [kJ/kg]");
    checkPrinted(s.sLiquid / 1e3, row[6], at + "s' [kJ/(kg K)]");
    checkPrinted(s.sVapour / 1e3, row[7], at + "s'' [kJ/(kg K)]");
  }
  // The p, rho', rho'' of the separately curated copy of the same table.
  for (const auto& row : readCsv("iapws95_table8_saturation.csv")) {
    const SaturationState s = iapws95Saturation(std::stod(row[0]));
    checkPrinted(s.p / 1e3, row[1], "T = " + row[0] + " K: p_s [kPa]");
    checkPrinted(s.rhoLiquid, row[2], "T = " + row[0] + " K: rho'");
    checkPrinted(s.rhoVapour, row[3], "T = " + row[0] + " K: rho''");
  }
}

TEST_CASE("IAPWS-95 critical point: p(Tc, rhoc) = 22.064 MPa, a flat inflection of the isotherm") {
  const WaterState c = iapws95FromTRho(iapws95::Tc, iapws95::rhoc);
  // Release section 2: pc = 22.064 MPa, to the 5 digits stated.
  checkPrinted(c.p / 1e6, "22.064", "p(Tc, rhoc) [MPa]");
  // The EOS was fitted to make (dp/drho)_T vanish there; with the coefficients rounded to 14
  // digits it holds to about 1e-13 (scaled by pc/rhoc); 1e-9 leaves room and still fails an
  // ordinary state by nine orders of magnitude.
  CHECK(std::fabs(c.dpdrho) * iapws95::rhoc / iapws95::pc < 1e-9);
  // The non-analytic terms make cv diverge at the critical point (release section 6.3).
  CHECK(std::isinf(c.cv));
  const HelmholtzDerivatives r = iapws95Residual(1.0, 1.0);
  CHECK(std::isfinite(r.phi));
  CHECK(std::isfinite(r.d));
  CHECK(std::isfinite(r.dd));
  CHECK(std::isfinite(r.t));
  CHECK(std::isfinite(r.dt));
  CHECK(r.tt == -HUGE_VAL);
}

TEST_CASE("IAPWS-95 residual derivatives against central differences, near and far from Tc") {
  // (delta, tau, step h): liquid, vapour, and four where the non-analytic terms 55-56 and the
  // Gaussian terms count (delta and tau near 1), including delta = 1 exactly (the careful
  // (delta - 1) -> 0 limits). Near (1, 1) Delta varies on the scale |tau - 1| and |delta - 1|,
  // so the step shrinks to 1e-7 there.
  const double points[][3] = {{3.1, 2.0, 1e-5},    {0.01, 1.2, 1e-5},   {1.3, 1.005, 1e-6},
                              {0.8, 0.995, 1e-6},  {1.0, 0.98, 1e-6},   {1.02, 1.003, 1e-7},
                              {2.6, 1.294, 1e-5}};
  for (const auto& pt : points) {
    const double delta = pt[0], tau = pt[1];
    const HelmholtzDerivatives r = iapws95Residual(delta, tau);
    const double hd = pt[2] * delta, ht = pt[2];
    const auto dPlus = iapws95Residual(delta + hd, tau), dMinus = iapws95Residual(delta - hd, tau);
    const auto tPlus = iapws95Residual(delta, tau + ht), tMinus = iapws95Residual(delta, tau - ht);
    INFO("delta = " << delta << ", tau = " << tau);
    // Central differences: truncation (h/L)^2/6 for a variation scale L and round-off eps/h
    // (<= 2e-9 for h >= 1e-7); the tolerance is 1e-6 of the largest magnitude involved (a wrong
    // factor or sign in any term shows as >1e-3).
    const auto close = [](double exact, double fd, double scale) {
      return std::fabs(exact - fd) <= 1e-6 * (std::fabs(exact) + scale);
    };
    CHECK(close(r.d, (dPlus.phi - dMinus.phi) / (2 * hd), std::fabs(r.phi) / delta));
    CHECK(close(r.dd, (dPlus.d - dMinus.d) / (2 * hd), std::fabs(r.d) / delta));
    CHECK(close(r.t, (tPlus.phi - tMinus.phi) / (2 * ht), std::fabs(r.phi)));
    CHECK(close(r.tt, (tPlus.t - tMinus.t) / (2 * ht), std::fabs(r.t)));
    CHECK(close(r.dt, (tPlus.d - tMinus.d) / (2 * ht), std::fabs(r.d)));
    CHECK(close(r.dt, (dPlus.t - dMinus.t) / (2 * hd), std::fabs(r.t) / delta));
    // The ideal part likewise (its delta dependence is ln(delta) alone).
    const HelmholtzDerivatives i = iapws95Ideal(delta, tau);
    const auto iPlus = iapws95Ideal(delta, tau + ht), iMinus = iapws95Ideal(delta, tau - ht);
    CHECK(close(i.t, (iPlus.phi - iMinus.phi) / (2 * ht), std::fabs(i.phi)));
    CHECK(close(i.tt, (iPlus.t - iMinus.t) / (2 * ht), std::fabs(i.t)));
  }
}

TEST_CASE("IAPWS-95 isotherm evaluator equals the full residual") {
  // Same terms, tau factors hoisted: equal to round-off of the sums (1e-13 relative to the
  // largest of |phi|, |phi_d|, |phi_dd|, which bounds the sums' cancellation error).
  for (double T : {273.15, 300.0, 500.0, 640.0, 647.0, 650.0, 800.0, 1073.15}) {
    const Iapws95ResidualIsotherm iso(iapws95::Tc / T);
    for (double rho : {1e-3, 0.5, 50.0, 300.0, 322.0, 340.0, 600.0, 1000.0, 1200.0}) {
      const double delta = rho / iapws95::rhoc;
      const auto a = iso.at(delta);
      const HelmholtzDerivatives r = iapws95Residual(delta, iapws95::Tc / T);
      const double scale = std::fabs(r.phi) + std::fabs(r.d) + std::fabs(r.dd);
      INFO("T = " << T << " K, rho = " << rho << " kg/m^3");
      CHECK(std::fabs(a.phi - r.phi) <= 1e-13 * scale);
      CHECK(std::fabs(a.d - r.d) <= 1e-13 * scale);
      CHECK(std::fabs(a.dd - r.dd) <= 1e-13 * scale);
      // p = rho R T (1 + delta phir_d): the bound above on phir_d, times delta rho R T. (Inside
      // the dome at low T the terms of phir reach 1e10 and cancel; scale carries that.)
      CHECK(std::fabs(iapws95Pressure(T, rho) - iapws95FromTRho(T, rho).p) <=
            1e-13 * rho * iapws95::R * T * (1 + delta * scale));
    }
  }
}

TEST_CASE("IAPWS-95 saturation: Maxwell criterion from the triple point to 1 mK below Tc") {
  for (double T : {273.16, 280.0, 300.0, 373.15, 450.0, 550.0, 600.0, 640.0, 646.0, 647.0,
                   647.09, 647.095, iapws95::Tc - 1e-4}) {
    const SaturationState s = iapws95Saturation(T);
    const WaterState l = iapws95FromTRho(T, s.rhoLiquid), v = iapws95FromTRho(T, s.rhoVapour);
    INFO("T = " << T << " K");
    CHECK(s.rhoLiquid > iapws95::rhoc);
    CHECK(s.rhoVapour < iapws95::rhoc);
    // Equal pressures. The liquid's p = rho' R T (1 + delta phir_d) cancels (1 + delta phir_d is
    // 5e-6 at 273.16 K) and carries the round-off of delta phir_d, a sum of terms up to O(100):
    // changing rho' by one ulp moves p' by ~3e-13 rho' R T. Hence 1e-12 of rho' R T (which is
    // 2e-7 of p at 273.16 K, 1e-12 of it near Tc).
    CHECK(std::fabs(l.p - v.p) < 1e-12 * s.rhoLiquid * iapws95::R * T);
    // Equal Gibbs energies g = h - T s, to 1e-9 of R T (the same cancellation argument).
    CHECK(std::fabs((l.h - T * l.s) - (v.h - T * v.s)) < 1e-9 * iapws95::R * T);
  }
  // The auxiliary equations stay close to the Maxwell solution (their stated agreement).
  for (double T = 273.16; T < 646.0; T += 7.3) {
    const SaturationState s = iapws95Saturation(T);
    CHECK(relativeError(iapws95AuxSaturationPressure(T), s.p) < 7.5e-5);
    CHECK(relativeError(iapws95AuxLiquidDensity(T), s.rhoLiquid) < 6e-3);
    CHECK(relativeError(iapws95AuxVapourDensity(T), s.rhoVapour) < 6e-3);
  }
}

TEST_CASE("IAPWS-95 saturation temperature inverts the saturation pressure") {
  for (double T : {273.15, 273.16, 300.0, 372.7559, 450.0, 600.0, 640.0, 647.0, 647.09}) {
    const double p = iapws95Saturation(T).p;
    // Newton (exact slope) stops at a relative step of 1e-12, leaving ~1e-20; T(p) is well
    // conditioned (dT/T = dp/p times R T / h_vap < 0.1 below 647 K) and p_s carries ~1e-14:
    // 1e-12.
    CHECK(iapws95SaturationTemperature(p) == Approx(T).epsilon(1e-12));
  }
  // Table 8 inverted: p_s = 0.932203564 MPa gives 450 K to the pressure's printed precision
  // (half a unit, 5e-10 relative, times dlnT/dlnp = 0.1 here: 1e-10 is loose enough).
  CHECK(iapws95SaturationTemperature(0.932203564e6) == Approx(450.0).epsilon(1e-10));
  // Normal boiling point of IAPWS-95 at 101.325 kPa: 373.124 K as Wagner & Pruss (2002) state
  // it; half a unit of its last digit.
  CHECK(std::fabs(iapws95SaturationTemperature(101325.0) - 373.124) <= 0.0005);
}

TEST_CASE("IAPWS-95 FromTP: Table 7 states from their printed pressures") {
  // Rows within the (T, p) domain; the printed p has 9 digits, so rho is known to
  // half a unit of p times (drho/dp)_T, plus our 1e-13.
  for (const auto& row : readCsv("iapws95_table7_single_phase.csv")) {
    const double T = std::stod(row[0]), rho = std::stod(row[1]);
    const Printed p = printed(row[2]);
    if (p.value * 1e6 > iapws95::pmax) continue;
    const WaterState s = iapws95FromTP(T, p.value * 1e6);
    const double tolerance = p.halfUnit * 1e6 / s.dpdrho + 1e-13 * rho;
    INFO("T = " << T << " K, p = " << row[2] << " MPa");
    CHECK(std::fabs(s.rho - rho) <= tolerance);
    CHECK(s.phase == (T > iapws95::Tc ? WaterPhase::Supercritical
                                      : rho > 322 ? WaterPhase::Liquid : WaterPhase::Vapour));
  }
}

TEST_CASE("IAPWS-95 FromTP round trips rho -> p -> rho to 1e-12") {
  // On a grid over the domain: every stable single-phase state with p <= 100 MPa.
  const auto roundTrip = [](double T, double rho, WaterPhase phase) {
    const WaterState forward = iapws95FromTRho(T, rho);
    const WaterState back = iapws95FromTP(T, forward.p);
    INFO("T = " << T << " K, rho = " << rho << " kg/m^3, p = " << forward.p << " Pa");
    // Newton to 1e-11 relative steps (quadratic, so ~1e-20 left) and p(rho) computed with
    // round-off ~1e-15: rho is recovered to 1e-12 wherever rho dp/drho / p > 1e-3, i.e.
    // everywhere on this grid (the flat critical isotherm is left to the next test).
    CHECK(relativeError(back.rho, rho) < 1e-12);
    CHECK(back.phase == phase);
  };
  int checked = 0;
  for (double T = 275.0; T <= 1073.0; T += 22.0) {
    double rhoL = 0, rhoV = 0;
    if (T < iapws95::Tc) {
      const SaturationState s = iapws95Saturation(T);
      rhoL = s.rhoLiquid;
      rhoV = s.rhoVapour;
    }
    for (double rho = 1e-3; rho < 1300; rho *= 1.37) {
      const double p = iapws95FromTRho(T, rho).p;
      if (!(p > 0 && p <= iapws95::pmax)) continue;
      if (T < iapws95::Tc && rho > rhoV && rho < rhoL) continue;  // two-phase: no (T, p) state
      const WaterPhase phase = T >= iapws95::Tc ? WaterPhase::Supercritical
                                                : rho >= rhoL ? WaterPhase::Liquid
                                                              : WaterPhase::Vapour;
      roundTrip(T, rho, phase);
      ++checked;
    }
  }
  CHECK(checked > 300);

  SECTION("near saturation, both sides, where the exact saturation decides the branch") {
    for (double T : {273.16, 300.0, 373.15, 500.0, 600.0, 640.0, 646.0}) {
      const SaturationState s = iapws95Saturation(T);
      roundTrip(T, s.rhoLiquid * (1 + 1e-7), WaterPhase::Liquid);
      roundTrip(T, s.rhoVapour * (1 - 1e-7), WaterPhase::Vapour);
      // And p a millionth above / below p_s (inside the auxiliary equation's window).
      const WaterState above = iapws95FromTP(T, s.p * (1 + 1e-6));
      const WaterState below = iapws95FromTP(T, s.p * (1 - 1e-6));
      CHECK(above.phase == WaterPhase::Liquid);
      CHECK(below.phase == WaterPhase::Vapour);
      CHECK(above.rho >= s.rhoLiquid);
      CHECK(below.rho <= s.rhoVapour);
    }
  }
  SECTION("supercritical near the critical point") {
    for (double T : {647.2, 650.0, 660.0, 700.0})
      for (double rho : {150.0, 250.0, 322.0, 400.0, 500.0}) {
        const WaterState forward = iapws95FromTRho(T, rho);
        const WaterState back = iapws95FromTP(T, forward.p);
        // The isotherm flattens: rho is determined only to (round-off of p, ~1e-15 p) /
        // (rho dp/drho); the bound is that times 100 plus the 1e-12 of the grid test.
        const double conditioning = forward.p / (rho * forward.dpdrho);
        INFO("T = " << T << " K, rho = " << rho);
        CHECK(relativeError(back.rho, rho) < 1e-12 + 1e-13 * conditioning);
        CHECK(back.phase == WaterPhase::Supercritical);
      }
  }
}

TEST_CASE("IAPWS-95 FromTP throws RecoverableError outside its range and on saturation") {
  const auto throwsNaming = [](double T, double p, const std::string& fragment) {
    INFO("T = " << T << " K, p = " << p << " Pa");
    try {
      iapws95FromTP(T, p);
      FAIL("no exception");
    } catch (const RecoverableError& e) {
      const std::string message = e.what();
      CHECK(message.find("IAPWS-95 (T, p)") != std::string::npos);
      CHECK(message.find(fragment) != std::string::npos);
    }
  };
  throwsNaming(273.14, 1e5, "273.15-1073.15 K");
  throwsNaming(1073.16, 1e5, "273.15-1073.15 K");
  throwsNaming(NAN, 1e5, "273.15-1073.15 K");
  throwsNaming(300.0, 0.0, "0-100 MPa");
  throwsNaming(300.0, -1.0, "0-100 MPa");
  throwsNaming(300.0, 100.0001e6, "0-100 MPa");
  const double pSat500 = iapws95Saturation(500.0).p;
  throwsNaming(500.0, pSat500, "two phases");
  throwsNaming(500.0, pSat500 * (1 + 1e-13), "two phases");  // on it to round-off
  CHECK_NOTHROW(iapws95FromTP(500.0, pSat500 * (1 + 1e-10)));
  // The range ends themselves are inside.
  CHECK_NOTHROW(iapws95FromTP(iapws95::Tmin, iapws95::pmax));
  CHECK_NOTHROW(iapws95FromTP(iapws95::Tmax, iapws95::pmax));
  CHECK_NOTHROW(iapws95FromTP(iapws95::Tmax, 1.0));

  CHECK_THROWS_AS(iapws95Saturation(iapws95::Tc), RecoverableError);
  CHECK_THROWS_AS(iapws95Saturation(272.0), RecoverableError);
  CHECK_THROWS_AS(iapws95SaturationTemperature(iapws95::pc), RecoverableError);
  CHECK_THROWS_AS(iapws95SaturationTemperature(600.0), RecoverableError);
  CHECK(std::string(phaseName(WaterPhase::Vapour)) == "vapour");
}
