#include "models/particles/AggregationKernels.h"

#include <cmath>

#include "core/Constants.h"

namespace proscale {

StabilitySetting StabilitySetting::fixed(double ratio) {
  StabilitySetting s;
  s.m_fixed = ratio;
  return s;
}

StabilitySetting StabilitySetting::dlvo(const DlvoParameters& parameters, double radius) {
  StabilitySetting s;
  s.m_dlvo = parameters;
  s.m_radius = radius;
  return s;
}

double StabilitySetting::ratio(double Li, double Lj, double temperature) const {
  if (!m_dlvo) return m_fixed;
  // Derjaguin: the force between spheres a_i, a_j scales with a_i a_j/(a_i + a_j); equal
  // spheres a_eff have the same reduced radius when a_eff/2 = a_i a_j/(a_i + a_j).
  const double ri = 0.5 * Li, rj = 0.5 * Lj;
  const double a = m_radius > 0.0 ? m_radius : 2.0 * ri * rj / (ri + rj);
  return stabilityRatio(*m_dlvo, a, temperature);
}

double AggregationKernel::rate(double Li, double Lj, double xi, double xj,
                               const AggregationConditions& c) const {
  const double W = m_stability.ratio(Li, Lj, c.temperature);
  return std::isinf(W) ? 0.0 : collisionRate(Li, Lj, xi, xj, c) / W;
}

namespace {
/// Cunningham slip correction (Seinfeld & Pandis 2006, eq. 9.34), Kn = 2 lambda / D_p.
double slipCorrection(double Dp, double meanFreePath) {
  if (meanFreePath <= 0.0) return 1.0;
  const double Kn = 2.0 * meanFreePath / Dp;
  return 1.0 + Kn * (1.257 + 0.4 * std::exp(-1.1 / Kn));
}

/// Fuchs' g for one particle: ((D_p + l)^3 - (D_p^2 + l^2)^(3/2)) / (3 D_p l) - D_p [m]. With
/// q = l/D_p this is D_p (q/2 + q^2/3 - q^3/8 + q^5/48 ...) for small q and
/// D_p (q - 1/2 + 1/(3q) - 1/(8q^2) + 1/(48 q^4) ...) for large q; the series are used where the
/// direct form loses digits to cancellation (q < 1e-3, q > 1e3).
double fuchsG(double Dp, double l) {
  const double q = l / Dp;
  if (q < 1e-3) return Dp * q * (0.5 + q / 3.0 - q * q / 8.0);
  if (q > 1e3) return Dp * (q - 0.5 + 1.0 / (3.0 * q) - 1.0 / (8.0 * q * q));
  return (std::pow(Dp + l, 3) - std::pow(Dp * Dp + l * l, 1.5)) / (3.0 * Dp * l) - Dp;
}
}  // namespace

double BrownianKernel::collisionRate(double Li, double Lj, double xi, double xj,
                                     const AggregationConditions& c) const {
  const double kT = constants::kB * c.temperature;
  if (m_regime == BrownianRegime::Continuum) {
    const double ri = 0.5 * Li, rj = 0.5 * Lj;
    return 2.0 * kT / (3.0 * c.viscosity) * (1.0 / ri + 1.0 / rj) * (ri + rj);
  }
  const double pi = constants::pi;
  auto diffusivity = [&](double Dp) {
    return kT * slipCorrection(Dp, c.meanFreePath) / (3.0 * pi * c.viscosity * Dp);
  };
  const double Di = diffusivity(Li), Dj = diffusivity(Lj);
  const double ci = std::sqrt(8.0 * kT / (pi * m_density * xi));
  const double cj = std::sqrt(8.0 * kT / (pi * m_density * xj));
  const double gi = fuchsG(Li, 8.0 * Di / (pi * ci)), gj = fuchsG(Lj, 8.0 * Dj / (pi * cj));
  const double sumDp = Li + Lj, sumD = Di + Dj;
  const double denominator =
      sumDp / (sumDp + 2.0 * std::hypot(gi, gj)) + 8.0 * sumD / (std::hypot(ci, cj) * sumDp);
  return 2.0 * pi * sumD * sumDp / denominator;
}

double ShearKernel::collisionRate(double Li, double Lj, double, double,
                                  const AggregationConditions& c) const {
  const double G = c.shearRate ? *c.shearRate : m_G;
  const double rSum = 0.5 * (Li + Lj);
  return 4.0 / 3.0 * G * rSum * rSum * rSum;
}

}  // namespace proscale
