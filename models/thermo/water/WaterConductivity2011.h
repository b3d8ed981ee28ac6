#pragma once
// Thermal conductivity of ordinary water by the IAPWS Formulation 2011. Source: IAPWS R15-11,
// "Release on the IAPWS Formulation 2011 for the Thermal Conductivity of Ordinary Water
// Substance"; Huber et al., J. Phys. Chem. Ref. Data 41 (2012) 033102. Reduced variables:
//   Tbar = T / 647.096 K, rhobar = rho / 322 kg/m^3, pbar = p / 22.064 MPa,
//   lambda* = 1e-3 W/(m K), mu* = 1e-6 Pa s, cpbar = cp / R, R = 0.46151805 kJ/(kg K);
//   lambda / lambda* = lambda0(Tbar) * lambda1(Tbar, rhobar) + lambda2(Tbar, rhobar)  (eq. 10)
//   lambda0 = sqrt(Tbar) / sum_{k=0..4} L_k / Tbar^k                    (eq. 16, Table 1)
//   lambda1 = exp[rhobar sum_{i=0..4} (1/Tbar - 1)^i sum_{j=0..5} L_ij (rhobar - 1)^j]
//                                                                       (eq. 17, Table 2)
//   lambda2 = Lambda rhobar cpbar Tbar / mubar * Z(y),  Lambda = 177.8514          (eq. 18)
//   Z(y) = 2/(pi y) {[(1 - 1/kappa) arctan y + y/kappa]
//                    - [1 - exp(-1 / (1/y + y^2 / (3 rhobar^2)))]},  kappa = cp/cv  (eq. 19)
//   y = qD xi, qD = 1/(0.40 nm); Z = 0 for y < 1.2e-7                               (eq. 20)
//   xi = xi0 (Delta chi / Gamma0)^(nu/gamma), Delta chi = rhobar [zeta(T) - zeta(T_R) T_R/T],
//   zeta = (d rhobar / d pbar)_T, Tbar_R = 1.5, xi0 = 0.13 nm, Gamma0 = 0.06, nu = 0.630,
//   gamma = 1.239 (the same correlation length as the viscosity's, eqs. 21-22 of R15-11);
// cp, cv and (d rho / d p)_T from IAPWS-95 (iapws95FromTRho); mubar from the IAPWS 2008
// viscosity with its critical enhancement (WaterViscosity2008.h), as the release specifies.
// lambda2 = 0 ("...NoCritical") is the release's choice outside the critical region.
//
// Range (the release's range of validity), in (T, p):
//   p <= 100 MPa: T_m(p) <= T <= 1173.15 K;   100 < p <= 250 MPa: T <= 874 K;
//   250 < p <= 687 MPa: T <= 573 K;   687 < p <= 785 MPa: T <= 403 K;
//   785 < p <= 1000 MPa: T <= 348 K.
// As for the viscosity (WaterViscosity2008.h): p = p(T, rho) by IAPWS-95 with 1e-5 relative
// slack on each pressure bound, and the melting curve replaced by its lowest temperature,
// 251.165 K; rho = 0 (dilute gas) accepted. Outside: RecoverableError naming the range.
// Units: K, kg/m^3, W/(m K). docs/theory/water.md.
namespace proscale {

/// lambda [W/(m K)] at T [K], rho [kg/m^3] with the critical enhancement lambda2.
double waterConductivityIapws2011(double T, double rho);
/// lambda [W/(m K)] with lambda2 = 0 (lambda0 lambda1 only; no IAPWS-95 derivatives).
double waterConductivityIapws2011NoCritical(double T, double rho);

namespace iapws2011 {
inline constexpr double TmaxConductivity = 1173.15;  ///< [K] up to 100 MPa
inline constexpr double TminConductivity = 251.165;  ///< [K] lowest melting temperature
inline constexpr double pmaxConductivity = 1000e6;   ///< [Pa]

/// Throws RecoverableError when (T, rho) lies outside the release's range (see above).
void checkConductivityRange(double T, double rho);

/// The parts of eq. 10 without a range check: lambda0 [-] (eq. 16), lambda1 [-] (eq. 17).
double conductivityDilute(double T);
double conductivityDensityFactor(double T, double rho);
/// lambda2 [-] (eqs. 18-22) from the IAPWS-95 state at (T, rho), (d rho/d p)_T at
/// (1.5 Tc, rho) [kg/(m^3 Pa)] and the viscosity mu [Pa s].
double conductivityCriticalEnhancement(double T, double rho, double cp, double cv,
                                       double drhodpAtT, double drhodpAtTR, double mu);
}  // namespace iapws2011

}  // namespace proscale
