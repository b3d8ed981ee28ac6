// IAPWS-95 properties at (T, rho) and the (T, p) solve.
//
// Properties from phi = phi0 + phi^r (IAPWS R6-95(2018), Table 3), delta = rho/rhoc,
// tau = Tc/T, subscripts derivatives:
//   p / (rho R T)  = 1 + delta phir_d
//   u / (R T)      = tau (phi0_t + phir_t)
//   s / R          = tau (phi0_t + phir_t) - phi0 - phir
//   h / (R T)      = 1 + tau (phi0_t + phir_t) + delta phir_d
//   cv / R         = -tau^2 (phi0_tt + phir_tt)
//   cp / R         = cv / R + x^2 / y
//   w^2 / (R T)    = y + x^2 / (cv / R)
//   (dp/drho)_T    = R T y,   (dp/dT)_rho = rho R x,
// with x = 1 + delta phir_d - delta tau phir_dt and y = 1 + 2 delta phir_d + delta^2 phir_dd.
//
// (T, p) -> rho: Newton on p(rho, T) = p along one isotherm (Iapws95ResidualIsotherm), kept
// inside a bracket on the stable branch, falling back to bisection when a step leaves it or
// the slope is not positive. Below Tc the branch is chosen by comparing p with the saturation
// pressure: the auxiliary eq. 2.5 when p is clearly away from it, the Maxwell-criterion value
// otherwise. Brackets: liquid [rho'(T), 1400], vapour (0, rho''(T)], above Tc (0, 1400] kg/m^3
// (p(1400 kg/m^3, T) exceeds 100 MPa on the whole range). Starting values: rho'(T) (eq. 2.6)
// for liquid, the ideal gas for vapour and above Tc.
#include <cmath>
#include <sstream>

#include "core/Errors.h"
#include "models/thermo/water/Iapws95.h"

namespace proscale {
namespace {

using iapws95::R;
using iapws95::rhoc;
using iapws95::Tc;

constexpr double kRhoMax = 1400;  // [kg/m^3], upper end of every density bracket

// Relative distance |p/p_aux - 1| below which the branch is decided with the exact saturation
// pressure instead of eq. 2.5. Eq. 2.5 meets the IAPWS-95 Maxwell pressure to within 7.2e-5
// relative between 273.15 K and Tc (largest near 285 K; checked on a 0.01 K grid); the window
// is 14 times that, so that a state decided by eq. 2.5 is never on the wrong side of p_s.
constexpr double kAuxWindow = 1e-3;
// States this close to the saturation pressure (relative) are two-phase to round-off.
constexpr double kOnSaturation = 1e-12;

std::string formatNumber(double x) {
  std::ostringstream os;
  os.precision(10);
  os << x;
  return os.str();
}

void checkRange(double T, double p) {
  if (!(T >= iapws95::Tmin && T <= iapws95::Tmax))
    throw RecoverableError("IAPWS-95 (T, p): T = " + formatNumber(T) +
                           " K is outside 273.15-1073.15 K");
  if (!(p > 0 && p <= iapws95::pmax))
    throw RecoverableError("IAPWS-95 (T, p): p = " + formatNumber(p) +
                           " Pa is outside 0-100 MPa (p > 0)");
}

struct PressureAt {
  double p, dpdrho;
};

PressureAt pressureAt(const Iapws95ResidualIsotherm& iso, double RT, double rho) {
  const double delta = rho / rhoc;
  const auto r = iso.at(delta);
  return {rho * RT * (1 + delta * r.d), RT * (1 + 2 * delta * r.d + delta * delta * r.dd)};
}

// Density with p(rho) = p inside [lo, hi], on which p(rho) increases. Newton from rho0, with
// bisection when a Newton step leaves the (shrinking) bracket or the slope is not positive.
// converged is false when the root is not inside [lo, hi] (the bracket collapsed onto one end
// without a change of sign): then the caller's bracket was wrong.
struct DensitySolution {
  double rho;
  bool converged;
};
DensitySolution solveDensity(const Iapws95ResidualIsotherm& iso, double RT, double p,
                             double rho0, double lo, double hi) {
  double rho = rho0;
  bool below = false, above = false;  // seen p(rho) < p, > p
  for (int it = 0; it < 200; ++it) {
    const PressureAt at = pressureAt(iso, RT, rho);
    const double f = at.p - p;
    if (f == 0) return {rho, true};
    if (f > 0) {
      hi = std::fmin(hi, rho);
      above = true;
    } else {
      lo = std::fmax(lo, rho);
      below = true;
    }
    double next = at.dpdrho > 0 ? rho - f / at.dpdrho : -1;
    const bool newton = next > lo && next < hi;
    if (!newton) next = 0.5 * (lo + hi);
    const double step = std::fabs(next - rho);
    rho = next;
    // A Newton step of 1e-11 relative leaves an error of order 1e-22 (quadratic convergence);
    // a collapsed bracket ends bisection.
    if (newton && step <= 1e-11 * rho) return {rho, true};
    if (hi - lo <= 1e-15 * hi) return {rho, below && above};
  }
  return {rho, false};
}

}  // namespace

const char* phaseName(WaterPhase phase) {
  switch (phase) {
    case WaterPhase::Liquid:
      return "liquid";
    case WaterPhase::Vapour:
      return "vapour";
    case WaterPhase::Supercritical:
      return "supercritical";
  }
  return "unknown";
}

WaterState iapws95FromTRho(double T, double rho) {
  const double delta = rho / rhoc, tau = Tc / T;
  const HelmholtzDerivatives i = iapws95Ideal(delta, tau);
  const HelmholtzDerivatives r = iapws95Residual(delta, tau);
  const double RT = R * T;
  const double tauPhiT = tau * (i.t + r.t);
  const double cvR = -tau * tau * (i.tt + r.tt);
  const double x = 1 + delta * r.d - delta * tau * r.dt;
  const double y = 1 + 2 * delta * r.d + delta * delta * r.dd;
  WaterState s;
  s.T = T;
  s.rho = rho;
  s.p = rho * RT * (1 + delta * r.d);
  s.u = RT * tauPhiT;
  s.h = RT * (1 + tauPhiT + delta * r.d);
  s.s = R * (tauPhiT - i.phi - r.phi);
  s.cv = R * cvR;
  s.cp = R * (cvR + x * x / y);
  s.w = std::sqrt(RT * (y + x * x / cvR));
  s.dpdrho = RT * y;
  s.dpdT = rho * R * x;
  s.phase = T >= Tc ? WaterPhase::Supercritical
                    : (rho > rhoc ? WaterPhase::Liquid : WaterPhase::Vapour);
  return s;
}

WaterState iapws95FromTP(double T, double p) {
  checkRange(T, p);
  const Iapws95ResidualIsotherm iso(Tc / T);
  const double RT = R * T;
  DensitySolution solution{};
  WaterPhase phase;
  if (T >= Tc) {
    phase = WaterPhase::Supercritical;
    solution = solveDensity(iso, RT, p, std::fmin(p / RT, 0.5 * kRhoMax), 0, kRhoMax);
  } else {
    const double pAux = iapws95AuxSaturationPressure(T);
    bool liquid = p > pAux;
    bool exact = std::fabs(p / pAux - 1) < kAuxWindow;
    const auto solveBranch = [&](double rhoL, double rhoV) {
      return liquid ? solveDensity(iso, RT, p, rhoL, rhoL, kRhoMax)
                    : solveDensity(iso, RT, p, std::fmin(p / RT, rhoV), 0, rhoV);
    };
    if (!exact) {
      solution = solveBranch(iapws95AuxLiquidDensity(T), iapws95AuxVapourDensity(T));
      // The auxiliary density did not bracket the root (p(rho'_aux) > p for liquid or
      // p(rho''_aux) < p for vapour): decide and bracket with the exact saturation.
      exact = !solution.converged;
    }
    if (exact) {
      const SaturationState sat = iapws95Saturation(T);
      if (std::fabs(p - sat.p) <= kOnSaturation * sat.p)
        throw RecoverableError("IAPWS-95 (T, p): p = " + formatNumber(p) + " Pa at T = " +
                               formatNumber(T) +
                               " K is the saturation pressure: two phases, no single density");
      liquid = p > sat.p;
      solution = solveBranch(sat.rhoLiquid, sat.rhoVapour);
    }
    phase = liquid ? WaterPhase::Liquid : WaterPhase::Vapour;
  }
  WaterState s = iapws95FromTRho(T, solution.rho);
  s.p = p;  // rho solves p(rho, T) = p; keep the caller's p exactly (not its round-off echo)
  s.phase = phase;
  return s;
}

}  // namespace proscale
