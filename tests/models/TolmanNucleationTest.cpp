// Classical nucleation with Tolman's size-dependent interfacial energy gamma(r) =
// gamma / (1 + 2 delta / r) (Tolman, J. Chem. Phys. 17 (1949) 333): the critical nucleus and
// barrier in closed form by hand, the plain law at delta = 0, the lowered barrier, the birth
// and lower-edge sizes on the Tolman work, heterogeneous nucleation, slopes by differences.
#include <catch2/catch.hpp>

#include <cmath>

#include "case/CaseDocument.h"
#include "core/Constants.h"
#include "models/particles/NucleationLaws.h"
#include "RateLawSupport.h"

using namespace proscale;
using test::baso4;
using Basis = ClassicalNucleation::PrefactorBasis;

namespace {
ClassicalNucleation::Settings given(double gamma, double A, double delta) {
  ClassicalNucleation::Settings s;
  s.gamma.given = gamma;
  s.prefactor = A;
  s.tolmanLength = delta;
  return s;
}
ClassicalNucleation::Settings mersmann(double gamma, Basis basis, double delta) {
  ClassicalNucleation::Settings s = given(gamma, 0.0, delta);
  s.diffusivity = AqueousDiffusivity(9.4e-10, 298.15);
  s.basis = basis;
  return s;
}
/// DeltaG(r) = -(4/3) pi r^3 nu kT ln S / v_m + 4 pi r^2 gamma / (1 + 2 delta / r) [J].
double work(const DrivingForce& f, double gamma, double delta, double r) {
  const double a = f.nu * constants::kB * f.T * f.lnS / (f.molarVolume / constants::NA);
  return -4.0 / 3.0 * constants::pi * r * r * r * a +
         4.0 * constants::pi * r * r * gamma / (1.0 + 2.0 * delta / r);
}
}  // namespace

TEST_CASE("Tolman: the critical nucleus and barrier by hand", "[unit][validation]") {
  // BaSO4 at 25 degC (nu = 2, v_m = 8.650741e-29 m^3, kT = 4.116405e-21 J), S = 20,
  // gamma = 0.1 J/m^2, delta = 0.05 nm:
  //   a = nu kT ln S / v_m = 2 * 4.116405e-21 * 2.995732 / 8.650741e-29 = 2.851004e8 J/m^3,
  //   r0 = 2 gamma / a = 7.015074e-10 m,
  //   r* = (r0 - 4 delta + sqrt(r0^2 + 4 r0 delta)) / 2
  //      = (7.015074e-10 - 2e-10 + 7.952446e-10) / 2 = 6.483760e-10 m,
  //   W*/kT = (4 pi/3) gamma r*^4 / (r* + 2 delta)^2 / kT = 32.10987
  // (plain law: 16 pi gamma^3 / (3 a^2 kT) = 50.07662).
  const DrivingForce f = baso4(20.0, 25.0);
  const ClassicalNucleation tolman(given(0.1, 1e30, 0.05e-9));
  CHECK(tolman.criticalDiameter(f) == Approx(2 * 6.483760e-10).epsilon(2e-6));
  CHECK(std::log(1e30 / tolman.rate(f).value) == Approx(32.10987).epsilon(2e-6));
  const ClassicalNucleation plain(given(0.1, 1e30, 0.0));
  CHECK(std::log(1e30 / plain.rate(f).value) == Approx(50.07662).epsilon(2e-6));
  // r* is the maximum of DeltaG(r): it exceeds its neighbours, and W* = DeltaG(r*).
  const double r = 0.5 * tolman.criticalDiameter(f), kT = constants::kB * f.T;
  CHECK(work(f, 0.1, 0.05e-9, r) > work(f, 0.1, 0.05e-9, r * 1.001));
  CHECK(work(f, 0.1, 0.05e-9, r) > work(f, 0.1, 0.05e-9, r * 0.999));
  CHECK(work(f, 0.1, 0.05e-9, r) / kT ==
        Approx(std::log(1e30 / tolman.rate(f).value)).epsilon(1e-12));
}

TEST_CASE("Tolman: delta = 0 is the plain law, and small delta tends to it", "[unit]") {
  // delta = 0 (the default) takes the plain law's own expressions: its closed forms to
  // round-off (that the plain law is unchanged bit for bit was checked against the previous
  // NucleationLaws.cpp when the option was added, and NucleationLawsTest.cpp still holds).
  for (double S : {3.0, 20.0, 800.0}) {
    const DrivingForce f = baso4(S, 25.0);
    const double kT = constants::kB * f.T, vm = f.molarVolume / constants::NA;
    const double nuLnS = f.nu * f.lnS;
    const ClassicalNucleation zero(given(0.1, 1e30, 0.0));
    const double E = 16.0 * constants::pi * 1e-3 * vm * vm / (3.0 * kT * kT * kT * nuLnS * nuLnS);
    CHECK(zero.rate(f).value == Approx(1e30 * std::exp(-E)).epsilon(1e-13));
    CHECK(zero.rate(f).dLnS == Approx(1e30 * std::exp(-E) * 2.0 * E / f.lnS).epsilon(1e-13));
    CHECK(zero.criticalDiameter(f) == Approx(4.0 * 0.1 * vm / (nuLnS * kT)).epsilon(1e-14));
    // A Tolman length of 1e-9 r0 goes through the Tolman expressions and lands on the plain
    // values to O(delta/r0) (and the round-off of r* from a difference, ~1e-7 relative).
    ClassicalNucleation::Settings s = mersmann(0.1, Basis::Activity, 0.0);
    s.heterogeneous = ClassicalNucleation::Heterogeneous{1e10, 0.2};
    const ClassicalNucleation plain(s);
    s.tolmanLength = 1e-9 * 0.5 * plain.criticalDiameter(f);
    const ClassicalNucleation small(s);
    CHECK(small.criticalDiameter(f) == Approx(plain.criticalDiameter(f)).epsilon(1e-7));
    CHECK(small.rate(f).value == Approx(plain.rate(f).value).epsilon(1e-6));
    CHECK(small.rate(f).dLnS == Approx(plain.rate(f).dLnS).epsilon(1e-6));
    CHECK(small.birthDiameter(f) == Approx(plain.birthDiameter(f)).epsilon(1e-6));
    CHECK(small.lowerEdgeDiameter(f) == Approx(plain.lowerEdgeDiameter(f)).epsilon(1e-6));
  }
}

TEST_CASE("Tolman: a positive delta lowers gamma at the nucleus and the barrier", "[unit]") {
  const DrivingForce f = baso4(20.0, 25.0);
  double previousBarrier = 1e300, previousDiameter = 1e300;
  for (double delta : {0.0, 0.01e-9, 0.05e-9, 0.1e-9, 0.2e-9}) {
    const ClassicalNucleation law(given(0.1, 1e30, delta));
    const double barrier = std::log(1e30 / law.rate(f).value);
    CHECK(barrier < previousBarrier);
    CHECK(law.criticalDiameter(f) < previousDiameter);
    previousBarrier = barrier;
    previousDiameter = law.criticalDiameter(f);
    CHECK(tolmanInterfacialEnergy(0.1, 0.5 * law.criticalDiameter(f), delta) <= 0.1);
  }
  // At the nucleus of the worked example, gamma(r*) = 0.1 / (1 + 1e-10 / 6.483760e-10) = 0.086638.
  CHECK(tolmanInterfacialEnergy(0.1, 6.483760e-10, 0.05e-9) == Approx(0.086638).epsilon(1e-5));
  // delta >= 3 r0 / 4: the surface term never outweighs the bulk one, no barrier; B = A.
  const double r0 = 7.015074e-10;
  const ClassicalNucleation barrierless(given(0.1, 1e30, 0.76 * r0));
  CHECK(barrierless.criticalDiameter(f) == 0.0);
  CHECK(barrierless.rate(f).value == Approx(1e30));
  const ClassicalNucleation justBelow(given(0.1, 1e30, 0.74 * r0));
  CHECK(justBelow.criticalDiameter(f) > 0.0);
  CHECK(std::log(1e30 / justBelow.rate(f).value) < 0.1);  // W* -> 0 continuously
}

TEST_CASE("Tolman: birth and lower-edge sizes sit kT below the Tolman barrier", "[unit]") {
  const DrivingForce f = baso4(20.0, 25.0);
  const double delta = 0.05e-9;
  const ClassicalNucleation law(given(0.1, 1e30, delta));
  const double rStar = 0.5 * law.criticalDiameter(f), kT = constants::kB * f.T;
  const double W = work(f, 0.1, delta, rStar);
  const double rBirth = 0.5 * law.birthDiameter(f), rLow = 0.5 * law.lowerEdgeDiameter(f);
  CHECK(rBirth > rStar);
  CHECK(rLow < rStar);
  CHECK(rLow >= 0.5 * rStar);
  CHECK(work(f, 0.1, delta, rBirth) == Approx(W - kT).epsilon(1e-10));
  CHECK(work(f, 0.1, delta, rLow) == Approx(W - kT).epsilon(1e-10));
  // With heterogeneous nucleation dominating, the birth size follows f W* (the work's shape
  // is the same, scaled by f): DeltaG(r_b)/W* = 1 - kT/(f W*).
  ClassicalNucleation::Settings s = mersmann(0.1, Basis::Activity, delta);
  s.heterogeneous = ClassicalNucleation::Heterogeneous{1e25, 0.3};
  const ClassicalNucleation het(s);
  REQUIRE(het.heterogeneousRate(f).value > 1e6 * het.homogeneousRate(f).value);
  const double rb = 0.5 * het.birthDiameter(f);
  CHECK(work(f, 0.1, delta, rb) / W == Approx(1.0 - kT / (0.3 * W)).margin(1e-6));
}

TEST_CASE("Tolman: heterogeneous nucleation multiplies the Tolman barrier by f", "[unit]") {
  // B_het = n_s D c' N_A nu ln S sqrt(kT/gamma) / sqrt(f) exp(-f W*/kT), W* Tolman's.
  const DrivingForce f = baso4(20.0, 25.0);
  const double delta = 0.05e-9, ns = 1e12, fHet = 0.25;
  ClassicalNucleation::Settings s = mersmann(0.1, Basis::Concentration, delta);
  s.heterogeneous = ClassicalNucleation::Heterogeneous{ns, fHet};
  const ClassicalNucleation law(s);
  const double kT = constants::kB * f.T, D = AqueousDiffusivity(9.4e-10, 298.15).at(f.T);
  const double byHand = ns * D * f.c * constants::NA * f.nu * f.lnS * std::sqrt(kT / 0.1) /
                        std::sqrt(fHet) * std::exp(-fHet * 32.10987);
  CHECK(law.heterogeneousRate(f).value == Approx(byHand).epsilon(1e-5));
}

TEST_CASE("Tolman: rate slopes against central differences", "[unit]") {
  for (double delta : {0.02e-9, 0.05e-9, 0.2e-9}) {
    for (double S : {5.0, 20.0, 300.0}) {
      const DrivingForce f = baso4(S, 30.0, 20.0);
      for (Basis basis : {Basis::Concentration, Basis::Activity}) {
        ClassicalNucleation::Settings s = mersmann(0.1, basis, delta);
        s.heterogeneous = ClassicalNucleation::Heterogeneous{1e12, 0.3};
        const ClassicalNucleation law(s);
        test::checkSlopes([&law](const DrivingForce& g) { return law.rate(g); }, f);
        test::checkSlopes([&law](const DrivingForce& g) { return law.homogeneousRate(g); }, f);
        test::checkSlopes([&law](const DrivingForce& g) { return law.heterogeneousRate(g); }, f);
      }
    }
  }
}

TEST_CASE("Tolman: the case-file key tolman-length", "[unit]") {
  auto schema = std::make_shared<Schema>("test", "A nucleation law.");
  schema->add(ParamSpec::typed("nucleation", nucleationLaws().family(), "Law."));
  auto make = [&](const std::string& yaml) {
    return nucleationLaws().make(
        CaseDocument::fromString(yaml, "n.yaml").validate(*schema).section("nucleation"));
  };
  const std::string base =
      "nucleation:\n  type: classical\n  interfacial-energy: 0.1 J/m^2\n"
      "  prefactor: 1e30 1/m^3/s\n";
  const DrivingForce f = baso4(20.0, 25.0);
  CHECK(std::log(1e30 / make(base + "  tolman-length: 0.05 nm\n")->rate(f).value) ==
        Approx(32.10987).epsilon(2e-6));
  CHECK(make(base)->rate(f).value == ClassicalNucleation(given(0.1, 1e30, 0.0)).rate(f).value);
  CHECK_THROWS_AS(make(base + "  tolman-length: -0.1 nm\n"), Error);
}
