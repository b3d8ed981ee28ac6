#pragma once
// Ionic product (ionization constant) of water, molality basis, by the Bandura-Lvov equation.
// Source: IAPWS R11-24, "Revised Release on the Ionization Constant of H2O" (2024), which
// keeps the form of IAPWS R11-07(2019) (Bandura & Lvov, J. Phys. Chem. Ref. Data 35 (2006) 15)
// and its ideal-gas term and changes the alpha and beta coefficients (cf. the revised
// Bandura-Lvov parameters of Arcis et al., J. Phys. Chem. Ref. Data 49 (2020),
// doi:10.1063/1.5127662). With rho in g/cm^3 (rho / rho0, rho0 = 1 g/cm^3) and T in K:
//   pK_w = -2 n [log10(1 + Q) - Q / (Q + 1) rho (beta0 + beta1 / T + beta2 rho)]
//          + pK_w^G + 2 log10(m0 M_w),
//   Q = rho exp(alpha0 + alpha1 / T + alpha2 rho^(2/3) / T^2),
//   pK_w^G = gamma0 + gamma1 / T + gamma2 / T^2 + gamma3 / T^3  (ideal-gas ionization),
//   n = 6, m0 = 1 mol/kg, M_w = 18.015268 g/mol (so m0 M_w = 0.018015268).
// Coefficients (release Table 1):
//             R11-24 (default)        R11-07 (2007/2019)
//   alpha0    -0.702132               -0.864671
//   alpha1     8681.05 K               8659.19 K
//   alpha2    -24145.1 K^2            -22786.2 K^2          ((g/cm^3)^(-2/3))
//   beta0      0.813876                0.642044             (cm^3/g)
//   beta1     -51.4471 K              -56.8534 K            (cm^3/g)
//   beta2     -0.469920               -0.375754             (cm^6/g^2)
//   gamma0..3  0.61415, 48251.33 K, -67707.93 K^2, 10102100 K^3 (both)
// K_w is in (mol/kg)^2; pK_w = -log10(K_w / (mol/kg)^2).
//
// Range: R11-24 273.15-1273.15 K (0-1000 degC), 0 <= rho <= 1250 kg/m^3; R11-07 273.15-1073.15 K
// (0-800 degC), same densities. A function of (T, rho) only: no equation of state is called.
// Outside: RecoverableError naming the range. docs/theory/water.md.
namespace proscale {

/// pK_w = -log10(K_w / (mol/kg)^2) at T [K], rho [kg/m^3], IAPWS R11-24.
double waterPKw(double T, double rho);
/// The same with the coefficients of IAPWS R11-07 (kept to compare with older results).
double waterPKwIapws2007(double T, double rho);

namespace iapwsIonization {
inline constexpr double Tmin = 273.15;       ///< [K]
inline constexpr double Tmax2024 = 1273.15;  ///< [K]
inline constexpr double Tmax2007 = 1073.15;  ///< [K]
inline constexpr double rhoMax = 1250.0;     ///< [kg/m^3]
}  // namespace iapwsIonization

}  // namespace proscale
