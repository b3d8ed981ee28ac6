#pragma once
// Diffusivity of a solute in water at temperature T from its value at a reference
// temperature, by the Stokes-Einstein relation D mu / T = const:
//   D(T) = D_ref (T / T_ref) mu_w(T_ref) / mu_w(T),
// with mu_w the viscosity of liquid water (models/thermo/WaterViscosity.h). Source: Cussler,
// Diffusion: Mass Transfer in Fluid Systems, 3rd ed. (2009), sect. 5.2.
// docs/theory/solution-thermodynamics.md.
#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

class AqueousDiffusivity {
 public:
  AqueousDiffusivity(double reference, double referenceTemperature);
  /// D [m^2/s] at T [K].
  double at(double T) const;
  /// D at the reference temperature [m^2/s], where a parameter registry binds it (at() reads it
  /// on every call: nothing to recompute).
  double& reference() { return m_ref; }

 private:
  double m_ref, m_Tref, m_ratioRef;  // m_ratioRef = mu_w(T_ref) / T_ref
};

/// The key `diffusivity-temperature` that goes with a `diffusivity` key in a law's schema.
ParamSpec diffusivityTemperatureSpec();
/// From the keys `diffusivity` and `diffusivity-temperature` of a law's section.
AqueousDiffusivity diffusivityFrom(const Parameters& section);

}  // namespace proscale
