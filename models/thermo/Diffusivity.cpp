#include "models/thermo/Diffusivity.h"

#include "core/Errors.h"
#include "models/thermo/WaterViscosity.h"
#include "models/thermo/water/Water.h"

namespace proscale {

AqueousDiffusivity::AqueousDiffusivity(double reference, double referenceTemperature,
                                       double pressure)
    : m_ref(reference), m_Tref(referenceTemperature), m_pressure(pressure), m_ratioRef(0.0) {
  m_ratioRef = viscosity(referenceTemperature) / referenceTemperature;
}

double AqueousDiffusivity::viscosity(double T) const {
  return m_pressure > 0.0 ? waterViscosityAt(T, m_pressure) : waterViscosity(T);
}

double AqueousDiffusivity::at(double T) const {
  if (T == m_Tref) return m_ref;
  if (T == m_lastT && m_ref == m_lastRef) return m_lastD;
  const double D = m_ref * m_ratioRef * T / viscosity(T);
  m_lastT = T;
  m_lastRef = m_ref;
  m_lastD = D;
  return D;
}

ParamSpec diffusivityTemperatureSpec() {
  return ParamSpec::real("diffusivity-temperature", dim::temperature,
                         "Temperature at which `diffusivity` is given; other temperatures by "
                         "Stokes-Einstein in water, D mu_w / T = const.")
      .unit("degC")
      .defaultsTo("25 degC")
      .above(0);
}

ParamSpec diffusivityPressureSpec() {
  return ParamSpec::real("diffusivity-pressure", dim::pressure,
                         "Pressure of hot or supercritical water: Stokes-Einstein then takes "
                         "water's viscosity from IAPWS 2008 at (T, p), 0-800 degC; absent: "
                         "liquid water at 1 atm, 0-100 degC (a hydrothermal-flow case sets it to "
                         "its pressure).")
      .unit("MPa")
      .above(0);
}

AqueousDiffusivity diffusivityFrom(const Parameters& p) {
  const double T = p.real("diffusivity-temperature");
  if (p.has("diffusivity-pressure")) {
    const double pressure = p.real("diffusivity-pressure");
    try {
      return {p.real("diffusivity"), T, pressure};
    } catch (const RecoverableError& e) {
      throw p.error("diffusivity-temperature", e.what());
    }
  }
  if (T < kWaterViscosityTmin || T > kWaterViscosityTmax)
    throw p.error("diffusivity-temperature",
                  "the water viscosity correlation behind Stokes-Einstein covers 0 to 100 degC "
                  "(give diffusivity-pressure for hot or supercritical water)");
  return {p.real("diffusivity"), T};
}

}  // namespace proscale
