#include "models/particles/GrowthFluctuations.h"

#include <cmath>

#include "core/Constants.h"

namespace proscale {
namespace {
/// Half-width of the interpolated band around equilibrium, in ln(S/S_eq).
constexpr double kBand = 1e-4;

/// E = G / x and its slopes from G and its slopes at x (|x| >= kBand).
RateAndSlopes ratio(const RateAndSlopes& G, double x) {
  RateAndSlopes E;
  E.value = G.value / x;
  if (!(E.value > 0.0)) return {};
  E.dLnS = (G.dLnS - E.value) / x;  // dx/d ln S = 1
  E.dLnC = G.dLnC / x;
  for (std::size_t i = 0; i < kMaxFormulaIons; ++i) E.dLnIon[i] = G.dLnIon[i] / x;
  return E;
}
}  // namespace

RateAndSlopes exchangeRate(const std::function<RateAndSlopes(const DrivingForce&)>& growthAt,
                           const DrivingForce& f, double lnEquilibriumRatio,
                           const RateAndSlopes& G) {
  const double x = f.lnS - lnEquilibriumRatio;
  if (std::abs(x) >= kBand) return ratio(G, x);
  DrivingForce below = f, above = f;
  below.lnS = lnEquilibriumRatio - kBand;
  above.lnS = lnEquilibriumRatio + kBand;
  const RateAndSlopes lo = ratio(growthAt(below), -kBand), hi = ratio(growthAt(above), kBand);
  const double t = (x + kBand) / (2.0 * kBand);
  RateAndSlopes E;
  E.value = (1.0 - t) * lo.value + t * hi.value;
  E.dLnS = (hi.value - lo.value) / (2.0 * kBand);  // the interpolant's own slope in x
  E.dLnC = (1.0 - t) * lo.dLnC + t * hi.dLnC;
  for (std::size_t i = 0; i < kMaxFormulaIons; ++i)
    E.dLnIon[i] = (1.0 - t) * lo.dLnIon[i] + t * hi.dLnIon[i];
  return E;
}

double sizeStepPerSpecies(const DrivingForce& f, double L, double shapeFactor) {
  const double vm = f.molarVolume / constants::NA;
  return vm / (3.0 * shapeFactor * L * L * f.nu);
}

}  // namespace proscale
