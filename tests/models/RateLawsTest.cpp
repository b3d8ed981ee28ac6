// Nucleation and growth laws: closed forms evaluated by hand, and slopes against differences.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/Constants.h"
#include "models/particles/GrowthLaws.h"
#include "models/particles/NucleationLaws.h"

using namespace proscale;

namespace {
// BaSO4 at 25 degC: V_m = 233.39e-3 / 4480 m^3/mol.
DrivingForce baso4(double S, double c) { return {298.15, std::log(S), c, 233.39e-3 / 4480.0}; }

template <class Law>
void checkSlopes(const Law& law, const DrivingForce& f) {
  const RateAndSlopes r = law.rate(f);
  const double h = 1e-6;
  DrivingForce up = f, down = f;
  up.lnS += h;
  down.lnS -= h;
  CHECK(r.dLnS == Approx((law.rate(up).value - law.rate(down).value) / (2 * h)).epsilon(1e-5));
  up = f;
  down = f;
  up.c *= std::exp(h);
  down.c *= std::exp(-h);
  CHECK(r.dLnC == Approx((law.rate(up).value - law.rate(down).value) / (2 * h)).epsilon(1e-5).margin(1e-300));
}
}  // namespace

TEST_CASE("CNT critical nucleus of BaSO4", "[unit][validation]") {
  // r* = 2 gamma v_m / (kT ln S) (Mullin, Crystallization, 4th ed. (2001), eq. 5.5).
  // gamma = 0.093 J/m^2, v_m = 8.651e-29 m^3, kT = 4.1164e-21 J, S = 1000:
  // r* = 2 * 0.093 * 8.651e-29 / (4.1164e-21 * 6.9078) = 5.659e-10 m, L* = 1.1318e-9 m.
  ClassicalNucleation cnt(0.093, 1.0, 1e30, 0.0);
  CHECK(cnt.criticalDiameter(baso4(1000.0, 25.0)) == Approx(1.1318e-9).epsilon(1e-3));
}

TEST_CASE("CNT rate with a given prefactor", "[unit][validation]") {
  // B = A exp(-16 pi gamma^3 v_m^2 / (3 (kT)^3 ln^2 S)); by hand for gamma = 0.093 J/m^2,
  // S = 800: exponent = 16 pi (0.093)^3 (8.651e-29)^2 / (3 (4.1164e-21)^3 (6.6846)^2)
  //       = 3.0257e-58 / 9.3504e-60 = 32.359  -> B = 1e30 * exp(-32.359) = 8.8e15 1/(m^3 s).
  ClassicalNucleation cnt(0.093, 1.0, 1e30, 0.0);
  const RateAndSlopes r = cnt.rate(baso4(800.0, 25.0));
  CHECK(std::log(r.value) == Approx(std::log(1e30) - 32.359).margin(1e-3));
  checkSlopes(cnt, baso4(800.0, 25.0));
}

TEST_CASE("Mersmann's prefactor", "[unit][validation]") {
  // A = 1.5 D (c N_A)^(7/3) sqrt(gamma/kT) v_m (Mersmann 1990). D = 9.4e-10 m^2/s,
  // c = 25 mol/m^3: (1.5055e25)^(7/3) = 5.5969e58; sqrt(0.093 / 4.1164e-21) = 4.7532e9;
  // A = 1.5 * 9.4e-10 * 5.5969e58 * 4.7532e9 * 8.6507e-29 = 3.2449e31 1/(m^3 s).
  ClassicalNucleation cnt(0.093, 1.0, 0.0, 9.4e-10);
  const DrivingForce f = baso4(800.0, 25.0);
  const double expected = 3.2449e31 * std::exp(-32.359);
  CHECK(cnt.rate(f).value == Approx(expected).epsilon(2e-3));
  checkSlopes(cnt, f);
}

TEST_CASE("Heterogeneous factor scales the barrier", "[unit]") {
  ClassicalNucleation homogeneous(0.093, 1.0, 1e30, 0.0), heterogeneous(0.093, 0.5, 1e30, 0.0);
  const DrivingForce f = baso4(800.0, 25.0);
  // ln(B_het / A) = 0.5 ln(B_hom / A)
  CHECK(std::log(heterogeneous.rate(f).value / 1e30) ==
        Approx(0.5 * std::log(homogeneous.rate(f).value / 1e30)).epsilon(1e-12));
}

TEST_CASE("No nucleation and no power-law growth at or below saturation", "[unit]") {
  PowerLawNucleation bPower(1e20, 2.0);
  PowerLawGrowth gPower(1e-8, 1.5);
  FittedClassicalNucleation fitted(1e28, 100.0);
  for (double S : {0.5, 1.0}) {
    CHECK(bPower.rate(baso4(S, 1.0)).value == 0.0);
    CHECK(gPower.rate(baso4(S, 1.0)).value == 0.0);
    CHECK(fitted.rate(baso4(S, 1.0)).value == 0.0);
  }
}

TEST_CASE("Power laws and the fitted CNT form", "[unit]") {
  PowerLawNucleation b(1e20, 2.0);
  PowerLawGrowth g(1e-8, 1.5);
  FittedClassicalNucleation fitted(1e28, 100.0);
  const DrivingForce f = baso4(5.0, 1.0);
  CHECK(b.rate(f).value == Approx(1e20 * 16.0));
  CHECK(g.rate(f).value == Approx(1e-8 * 8.0));
  CHECK(fitted.rate(f).value == Approx(1e28 * std::exp(-100.0 / std::pow(std::log(5.0), 2))));
  checkSlopes(b, f);
  checkSlopes(g, f);
  checkSlopes(fitted, f);
}

TEST_CASE("Film-diffusion growth changes sign at saturation", "[unit]") {
  // dL/dt = 2 k_d V_m c (1 - 1/S), k_d = 1e-2 m/s, c = 25 mol/m^3, S = 2:
  // 2 * 1e-2 * 5.2096e-5 * 25 * 0.5 = 1.3024e-5 m/s.
  DiffusionLimitedGrowth g(1e-2);
  CHECK(g.rate(baso4(2.0, 25.0)).value == Approx(1.3024e-5).epsilon(1e-4));
  CHECK(g.rate(baso4(1.0, 25.0)).value == 0.0);
  CHECK(g.rate(baso4(0.5, 25.0)).value < 0.0);
  checkSlopes(g, baso4(2.0, 25.0));
  checkSlopes(g, baso4(0.5, 25.0));
}
