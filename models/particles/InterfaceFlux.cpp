#include "models/particles/InterfaceFlux.h"

#include <algorithm>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "core/Errors.h"
#include "core/NumberFormat.h"

namespace proscale {
namespace {
// Roots to 2^-44 relative (~6e-14): far below any rate tolerance, a few Newton steps.
constexpr int kDigits = 44;
constexpr std::uintmax_t kMaxIterations = 100;

/// The formula species as the flux sees them.
struct Ions {
  std::size_t n = 0;
  std::array<double, kMaxFormulaIons> nu{}, c{};
  double nuSum = 1.0;
  explicit Ions(const DrivingForce& f) : n(f.ions), nuSum(f.nu) {
    for (std::size_t i = 0; i < n; ++i) {
      nu[i] = f.ionNu[i];
      c[i] = std::max(f.ionC[i], std::numeric_limits<double>::min());
    }
  }
  /// Largest u the interface allows (the limiting ion at zero).
  double uMax() const {
    double m = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) m = std::min(m, c[i] / nu[i]);
    return m;
  }
  /// ln Q(u) and D1 = -d ln Q/du.
  std::pair<double, double> lnQ(double u) const {
    double value = 0.0, slope = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const double cs = c[i] - nu[i] * u;
      value += nu[i] * std::log(cs / nu[i]);
      slope += nu[i] * nu[i] / cs;
    }
    return {value / nuSum, slope / nuSum};
  }
  /// d ln Q / d ln c_f at fixed u.
  double dLnQdLnIon(std::size_t i, double u) const {
    return nu[i] * c[i] / (nuSum * (c[i] - nu[i] * u));
  }
};

/// Newton with bisection safeguard inside [lo, hi] (Boost.Math). A state where no root can be
/// bracketed (non-finite inputs) is recoverable: the solver retries with a smaller step.
template <class F>
double root(F f, double guess, double lo, double hi) {
  if (!(lo <= hi) || !std::isfinite(lo) || !std::isfinite(hi))
    throw RecoverableError("interface flux: no bracket for the root (u in [" +
                           formatNumber(lo) + ", " + formatNumber(hi) + "])");
  std::uintmax_t iterations = kMaxIterations;
  try {
    return boost::math::tools::newton_raphson_iterate(f, guess, lo, hi, kDigits, iterations);
  } catch (const std::exception& e) {
    throw RecoverableError(std::string("interface flux: ") + e.what());
  }
}

double diffusionRoot(const Ions& ions, double lnCeq) {
  // Closed forms: one species, Q = c_1/nu_1 - u; a 1:1 salt, the smaller root of
  // (a - u)(b - u) = c_eq^2 written without cancellation.
  if (ions.n == 1) return ions.c[0] / ions.nu[0] - std::exp(lnCeq);
  if (ions.n == 2 && ions.nu[0] == 1.0 && ions.nu[1] == 1.0) {
    const double a = ions.c[0], b = ions.c[1], cEq = std::exp(lnCeq);
    return 2.0 * (a * b - cEq * cEq) / ((a + b) + std::sqrt((a - b) * (a - b) + 4.0 * cEq * cEq));
  }
  const double uMax = ions.uMax();
  const double phi0 = ions.lnQ(0.0).first - lnCeq;
  if (phi0 == 0.0) return 0.0;
  double lo, hi;
  if (phi0 > 0.0) {
    lo = 0.0;
    hi = uMax * (1.0 - 1e-15);
    if (ions.lnQ(hi).first - lnCeq >= 0.0) return hi;  // the limiting ion is used up
  } else {
    lo = -std::exp(lnCeq);  // Q(-c_eq) >= c_eq
    hi = 0.0;
  }
  auto phi = [&](double u) {
    const auto [value, d1] = ions.lnQ(u);
    return std::make_pair(value - lnCeq, -d1);
  };
  if (phi(lo).first * phi(hi).first > 0.0)  // no bracket within round-off: the better end
    return std::abs(phi(lo).first) <= std::abs(phi(hi).first) ? lo : hi;
  return root(phi, 0.5 * (lo + hi), lo, hi);
}
}  // namespace

namespace {
// |x|^g; the common integer orders without pow (whose general path, exp(g ln x), dominated
// the interface roots' cost). x*x is the correctly rounded square, as pow's result is.
double powerOf(double x, double g) {
  if (g == 2.0) return x * x;
  if (g == 1.0) return x;
  return std::pow(x, g);
}
}  // namespace

double IntegrationLaw::rate(double Ss) const {
  const double x = Ss - 1.0;
  return x >= 0.0 ? rateConstant * powerOf(x, order) : -rateConstant * powerOf(-x, order);
}

double IntegrationLaw::slope(double Ss) const {
  return rateConstant * order * powerOf(std::abs(Ss - 1.0), order - 1.0);
}

InterfaceFlux diffusionControlledFlux(const DrivingForce& f, double cEq) {
  const Ions ions(f);
  InterfaceFlux r;
  r.u = diffusionRoot(ions, std::log(cEq));
  const double d1 = ions.lnQ(r.u).second;  // d(phi)/du = -d1; du/d theta = (d phi/d theta)/d1
  r.dLnCeq = -1.0 / d1;
  for (std::size_t i = 0; i < ions.n; ++i) r.dLnIon[i] = ions.dLnQdLnIon(i, r.u) / d1;
  return r;
}

InterfaceFlux mixedControlFlux(const DrivingForce& f, double cEq, double kd,
                               const IntegrationLaw& law) {
  const Ions ions(f);
  const double lnCeq = std::log(cEq);
  const double uDiffusion = diffusionRoot(ions, lnCeq);
  // psi(u) = k_d u - J_int(S_s(u)) with J_int = G_int / (2 V_m), increasing in u; its root
  // lies between 0 (psi <= 0 when growing) and the diffusion-controlled root (S_s = 1).
  const double toFlux = 1.0 / (2.0 * f.molarVolume);
  auto interface = [&](double u) {
    const auto [lnQ, d1] = ions.lnQ(u);
    const double Ss = std::exp(lnQ - lnCeq);
    return std::make_tuple(Ss, d1, law.slope(Ss) * toFlux);
  };
  InterfaceFlux r;
  if (uDiffusion != 0.0) {
    auto psi = [&](double u) {
      const auto [Ss, d1, dJ] = interface(u);
      return std::make_pair(kd * u - law.rate(Ss) * toFlux, kd + dJ * Ss * d1);
    };
    const double lo = std::min(0.0, uDiffusion), hi = std::max(0.0, uDiffusion);
    const double psiZero = psi(0.0).first;  // -J_int(S_s(0)): one end of the bracket
    const double psiLo = lo == 0.0 ? psiZero : psi(lo).first;
    const double psiHi = hi == 0.0 ? psiZero : psi(hi).first;
    if (psiLo == 0.0 || psiHi == 0.0 || (psiLo > 0.0) == (psiHi > 0.0)) {
      // Within round-off of saturation the two ends need not bracket: take the better end.
      r.u = std::abs(psiLo) <= std::abs(psiHi) ? lo : hi;
    } else {
      // Start from the series-resistance estimate of a linear law.
      const double J0 = -psiZero;
      const double guess = std::clamp(J0 / kd * uDiffusion / (uDiffusion + J0 / kd), lo, hi);
      r.u = root(psi, std::isfinite(guess) ? guess : 0.5 * (lo + hi), lo, hi);
    }
  }
  const auto [Ss, d1, dJ] = interface(r.u);
  const double dPsidU = kd + dJ * Ss * d1;
  r.dLnCeq = -dJ * Ss / dPsidU;  // d psi/d ln c_eq = dJ S_s
  for (std::size_t i = 0; i < ions.n; ++i)
    r.dLnIon[i] = dJ * Ss * ions.dLnQdLnIon(i, r.u) / dPsidU;
  return r;
}

}  // namespace proscale
