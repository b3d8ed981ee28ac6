#pragma once
// Water and steam by the IAPWS-95 formulation: the Helmholtz free energy
//   f(rho, T) / (R T) = phi(delta, tau) = phi0(delta, tau) + phir(delta, tau),
//   delta = rho / rho_c,  tau = T_c / T,
// its ideal-gas part phi0 (release Table 1, eq. 5) and residual part phir (Table 2, eq. 6),
// and every property from their derivatives (Table 3). Source: IAPWS R6-95(2018), "Revised
// Release on the IAPWS Formulation 1995 for the Thermodynamic Properties of Ordinary Water
// Substance for General and Scientific Use"; Wagner & Pruss, J. Phys. Chem. Ref. Data 31
// (2002) 387. SI units throughout: K, kg/m^3, Pa, J/kg, J/(kg K), m/s.
// docs/theory/water.md.
// Implementation: Iapws95Helmholtz.cpp (phi0, phir), Iapws95.cpp (properties, (T, p) solve),
// Iapws95Saturation.cpp (auxiliary equations, Maxwell criterion).
#include <array>

namespace proscale {

namespace iapws95 {
inline constexpr double Tc = 647.096;           ///< critical temperature [K]
inline constexpr double rhoc = 322.0;           ///< critical density [kg/m^3]
inline constexpr double pc = 22.064e6;          ///< critical pressure [Pa] (from the EOS)
inline constexpr double R = 461.51805;          ///< specific gas constant [J/(kg K)]
inline constexpr double molarMass = 18.015268e-3;  ///< [kg/mol]
inline constexpr double Ttriple = 273.16;       ///< triple-point temperature [K]
/// The (T, p) domain proscale uses the formulation in (0-800 degC, up to 100 MPa); the
/// release itself is valid to 1273 K and 1000 GPa.
inline constexpr double Tmin = 273.15, Tmax = 1073.15, pmax = 100e6;
}  // namespace iapws95

/// A dimensionless Helmholtz function phi and its derivatives in delta (d) and tau (t).
struct HelmholtzDerivatives {
  double phi = 0, d = 0, dd = 0, t = 0, tt = 0, dt = 0;
};

/// Ideal-gas part phi0 at (delta, tau) (release eq. 5 and Table 4).
HelmholtzDerivatives iapws95Ideal(double delta, double tau);
/// Residual part phir at (delta, tau) (release eq. 6 and Table 5). At the critical point
/// itself (delta = tau = 1) the delta and mixed derivatives take their limits (0 for the
/// non-analytic terms) and tt is -infinity (the non-analytic terms make cv diverge there).
HelmholtzDerivatives iapws95Residual(double delta, double tau);

/// phir and its delta derivatives along one isotherm: the tau-only factors of the 56 terms
/// (n_i tau^t_i, the Gaussian and non-analytic tau factors) are computed once in the
/// constructor, so that each call of at(delta) costs the delta powers and the exponentials of
/// delta only. For the density Newton iterations of the (T, p) solve and of the saturation
/// solve. at(delta) equals iapws95Residual(delta, tau)'s phi, d, dd to round-off.
class Iapws95ResidualIsotherm {
 public:
  struct DeltaDerivatives {
    double phi = 0, d = 0, dd = 0;
  };
  explicit Iapws95ResidualIsotherm(double tau);
  DeltaDerivatives at(double delta) const;
  double tau() const { return m_tau; }

 private:
  double m_tau;
  std::array<double, 51> m_ntau{};        ///< n_i tau^t_i, terms 1-51
  std::array<double, 3> m_gaussTau{};     ///< n_i tau^t_i exp(-beta_i (tau - gamma_i)^2), 52-54
  std::array<double, 2> m_psiTau{};       ///< exp(-D_i (tau - 1)^2), terms 55-56
  std::array<double, 2> m_logPsiTau{};    ///< -D_i (tau - 1)^2
};

/// Pressure [Pa] at (T, rho) from phir alone (release Table 3): rho R T (1 + delta phir_d).
double iapws95Pressure(double T, double rho);

enum class WaterPhase { Liquid, Vapour, Supercritical };
const char* phaseName(WaterPhase phase);  ///< "liquid", "vapour", "supercritical"

/// A single-phase state and its properties (release Table 3).
struct WaterState {
  double T = 0;         ///< temperature [K]
  double rho = 0;       ///< density [kg/m^3]
  double p = 0;         ///< pressure [Pa]
  double u = 0;         ///< specific internal energy [J/kg]
  double h = 0;         ///< specific enthalpy [J/kg]
  double s = 0;         ///< specific entropy [J/(kg K)]
  double cv = 0;        ///< isochoric heat capacity [J/(kg K)]
  double cp = 0;        ///< isobaric heat capacity [J/(kg K)]
  double w = 0;         ///< speed of sound [m/s]
  double dpdrho = 0;    ///< (dp/drho)_T [Pa m^3/kg]
  double dpdT = 0;      ///< (dp/dT)_rho [Pa/K]
  WaterPhase phase = WaterPhase::Liquid;
};

/// Properties at temperature T [K] and density rho [kg/m^3] (any T > 0, rho > 0: no range
/// check; the phase is Supercritical at and above Tc, else Liquid for rho above the critical
/// density and Vapour below; inside the two-phase dome the state is the metastable/unstable
/// continuation). At the critical point itself cv, cp and w are not finite (cv diverges).
WaterState iapws95FromTRho(double T, double rho);

/// The auxiliary saturation equations of Wagner & Pruss (2002), eqs. 2.5 (pressure [Pa]),
/// 2.6 (liquid density) and 2.7 (vapour density) [kg/m^3], for Ttriple <= T <= Tc (no range
/// check; they stay finite down to Tmin). They agree with the Maxwell criterion of IAPWS-95 to
/// 7.2e-5 relative in pressure (273.15 K - Tc) and to 0.6% in the densities (largest near Tc);
/// used for starting values and phase decisions.
double iapws95AuxSaturationPressure(double T);
double iapws95AuxLiquidDensity(double T);
double iapws95AuxVapourDensity(double T);

/// The liquid-vapour saturation state at T (Ttriple - 1 K <= T < Tc, else RecoverableError): the
/// Maxwell criterion p = p(rho', T) = p(rho'', T) and equal Gibbs energies, solved by Newton to
/// round-off (converges to within 1e-5 K of Tc; closer, the auxiliary equations' values are
/// returned). p is the vapour side's pressure.
struct SaturationState {
  double T = 0, p = 0;             ///< [K], [Pa]
  double rhoLiquid = 0, rhoVapour = 0;  ///< [kg/m^3]
  double hLiquid = 0, hVapour = 0;      ///< [J/kg]
  double sLiquid = 0, sVapour = 0;      ///< [J/(kg K)]
};
SaturationState iapws95Saturation(double T);
/// Saturation temperature [K] at pressure p [Pa] (611.2 Pa <= p < pc, else RecoverableError):
/// Newton with the Clausius-Clapeyron slope on iapws95Saturation(T).p = p.
double iapws95SaturationTemperature(double p);

/// The stable single-phase state at (T, p): density by safeguarded Newton on p(rho, T) = p on
/// the stable branch (liquid when p > p_sat(T), vapour when below, one branch above Tc).
/// Throws RecoverableError naming the range when T or p lies outside
/// [iapws95::Tmin, iapws95::Tmax] x (0, iapws95::pmax], and when the state sits on the
/// saturation curve to round-off (two phases: no single density). The state's p is the given p;
/// rho solves p(rho, T) = p to about 1e-13 relative (less where the isotherm is flat, near the
/// critical point). At T >= Tc the phase is Supercritical.
WaterState iapws95FromTP(double T, double p);

}  // namespace proscale
