#pragma once
// The mixing point of continuous (supercritical) hydrothermal synthesis (Adschiri, Kanazawa &
// Arai, J. Am. Ceram. Soc. 75 (1992) 1019; Adschiri, Hakuta & Arai, Ind. Eng. Chem. Res. 39
// (2000) 4901): a cold metal-salt stream 1 meets preheated water 2 at pressure p in a T-mixer
// and flows on through a pipe. Steady, adiabatic, isobaric mixing (kinetic energy neglected):
//   (m1 + m2) h(T_mix, p) = m1 h(T1, p) + m2 h(T2, p),
// h from IAPWS-95 (models/thermo/water/Water.h); the dilute salt's own contribution to h is
// neglected (0.05 mol/kg of Ce(NO3)3 changes h by well under 1 %). A solute fed at c1 [mol/m^3
// of stream 1 at (T1, p)] is in the mixed stream at
//   c = c1 (m1 / rho1) / ((m1 + m2) / rho_mix)       (moles conserved, volume flows at T, p).
// Heating of the metal stream: it is engulfed by the hot water at Baldyga & Bourne's rate
// E = 0.058 (eps / nu)^(1/2) (Turbulent Mixing and Chemical Reactions, Wiley 1999, ch. 7), with
// the mixer's specific power eps = dp Q / (rho V_m) from the pressure drop of the fastest jet,
// dp = K rho_j u_j^2 / 2 (Schwarzer & Peukert, AIChE J. 50 (2004) 3234), V_m one pipe
// diameter of pipe and nu the mixed stream's kinematic viscosity (IAPWS 2008); 99 % of the
// metal stream is engulfed, hence heated, within t_99 = ln(100) / E. Theory:
// docs/theory/hydrothermal-synthesis.md.
#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

struct MixerInlet {
  double massFlow = 0.0;     ///< [kg/s]
  double temperature = 0.0;  ///< [K]
  double jetDiameter = 0.0;  ///< inlet bore [m]
};

/// The mixed stream and the mixer's numbers.
struct MixedStream {
  double pressure = 0.0;       ///< [Pa]
  double temperature = 0.0;    ///< T_mix [K]
  double density = 0.0;        ///< rho(T_mix, p) [kg/m^3]
  double enthalpy = 0.0;       ///< h_mix [J/kg]
  double massFlow = 0.0;       ///< m1 + m2 [kg/s]
  double volumeFlow = 0.0;     ///< (m1 + m2) / rho_mix [m^3/s]
  double viscosity = 0.0;      ///< mu(T_mix, p) [Pa s]
  double metalDilution = 0.0;  ///< c / c1 = (m1 / rho1) / ((m1 + m2) / rho_mix) [-]
  double pressureDrop = 0.0;   ///< dp of the fastest jet [Pa]
  double dissipation = 0.0;    ///< eps [W/kg]
  double engulfmentRate = 0.0; ///< E [1/s]
  double heatUpTime = 0.0;     ///< t_99 = ln(100) / E [s]
};

/// Mixes `metal` (stream 1) with `water` (stream 2) at pressure p [Pa] in front of a pipe of
/// diameter `pipeDiameter` [m], with loss coefficient K on the fastest jet's velocity head.
/// RecoverableError (from the water properties) outside 0-800 degC, 100 MPa.
MixedStream mixStreams(double pressure, const MixerInlet& metal, const MixerInlet& water,
                       double pipeDiameter, double lossCoefficient);

/// The `mixing:` section of a hydrothermal-flow case; `addFeedKeys` declares the metal stream's
/// composition keys (the point model's, as for any feed).
ParamSpec supercriticalMixerSection(void (*addFeedKeys)(Schema&));

}  // namespace proscale
