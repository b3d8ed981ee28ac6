// Growth through a diffusion layer from the individual ion concentrations: the 1:1 closed form,
// the minor-ion limit, the stoichiometric film law, diffusion and integration in series against
// their limits, and slopes against differences.
#include <catch2/catch.hpp>
#include <cmath>

#include "models/particles/GrowthLaws.h"
#include "models/particles/InterfaceFlux.h"
#include "RateLawSupport.h"

using namespace proscale;
using test::baso4;

namespace {
// The smaller root of (a - u)(b - u) = c_eq^2, written without cancellation:
// u = 2 (a b - c_eq^2) / ((a + b) + sqrt((a - b)^2 + 4 c_eq^2)).
double quadraticRoot(double a, double b, double cEq) {
  return 2.0 * (a * b - cEq * cEq) / ((a + b) + std::sqrt((a - b) * (a - b) + 4.0 * cEq * cEq));
}
InterfaceGrowth::Settings film(double D, double delta) {
  InterfaceGrowth::Settings s;
  s.diffusivity = AqueousDiffusivity(D, 298.15);
  s.filmThickness = delta;
  return s;
}
auto growthAt(const GrowthLaw& law, double L) {
  return [&law, L](const DrivingForce& f) { return law.rate(f, L); };
}
}  // namespace

TEST_CASE("Diffusion-controlled flux of a 1:1 salt is the smaller root of a quadratic",
          "[unit][validation]") {
  // For a 1:1 salt the interface condition is (a - u)(b - u) = c_eq^2; the flux is its smaller
  // root (both interface concentrations stay positive). The code takes this root in closed
  // form; the general Newton path is checked on the same quadratic written as a 2:2 formula,
  // Q = ((a - 2u)/2 (b - 2u)/2)^(1/2) = c_eq, whose root is quadraticRoot(a/2, b/2, c_eq).
  struct Case { double a, b, cEq; };
  for (const Case& k : {Case{10.0, 1.0, 0.01}, Case{1.0, 10.0, 0.5}, Case{5.0, 5.0, 1.0},
                        Case{0.1, 100.0, 2.0}, Case{1.0, 1.0, 3.0}, Case{25.0, 2.5, 40.0},
                        Case{1e-3, 50.0, 1e-6}}) {
    INFO("a = " << k.a << ", b = " << k.b << ", c_eq = " << k.cEq);
    const InterfaceFlux oneOne = diffusionControlledFlux(baso4(10.0, k.a, k.b), k.cEq);
    // (a - u) loses digits when the minor ion is nearly used up: round-off floor 1e-14 a b
    CHECK((k.a - oneOne.u) * (k.b - oneOne.u) ==
          Approx(k.cEq * k.cEq).epsilon(1e-10).margin(1e-14 * k.a * k.b));
    CHECK(oneOne.u == Approx(quadraticRoot(k.a, k.b, k.cEq)).epsilon(1e-12));
    CHECK(oneOne.u < std::min(k.a, k.b));
    DrivingForce twoTwo = baso4(10.0, k.a, k.b);
    twoTwo.ionNu = {2.0, 2.0};
    twoTwo.nu = 4.0;
    const InterfaceFlux general = diffusionControlledFlux(twoTwo, k.cEq);
    CHECK(general.u == Approx(quadraticRoot(k.a / 2, k.b / 2, k.cEq)).epsilon(1e-11));
  }
}

TEST_CASE("With a large excess the minor ion's diffusion limits growth", "[unit][validation]") {
  // 10:1 excess, S = 1000: the interface runs out of the minor ion, u -> b, so
  // G -> 2 V_m k_d b; the mean-concentration law would give 2 V_m k_d sqrt(a b), sqrt(10) more.
  const double a = 10.0, b = 1.0, kd = 1e-2, D = 1e-9;
  InterfaceGrowth law(film(D, D / kd));
  const DrivingForce f = baso4(1000.0, a, b);
  const double Vm = f.molarVolume;
  const double G = law.rate(f, 0.0).value;
  const double cEq = std::sqrt(a * b) / 1000.0;
  CHECK(G == Approx(2.0 * Vm * kd * quadraticRoot(a, b, cEq)).epsilon(1e-12));
  CHECK(G == Approx(2.0 * Vm * kd * b).epsilon(2e-6));
  CHECK(2.0 * Vm * kd * std::sqrt(a * b) / G == Approx(std::sqrt(10.0)).epsilon(1e-5));
}

TEST_CASE("A stoichiometric solution gives the film law 2 k_d V_m c (1 - 1/S)", "[unit]") {
  // dL/dt = 2 k_d V_m c (1 - 1/S), k_d = 1e-2 m/s, c = 25 mol/m^3, S = 2:
  // 2 * 1e-2 * 5.20960e-5 * 25 * 0.5 = 1.30240e-5 m/s.
  InterfaceGrowth law(film(1e-9, 1e-7));
  CHECK(law.rate(baso4(2.0, 25.0), 0.0).value == Approx(1.30240e-5).epsilon(1e-5));
  CHECK(law.rate(baso4(1.0, 25.0), 0.0).value == Approx(0.0).margin(1e-18));
  CHECK(law.rate(baso4(0.5, 25.0), 0.0).value < 0.0);
  test::checkSlopes(growthAt(law, 0.0), baso4(2.0, 25.0));
  test::checkSlopes(growthAt(law, 0.0), baso4(0.5, 25.0));
  test::checkSlopes(growthAt(law, 0.0), baso4(40.0, 30.0, 0.4));
}

TEST_CASE("The interface of a 2:1 salt is in equilibrium and conserves each ion", "[unit]") {
  // Ag2CrO4-like: nu = (2, 1). The root must satisfy Q(c - nu u) = c_eq with
  // Q = ((c_Ag,s / 2)^2 c_CrO4,s)^(1/3).
  DrivingForce f = baso4(50.0, 1.0, 1.0);
  f.nu = 3.0;
  f.ionNu = {2.0, 1.0};
  f.ionC = {0.3, 4.0};
  f.c = std::cbrt(std::pow(0.3 / 2.0, 2) * 4.0);
  for (double cEq : {1e-3, 0.05, 0.5}) {
    const InterfaceFlux flux = diffusionControlledFlux(f, cEq);
    const double ag = 0.3 - 2.0 * flux.u, cro4 = 4.0 - flux.u;
    CHECK(ag > 0.0);
    CHECK(std::cbrt(std::pow(ag / 2.0, 2) * cro4) == Approx(cEq).epsilon(1e-11));
  }
}

TEST_CASE("Diffusion and integration in series reach both limits", "[unit][validation]") {
  // Series resistances: with k_r -> infinity the interface is at equilibrium (pure diffusion);
  // with k_d -> infinity the interface sees the bulk and G = G_int(S/S_eq) (pure integration).
  const DrivingForce f = baso4(12.0, 3.0, 0.5);
  const double cEq = f.c / 12.0, Vm = f.molarVolume;
  const double uDiffusion = diffusionControlledFlux(f, cEq).u;
  const IntegrationLaw fast{1e6, 2.0};
  CHECK(mixedControlFlux(f, cEq, 1e-3, fast).u == Approx(uDiffusion).epsilon(1e-6));
  const IntegrationLaw law{2e-11, 2.0};
  const double kdHuge = 1e12;
  const double Gintegration = 2e-11 * std::pow(12.0 - 1.0, 2);
  CHECK(2.0 * Vm * kdHuge * mixedControlFlux(f, cEq, kdHuge, law).u ==
        Approx(Gintegration).epsilon(1e-6));
  // In between: a flux below both limits that balances the two resistances.
  const double kd = 2e-4;
  const InterfaceFlux mixed = mixedControlFlux(f, cEq, kd, IntegrationLaw{1e-6, 2.0});
  CHECK(mixed.u > 0.0);
  CHECK(mixed.u < uDiffusion);
  const double Ss = std::sqrt((3.0 - mixed.u) * (0.5 - mixed.u)) / cEq;
  CHECK(kd * mixed.u == Approx(1e-6 * std::pow(Ss - 1.0, 2) / (2.0 * Vm)).epsilon(1e-10));
}

TEST_CASE("Sphere with Gibbs-Thomson: 4 D V_m c (1 - S_eq(L)/S) / L for a stoichiometric solution",
          "[unit]") {
  InterfaceGrowth::Settings s;
  s.diffusivity = AqueousDiffusivity(1e-9, 298.15);
  s.gibbsThomson.given = 0.1;
  InterfaceGrowth law(s);
  const DrivingForce f = baso4(1.5, 0.02);
  for (double L : {2e-9, 5e-9, 50e-9}) {
    const double lnSeq = 4.0 * 0.1 * f.molarVolume / (2.0 * 8.314462618 * 298.15 * L);
    const double expected = 4.0 * 1e-9 * f.molarVolume * 0.02 * (1.0 - std::exp(lnSeq) / 1.5) / L;
    CHECK(law.rate(f, L).value == Approx(expected).epsilon(1e-9));
    test::checkSlopes(growthAt(law, L), f);
    test::checkSlopes(growthAt(law, L), baso4(1.5, 0.2, 0.002));
  }
}

TEST_CASE("Series law slopes, growth and dissolution", "[unit]") {
  InterfaceGrowth::Settings s;
  s.diffusivity = AqueousDiffusivity(9.4e-10, 298.15);
  s.gibbsThomson.given = 0.126;
  s.integration = IntegrationLaw{2.8e-11, 2.0};
  InterfaceGrowth law(s);
  for (double L : {3e-9, 100e-9, 2e-6}) {
    test::checkSlopes(growthAt(law, L), baso4(800.0, 25.0), 1e-5);
    test::checkSlopes(growthAt(law, L), baso4(30.0, 25.0, 0.2), 1e-5);
    test::checkSlopes(growthAt(law, L), baso4(0.8, 1e-2), 1e-5);
  }
}

TEST_CASE("Power-law growth", "[unit]") {
  PowerLawGrowth g(1e-8, 1.5);
  CHECK(g.rate(baso4(5.0, 1.0)).value == Approx(1e-8 * 8.0));
  CHECK(g.rate(baso4(1.0, 1.0)).value == 0.0);
  test::checkSlopes([&g](const DrivingForce& f) { return g.rate(f); }, baso4(5.0, 1.0));
}
