#include "models/thermo/dispersion/DispersionPhaseDiagram.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace proscale {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLogTiny = -690.0;  // ln(1e-300)

void checkPhi(double phi) {
  if (!(phi > 0.0 && phi < 1.0))
    throw std::invalid_argument("Carnahan-Starling-van der Waals model: phi must be in (0, 1)");
}

/// Bisection of a monotone g on [lo, hi] for g = 0; increasing says g(hi) > g(lo).
template <class G>
double bisect(const G& g, double lo, double hi, bool increasing) {
  for (int it = 0; it < 200; ++it) {
    const double mid = 0.5 * (lo + hi);
    if (!(mid > lo && mid < hi)) break;
    ((g(mid) > 0.0) == increasing ? hi : lo) = mid;
  }
  return 0.5 * (lo + hi);
}

/// The root of the critical-point quintic in (0.1, 0.2) (bisection to the double's resolution).
double criticalPhi() {
  const auto q = [](double x) {
    return (((x - 5.0) * x + 4.0) * x + 20.0) * x * x + 5.0 * x - 1.0;
  };
  return bisect(q, 0.1, 0.2, true);
}
}  // namespace

double csVdwAttraction(double reducedB2) { return 4.0 * (1.0 - reducedB2); }

double csVdwFreeEnergy(double alpha, double phi) {
  checkPhi(phi);
  const double om = 1.0 - phi;
  return phi * (std::log(phi) - 1.0) + phi * phi * (4.0 - 3.0 * phi) / (om * om) -
         alpha * phi * phi;
}

double csVdwChemicalPotential(double alpha, double phi) {
  checkPhi(phi);
  const double om = 1.0 - phi;
  return std::log(phi) + phi * (8.0 - 9.0 * phi + 3.0 * phi * phi) / (om * om * om) -
         2.0 * alpha * phi;
}

double csVdwPressure(double alpha, double phi) {
  checkPhi(phi);
  const double om = 1.0 - phi;
  return phi * (1.0 + phi + phi * phi - phi * phi * phi) / (om * om * om) - alpha * phi * phi;
}

double csVdwSpinodalAttraction(double phi) {
  checkPhi(phi);
  const double om = 1.0 - phi, om4 = om * om * om * om;
  return (1.0 + phi * (4.0 + phi * (4.0 + phi * (-4.0 + phi)))) / (2.0 * phi * om4);
}

double csVdwCurvature(double alpha, double phi) {
  return 2.0 * (csVdwSpinodalAttraction(phi) - alpha);
}

CsVdwCriticalPoint csVdwCriticalPoint() {
  CsVdwCriticalPoint c;
  c.phi = criticalPhi();
  c.alpha = csVdwSpinodalAttraction(c.phi);
  c.reducedB2 = 1.0 - c.alpha / 4.0;
  c.compressibility = csVdwPressure(c.alpha, c.phi) / c.phi;
  return c;
}

PhaseBoundary csVdwPhaseBoundary(double alpha) {
  PhaseBoundary b{false, kNaN, kNaN, kNaN, kNaN};
  const CsVdwCriticalPoint c = csVdwCriticalPoint();
  if (!(alpha > c.alpha)) return b;
  b.twoPhase = true;
  // spinodal: alpha_s falls on (0, phi_c) (bisected in ln phi) and rises on (phi_c, 1)
  const double logLow = bisect(
      [&](double x) { return csVdwSpinodalAttraction(std::exp(x)) - alpha; }, kLogTiny,
      std::log(c.phi), false);
  b.spinodalLow = std::exp(logLow);
  b.spinodalHigh = bisect([&](double p) { return csVdwSpinodalAttraction(p) - alpha; }, c.phi,
                          1.0 - 1e-15, true);

  // binodal, bracketed: pressure -> the gas and the liquid density -> mu_gas - mu_liquid
  const double pMax = csVdwPressure(alpha, b.spinodalLow);
  const double pMin = csVdwPressure(alpha, b.spinodalHigh);
  auto gasAt = [&](double logP) {  // ln phi on (ln 1e-300, ln phi_spL), P rising with phi
    return bisect([&](double x) { return std::log(csVdwPressure(alpha, std::exp(x))) - logP; },
                  kLogTiny, logLow, true);
  };
  auto liquidAt = [&](double logP) {  // phi on (phi_spH, 1)
    const double P = std::exp(logP);
    return bisect([&](double p) { return csVdwPressure(alpha, p) - P; }, b.spinodalHigh,
                  1.0 - 1e-15, true);
  };
  auto muGap = [&](double logP) {
    return csVdwChemicalPotential(alpha, std::exp(gasAt(logP))) -
           csVdwChemicalPotential(alpha, liquidAt(logP));
  };
  const double logHi = std::log(pMax);
  const double logLo = pMin > 0.0 ? std::log(pMin) : std::max(kLogTiny, logHi - 1400.0);
  double x1, phi2;
  if (muGap(logLo) >= 0.0) {  // the gas density is below 1e-300: report 0
    b.binodalLow = 0.0;
    b.binodalHigh = liquidAt(logLo);
    return b;
  }
  const double logP = bisect(muGap, logLo, logHi, true);
  x1 = gasAt(logP), phi2 = liquidAt(logP);
  // Newton polish on (ln phi_1, phi_2): r = (mu1 - mu2, P1 - P2)
  for (int it = 0; it < 3; ++it) {
    const double phi1 = std::exp(x1);
    const double r1 = csVdwChemicalPotential(alpha, phi1) - csVdwChemicalPotential(alpha, phi2);
    const double r2 = csVdwPressure(alpha, phi1) - csVdwPressure(alpha, phi2);
    const double c1 = csVdwCurvature(alpha, phi1), c2 = csVdwCurvature(alpha, phi2);
    // d mu/d ln phi1 = phi1 f''(phi1), d P/d ln phi1 = phi1^2 f''(phi1); d/d phi2: f'', phi2 f''
    const double j11 = phi1 * c1, j12 = -c2, j21 = phi1 * phi1 * c1, j22 = -phi2 * c2;
    const double det = j11 * j22 - j12 * j21;
    if (!(std::abs(det) > 0.0)) break;
    const double dx = (r1 * j22 - r2 * j12) / det, dp = (j11 * r2 - j21 * r1) / det;
    const double nx = x1 - dx, np = phi2 - dp;
    if (!(nx < logLow && np > b.spinodalHigh && np < 1.0)) break;
    x1 = nx, phi2 = np;
  }
  b.binodalLow = std::exp(x1);
  b.binodalHigh = phi2;
  return b;
}

const char* toString(DispersionPhaseState s) {
  switch (s) {
    case DispersionPhaseState::Stable: return "stable";
    case DispersionPhaseState::Metastable: return "metastable";
    default: return "unstable";
  }
}

DispersionPhaseState phaseState(const PhaseBoundary& b, double phi) {
  if (!b.twoPhase || phi <= b.binodalLow || phi >= b.binodalHigh)
    return DispersionPhaseState::Stable;
  if (phi > b.spinodalLow && phi < b.spinodalHigh) return DispersionPhaseState::Unstable;
  return DispersionPhaseState::Metastable;
}

}  // namespace proscale
