#pragma once
// What IAPWS R12-08 (viscosity) and R15-11 (thermal conductivity) share:
//  * the range checks: T and rho first, then the release's pressure bands (each band's
//    highest temperature), with p = p_IAPWS-95(T, rho);
//  * the background factor exp(rhobar sum_i sum_j C_ij (1/Tbar - 1)^i (rhobar - 1)^j)
//    (R12-08 eq. 12, R15-11 eq. 17);
//  * the correlation length of the critical enhancement (R12-08 eqs. 20-21, R15-11 eqs. 21-22):
//    xi = xi0 (Delta chi / Gamma0)^(nu/gamma),
//    Delta chi = rhobar [zeta(T) - zeta(T_R) T_R / T],  zeta = (p_c/rho_c) (drho/dp)_T,
//    xi0 = 0.13 nm, Gamma0 = 0.06, nu = 0.630, gamma = 1.239, T_R = 1.5 T_c.
#include <cmath>
#include <span>
#include <string>

#include "models/thermo/water/Iapws95.h"

namespace proscale::iapws_transport {

struct PressureBand {
  double pmax, Tmax;  ///< [Pa], [K]
};

/// A release's validity range; `name` and `text` go into the RecoverableError.
struct Range {
  const char* name;  ///< e.g. "IAPWS 2008 viscosity"
  const char* text;  ///< e.g. "251.165-1173.15 K up to 300 MPa, ..."
  double Tmin, Tmax;
  std::span<const PressureBand> bands;  ///< ascending in pmax; the last one's pmax is the top
};

/// RecoverableError naming the release and its range unless Tmin <= T <= Tmax and rho >= 0.
void checkTemperatureAndDensity(const Range& r, double T, double rho);
/// RecoverableError unless p <= the top pressure and T <= Tmax of the first band that holds p
/// (1e-5 relative slack on p: p(T, rho) of a state given at a band's edge carries round-off).
void checkPressure(const Range& r, double T, double p);
/// Both, with p from IAPWS-95 at (T, rho) (none for rho = 0).
void checkRange(const Range& r, double T, double rho);

/// exp(rhobar sum_i sum_j C[i][j] (1/Tbar - 1)^i (rhobar - 1)^j).
template <std::size_t Rows, std::size_t Cols>
double backgroundFactor(double T, double rho, const double (&C)[Rows][Cols]) {
  const double x = iapws95::Tc / T - 1.0, rhobar = rho / iapws95::rhoc, y = rhobar - 1.0;
  double sum = 0.0, xi = 1.0;
  for (const auto& row : C) {
    double inner = 0.0, yj = 1.0;
    for (double c : row) {
      inner += c * yj;
      yj *= y;
    }
    sum += xi * inner;
    xi *= x;
  }
  return std::exp(rhobar * sum);
}

inline constexpr double kReducedReferenceTemperature = 1.5;  ///< T_R / T_c

/// xi [nm]; 0 where Delta chi <= 0 (no enhancement). drhodp at T and at T_R = 1.5 T_c, both at
/// rho [kg/(m^3 Pa)].
double correlationLength(double T, double rho, double drhodpAtT, double drhodpAtTR);

}  // namespace proscale::iapws_transport
