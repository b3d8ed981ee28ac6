// Classical nucleation with the mean-ion supersaturation: closed forms evaluated by hand, the
// two supersaturation conventions against each other, and slopes against differences.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/Constants.h"
#include "models/particles/NucleationLaws.h"
#include "RateLawSupport.h"

using namespace proscale;
using test::baso4;
using Basis = ClassicalNucleation::PrefactorBasis;

namespace {
ClassicalNucleation::Settings givenPrefactor(double gamma, double A) {
  ClassicalNucleation::Settings s;
  s.gamma.given = gamma;
  s.prefactor = A;
  return s;
}
ClassicalNucleation::Settings mersmann(double gamma, Basis basis) {
  ClassicalNucleation::Settings s;
  s.gamma.given = gamma;
  s.diffusivity = AqueousDiffusivity(9.4e-10, 298.15);
  s.basis = basis;
  return s;
}
auto rateOf(const NucleationLaw& law) {
  return [&law](const DrivingForce& f) { return law.rate(f); };
}
}  // namespace

TEST_CASE("CNT critical nucleus of BaSO4 with the mean-ion supersaturation", "[unit][validation]") {
  // r* = 2 gamma v_m / (nu kT ln S) with nu = 2 for the mean-ion S (Mullin, Crystallization,
  // 4th ed. (2001), eq. 5.5 for nu = 1; the driving force per formula unit is nu kT ln S).
  // gamma = 0.093 J/m^2, v_m = 8.65074e-29 m^3, kT = 4.11640e-21 J, S = 1000:
  // r* = 2 * 0.093 * 8.65074e-29 / (2 * 4.11640e-21 * 6.90776) = 2.82931e-10 m, L* = 5.65863e-10 m.
  ClassicalNucleation cnt(givenPrefactor(0.093, 1e30));
  CHECK(cnt.criticalDiameter(baso4(1000.0, 25.0)) == Approx(5.65863e-10).epsilon(1e-5));
}

TEST_CASE("The mean-ion and the ion-activity-product conventions give one nucleus",
          "[unit][validation]") {
  // Authors who write S' = IAP/K_sp (e.g. He, Oddo & Tomson 1995, Nielsen) use
  // W* = 16 pi gamma^3 v_m^2 / (3 (kT)^3 (ln S')^2) and r* = 2 gamma v_m / (kT ln S'); with
  // S = S'^(1/nu) the mean-ion forms (nu ln S)^2 and nu ln S are the same numbers.
  const double gamma = 0.11, Sprime = 2.5e5, nu = 2.0;
  const double S = std::pow(Sprime, 1.0 / nu);
  const double kT = constants::kB * 298.15, vm = 233.39e-3 / 4480.0 / constants::NA;
  const double barrier = 16.0 * constants::pi * std::pow(gamma, 3) * vm * vm /
                         (3.0 * std::pow(kT, 3) * std::pow(std::log(Sprime), 2));
  const double rStar = 2.0 * gamma * vm / (kT * std::log(Sprime));
  ClassicalNucleation cnt(givenPrefactor(gamma, 1e30));
  CHECK(std::log(1e30 / cnt.rate(baso4(S, 25.0)).value) == Approx(barrier).epsilon(1e-12));
  CHECK(cnt.criticalDiameter(baso4(S, 25.0)) == Approx(2.0 * rStar).epsilon(1e-12));
}

TEST_CASE("CNT rate with a given prefactor has (nu ln S)^2 in the barrier", "[unit][validation]") {
  // B = A exp(-16 pi gamma^3 v_m^2 / (3 (kT)^3 (nu ln S)^2)); by hand for gamma = 0.093 J/m^2,
  // S = 800, nu = 2: 16 pi (0.093)^3 (8.65074e-29)^2 / (3 (4.11640e-21)^3 (2 * 6.68461)^2)
  // = 8.08979 -> B = 1e30 exp(-8.08979).
  ClassicalNucleation cnt(givenPrefactor(0.093, 1e30));
  const RateAndSlopes r = cnt.rate(baso4(800.0, 25.0));
  CHECK(std::log(r.value) == Approx(std::log(1e30) - 8.08979).margin(1e-4));
  test::checkSlopes(rateOf(cnt), baso4(800.0, 25.0));
}

TEST_CASE("Mersmann's prefactor on a concentration or an activity basis", "[unit][validation]") {
  // A = 1.5 D (c' N_A)^(7/3) sqrt(gamma/kT) v_m (Mersmann 1990). D = 9.4e-10 m^2/s,
  // c' = c = 25 mol/m^3: (1.50554e25)^(7/3) = 5.5969e58; sqrt(0.093 / 4.1164e-21) = 4.7532e9;
  // A = 1.5 * 9.4e-10 * 5.5969e58 * 4.7532e9 * 8.6507e-29 = 3.2449e31 1/(m^3 s).
  // Activity basis: c' = S c_sat = 800 * 1.03923e-2 = 8.31384 mol/m^3, so A scales by
  // (8.31384 / 25)^(7/3) = 7.66203e-2.
  const DrivingForce f = baso4(800.0, 25.0);
  const double exponent = std::exp(-8.08979);
  ClassicalNucleation byConcentration(mersmann(0.093, Basis::Concentration));
  ClassicalNucleation byActivity(mersmann(0.093, Basis::Activity));
  CHECK(byConcentration.rate(f).value == Approx(3.2449e31 * exponent).epsilon(2e-4));
  CHECK(byActivity.rate(f).value == Approx(3.2449e31 * 7.66203e-2 * exponent).epsilon(2e-4));
  test::checkSlopes(rateOf(byConcentration), f);
  test::checkSlopes(rateOf(byActivity), f);
}

TEST_CASE("Mersmann's interfacial-energy estimate for BaSO4", "[unit][validation]") {
  // gamma = 0.414 kT (c_s N_A)^(2/3) ln(c_s/c*) (Mersmann 1990): c_s = 4480/0.23339 =
  // 19195.34 mol/m^3, c* = sqrt(1.08e-10) mol/L = 1.03923e-2 mol/m^3, kT = 4.11640e-21 J:
  // (1.155957e28)^(2/3) = 5.112474e18; ln(1.847085e6) = 14.429112;
  // gamma = 0.414 * 4.1164050e-21 * 5.112474e18 * 14.429112 = 0.1257156 J/m^2.
  const DrivingForce f = baso4(800.0, 25.0);
  CHECK(mersmannInterfacialEnergy(f.T, f.molarVolume, f.cSat) == Approx(0.1257156).epsilon(1e-6));
  ClassicalNucleation::Settings s = givenPrefactor(0.0, 1e30);
  s.gamma.estimated = true;
  ClassicalNucleation estimated(s), given(givenPrefactor(0.1257156, 1e30));
  // B depends on gamma through W*/kT = 20.1 (proportional to gamma^3): a 1e-7 rounding of gamma
  // moves B by 3 * 20.1 * 1e-7 / 0.126 = 5e-5.
  CHECK(estimated.rate(f).value == Approx(given.rate(f).value).epsilon(1e-4));
}

TEST_CASE("Heterogeneous nucleation has its own prefactor from the site density", "[unit]") {
  // B_het = n_s D c' N_A nu ln S sqrt(kT/gamma) / sqrt(f) exp(-f W*/kT): at n_s = 1e12 1/m^3,
  // f = 0.2, gamma = 0.093 J/m^2, S = 800, c' = c = 25 mol/m^3, D = 9.4e-10 m^2/s:
  // prefactor = 1e12 * 9.4e-10 * 1.50554e25 * 2 * 6.68461 * 2.10385e-10 / 0.447214
  //           = 8.90077e19 1/(m^3 s), exponent 0.2 * 8.08979 = 1.61796.
  ClassicalNucleation::Settings s = mersmann(0.093, Basis::Concentration);
  s.heterogeneous = ClassicalNucleation::Heterogeneous{1e12, 0.2};
  ClassicalNucleation cnt(s);
  const DrivingForce f = baso4(800.0, 25.0);
  CHECK(cnt.heterogeneousRate(f).value == Approx(8.90077e19 * std::exp(-1.61796)).epsilon(2e-4));
  CHECK(cnt.rate(f).value ==
        Approx(cnt.heterogeneousRate(f).value + cnt.homogeneousRate(f).value).epsilon(1e-12));
  // Heterogeneous nucleation dominates at low S, homogeneous at high S (Mersmann 2001, ch. 2).
  CHECK(cnt.heterogeneousRate(baso4(20.0, 25.0)).value > cnt.homogeneousRate(baso4(20.0, 25.0)).value);
  CHECK(cnt.homogeneousRate(f).value > cnt.heterogeneousRate(f).value);
  test::checkSlopes(rateOf(cnt), f);
  test::checkSlopes(rateOf(cnt), baso4(20.0, 25.0));
}

TEST_CASE("No nucleation at or below saturation", "[unit]") {
  PowerLawNucleation bPower(1e20, 2.0);
  FittedClassicalNucleation fitted(1e28, 100.0);
  ClassicalNucleation cnt(givenPrefactor(0.093, 1e30));
  for (double S : {0.5, 1.0}) {
    CHECK(bPower.rate(baso4(S, 1.0)).value == 0.0);
    CHECK(fitted.rate(baso4(S, 1.0)).value == 0.0);
    CHECK(cnt.rate(baso4(S, 1.0)).value == 0.0);
  }
}

TEST_CASE("Power-law nucleation and the fitted CNT form", "[unit]") {
  PowerLawNucleation b(1e20, 2.0);
  FittedClassicalNucleation fitted(1e28, 100.0);
  const DrivingForce f = baso4(5.0, 1.0);
  CHECK(b.rate(f).value == Approx(1e20 * 16.0));
  CHECK(fitted.rate(f).value == Approx(1e28 * std::exp(-100.0 / std::pow(std::log(5.0), 2))));
  test::checkSlopes(rateOf(b), f);
  test::checkSlopes(rateOf(fitted), f);
}

TEST_CASE("Nuclei are born at the edge of the near-critical region", "[unit][nucleation]") {
  // 3 x^2 - 2 x^3 = 1 - kT/W: at W = kT the root is x = 1.5 exactly (W(1.5 L*) = 0); for
  // W >> kT it tends to the parabolic 1 + sqrt(kT / 3W); the residual is zero to round-off.
  CHECK(nearCriticalEdge(1.0) == Approx(1.5).epsilon(1e-12));
  for (const double e : {1e-4, 1e-2, 0.1, 0.5, 1.0, 3.0, 30.0}) {
    const double x = nearCriticalEdge(e);
    INFO("kT/W = " << e << ", x_b = " << x);
    CHECK(x > 1.0);
    CHECK(3 * x * x - 2 * x * x * x == Approx(1.0 - e).margin(1e-12 * (1 + e)));
  }
  CHECK(nearCriticalEdge(1e-6) == Approx(1.0 + std::sqrt(1e-6 / 3)).epsilon(1e-6));
  // x_b at W = 40 kT and 10 kT (docs/theory/nucleation.md), by a bracketing root finder
  CHECK(nearCriticalEdge(1.0 / 40) == Approx(1.0887021).epsilon(1e-6));
  CHECK(nearCriticalEdge(1.0 / 10) == Approx(1.1728830).epsilon(1e-6));
}
