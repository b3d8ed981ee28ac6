// IAPWS-95 liquid-vapour saturation.
//
// Auxiliary equations (Wagner & Pruss, J. Phys. Chem. Ref. Data 31 (2002) 387, eqs. 2.5-2.7;
// also IAPWS SR1-86(1992)), theta = 1 - T/Tc:
//   ln(p_s/pc)    = (Tc/T) (a1 theta + a2 theta^1.5 + a3 theta^3 + a4 theta^3.5 + a5 theta^4
//                           + a6 theta^7.5)                                          (2.5)
//   rho'/rhoc     = 1 + b1 theta^(1/3) + b2 theta^(2/3) + b3 theta^(5/3) + b4 theta^(16/3)
//                     + b5 theta^(43/3) + b6 theta^(110/3)                           (2.6)
//   ln(rho''/rhoc) = c1 theta^(2/6) + c2 theta^(4/6) + c3 theta^(8/6) + c4 theta^(18/6)
//                     + c5 theta^(37/6) + c6 theta^(71/6)                            (2.7)
//
// Maxwell criterion (release section 6, eqs. in Table 3's notation), solved as in Akasaka,
// J. Thermal Sci. Tech. 3 (2008) 442: with J(delta) = delta (1 + delta phir_d) (= p/(rhoc R T))
// and K(delta) = delta phir_d + phir + ln(delta) (= g/(R T) minus a function of T alone),
// solve J(delta') = J(delta''), K(delta') = K(delta'') by Newton in (delta', delta''), started
// from eqs. 2.6 and 2.7; it converges quadratically to round-off in 3-5 steps.
//
// Saturation temperature: Newton on p_s(T) = p with the Clausius-Clapeyron slope
// dp_s/dT = (h'' - h') / (T (1/rho'' - 1/rho')), started from eq. 2.5 inverted.
#include <cmath>
#include <sstream>

#include "core/Errors.h"
#include "models/thermo/water/Iapws95.h"

namespace proscale {
namespace {

using iapws95::pc;
using iapws95::rhoc;
using iapws95::Tc;

constexpr double kA[6] = {-7.85951783, 1.84408259, -11.7866497,
                          22.6807411, -15.9618719, 1.80122502};
constexpr double kB[6] = {1.99274064, 1.09965342, -0.510839303,
                          -1.75493479, -45.5170352, -6.74694450e5};
constexpr double kC[6] = {-2.03150240, -2.68302940, -5.38626492,
                          -17.2991605, -44.7586581, -63.9201063};

constexpr double kSatTmin = iapws95::Ttriple - 1;
constexpr double kSatPmin = 611.2;

// Sum of eq. 2.5's bracket f(theta) and its derivative df/dtheta.
void auxPressureSum(double theta, double& f, double& df) {
  const double s = std::sqrt(theta);
  const double t2 = theta * theta, t3 = t2 * theta, t4 = t2 * t2;
  const double t15 = theta * s, t35 = t3 * s, t75 = t4 * t3 * s;
  f = kA[0] * theta + kA[1] * t15 + kA[2] * t3 + kA[3] * t35 + kA[4] * t4 + kA[5] * t75;
  df = kA[0] + 1.5 * kA[1] * s + 3 * kA[2] * t2 + 3.5 * kA[3] * t2 * s + 4 * kA[4] * t3 +
       7.5 * kA[5] * t4 * t2 * s;
}

std::string formatNumber(double x) {
  std::ostringstream os;
  os.precision(10);
  os << x;
  return os.str();
}

struct SaturationDensities {
  double deltaL, deltaV;
  bool converged;
};

// Akasaka's Newton iteration in the reduced densities along one isotherm.
SaturationDensities solveMaxwell(const Iapws95ResidualIsotherm& iso, double deltaL,
                                 double deltaV) {
  constexpr int kMaxIterations = 60;
  double previousStep = HUGE_VAL;
  for (int it = 0; it < kMaxIterations; ++it) {
    const auto rl = iso.at(deltaL), rv = iso.at(deltaV);
    const double JL = deltaL * (1 + deltaL * rl.d), JV = deltaV * (1 + deltaV * rv.d);
    const double KL = deltaL * rl.d + rl.phi + std::log(deltaL);
    const double KV = deltaV * rv.d + rv.phi + std::log(deltaV);
    const double JdL = 1 + 2 * deltaL * rl.d + deltaL * deltaL * rl.dd;
    const double JdV = 1 + 2 * deltaV * rv.d + deltaV * deltaV * rv.dd;
    const double KdL = 2 * rl.d + deltaL * rl.dd + 1 / deltaL;
    const double KdV = 2 * rv.d + deltaV * rv.dd + 1 / deltaV;
    const double det = JdV * KdL - JdL * KdV;
    const double dJ = JV - JL, dK = KV - KL;
    const double stepL = (dK * JdV - dJ * KdV) / det;
    const double stepV = (dK * JdL - dJ * KdL) / det;
    const double newL = deltaL + stepL, newV = deltaV + stepV;
    if (!std::isfinite(newL) || !std::isfinite(newV) || newV <= 0 || newL <= newV)
      return {deltaL, deltaV, false};
    const double step = std::fmax(std::fabs(stepL) / newL, std::fabs(stepV) / newV);
    deltaL = newL;
    deltaV = newV;
    // Quadratic convergence: a relative step of 1e-9 leaves an error of order 1e-18. Stop
    // also when round-off makes the steps stop shrinking.
    if (step < 1e-9 || (step < 1e-6 && step >= 0.5 * previousStep)) return {deltaL, deltaV, true};
    previousStep = step;
  }
  return {deltaL, deltaV, false};
}

}  // namespace

double iapws95AuxSaturationPressure(double T) {
  const double theta = 1 - T / Tc;
  double f, df;
  auxPressureSum(theta, f, df);
  return pc * std::exp(Tc / T * f);
}

double iapws95AuxLiquidDensity(double T) {
  const double theta = 1 - T / Tc;
  const double r = std::cbrt(theta);  // theta^(1/3)
  const double r2 = r * r, r5 = r2 * r2 * r, r16 = r5 * r5 * r5 * r;
  const double r43 = r16 * r16 * r5 * r5 * r, r110 = r43 * r43 * r16 * r5 * r2 * r;
  return rhoc * (1 + kB[0] * r + kB[1] * r2 + kB[2] * r5 + kB[3] * r16 + kB[4] * r43 +
                 kB[5] * r110);
}

double iapws95AuxVapourDensity(double T) {
  const double theta = 1 - T / Tc;
  const double r6 = std::sqrt(std::cbrt(theta));  // theta^(1/6)
  const double r2 = r6 * r6, r4 = r2 * r2, r8 = r4 * r4, r18 = r8 * r8 * r2;
  const double r37 = r18 * r18 * r6, r71 = r37 * r18 * r8 * r8;
  return rhoc * std::exp(kC[0] * r2 + kC[1] * r4 + kC[2] * r8 + kC[3] * r18 + kC[4] * r37 +
                         kC[5] * r71);
}

SaturationState iapws95Saturation(double T) {
  if (!(T >= kSatTmin && T < Tc))
    throw RecoverableError("IAPWS-95 saturation: T = " + formatNumber(T) +
                           " K is outside 272.16-647.096 K (the triple point minus 1 K up to, "
                           "not including, the critical temperature)");
  const Iapws95ResidualIsotherm iso(Tc / T);
  const double auxL = iapws95AuxLiquidDensity(T) / rhoc, auxV = iapws95AuxVapourDensity(T) / rhoc;
  SaturationDensities sol = solveMaxwell(iso, auxL, auxV);
  if (!sol.converged) {
    // Within a few mK of Tc the two branches merge and Newton can lose its way; the auxiliary
    // equations are then the best available values (they meet the EOS at Tc).
    sol = {auxL, auxV, false};
  }
  SaturationState s;
  s.T = T;
  s.rhoLiquid = sol.deltaL * rhoc;
  s.rhoVapour = sol.deltaV * rhoc;
  const WaterState liquid = iapws95FromTRho(T, s.rhoLiquid);
  const WaterState vapour = iapws95FromTRho(T, s.rhoVapour);
  // The vapour side is the better conditioned one (the liquid's 1 + delta phir_d cancels).
  s.p = vapour.p;
  s.hLiquid = liquid.h;
  s.hVapour = vapour.h;
  s.sLiquid = liquid.s;
  s.sVapour = vapour.s;
  return s;
}

double iapws95SaturationTemperature(double p) {
  if (!(p >= kSatPmin && p < pc))
    throw RecoverableError("IAPWS-95 saturation: p = " + formatNumber(p) +
                           " Pa is outside 611.2 Pa - 22.064 MPa (up to, not including, pc)");
  // Eq. 2.5 inverted by Newton in T (ln p is smooth and monotone in T).
  double T = 0.5 * (kSatTmin + Tc);
  const double lnTarget = std::log(p / pc);
  for (int it = 0; it < 50; ++it) {
    const double theta = 1 - T / Tc;
    double f, df;
    auxPressureSum(theta, f, df);
    const double lnp = Tc / T * f;
    const double dlnpdT = -Tc / (T * T) * f - df / T;
    double next = T - (lnp - lnTarget) / dlnpdT;
    next = std::fmin(std::fmax(next, kSatTmin), Tc - 1e-9);
    const bool done = std::fabs(next - T) < 1e-10 * T;
    T = next;
    if (done) break;
  }
  // Newton on the exact p_s(T) with the Clausius-Clapeyron slope.
  for (int it = 0; it < 20; ++it) {
    const double Tmax = std::nextafter(Tc, 0.0);
    T = std::fmin(std::fmax(T, kSatTmin), Tmax);
    const SaturationState s = iapws95Saturation(T);
    const double slope =
        (s.hVapour - s.hLiquid) / (T * (1 / s.rhoVapour - 1 / s.rhoLiquid));
    const double step = (p - s.p) / slope;
    T += step;
    if (std::fabs(step) < 1e-12 * T) break;
  }
  return T;
}

}  // namespace proscale
