// The cooling crystallization case cases/cooling_crystallizer.yaml (K2SO4 in water, kinetics of
// Rawlings, Miller & Witkowski 1993) against facts that do not need the source's measurements
// (the paper's measured curves were not available): the Arrhenius constants at a temperature
// computed by hand, the conversion from the source's per-g-water basis, the final solute content
// against the solubility at the final temperature, the yield from the solute balance, and the
// direction controlled (cubic) cooling moves the nucleated number (Mullin & Nyvlt 1971).
// Theory: docs/theory/crystallizer-chemistry.md.
#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>

#include "CaseRunSupport.h"
#include "models/points/CrystallizerPoint.h"

namespace proscale::test {
namespace {

constexpr const char* kCase = "cases/cooling_crystallizer.yaml";
const Override kCubic{"reactor.temperature-recipe",
                      "[{from: 0 min, to: 60 min, start: 50 degC, end: 30 degC, profile: cubic}, "
                      "{from: 60 min, value: 30 degC}]"};

const CrystallizerPoint& pointOf(const LoadedCase& c) {
  return dynamic_cast<const CrystallizerPoint&>(dynamic_cast<StirredVessel&>(*c.process).point());
}

/// The source's solubility [kg K2SO4 / kg water], T in degC.
double sourceSolubility(double T) { return 6.29e-2 + 2.46e-3 * T - 7.14e-6 * T * T; }

}  // namespace

TEST_CASE("Arrhenius kinetics of the K2SO4 case reproduce k at 40 degC", "[validation][crystallizer]") {
  const LoadedCase c = LoadedCase::load(std::string(PROSCALE_SOURCE_DIR) + "/" + kCase, {});
  const CrystallizerPoint& point = pointOf(c);
  const double T = 313.15;  // 40 degC
  const Supersaturation s = Supersaturation::of(SupersaturationKind::Relative, 1.05, 1.0);  // S = 0.05

  // By hand: G = 1.44e8 um/s exp(-4859/313.15) 0.05^1.5 = 1.44e8 x 1.824982e-7 x 0.0111803
  // = 0.2938164 um/s (the case gives E_g = 40.3999739 kJ/mol = 4859.0000 K x R).
  const SigmaRate G = point.growth().rate(s, 300e-6, T);
  CHECK(G.value == Approx(0.2938164e-6).epsilon(1e-6));
  // The slope in sigma is at fixed T: g G / sigma.
  CHECK(G.dSigma == Approx(1.5 * G.value / 0.05).epsilon(1e-12));

  // By hand, in the source's units: B = 285 exp(-7517/313.15) 0.05^1.45 mu_3 with
  // mu_3 = phi / k_v = 1e-3 / 1.5 m^3/m^3 = 6.667e14 um^3/m^3: 285 x 3.758295e-11 x 1.298693e-2
  // x 6.667e14 = 9.27366e4 1/(m^3 s), whatever the solvent per m^3.
  const double cStar = point.solubility().at(T, 0.0);
  const std::vector<double> fluid{1.05 * cStar, 1e-3};
  const CrystallizerRates r = point.rates(fluid, T);
  CHECK(r.s.sigma == Approx(0.05).epsilon(1e-12));
  CHECK(r.secondary.value == Approx(9.27366e4).epsilon(1e-5));
  CHECK(r.primary.value == 0.0);

  // The solubility per mass of water, converted with w / M: c* M / w = X*(40 degC) = 0.149876.
  CHECK(cStar * 0.17426 / point.solventPerVolume() == Approx(sourceSolubility(40.0)).epsilon(1e-12));
  // c0 from the mass ratio: X0 w / M with w = 1120 / 1.16805 kg/m^3.
  CHECK(point.initialConcentration() ==
        Approx(0.16805 * (1120.0 / 1.16805) / 0.17426).epsilon(1e-12));
}

TEST_CASE("Cooling crystallization of K2SO4: linear against controlled (cubic) cooling",
          "[validation][crystallizer]") {
  ProcessRun linear = runProcess(kCase);
  ProcessRun cubic = runProcess(kCase, {kCubic});
  const double seeds = 6.3924e7;  // 1/m^3, the case's seeds (number is conserved by growth)

  for (ProcessRun* run : {&linear, &cubic}) {
    const double c0 = pointOf(run->loaded).initialConcentration();
    const double c = run->metric("solute_concentration"), cStar = run->metric("solubility");
    // The final solute content approaches the solubility at 30 degC: after the 60 min hold the
    // remaining excess c - c* is below 1 % of the crystallizable c0 - c*(30 degC) (measured
    // below 1e-3: the seeds' area relaxes S on a minute scale; 1 % leaves room for solver and
    // grid changes).
    CHECK((c - cStar) / (c0 - cStar) < 1e-2);
    CHECK(c >= cStar);
    CHECK(run->metric("solubility_mass_ratio") == Approx(sourceSolubility(30.0)).epsilon(1e-12));
    // The yield is the solute balance (c0 - c)/c0, and the solid formed is that solute:
    // (phi - phi0) / V_m = c0 - c to round-off (c V_m + phi is conserved in a batch).
    const double yield = run->metric("yield");
    CHECK(yield == Approx((c0 - c) / c0).epsilon(1e-14));
    const double Vm = pointOf(run->loaded).molarVolume();
    const double phi0 = run->series(0, "solid_volume_fraction");
    CHECK((run->metric("solid_volume_fraction") - phi0) / Vm == Approx(c0 - c).epsilon(1e-8));
    // The limit (X0 - X*(30 degC)) / X0 = 0.2248 of the source's solubility.
    CHECK(yield == Approx((0.16805 - sourceSolubility(30.0)) / 0.16805).epsilon(1e-2));
    CHECK(run->metric("mass_balance_error") < 1e-10);
  }

  const double nucleatedLinear = linear.metric("number_density") - seeds;
  const double nucleatedCubic = cubic.metric("number_density") - seeds;
  std::cout << "cooling K2SO4: linear d50_volume " << linear.metric("d50_volume") * 1e6
            << " um, cv " << linear.metric("cv") << ", yield " << linear.metric("yield")
            << ", nucleated " << nucleatedLinear << " 1/m^3; cubic d50_volume "
            << cubic.metric("d50_volume") * 1e6 << " um, cv " << cubic.metric("cv") << ", yield "
            << cubic.metric("yield") << ", nucleated " << nucleatedCubic << " 1/m^3\n";
  // Controlled cooling keeps S low while the seed area is small: fewer nuclei and a narrower
  // number distribution (the literature's direction: Mullin & Nyvlt 1971). Here the effect is
  // small (-3 % nuclei; measured 5.33e8 against 5.50e8 1/m^3): the seeds are half the product
  // size (Mullin & Nyvlt's cubic assumes seeds much smaller) and B ~ mu_3 is largest late, when
  // the cubic profile cools fastest (S 0.038 at 60 min against ~0.02 all along the linear one).
  // The volume median is the seeds' and is the same to 0.1 % (measured 521.16 against 521.28 um).
  CHECK(nucleatedCubic < 0.99 * nucleatedLinear);
  CHECK(cubic.metric("cv") < linear.metric("cv"));
  CHECK(cubic.metric("d50_volume") == Approx(linear.metric("d50_volume")).epsilon(1e-3));
}

TEST_CASE("The K2SO4 case does not depend on the solution density it is converted with",
          "[validation][crystallizer]") {
  // The source's model is per g of water throughout; per m^3 every amount is w times it, so the
  // density (w = density / (1 + X0)) scales c, c*, phi and the number densities alike and leaves
  // S(t), the yield and the sizes unchanged. Seeds per m^3 scale with w too.
  ProcessRun base = runProcess(kCase);
  const double w0 = 1120.0 / 1.16805, w1 = 1000.0 / 1.16805;
  ProcessRun light = runProcess(
      kCase, {{"solution.density", "1.0 g/cm^3"},
              {"population.seeds.number-density", std::to_string(6.3924e7 * w1 / w0) + " 1/m^3"}});
  CHECK(light.metric("yield") == Approx(base.metric("yield")).epsilon(1e-5));
  CHECK(light.metric("d50_volume") == Approx(base.metric("d50_volume")).epsilon(1e-3));
  CHECK(light.metric("number_density") / base.metric("number_density") ==
        Approx(w1 / w0).epsilon(1e-3));
}

}  // namespace proscale::test
