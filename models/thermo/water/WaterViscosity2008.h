#pragma once
// Dynamic viscosity of ordinary water by the IAPWS Formulation 2008. Source: IAPWS R12-08,
// "Release on the IAPWS Formulation 2008 for the Viscosity of Ordinary Water Substance";
// Huber et al., J. Phys. Chem. Ref. Data 38 (2009) 101. Reduced variables (eqs. 1-4):
//   Tbar = T / 647.096 K, rhobar = rho / 322 kg/m^3, pbar = p / 22.064 MPa, mu* = 1e-6 Pa s;
//   mu / mu* = mu0(Tbar) * mu1(Tbar, rhobar) * mu2(Tbar, rhobar)                   (eq. 10)
//   mu0 = 100 sqrt(Tbar) / sum_{i=0..3} H_i / Tbar^i                    (eq. 11, Table 1)
//   mu1 = exp[rhobar sum_{i=0..5} sum_{j=0..6} H_ij (1/Tbar - 1)^i (rhobar - 1)^j]
//                                                                       (eq. 12, Table 2)
//   mu2 = exp(x_mu Y), the critical enhancement (eqs. 14-21, Table 3): Y(xi) from the
//   correlation length xi = xi0 (Delta chi / Gamma0)^(nu/gamma),
//   Delta chi = rhobar [zeta(Tbar, rhobar) - zeta(Tbar_R, rhobar) Tbar_R / Tbar] (0 if < 0),
//   zeta = (d rhobar / d pbar)_T from IAPWS-95 (iapws95FromTRho), Tbar_R = 1.5.
// For industrial use the release sets mu2 = 1: waterViscosityIapws2008NoCritical.
//
// Range (the release's range of validity), in (T, p):
//   p <= 300 MPa: T_m(p) <= T <= 1173.15 K;   300 < p <= 350 MPa: T <= 873.15 K;
//   350 < p <= 500 MPa: T <= 433.15 K;         500 < p <= 1000 MPa: T <= 373.15 K.
// These functions take (T, rho); they compute p = p(T, rho) by IAPWS-95 and check those bands
// (with 1e-5 relative slack on each pressure bound, so that a state at a bound computed from a
// rounded density passes). The melting curve T_m(p) is not in proscale: the lower bound checked
// is its lowest temperature, 251.165 K (ice Ih-III-liquid triple point, IAPWS R14-08), so
// supercooled liquid above it is accepted (the release: the equation extrapolates reasonably
// into metastable states). Outside: RecoverableError naming the range. rho = 0 (dilute-gas
// limit) is accepted. Units: K, kg/m^3, Pa s. docs/theory/water.md.
namespace proscale {

/// mu [Pa s] at T [K], rho [kg/m^3] with the critical enhancement mu2 (eq. 10 in full).
double waterViscosityIapws2008(double T, double rho);
/// mu [Pa s] with mu2 = 1 (the release's industrial form; no IAPWS-95 derivatives needed).
double waterViscosityIapws2008NoCritical(double T, double rho);

namespace iapws2008 {
inline constexpr double TmaxViscosity = 1173.15;   ///< [K] up to 300 MPa
inline constexpr double TminViscosity = 251.165;   ///< [K] lowest melting temperature
inline constexpr double pmaxViscosity = 1000e6;    ///< [Pa]

/// Throws RecoverableError when (T, rho) lies outside the release's range (see above).
void checkViscosityRange(double T, double rho);

/// The parts of eq. 10, without a range check: mu0 [-] (eq. 11), mu1 [-] (eq. 12) and
/// mu2 [-] (eqs. 14-21) from (d rho / d p)_T at (T, rho) and at (1.5 Tc, rho) [kg/(m^3 Pa)].
double viscosityDilute(double T);
double viscosityDensityFactor(double T, double rho);
double viscosityCriticalFactor(double T, double rho, double drhodpAtT, double drhodpAtTR);

/// mu [Pa s] with mu2, no range check, from the two compressibilities above (the thermal
/// conductivity 2011 needs the viscosity at states outside the viscosity's own range).
double viscosityWithCritical(double T, double rho, double drhodpAtT, double drhodpAtTR);

/// (d rho / d p)_T [kg/(m^3 Pa)] at the reference temperature 1.5 Tc and density rho, by
/// IAPWS-95 (the zeta(Tbar_R) term of eq. 21 and of the conductivity's eq. 20).
double compressibilityAtReferenceTemperature(double rho);
}  // namespace iapws2008

}  // namespace proscale
