#include "models/pbe/SlopeLimiter.h"

#include <algorithm>
#include <cmath>

namespace proscale {

GrowthScheme schemeNamed(const std::string& name) {
  return name == "upwind"       ? GrowthScheme::Upwind
         : name == "minmod"     ? GrowthScheme::Minmod
         : name == "van-albada" ? GrowthScheme::VanAlbada
                                : GrowthScheme::VanLeer;
}

double limitedSlope(GrowthScheme scheme, double a, double b, double eps, double& dA,
                    double& dB) {
  dA = dB = 0.0;
  if (scheme == GrowthScheme::Upwind) return 0.0;
  if (scheme == GrowthScheme::VanAlbada) {
    // ab(a + b)/(a^2 + b^2 + eps^2) for either sign (van Albada, van Leer & Roberts 1982,
    // with eps in the denominator only): smooth everywhere, so the right-hand side has no kink
    // where a slope changes sign (the TVD limiters switch to first order there; on a near-flat
    // profile the stiff classes then chatter across the switch and BDF is held to steps of
    // their time scale). Not TVD at extrema: the slope takes the sign of the smaller
    // difference, bounded by it. eps: differences of the size of the absolute tolerance give
    // slope ~ 0 instead of a response of order one to their signs (homogeneous of degree one
    // at a = b = 0); above it the slope is van Albada's to (eps/a)^2.
    const double m = std::max({std::abs(a), std::abs(b), eps});  // scaled: a^4 may overflow
    if (m == 0.0 || !std::isfinite(m)) return 0.0;
    const double x = a / m, y = b / m, e = eps / m;
    const double S = x * x + y * y + e * e, num = x * y * (x + y);
    dA = ((2.0 * x * y + y * y) * S - 2.0 * x * num) / (S * S);
    dB = ((2.0 * x * y + x * x) * S - 2.0 * y * num) / (S * S);
    return m * (num / S);
  }
  if (a * b <= 0.0) return 0.0;
  if (scheme == GrowthScheme::VanLeer) {  // harmonic mean 2ab/(a+b) (van Leer 1974)
    const double s = a + b;
    dA = 2.0 * b * b / (s * s);
    dB = 2.0 * a * a / (s * s);
    return 2.0 * a * b / s;
  }
  if (std::abs(a) < std::abs(b)) {  // minmod (Roe 1986)
    dA = 1.0;
    return a;
  }
  dB = 1.0;
  return b;
}

}  // namespace proscale
