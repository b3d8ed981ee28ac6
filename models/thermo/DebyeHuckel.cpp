#include "models/thermo/DebyeHuckel.h"

#include <cmath>

namespace proscale {

double waterPermittivity(double T) {
  // Malmberg & Maryott, J. Res. Natl. Bur. Stand. 56 (1956) 1-8, eq. for 0-100 degC.
  const double t = T - 273.15;
  return 87.740 - 0.40008 * t + 9.398e-4 * t * t - 1.410e-6 * t * t * t;
}

double debyeHuckelA(double T) {
  // A = 1.82483e6 sqrt(rho_w [g/cm^3]) / (eps_r T)^(3/2)  (Robinson & Stokes, Electrolyte
  // Solutions, 2nd ed., 1959, ch. 7). rho_w = 0.997 g/cm^3 (25 degC) is kept constant: its
  // variation over 0-100 degC changes A by < 2 %.
  const double eps = waterPermittivity(T);
  return 1.82483e6 * std::sqrt(0.997) / std::pow(eps * T, 1.5);
}

}  // namespace proscale
