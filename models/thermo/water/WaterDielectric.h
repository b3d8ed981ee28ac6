#pragma once
// Static dielectric constant (relative permittivity) of ordinary water. Source: IAPWS R8-97,
// "Release on the Static Dielectric Constant of Ordinary Water Substance for Temperatures from
// 238 K to 873 K and Pressures up to 1000 MPa"; Fernandez et al., J. Phys. Chem. Ref. Data 26
// (1997) 1125. The Harris-Alder g-factor with delta = rho / rho_c, tau = T_c / T:
//   g = 1 + sum_{k=1..11} N_k delta^{i_k} tau^{j_k} + N_12 delta (T / 228 K - 1)^(-q),
//       q = 1.2 (release Table 1: N_k, i_k, j_k),
//   A = N_A mu^2 rho g / (M eps0 k T),   B = N_A alpha rho / (3 M eps0),
//   eps = [1 + A + 5B + sqrt(9 + 2A + 18B + A^2 + 10AB + 9B^2)] / [4 (1 - B)],
// with the release's constants (CODATA 1986 values for N_A and k, kept so that the check
// values are reproduced): mu = 6.138e-30 C m (dipole moment), alpha = 1.636e-40 C^2/(J m^2)
// (mean molecular polarizability), N_A = 6.0221367e23 1/mol, k = 1.380658e-23 J/K,
// eps0 = 8.854187817e-12 C^2/(J m), M = 0.018015268 kg/mol, T_c = 647.096 K,
// rho_c = 322 kg/m^3.
//
// Range (release title and scope): 238 K <= T <= 873 K, p <= 1000 MPa, the stable fluid plus
// supercooled liquid down to 238 K. The function takes (T, rho); p = p(T, rho) comes from
// IAPWS-95 (1e-5 relative slack on the 1000 MPa bound so that a state at the bound computed
// from a rounded density passes). rho = 0 gives eps = 1. Outside: RecoverableError naming the
// range. Note proscale's water range reaches 1073.15 K: above 873 K this function throws.
// Units: K, kg/m^3. docs/theory/water.md.
namespace proscale {

/// Relative static permittivity [-] at T [K], rho [kg/m^3].
double waterDielectricConstant(double T, double rho);

namespace iapws1997 {
inline constexpr double TminDielectric = 238.0, TmaxDielectric = 873.0;  ///< [K]
inline constexpr double pmaxDielectric = 1000e6;                         ///< [Pa]
/// The same equations without the range check (no IAPWS-95 call).
double dielectricConstantUnchecked(double T, double rho);
/// The Harris-Alder g-factor [-].
double harrisAlderG(double T, double rho);
}  // namespace iapws1997

}  // namespace proscale
