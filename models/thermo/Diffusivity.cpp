#include "models/thermo/Diffusivity.h"

#include "models/thermo/WaterViscosity.h"

namespace proscale {

AqueousDiffusivity::AqueousDiffusivity(double reference, double referenceTemperature)
    : m_ref(reference),
      m_Tref(referenceTemperature),
      m_ratioRef(waterViscosity(referenceTemperature) / referenceTemperature) {}

double AqueousDiffusivity::at(double T) const {
  if (T == m_Tref) return m_ref;
  return m_ref * m_ratioRef * T / waterViscosity(T);
}

ParamSpec diffusivityTemperatureSpec() {
  return ParamSpec::real("diffusivity-temperature", dim::temperature,
                         "Temperature at which `diffusivity` is given; other temperatures by "
                         "Stokes-Einstein in water, D mu_w / T = const.")
      .unit("degC")
      .defaultsTo("25 degC")
      .above(0);
}

AqueousDiffusivity diffusivityFrom(const Parameters& p) {
  const double T = p.real("diffusivity-temperature");
  if (T < kWaterViscosityTmin || T > kWaterViscosityTmax)
    throw p.error("diffusivity-temperature",
                  "the water viscosity correlation behind Stokes-Einstein covers 0 to 100 degC");
  return {p.real("diffusivity"), T};
}

}  // namespace proscale
