// Stirred-tank hydrodynamics, mixing times, jacket heat transfer and scale-up rules
// (models/mixing/, docs/theory/stirred-tanks.md): hand values, the scaling exponents, the
// case keys, and a worked example of the wall Nusselt correlation from a second code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <stdexcept>
#include <string>

#include "case/CaseDocument.h"
#include "core/Constants.h"
#include "models/mixing/JacketHeatTransfer.h"
#include "models/mixing/MixingTimes.h"
#include "models/mixing/ScaleUp.h"
#include "models/mixing/StirredTank.h"

using namespace proscale;

namespace {
constexpr double kPi = constants::pi;

// 1 L, H = T, D = T/3, C = T/3, Rushton turbine at 400 rpm in water at 25 degC.
StirredTank oneLitreRushton(std::optional<Jacket> jacket = std::nullopt) {
  return StirredTank(TankGeometry::fromVolume(1e-3, 1.0, 1.0 / 3.0, 1.0 / 3.0),
                     ImpellerType::Rushton, Liquid{}, 400.0 / 60.0, FeedPoint{}, jacket);
}

// A stainless jacket for the examples (assumed values, not from a source): s = 5 mm,
// k_w = 16 W/(m K), h_o = 1000 W/(m^2 K), no fouling.
Jacket exampleJacket() {
  Jacket j;
  j.wallThickness = 5e-3;
  j.wallConductivity = 16.0;
  j.outsideCoefficient = 1000.0;
  return j;
}

// Hand values below are rounded to 6 significant digits: relative tolerance 1e-5.
constexpr double kHand = 1e-5;
// Identities evaluated along two different paths in double precision: 1e-12.
constexpr double kRoundOff = 1e-12;
}  // namespace

TEST_CASE("Stirred tank: 1 L Rushton turbine at 400 rpm by hand", "[unit][mixing]") {
  const StirredTank tank = oneLitreRushton();
  const TankGeometry& g = tank.geometry();
  // T = (4 V / pi)^(1/3) = (4e-3 / 3.14159)^(1/3) = 0.108385 m; D = T/3 = 0.0361284 m
  CHECK(g.T() == Approx(0.108385).epsilon(kHand));
  CHECK(g.D() == Approx(0.0361284).epsilon(kHand));
  CHECK(g.volume() == Approx(1e-3).epsilon(kRoundOff));
  const Hydrodynamics h = tank.hydrodynamics();
  // N = 400/60 = 6.66667 1/s; Re = 997.05 * 6.66667 * 0.0361284^2 / 0.89e-3 = 9748.40:
  // just below 1e4, outside the constant-N_P range, and flagged so
  CHECK(h.reynolds == Approx(9748.40).epsilon(kHand));
  CHECK_FALSE(h.turbulent);
  // P = 5.0 * 997.05 * 6.66667^3 * 0.0361284^5 = 5.0 * 997.05 * 296.296 * 6.15521e-8
  //   = 0.0909195 W;  P/V = 90.9195 W/m^3;  eps = P/(rho V) = 0.0911885 W/kg
  CHECK(h.power == Approx(0.0909195).epsilon(kHand));
  CHECK(h.powerPerVolume == Approx(90.9195).epsilon(kHand));
  CHECK(h.meanDissipation == Approx(0.0911885).epsilon(kHand));
  // u_tip = pi * 6.66667 * 0.0361284 = 0.756672 m/s
  CHECK(h.tipSpeed == Approx(0.756672).epsilon(kHand));
  // Q = 0.72 * 6.66667 * 0.0361284^3 = 2.26354e-4 m^3/s; t_circ = 1e-3 / 2.26354e-4 = 4.41786 s
  CHECK(h.pumpingFlow == Approx(2.26354e-4).epsilon(kHand));
  CHECK(h.circulationTime == Approx(4.41786).epsilon(kHand));
  // theta_95 = 5.20 * 5^(-1/3) * (T/D)^2 / N = 5.20 * 0.584804 * 9 / 6.66667 = 4.10532 s;
  // N_P^(1/3) Re = 1.70998 * 9748.40 = 16669.5 >= 6370: the turbulent form applies
  const BlendTime b = blendTime(5.0, h.reynolds, h.speed, 3.0, 1.0);
  CHECK(b.turbulent);
  CHECK(b.seconds == Approx(4.10532).epsilon(kHand));
  // nu = 0.89e-3 / 997.05 = 8.92633e-7 m^2/s; E = 0.058 (0.0911885 / 8.92633e-7)^(1/2)
  //    = 0.058 * 319.620 = 18.5379 1/s; t_E = 1/E = 0.0539434 s
  const double nu = tank.liquid().kinematicViscosity();
  CHECK(engulfmentRate(h.meanDissipation, nu) == Approx(18.5379).epsilon(kHand));
  CHECK(engulfmentTime(h.meanDissipation, nu) == Approx(0.0539434).epsilon(kHand));
  // 1/0.058 = 17.2414: t_E = 17.24 (nu/eps)^(1/2)
  CHECK(engulfmentTime(h.meanDissipation, nu) ==
        Approx(17.2414 * std::sqrt(nu / h.meanDissipation)).epsilon(kHand));
}

TEST_CASE("Stirred tank: blend time regimes and homogeneity", "[unit][mixing]") {
  // theta_99 / theta_95 = ln(0.01) / ln(0.05) = 1.53724 (first-order decay of the variance)
  const double t95 = blendTime(5.0, 1e5, 2.0, 3.0, 1.0).seconds;
  CHECK(blendTime(5.0, 1e5, 2.0, 3.0, 1.0, 0.99).seconds / t95 == Approx(1.53724).epsilon(kHand));
  // H/T = 2 lengthens theta_95 by 2^(1/2) (the H^0.5 of the handbook's Fourier number)
  CHECK(blendTime(5.0, 1e5, 2.0, 3.0, 2.0).seconds / t95 ==
        Approx(std::sqrt(2.0)).epsilon(kRoundOff));
  // Transitional below N_P^(1/3) Re = 6370: theta_95 = 183^2 / (N_P^(2/3) Re) (T/D)^2 / N.
  // With N_P = 1 and Re = 1000: 33489 / 1000 * 9 / 2 = 150.701 s
  const BlendTime slow = blendTime(1.0, 1000.0, 2.0, 3.0, 1.0);
  CHECK_FALSE(slow.turbulent);
  CHECK(slow.seconds == Approx(150.7005).epsilon(kHand));
  // The two forms meet near the switch: at N_P^(1/3) Re = 6370 the turbulent value is
  // 5.20/6370 and the transitional 183^2/6370^2 in Fourier units, 1.1 % apart
  const double turb = blendTime(1.0, 6370.0, 2.0, 3.0, 1.0).seconds;
  const double trans = blendTime(1.0, 6369.999, 2.0, 3.0, 1.0).seconds;
  CHECK(trans / turb == Approx(183.0 * 183.0 / (5.20 * 6370.0)).epsilon(1e-6));
  CHECK(std::abs(trans / turb - 1.0) < 0.02);
}

TEST_CASE("Stirred tank: mesomixing, IEM and the feed-time criterion", "[unit][mixing]") {
  // tau_S = A (Q_B / (u eps))^(1/3): Q_B = 1e-6 m^3/s, u = 0.1 m/s, eps = 0.1 W/kg, A = 2:
  // 2 * (1e-6 / 0.01)^(1/3) = 2 * 0.0464159 = 0.0928318 s
  CHECK(inertialConvectiveTime(1e-6, 0.1, 0.1) == Approx(0.0928318).epsilon(kHand));
  // Lambda_c = (Q_B/u)^(1/2) = 3.16228e-3 m; (Lambda_c^2/eps)^(1/3) the same number
  CHECK(inertialConvectiveTime(1e-6, 0.1, 0.1) ==
        Approx(2.0 * std::cbrt(std::pow(std::sqrt(1e-6 / 0.1), 2) / 0.1)).epsilon(kRoundOff));
  // D_t = 0.09 k^2 / (Sc_t eps) = 0.09 * 1e-4 / (0.7 * 0.1) = 1.28571e-4 m^2/s;
  // tau_D = Q_B / (u D_t) = 1e-6 / (0.1 * 1.28571e-4) = 0.0777778 s
  const double Dt = turbulentDiffusivity(1e-2, 0.1, 0.7);
  CHECK(Dt == Approx(1.28571e-4).epsilon(kHand));
  CHECK(turbulentDispersionTime(1e-6, 0.1, Dt) == Approx(0.0777778).epsilon(kHand));
  // t_IEM = 2 k / (C_phi eps) = k/eps = 0.1 s for C_phi = 2
  CHECK(iemExchangeTime(1e-2, 0.1) == Approx(0.1).epsilon(kRoundOff));
  // At the minimum feed time the plume disintegrates exactly as fast as it is engulfed
  const double nu = 8.9e-7, VB = 1e-4, u = 0.1, eps = 0.1;
  const double tmin = minimumFeedTime(VB, u, eps, nu);
  CHECK(inertialConvectiveTime(VB / tmin, u, eps) ==
        Approx(engulfmentTime(eps, nu)).epsilon(kRoundOff));
}

TEST_CASE("Stirred tank: dissipation zones keep the mean", "[unit][mixing]") {
  const StirredTank base = oneLitreRushton();
  const StirredTank tank(base.geometry(), ImpellerType::Rushton, Liquid{}, base.speed(),
                         FeedPoint{5.0, std::nullopt}, std::nullopt, 20.0);
  const DissipationZones z = tank.dissipation();
  // V_imp = (pi D^2/4)(D/5) = pi D^3 / 20; V_imp/V = (D/T)^3 / (5 H/T) = 1/135
  const double V = tank.geometry().volume();
  CHECK(z.impellerVolume / V == Approx(1.0 / 135.0).epsilon(kRoundOff));
  REQUIRE(z.impeller);
  REQUIRE(z.bulk);
  CHECK(*z.impeller == Approx(20.0 * z.mean).epsilon(kRoundOff));
  // Volume-weighted mean of the zones is the mean: (20 + 134 phi_bulk)/135 = 1
  CHECK((z.impellerVolume * *z.impeller + (V - z.impellerVolume) * *z.bulk) / V ==
        Approx(z.mean).epsilon(kRoundOff));
  CHECK(z.feed == Approx(5.0 * z.mean).epsilon(kRoundOff));
  // Without u/u_tip the feed sees the discharge flow over the cross-section:
  // Q / (pi T^2/4) = 2.26354e-4 / 9.22632e-3 = 0.0245335 m/s
  CHECK(tank.feedVelocity() == Approx(0.0245335).epsilon(kHand));
  // phi_imp V_imp/V >= 1 would leave the bulk a negative share: 136 / 135 > 1
  CHECK_THROWS_AS(StirredTank(base.geometry(), ImpellerType::Rushton, Liquid{}, base.speed(),
                              FeedPoint{}, std::nullopt, 136.0),
                  std::invalid_argument);
}

TEST_CASE("Stirred tank: jacket heat transfer", "[unit][mixing]") {
  const StirredTank tank = oneLitreRushton(exampleJacket());
  const JacketHeatTransfer j = jacketHeatTransfer(tank);
  // Pr = 4181.3 * 0.89e-3 / 0.6065 = 6.13579; Nu = 0.74 * 9748.40^(2/3) * 6.13579^(1/3)
  //    = 0.74 * 456.227 * 1.83124 = 618.221; h_i = 618.221 * 0.6065 / 0.108385 = 3459.43
  CHECK(tank.liquid().prandtl() == Approx(6.13579).epsilon(kHand));
  CHECK(j.nusselt == Approx(618.221).epsilon(kHand));
  CHECK(j.insideCoefficient == Approx(3459.43).epsilon(kHand));
  // 1/U = 1/3459.43 + 5e-3/16 + 1/1000 = 2.890650e-4 + 3.125e-4 + 1e-3 = 1.6015650e-3;
  // U = 624.389
  CHECK(j.overallCoefficient == Approx(624.389).epsilon(kHand));
  // A = pi T H + pi T^2/4 = 5 pi T^2 / 4 (H = T) = 5 pi 0.01174735 / 4 = 0.0461318 m^2
  CHECK(j.area == Approx(0.0461318).epsilon(kHand));
}

// Worked example of the same handbook correlation in a second implementation: PolyKin
// (H. M. Vale), polykin.transport.heat.Nu_tank docstring: "a 2-m diameter stirred tank
// equipped with a HE3 impeller operated at 120 rpm", water rho = 1e3, mu = 1e-3, k = 0.6,
// c_p = 4.2e3, D = T/3, H = T, mu/mu_w = 1, K = 0.31 (HE3, vertical wall) -> "h=1.6e+03 W/m2.K".
// It is printed to two digits: tolerance +-0.05e3 (the rounding of the printed value).
TEST_CASE("Stirred tank: wall Nusselt correlation against PolyKin's worked example", "[unit][mixing]") {
  const double D = 2.0 / 3.0, Re = 2.0 * D * D * 1e3 / 1e-3, Pr = 1e-3 * 4.2e3 / 0.6;
  const double h = wallNusselt(0.31, Re, Pr, 1.0, 1.0) * 0.6 / 2.0;
  CHECK(std::abs(h - 1.6e3) <= 0.05e3);
}

TEST_CASE("Stirred tank: geometric similarity and the scaling exponents", "[unit][mixing]") {
  const StirredTank lab = oneLitreRushton();
  const TankGeometry big = lab.geometry().withVolume(10.0);
  CHECK(big.volume() == Approx(10.0).epsilon(kRoundOff));
  CHECK(big.heightToDiameter == lab.geometry().heightToDiameter);
  CHECK(big.impellerToVessel == lab.geometry().impellerToVessel);
  CHECK(big.clearanceToVessel == lab.geometry().clearanceToVessel);
  // D2/D1 = (V2/V1)^(1/3) = 10000^(1/3) = 21.5443
  CHECK(big.D() / lab.geometry().D() == Approx(21.5443).epsilon(kHand));
  const TankGeometry hundred = lab.geometry().scaledByVolume(100.0);  // 1 L -> 100 L
  CHECK(hundred.volume() == Approx(0.1).epsilon(kRoundOff));
  CHECK(hundred.T() / lab.geometry().T() == Approx(std::cbrt(100.0)).epsilon(kRoundOff));
  CHECK(hundred.H() / hundred.T() == Approx(1.0).epsilon(kRoundOff));

  const ScaleUpDuty duty{0.1, 600.0, 5e3, 20.0};
  const std::vector<double> volumes{1e-3, 0.1, 10.0};
  for (ScaleUpRule rule : scaleUpRules()) {
    const auto r = scaleUp(lab, volumes, rule, duty);
    REQUIRE(r.size() == 3);
    CHECK(r[0].flow.speed == Approx(lab.speed()).epsilon(kRoundOff));
    for (std::size_t i = 1; i < r.size(); ++i) {
      const double ratio = r[i].impellerDiameter / r[0].impellerDiameter;
      CHECK(r[i].flow.speed / r[0].flow.speed ==
            Approx(std::pow(ratio, speedExponent(rule))).epsilon(kRoundOff));
      const auto same = [&](double a, double b) { CHECK(a == Approx(b).epsilon(kRoundOff)); };
      switch (rule) {
        case ScaleUpRule::PowerPerVolume:
          same(r[i].flow.powerPerVolume, r[0].flow.powerPerVolume);
          same(r[i].flow.meanDissipation, r[0].flow.meanDissipation);
          same(r[i].micromixingTime, r[0].micromixingTime);  // t_E depends on eps only
          break;
        case ScaleUpRule::TipSpeed: same(r[i].flow.tipSpeed, r[0].flow.tipSpeed); break;
        case ScaleUpRule::Reynolds: same(r[i].flow.reynolds, r[0].flow.reynolds); break;
        case ScaleUpRule::MixingTime:
          same(r[i].blend.seconds, r[0].blend.seconds);
          same(r[i].flow.circulationTime, r[0].flow.circulationTime);
          break;
      }
      // theta_95 N is a constant of the geometry in the turbulent form, whatever the rule
      if (r[i].blend.turbulent && r[0].blend.turbulent)
        same(r[i].blend.seconds * r[i].flow.speed, r[0].blend.seconds * r[0].flow.speed);
    }
  }
  // The exponents by hand: (D2/D1) = 4.64159 for 1 L -> 100 L;
  // P/V: 4.64159^(-2/3) = 0.359381; tip: 0.215443; Re: 0.0464159; mixing time: 1
  CHECK(scaledSpeed(ScaleUpRule::PowerPerVolume, 1.0, 1.0, 4.64159) ==
        Approx(0.359381).epsilon(kHand));
  CHECK(scaledSpeed(ScaleUpRule::TipSpeed, 1.0, 1.0, 4.64159) == Approx(0.215443).epsilon(kHand));
  CHECK(scaledSpeed(ScaleUpRule::Reynolds, 1.0, 1.0, 4.64159) == Approx(0.0464159).epsilon(kHand));
  CHECK(scaledSpeed(ScaleUpRule::MixingTime, 1.0, 1.0, 4.64159) == 1.0);
}

TEST_CASE("Stirred tank: scale-up tables as CSV and Markdown text", "[unit][mixing]") {
  const StirredTank lab = oneLitreRushton(exampleJacket());
  const auto r = scaleUp(lab, {1e-3, 0.1, 10.0}, ScaleUpRule::PowerPerVolume,
                        {0.1, 600.0, 5e3, 20.0});
  const std::string csv = scaleUpCsv(r), md = scaleUpMarkdown(r);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);  // header + 3 scales
  CHECK(csv.rfind("rule,volume [m^3],vessel_diameter [m]", 0) == 0);
  CHECK(csv.find("\nconstant P/V,0.001") != std::string::npos);
  // The 1 L tank at 400 rpm; the flags field quoted (RFC 4180), for t_feed,min holds a comma.
  CHECK(csv.find(",\"Re<1e4 t_feed<t_feed,min\"\n") != std::string::npos);
  CHECK(std::count(md.begin(), md.end(), '\n') == 5);  // header, rule line, 3 scales
  // The lab's U A Delta T_max = 624.389 W/(m^2 K) * 0.0461318 m^2 * 20 K = 576.084 W (the
  // jacket test's U and A) against q_V V = 5e3 W/m^3 * 1e-3 m^3 = 5 W: ratio 115.217
  CHECK(r[0].heatRemovalCapacity == Approx(576.084).epsilon(kHand));
  CHECK(r[0].heatRelease == Approx(5.0).epsilon(kRoundOff));
  CHECK(r[0].capacityRatio == Approx(115.217).epsilon(kHand));
  // Capacity ratio U A dT / (q_V V) falls with scale at constant P/V (area/volume ~ 1/T)
  CHECK(r[2].capacityRatio < r[1].capacityRatio);
  CHECK(r[1].capacityRatio < r[0].capacityRatio);
}

// Prints the 1 L -> 100 L -> 10 m^3 tables for a Rushton-turbine tank under each rule
// (hidden: run with `test_models "[mixing-table]"`).
TEST_CASE("Stirred tank: print the scale-up tables", "[.][mixing-table]") {
  const StirredTank lab = oneLitreRushton(exampleJacket());
  const ScaleUpDuty duty{0.1, 600.0, 5e3, 20.0};
  std::cout << "1 L Rushton tank, H = T, D = C = T/3, 400 rpm, water 25 degC; jacket s = 5 mm, "
               "k_w = 16 W/m/K, h_o = 1000 W/m^2/K, dT = 20 K; V_B/V = 0.1 fed in 600 s; "
               "q_V = 5 kW/m^3; feed at the mean eps, u = Q/(pi T^2/4)\n\n";
  std::vector<ScaleRecord> all;
  for (ScaleUpRule rule : scaleUpRules())
    for (const ScaleRecord& r : scaleUp(lab, {1e-3, 0.1, 10.0}, rule, duty)) all.push_back(r);
  std::cout << scaleUpMarkdown(all) << '\n' << scaleUpCsv(all);
}

namespace {
SchemaPtr stirrerRoot() {
  auto s = std::make_shared<Schema>("test", "A stirrer section.");
  s->add(StirredTank::stirrerSection());
  return s;
}
// The liquid is the vessel's (water at 25 degC here, as Liquid{}).
StirredTank tankFrom(const std::string& yaml) {
  return StirredTank(
      CaseDocument::fromString(yaml, "tank.yaml").validate(*stirrerRoot()).section("stirrer"),
      997.05, 0.89e-3, 4181.3);
}
std::string errorAt(const std::string& yaml) {
  try {
    tankFrom(yaml);
  } catch (const InputError& e) {
    return e.keyPath() + ":" + std::to_string(e.mark().line);
  }
  return "no error";
}
}  // namespace

TEST_CASE("Stirred tank: case keys build the tank", "[input][mixing]") {
  const StirredTank t = tankFrom("stirrer:\n  volume: 1 L\n  speed: 400 rpm\n");
  CHECK(t.geometry().volume() == Approx(1e-3).epsilon(kRoundOff));
  CHECK(t.speed() == Approx(400.0 / 60.0).epsilon(kRoundOff));
  CHECK(t.impeller().type == ImpellerType::Rushton);
  CHECK(t.liquid().conductivity == 0.6065);  // the key's default, water at 25 degC
  CHECK(t.hydrodynamics().power == Approx(oneLitreRushton().hydrodynamics().power).epsilon(1e-12));
  const StirredTank u = tankFrom(
      "stirrer:\n  vessel-diameter: 0.5 m\n  height-to-diameter: 1.2\n  impeller: a310\n"
      "  impeller-to-vessel-diameter: 0.4\n  speed: 2 1/s\n  jacket:\n    wall-thickness: 6 mm\n"
      "    wall-conductivity: 16 W/m/K\n    outside-coefficient: 1500 W/m^2/K\n"
      "    nusselt-constant: 0.31\n");
  CHECK(u.geometry().H() == Approx(0.6).epsilon(kRoundOff));
  CHECK(u.geometry().D() == Approx(0.2).epsilon(kRoundOff));
  CHECK(u.speed() == 2.0);
  CHECK(u.impeller().powerNumber == 0.30);
  REQUIRE(u.jacket());
  CHECK(u.jacket()->wallThickness == Approx(6e-3).epsilon(kRoundOff));
  CHECK(jacketHeatTransfer(u).UA > 0.0);
}

TEST_CASE("Stirred tank: bad case keys are input errors at the key", "[input][mixing]") {
  CHECK(errorAt("stirrer:\n  volume: 1 L\n  speed: -400 rpm\n") == "stirrer.speed:3");
  CHECK(errorAt("stirrer:\n  volume: 1 L\n  vessel-diameter: 0.1 m\n  speed: 400 rpm\n") ==
        "stirrer.volume:2");
  // absent keys are reported at the section (its first line)
  CHECK(errorAt("stirrer:\n  speed: 400 rpm\n") == "stirrer.vessel-diameter:2");
  CHECK(errorAt("stirrer:\n  volume: 1 L\n  speed: 400 rpm\n  baffled: false\n") ==
        "stirrer.baffled:4");
  CHECK(errorAt("stirrer:\n  volume: 1 L\n  speed: 400 rpm\n  impeller: propeller\n") ==
        "stirrer.impeller:4");
  CHECK(errorAt("stirrer:\n  volume: 1 L\n  speed: 400 rpm\n  height-to-diameter: 0.3\n"
                "  clearance-to-vessel-diameter: 0.3\n") ==
        "stirrer.clearance-to-vessel-diameter:5");
  CHECK(errorAt("stirrer:\n  volume: 1 L\n  speed: 400 rpm\n  impeller: a310\n  jacket:\n"
                "    wall-thickness: 6 mm\n    wall-conductivity: 16 W/m/K\n"
                "    outside-coefficient: 1500 W/m^2/K\n") ==
        "stirrer.jacket.nusselt-constant:6");
  CHECK(errorAt("stirrer:\n  volume: 1 L\n  speed: 400 rpm\n  jacket:\n"
                "    wall-thickness: 6 mm\n    wall-conductivity: 16 W/m/K\n") ==
        "stirrer.jacket.outside-coefficient:5");
}
