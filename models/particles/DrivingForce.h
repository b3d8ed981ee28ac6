#pragma once
// The local state a nucleation or growth law sees, and a rate with the derivatives the
// Jacobian needs. S is the supersaturation ratio of the solid's formula unit (activity based);
// c is the stoichiometric-mean concentration of formula units, c = (prod_i (c_i/nu_i)^nu_i)^(1/nu).
namespace proscale {

struct DrivingForce {
  double T = 298.15;        ///< temperature [K]
  double lnS = 0.0;         ///< ln of the supersaturation ratio [-]
  double c = 0.0;           ///< mean concentration of formula units [mol/m^3]
  double molarVolume = 0.0; ///< of the solid [m^3/mol]
  double nu = 1.0;          ///< dissolved species per formula unit (Gibbs-Thomson) [-]
};

struct RateAndSlopes {
  double value = 0.0;  ///< the rate
  double dLnS = 0.0;   ///< d(rate)/d(ln S) at fixed c
  double dLnC = 0.0;   ///< d(rate)/d(ln c) at fixed S
};

}  // namespace proscale
