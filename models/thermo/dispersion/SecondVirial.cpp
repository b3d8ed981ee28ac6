#include "models/thermo/dispersion/SecondVirial.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/Constants.h"
#include "models/thermo/dispersion/AdaptiveQuadrature.h"
#include "models/thermo/dispersion/PairPotential.h"

namespace proscale {
namespace {
constexpr double kRelTol = 1e-12;
constexpr double kDeepestWell = 700.0;  // kT; exp(700) ~ 1e304

double mayerMinus(double v) {  // 1 - exp(-v), v = V/kT
  if (std::isnan(v)) throw std::runtime_error("second virial coefficient: V/kT is NaN");
  if (-v > kDeepestWell)
    throw std::domain_error(
        "second virial coefficient: the attraction exceeds 700 kT (B2 -> -infinity); the "
        "contact gap or the Hamaker constant is unphysical");
  return -std::expm1(-v);
}
}  // namespace

double secondVirialCoefficient(const ReducedPairPotential& V, double radius,
                               const PairPotentialScales& scales) {
  if (!(radius > 0.0)) throw std::invalid_argument("second virial coefficient: radius <= 0");
  const double a2 = 2.0 * radius, hc = scales.contactGap;
  const double scale = scales.lengthScale > 0.0 ? std::min(scales.lengthScale, radius) : radius;
  const double hLo = hc > 0.0 ? hc : scale * std::ldexp(1.0, -30);
  const double hHi = 2e4 * std::max({radius, scales.range, hc});
  const double core = 2.0 * constants::pi / 3.0 * std::pow(a2 + hc, 3);
  const double absTol = kRelTol * std::pow(a2 + std::max(scales.range, hc), 3);

  double integral = 0.0;
  if (hc <= 0.0) {  // [0, hLo] in h
    const auto inGap = [&](double h) {
      const double r = a2 + h;
      return mayerMinus(V(h)) * r * r;
    };
    integral += integrateAdaptive(inGap, {0.0, hLo}, kRelTol, absTol, "B2 near contact").value;
  }
  std::vector<double> cuts;
  for (double h = hLo; h < hHi; h *= 2.0) cuts.push_back(std::log(h));
  cuts.push_back(std::log(hHi));
  for (double b : scales.breakpoints)
    if (b > hLo && b < hHi) cuts.push_back(std::log(b));
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  const auto inLogGap = [&](double t) {
    const double h = std::exp(t), r = a2 + h;
    return mayerMinus(V(h)) * r * r * h;
  };
  integral += integrateAdaptive(inLogGap, cuts, kRelTol, absTol, "B2").value;
  return core + 2.0 * constants::pi * integral;
}

SecondVirialResult secondVirial(const DispersionPairPotential& V) {
  SecondVirialResult r;
  r.b2 = secondVirialCoefficient(V.reduced(), V.coreRadius(), V.scales());
  r.hardSphere = 16.0 * constants::pi / 3.0 * std::pow(V.effectiveRadius(), 3);
  r.reduced = r.b2 / r.hardSphere;
  return r;
}

}  // namespace proscale
