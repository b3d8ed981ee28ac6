// Aggregation kernels against hand values and limits, the Fuchs stability ratio against an exact
// integral, and the case-file declarations (bad values rejected at their key).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "case/CaseDocument.h"
#include "core/Constants.h"
#include "models/particles/AggregationKernels.h"
#include "models/pbe/FixedPivotBreakage.h"

using namespace proscale;

namespace {
constexpr double kT25 = 298.15, kWater = 8.9e-4, kAir = 1.83e-5, kAirPath = 65.1e-9;
double volume(double L) { return constants::pi / 6 * L * L * L; }
// e^z E1(z) for z > 0: continued fraction 1/(z+1- 1/(z+3- 4/(z+5- ...))) by the modified Lentz
// method (Press et al., Numerical Recipes, 3rd ed., section 6.3), series below z = 1.
double scaledE1(double z) {
  if (z < 1.0) {
    double sum = 0.0, term = 1.0;
    for (int k = 1; k < 40; ++k) {
      term *= -z / k;
      sum -= term / k;
    }
    return std::exp(z) * (-0.57721566490153286 - std::log(z) + sum);
  }
  double b = z + 1.0, c = 1e300, d = 1.0 / b, h = d;
  for (int i = 1; i < 1000; ++i) {
    const double an = -static_cast<double>(i) * i;
    b += 2.0;
    d = 1.0 / (an * d + b);
    c = b + an / c;
    const double delta = c * d;
    h *= delta;
    if (std::abs(delta - 1.0) < 1e-16) break;
  }
  return h;
}
// F = 1 - z e^z E1(z), the Fuchs integral of one exponential (below); for z > 100 by its
// asymptotic series sum_{n>=1} (-1)^(n+1) n!/z^n (the direct form loses log10(z) digits).
double fuchsF(double z) {
  if (z <= 100.0) return 1.0 - z * scaledE1(z);
  double sum = 0.0, term = 1.0;
  for (int n = 1; n <= 30 && term > 1e-18 * sum; ++n) {
    term *= n / z;
    sum += n % 2 == 1 ? term : -term;
  }
  return sum;
}
// ln W exact for A = 0 and a Derjaguin layer with 2 pi eps a psi0^2 / kT = m (integer):
// W = sum_j C(m, j) F(2 a j kappa), summed in logarithms (the terms reach 1e307).
double logExactLayerOnly(int m, double a, double kappa) {
  std::vector<double> logTerms;
  for (int j = 0; j <= m; ++j) {
    const double logBinomial =
        std::lgamma(m + 1.0) - std::lgamma(j + 1.0) - std::lgamma(m - j + 1.0);
    logTerms.push_back(logBinomial + (j == 0 ? 0.0 : std::log(fuchsF(2.0 * a * j * kappa))));
  }
  const double top = *std::max_element(logTerms.begin(), logTerms.end());
  double sum = 0.0;
  for (double t : logTerms) sum += std::exp(t - top);
  return top + std::log(sum);
}
double beta(const AggregationKernel& k, double Li, double Lj, const AggregationConditions& c = {}) {
  return k.rate(Li, Lj, volume(Li), volume(Lj), c);
}
}  // namespace

TEST_CASE("Aggregation kernels: hand values", "[unit][aggregation]") {
  const double x1 = volume(1e-6), x2 = volume(2e-6);
  CHECK(beta(ConstantKernel(3e-18), 1e-6, 2e-6) == 3e-18);
  CHECK(beta(SumKernel(2.0), 1e-6, 2e-6) == Approx(2.0 * (x1 + x2)).epsilon(1e-14));
  CHECK(beta(ProductKernel(5e15), 1e-6, 2e-6) == Approx(5e15 * x1 * x2).epsilon(1e-14));
  CHECK(beta(ConstantKernel(3e-18, StabilitySetting::fixed(4.0)), 1e-6, 2e-6) == Approx(0.75e-18));

  // Brownian, continuum: equal spheres 8kT/(3 mu) = 1.2334e-17 m^3/s in water at 25 degC,
  // whatever their size; r_j = 10 r_i gives (2kT/(3 mu)) (1 + 1/10)(1 + 10) = 12.1 (2kT/(3 mu)).
  const BrownianKernel brownian(BrownianRegime::Continuum, 0.0);
  const AggregationConditions water{kT25, kWater, 0.0, {}};
  const double equal = 8.0 * constants::kB * kT25 / (3.0 * kWater);
  CHECK(equal == Approx(1.2334e-17).epsilon(1e-4));
  CHECK(beta(brownian, 10e-9, 10e-9, water) == Approx(equal).epsilon(1e-14));
  CHECK(beta(brownian, 3e-6, 3e-6, water) == Approx(equal).epsilon(1e-14));
  CHECK(beta(brownian, 20e-9, 200e-9, water) == Approx(12.1 / 4.0 * equal).epsilon(1e-14));

  // Shear: (4/3) G (r_i + r_j)^3, G = 100/s, r_i + r_j = 3 um: 3.6e-15 m^3/s; the conditions'
  // shear rate (50/s) overrides the kernel's.
  const ShearKernel shear(100.0);
  CHECK(beta(shear, 2e-6, 4e-6) == Approx(3.6e-15).epsilon(1e-14));
  AggregationConditions stirred;
  stirred.shearRate = 50.0;
  CHECK(beta(shear, 2e-6, 4e-6, stirred) == Approx(1.8e-15).epsilon(1e-14));
}

TEST_CASE("Brownian kernel: Fuchs transition regime tends to its limits", "[unit][aggregation]") {
  const BrownianKernel fuchs(BrownianRegime::Transition, 1000.0);
  const AggregationConditions air{kT25, kAir, kAirPath, {}};
  const double kT = constants::kB * kT25;
  // Large particles: slip-corrected continuum 8 kT C_c / (3 mu); the Fuchs correction is
  // O((l/D_p)) ~ D_p^(-1/2): below 1 % at 10 um, three times smaller at 100 um.
  auto continuum = [&](double L) {
    const double Kn = 2.0 * kAirPath / L;
    return 8.0 * kT * (1.0 + Kn * (1.257 + 0.4 * std::exp(-1.1 / Kn))) / (3.0 * kAir);
  };
  const double dev10 = std::abs(beta(fuchs, 10e-6, 10e-6, air) / continuum(10e-6) - 1.0);
  const double dev100 = std::abs(beta(fuchs, 100e-6, 100e-6, air) / continuum(100e-6) - 1.0);
  CHECK(dev10 < 1e-2);
  CHECK(dev100 < dev10 / 3.0);
  // Small particles: free molecular pi (r_i + r_j)^2 sqrt(c_i^2 + c_j^2), c = sqrt(8kT/(pi m)).
  auto freeMolecular = [&](double Li, double Lj) {
    auto c2 = [&](double L) { return 8.0 * kT / (constants::pi * 1000.0 * volume(L)); };
    return constants::pi * std::pow(0.5 * (Li + Lj), 2) * std::sqrt(c2(Li) + c2(Lj));
  };
  CHECK(beta(fuchs, 1e-9, 1e-9, air) == Approx(freeMolecular(1e-9, 1e-9)).epsilon(1e-3));
  CHECK(beta(fuchs, 1e-9, 2e-9, air) == Approx(freeMolecular(1e-9, 2e-9)).epsilon(1e-3));
  // In a liquid (no slip) the transition form differs from the continuum one by O(l/D_p) only.
  const AggregationConditions water{kT25, kWater, 0.0, {}};
  CHECK(beta(fuchs, 1e-6, 1e-6, water) ==
        Approx(beta(BrownianKernel(BrownianRegime::Continuum, 0.0), 1e-6, 1e-6, water))
            .epsilon(1e-3));
}

namespace {
// A = 0 and a Derjaguin layer of strength 2 pi eps a psi0^2 / kT = m on spheres of radius a in
// water at 25 degC: stabilityRatio against the closed form (logExactLayerOnly). Below e^700 to
// 1e-12 in ln W, above it +infinity.
void checkLayerOnly(int m, double a, double ionic) {
  const double kT = constants::kB * kT25, kappa = debyeParameter(ionic, 78.4, kT25);
  DlvoParameters p;
  p.ionicStrength = ionic;
  p.surfacePotential = std::sqrt(m * kT / (2.0 * constants::pi * 78.4 * constants::eps0 * a));
  const double logW = logExactLayerOnly(m, a, kappa);
  INFO("m = " << m << ", a = " << a << " m, I = " << ionic << " mol/m^3: barrier "
              << m * std::log(2.0) << " kT, ln W exact = " << logW);
  const double W = stabilityRatio(p, a, kT25);
  if (logW < 700.0)
    CHECK(std::log(W) == Approx(logW).epsilon(1e-12));
  else
    CHECK(std::isinf(W));
}
}  // namespace

TEST_CASE("Stability ratio: Debye length, V = 0 and an exact integral",
          "[unit][validation][aggregation]") {
  // 1/kappa = 0.304 nm / sqrt(I [mol/L]) for a 1:1 electrolyte in water at 25 degC.
  CHECK(1.0 / debyeParameter(100.0, 78.4, kT25) == Approx(0.304e-9 / std::sqrt(0.1)).epsilon(3e-3));
  DlvoParameters none;
  CHECK(stabilityRatio(none, 50e-9, kT25) == 1.0);

  // A = 0, Derjaguin layer with 2 pi eps a psi0^2 / kT = m (integer): with u = 2a/r,
  // W = ∫_0^1 (1 + e^{-kappa h})^m du = sum_j C(m, j) F(j kappa),
  // F(mu) = 2a ∫_0^∞ e^{-mu h} (2a + h)^-2 dh = 1 - z e^z E1(z), z = 2 a mu (by parts).
  for (int m : {3, 20})
    for (double ionic : {1.0, 100.0})  // mol/m^3: kappa a = 2.1 and 21 for a = 20 nm
      checkLayerOnly(m, 20e-9, ionic);
}

TEST_CASE("Stability ratio: barriers above 700 kT, finite or infinite as the exact integral says",
          "[unit][validation][aggregation]") {
  // Issue 10, defect 11: a barrier of 1e5 kT made the quadrature use its whole budget per
  // class pair (`check` did not finish); W is now +infinity at once when a lower bound of it
  // exceeds e^700. The bound must not cut off a finite W: with m = 1020 on 20 nm particles the
  // barrier is m ln 2 = 707 kT, yet W = e^697 (the peak is 1/(m kappa a) wide in u); m = 1040
  // is +infinity.
  const double kappa = debyeParameter(100.0, 78.4, kT25);
  REQUIRE(1020 * std::log(2.0) > 700.0);                        // the cases are what they claim:
  REQUIRE(logExactLayerOnly(1020, 20e-9, kappa) < 700.0);       // a barrier above e^700, W below
  REQUIRE(logExactLayerOnly(1030, 0.05, debyeParameter(5000.0, 78.4, kT25)) < 700.0);
  for (int m : {1020, 1040}) checkLayerOnly(m, 20e-9, 100.0);
  // a = 5 cm (the largest radius) in 5 mol/L (1/kappa = 0.14 nm) puts the whole repulsion
  // within h/2a < 1e-8 of contact. 1 - u computed as 1.0 - u had no digits left there: the
  // quadrature spent its 200,000 panels on rounding noise and threw for every such class pair.
  // F(z) for z = 2 a j kappa ~ 7e8 j comes from its asymptotic series. m = 1030 is a 714 kT
  // barrier with a finite W = e^687; m = 1060 has W = e^708: +infinity.
  for (int m : {400, 1030, 1060}) checkLayerOnly(m, 0.05, 5000.0);
  // Far beyond: 300 mV on 10 um particles (a barrier near 1e5 kT) is +infinity.
  DlvoParameters p;
  p.hamakerConstant = 1e-20;
  p.surfacePotential = 0.3;
  p.ionicStrength = 150.0;
  CHECK(std::isinf(stabilityRatio(p, 10e-6, kT25)));
}

TEST_CASE("Stability ratio: a narrow barrier between two terms of 10^6 kT",
          "[unit][validation][aggregation]") {
  // a = 1 mm, A = 5e-19 J, 1 mmol/L, water at 25 degC: near h = 1/kappa, V_A and V_R are each
  // ~3e6 kT and nearly cancel, so that a few hundredths of a mV raise a barrier hundreds of kT
  // high but only ~0.01 wide in ln h. It lay between the 8 samples per factor 2 that located
  // V_max and between the quadrature's nodes: 56.04 mV gave W = 0.651 (no barrier) and
  // 56.045 mV exhausted the panel budget. The maximum is now located where the force balance
  // ln|dV_R/dh| - ln(dV_A/dh) (no cancellation) crosses zero. References: 40-digit
  // mpmath.quad of the same integral, split at the barrier. Tolerance: V/kT carries the
  // rounding of its two 3e6 kT terms (3e-10 kT), which W inherits (8 ulps of the terms are
  // allowed for in the error estimate: 5e-9).
  DlvoParameters p;
  p.hamakerConstant = 5e-19;
  p.ionicStrength = 1.0;
  p.surfacePotential = 0.05604;
  CHECK(stabilityRatio(p, 1e-3, kT25) == Approx(683.491423597459).epsilon(1e-8));
  p.surfacePotential = 0.056045;
  CHECK(stabilityRatio(p, 1e-3, kT25) == Approx(1.27504576703772e74).epsilon(1e-8));
}

TEST_CASE("Stability ratio: every corner of the validity ranges is evaluated",
          "[unit][aggregation]") {
  // Issue 10, defect 11: within the case-file ranges every W is computed in bounded work
  // (at most 20,000 bisections, else an exception; none needed more than 18 over 10^6 random
  // parameter sets) and is finite or +infinity. With psi0 = 0, V_A depends on h/a only and so
  // W on A/kT only: at the largest Hamaker constant W = 0.5977125922985052 (40-digit
  // mpmath.quad of ∫_0^1 exp(-A/(6kT) [s/(2(1-s)) + s/2 + ln(1-s)]) du, s = u^2) at both ends of
  // the radius range.
  DlvoParameters vdw;
  vdw.hamakerConstant = 1e-18;
  CHECK(stabilityRatio(vdw, 5e-12, kT25) == Approx(0.5977125922985052).epsilon(1e-12));
  CHECK(stabilityRatio(vdw, 0.05, kT25) == Approx(0.5977125922985052).epsilon(1e-12));
  int infinite = 0, evaluated = 0;
  for (double A : {0.0, 1e-18})
    for (double psi : {-0.3, 1e-4, 0.3})
      for (double ionic : {1e-4, 5000.0})  // mol/m^3: 1e-7 and 5 mol/L
        for (double epsR : {1.0, 200.0})
          for (double z : {1.0, 4.0})
            for (auto model : {DoubleLayerModel::Derjaguin, DoubleLayerModel::Superposition})
              for (double a : {5e-12, 0.05})
                for (double T : {kDlvoMinTemperature, kDlvoMaxTemperature}) {
                  DlvoParameters p;
                  p.hamakerConstant = A;
                  p.surfacePotential = psi;
                  p.ionicStrength = ionic;
                  p.relativePermittivity = epsR;
                  p.valence = z;
                  p.doubleLayer = model;
                  const double W = stabilityRatio(p, a, T);
                  INFO("A " << A << " psi " << psi << " I " << ionic << " eps_r " << epsR << " z "
                            << z << " a " << a << " T " << T << ": W = " << W);
                  CHECK(W > 0.0);  // and not NaN
                  // 300 mV on 5 cm particles without attraction: V_max = V(contact) of 1e5 to
                  // 1e8 kT. (With A = 1e-18 J and eps_r = 1 the attraction, 1e13 kT at 0.1 um,
                  // wins instead, and W is that of van der Waals alone.)
                  if (A == 0.0 && std::abs(psi) == 0.3 && a == 0.05) CHECK(std::isinf(W));
                  infinite += std::isinf(W);
                  ++evaluated;
                }
  CHECK(evaluated == 384);
  CHECK(infinite > 0);
  // The worst corner of the issue: the largest potential, the lowest ionic strength, the
  // largest particles: a barrier of ~1e10 kT, W = +infinity (no aggregation), at once.
  DlvoParameters worst;
  worst.hamakerConstant = 1e-20;
  worst.surfacePotential = 0.3;
  worst.ionicStrength = 1e-4;
  CHECK(std::isinf(stabilityRatio(worst, 0.05, kT25)));
}

TEST_CASE("Stability ratio: van der Waals and double layer against a 30-digit quadrature", "[unit][validation][aggregation]") {
  // References: W = ∫_0^1 exp(V/kT) du by mpmath.quad at 30 digits (tanh-sinh, panels cut at
  // h = a 2^k / 8), the potential coded independently; a = 100 nm, A = 1e-20 J, I = 10 mM, 25 degC.
  DlvoParameters p;
  p.hamakerConstant = 1e-20;
  p.ionicStrength = 10.0;
  CHECK(stabilityRatio(p, 100e-9, kT25) == Approx(0.9105670934405355).epsilon(1e-12));
  p.surfacePotential = 0.01;
  CHECK(stabilityRatio(p, 100e-9, kT25) == Approx(0.9207604558078354).epsilon(1e-12));
  p.surfacePotential = 0.03;
  CHECK(stabilityRatio(p, 100e-9, kT25) == Approx(1.643553050745638e12).epsilon(1e-12));
  p.doubleLayer = DoubleLayerModel::Superposition;  // a = 20 nm, I = 1 mmol/L
  p.ionicStrength = 1.0;
  CHECK(stabilityRatio(p, 20e-9, kT25) == Approx(19636.46161184778).epsilon(1e-12));
}

TEST_CASE("Stability ratio: trends with potential, ionic strength and Hamaker constant",
          "[unit][aggregation]") {
  DlvoParameters p;
  p.hamakerConstant = 1e-20;
  p.ionicStrength = 10.0;  // 10 mmol/L
  double previous = 0.0;
  for (double psi : {0.0, 0.01, 0.02, 0.03}) {  // W grows with the surface potential
    p.surfacePotential = -psi;
    const double W = stabilityRatio(p, 100e-9, kT25);
    CHECK(W > previous);
    previous = W;
  }
  CHECK(previous > 1e3);  // 30 mV at 10 mM: a barrier of tens of kT
  p.surfacePotential = 0.025;
  previous = std::numeric_limits<double>::infinity();
  for (double ionic : {1.0, 10.0, 100.0}) {  // and falls with ionic strength
    p.ionicStrength = ionic;
    const double W = stabilityRatio(p, 100e-9, kT25);
    CHECK(W < previous);
    previous = W;
  }
  p.surfacePotential = 0.0;  // van der Waals alone speeds aggregation up: W < 1, falling with A
  const double W1 = stabilityRatio(p, 100e-9, kT25);
  p.hamakerConstant = 1e-19;
  CHECK(W1 < 1.0);
  CHECK(stabilityRatio(p, 100e-9, kT25) < W1);
  // A high barrier dominates the integral: Laplace's method on W = ∫ exp(V/kT) du gives
  // W ~ exp(V_max/kT) sqrt(2 pi / |d2(V/kT)/du2|), d2V/du2 = V''(h) (2a/u^2)^2 at the maximum
  // (relative error O(kT/V_max); V_max = 34 kT here: within 5 %).
  p.hamakerConstant = 1e-20;
  p.surfacePotential = 0.03;
  p.ionicStrength = 10.0;
  const double a = 100e-9, kT = constants::kB * kT25;
  double hMax = 1e-11;
  for (double h = 1e-11; h < 1e-7; h *= 1.0001)
    if (dlvoPotential(p, a, h, kT25) > dlvoPotential(p, a, hMax, kT25)) hMax = h;
  const double dh = 1e-3 * hMax, vMax = dlvoPotential(p, a, hMax, kT25) / kT;
  const double vhh = (dlvoPotential(p, a, hMax + dh, kT25) - 2 * vMax * kT +
                      dlvoPotential(p, a, hMax - dh, kT25)) /
                     (kT * dh * dh);
  const double u = 2 * a / (2 * a + hMax);
  const double laplace =
      std::exp(vMax) * std::sqrt(2 * constants::pi / std::abs(vhh)) * u * u / (2 * a);
  INFO("V_max = " << vMax << " kT, Laplace estimate " << laplace);
  CHECK(vMax > 20.0);
  CHECK(stabilityRatio(p, a, kT25) == Approx(laplace).epsilon(0.05));
  // Superposition: also W = 1 without forces, growing with the potential; a barrier beyond
  // the double range gives W = inf and a zero kernel.
  p.doubleLayer = DoubleLayerModel::Superposition;
  p.ionicStrength = 1.0;
  const double Wlow = stabilityRatio(p, 20e-9, kT25);
  p.surfacePotential = 0.06;
  CHECK(stabilityRatio(p, 20e-9, kT25) > Wlow);
  p.doubleLayer = DoubleLayerModel::Derjaguin;
  p.surfacePotential = 0.1;
  CHECK(std::isinf(stabilityRatio(p, 10e-6, kT25)));
  const ConstantKernel stable(1e-18, StabilitySetting::dlvo(p, 10e-6));
  CHECK(beta(stable, 1e-6, 1e-6) == 0.0);
}

namespace {
SchemaPtr rootSchema() {
  auto s = std::make_shared<Schema>("test", "Aggregation and breakage declarations.");
  s->add(ParamSpec::typed("aggregation", aggregationKernels().family(), "Kernel."));
  s->add(ParamSpec::section("breakage", breakageSchema(), "Breakage."));
  return s;
}
Parameters load(const std::string& yaml) {
  return CaseDocument::fromString(yaml, "agg.yaml").validate(*rootSchema());
}
std::unique_ptr<AggregationKernel> make(const std::string& yaml) {
  return aggregationKernels().make(load(yaml).section("aggregation"));
}
// The key path and line of the InputError thrown by `f`.
template <class F>
std::string errorAt(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.keyPath() + ":" + std::to_string(e.mark().line);
  }
  return "no error";
}
}  // namespace

TEST_CASE("Aggregation and breakage declarations reject bad values at the key",
          "[input][aggregation]") {
  CHECK(errorAt([] { load("aggregation:\n  type: constant\n  rate-constant: -1e-18 m^3/s\n"); }) ==
        "aggregation.rate-constant:3");
  CHECK(errorAt([] { load("aggregation:\n  type: sum\n  rate-constant: -2 1/s\n"); }) ==
        "aggregation.rate-constant:3");
  CHECK(errorAt([] { load("aggregation:\n  type: shear\n  shear-rate: -5 1/s\n"); }) ==
        "aggregation.shear-rate:3");
  CHECK(errorAt([] { load("aggregation:\n  type: product\n  rate-constant: 1 m^3/s\n"); }) ==
        "aggregation.rate-constant:3");  // wrong dimension
  CHECK(
      errorAt([] {
        load(
            "aggregation:\n  type: constant\n  rate-constant: 1e-18 m^3/s\n  stability-ratio: 0\n");
      }) == "aggregation.stability-ratio:4");
  CHECK(errorAt([] {
          load(
              "aggregation:\n  type: brownian\n  dlvo:\n    hamaker-constant: -1e-20 J\n"
              "    surface-potential: 30 mV\n    ionic-strength: 10 mM\n");
        }) == "aggregation.dlvo.hamaker-constant:4");
  CHECK(errorAt([] {
          load(
              "aggregation:\n  type: brownian\n  dlvo:\n    hamaker-constant: 1e-20 J\n"
              "    surface-potential: 30 mV\n    ionic-strength: 0 mol/L\n");
        }) == "aggregation.dlvo.ionic-strength:6");
  CHECK(errorAt([] {  // validity ranges (issue 10, defect 11)
          load(
              "aggregation:\n  type: brownian\n  dlvo:\n    hamaker-constant: 1e-20 J\n"
              "    surface-potential: 30 mV\n    ionic-strength: 10 mM\n    radius: 1e-3 nm\n");
        }) == "aggregation.dlvo.radius:7");
  CHECK(errorAt([] {
          load(
              "aggregation:\n  type: brownian\n  dlvo:\n    hamaker-constant: 1e-20 J\n"
              "    surface-potential: 30 mV\n    ionic-strength: 10 mM\n"
              "    relative-permittivity: 0.5\n");
        }) == "aggregation.dlvo.relative-permittivity:7");
  CHECK(errorAt([] {
          make(
              "aggregation:\n  type: constant\n  rate-constant: 1e-18 m^3/s\n  stability-ratio: "
              "3\n  dlvo:\n"
              "    hamaker-constant: 1e-20 J\n    surface-potential: 30 mV\n    ionic-strength: 10 "
              "mM\n");
        }) == "aggregation.stability-ratio:4");
  CHECK(errorAt([] { make("aggregation:\n  type: brownian\n  regime: transition\n"); }) ==
        "aggregation.regime:3");
  CHECK(errorAt([] {
          load("breakage:\n  selection-rate: -1 1/s\n  reference-diameter: 1 um\n");
        }) == "breakage.selection-rate:2");
  CHECK(errorAt([] {
          load("breakage:\n  selection-rate: 1 1/s\n  reference-diameter: 1 um\n  exponent: -1\n");
        }) == "breakage.exponent:4");
}

TEST_CASE("Aggregation and breakage declarations build the models", "[unit][aggregation]") {
  CHECK(beta(*make("aggregation:\n  type: constant\n  rate-constant: 2e-18 m^3/s\n  "
                   "stability-ratio: 4\n"),
             1e-6, 1e-6) == Approx(0.5e-18));
  CHECK(beta(*make("aggregation:\n  type: shear\n  shear-rate: 100 1/s\n"), 2e-6, 4e-6) ==
        Approx(3.6e-15));
  CHECK(beta(*make("aggregation:\n  type: brownian\n"), 1e-6, 1e-6) ==
        Approx(8.0 * constants::kB * kT25 / (3.0 * kWater)));
  const auto dlvo = make(
      "aggregation:\n  type: brownian\n  dlvo:\n    hamaker-constant: 1e-20 J\n"
      "    surface-potential: -25 mV\n    ionic-strength: 10 mM\n    radius: 100 nm\n");
  DlvoParameters p;
  p.hamakerConstant = 1e-20;
  p.surfacePotential = -0.025;
  p.ionicStrength = 10.0;
  CHECK(dlvo->stability().ratio(1e-6, 3e-6, kT25) ==
        Approx(stabilityRatio(p, 100e-9, kT25)).epsilon(1e-12));
  const BreakageSettings b =
      breakageSettingsFrom(load("breakage:\n  selection-rate: 0.1 1/s\n  reference-diameter: 2 "
                                "um\n  daughters: uniform\n")
                               .section("breakage"));
  CHECK(b.selectionRate == 0.1);
  CHECK(b.referenceDiameter == Approx(2e-6));
  CHECK(b.exponent == 1.0);
  CHECK(b.daughters == DaughterDistribution::Uniform);
}
