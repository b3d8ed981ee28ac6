#pragma once
// Diffusivity of a solute in water at temperature T from its value at a reference
// temperature, by the Stokes-Einstein relation D mu / T = const:
//   D(T) = D_ref (T / T_ref) mu_w(T_ref) / mu_w(T),
// with mu_w the viscosity of liquid water at atmospheric pressure (models/thermo/WaterViscosity.h,
// 0-100 degC) or, when a pressure p is given (hot and supercritical water), IAPWS 2008 at
// (T, p) (models/thermo/water/Water.h, 0-800 degC). Source: Cussler, Diffusion: Mass Transfer
// in Fluid Systems, 3rd ed. (2009), sect. 5.2; in supercritical water Stokes-Einstein holds to
// within tens of percent for small solutes (Yoshida et al., J. Chem. Phys. 126 (2007) 214504).
// docs/theory/solution-thermodynamics.md.
#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

class AqueousDiffusivity {
 public:
  /// pressure [Pa] > 0: water's viscosity by IAPWS 2008 at (T, p); 0: liquid at 1 atm.
  AqueousDiffusivity(double reference, double referenceTemperature, double pressure = 0.0);
  /// D [m^2/s] at T [K].
  double at(double T) const;
  /// D at the reference temperature [m^2/s], where a parameter registry binds it (at() reads it
  /// on every call: nothing to recompute).
  double& reference() { return m_ref; }

 private:
  double viscosity(double T) const;  ///< mu_w [Pa s] at T and the pressure
  double m_ref, m_Tref, m_pressure, m_ratioRef;  // m_ratioRef = mu_w(T_ref) / T_ref
  // The last call's T and D_ref and its D (a vessel at one T repeats it; a parameter study may
  // move D_ref through reference()).
  mutable double m_lastT = -1.0, m_lastRef = 0.0, m_lastD = 0.0;
};

/// The key `diffusivity-temperature` that goes with a `diffusivity` key in a law's schema.
ParamSpec diffusivityTemperatureSpec();
/// The key `diffusivity-pressure` (hot and supercritical water), optional.
ParamSpec diffusivityPressureSpec();
/// From the keys `diffusivity`, `diffusivity-temperature` and `diffusivity-pressure` of a law's
/// section (the last one only where the law's schema declares it).
AqueousDiffusivity diffusivityFrom(const Parameters& section);

}  // namespace proscale
