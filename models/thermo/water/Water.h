#pragma once
// Water at (T, p) for the rest of proscale: one place that picks the equation.
//   waterAt(T, p)        density, enthalpy and heat capacity through the fast path
//                        (WaterTable: tabulated IAPWS-95, its deviation stated there), for
//                        reactors that call water at every right-hand side;
//   describeWater(T, p)  the full state by IAPWS-95 (Newton in density), with viscosity
//                        (IAPWS 2008), thermal conductivity (IAPWS 2011), static dielectric
//                        constant (IAPWS 1997) and ionic product (IAPWS R11), each with the
//                        name of the equation that produced it (`proscale describe water`).
// Range: 0-800 degC, up to 100 MPa (iapws95::Tmin..Tmax, pmax); outside, RecoverableError
// naming the range. docs/theory/water.md.
#include <string>

#include "models/thermo/water/Iapws95.h"

namespace proscale {

/// The state a reactor needs, from the fast path.
struct WaterPoint {
  double T = 0, p = 0;  ///< [K], [Pa]
  double rho = 0;       ///< density [kg/m^3]
  double h = 0;         ///< specific enthalpy [J/kg]
  double cp = 0;        ///< isobaric heat capacity [J/(kg K)]
};
WaterPoint waterAt(double T, double p);

/// Temperature [K] at which water at pressure p [Pa] has specific enthalpy h [J/kg] (the
/// inverse of waterAt along an isobar, by safeguarded Newton with cp), within the range.
double waterTemperatureFromEnthalpy(double h, double p);

/// Everything `proscale describe water` prints.
struct WaterDescription {
  WaterState state;          ///< IAPWS-95 from (T, p)
  double viscosity = 0;      ///< [Pa s]
  double conductivity = 0;   ///< [W/(m K)]
  double dielectric = 0;     ///< relative static permittivity [-]
  double pKw = 0;            ///< -log10 K_w, K_w in (mol/kg)^2
  double saturationPressure = 0;  ///< p_sat(T) [Pa] below Tc, else 0
  std::string equations;     ///< which releases produced the numbers
};
WaterDescription describeWater(double T, double p);
/// The same at (T, rho): any single-phase or metastable state the formulation gives,
/// T within 0-800 degC and rho in (0, 1400] kg/m^3.
WaterDescription describeWaterTRho(double T, double rho);

/// The dynamic viscosity [Pa s] at (T, p) by IAPWS 2008 (through IAPWS-95 for the density).
double waterViscosityAt(double T, double p);

}  // namespace proscale
