#include "models/mixing/SupercriticalMixer.h"

#include <algorithm>
#include <cmath>

#include "core/Constants.h"
#include "models/mixing/MixingTimes.h"
#include "models/thermo/water/Water.h"

namespace proscale {

MixedStream mixStreams(double pressure, const MixerInlet& metal, const MixerInlet& water,
                       double pipeDiameter, double lossCoefficient) {
  const WaterPoint w1 = waterAt(metal.temperature, pressure);
  const WaterPoint w2 = waterAt(water.temperature, pressure);
  MixedStream m;
  m.pressure = pressure;
  m.massFlow = metal.massFlow + water.massFlow;
  m.enthalpy = (metal.massFlow * w1.h + water.massFlow * w2.h) / m.massFlow;
  m.temperature = waterTemperatureFromEnthalpy(m.enthalpy, pressure);
  const WaterPoint mixed = waterAt(m.temperature, pressure);
  m.density = mixed.rho;
  m.volumeFlow = m.massFlow / m.density;
  m.viscosity = waterViscosityAt(m.temperature, pressure);
  m.metalDilution = (metal.massFlow / w1.rho) / m.volumeFlow;

  // The fastest jet sets the pressure drop: dp = K rho_j u_j^2 / 2.
  auto jet = [](const MixerInlet& in, double rho) {
    const double area = constants::pi / 4.0 * in.jetDiameter * in.jetDiameter;
    const double u = in.massFlow / rho / area;
    return 0.5 * rho * u * u;  // velocity head [Pa]
  };
  m.pressureDrop = lossCoefficient * std::max(jet(metal, w1.rho), jet(water, w2.rho));
  const double mixingVolume = constants::pi / 4.0 * std::pow(pipeDiameter, 3);
  m.dissipation = m.pressureDrop * m.volumeFlow / (m.density * mixingVolume);
  const double nu = m.viscosity / m.density;
  m.engulfmentRate = kEngulfment * std::sqrt(m.dissipation / nu);
  m.heatUpTime = std::log(100.0) / m.engulfmentRate;
  return m;
}

ParamSpec supercriticalMixerSection(void (*addFeedKeys)(Schema&)) {
  auto inlet = [](const std::string& what, void (*composition)(Schema&)) {
    auto s = std::make_shared<Schema>("inlet", what);
    s->add(ParamSpec::real("mass-flow", dim::mass / dim::time,
                           "Mass flow of the stream (or give `flow`).")
               .unit("g/min")
               .above(0));
    s->add(ParamSpec::real("flow", dim::volume / dim::time,
                           "Volume flow at the pump, i.e. at 25 degC and the mixing pressure, as "
                           "the published experiments state it (instead of mass-flow).")
               .unit("mL/min")
               .above(0));
    s->add(ParamSpec::real("temperature", dim::temperature,
                           "Temperature of the stream as it enters the mixer.")
               .unit("degC")
               .isRequired()
               .above(0));
    s->add(ParamSpec::real("inlet-diameter", dim::length,
                           "Bore of the stream's inlet into the mixer (its jet velocity sets "
                           "the mixer's pressure drop).")
               .unit("mm")
               .isRequired()
               .above(0));
    if (composition != nullptr) composition(*s);
    return s;
  };
  auto s = std::make_shared<Schema>(
      "mixing", "The mixing point: a metal-salt stream meets preheated water (adiabatic, "
                "isobaric; IAPWS-95 enthalpies).");
  s->add(ParamSpec::real("pressure", dim::pressure,
                         "System pressure p (mixer and pipe), within the water model's 100 MPa.")
             .unit("MPa")
             .isRequired()
             .above(0)
             .atMost(100e6));
  s->add(ParamSpec::section("metal-stream", inlet("The cold metal-salt solution.", addFeedKeys),
                            "The metal-salt stream and what it carries.")
             .isRequired());
  s->add(ParamSpec::section("water-stream", inlet("The preheated (supercritical) water.", nullptr),
                            "The preheated water stream.")
             .isRequired());
  s->add(ParamSpec::real("loss-coefficient", dim::none,
                         "Loss coefficient K of the mixer on the fastest jet's velocity head "
                         "(a sharp T: about 1.5, Schwarzer & Peukert 2004).")
             .defaultsTo("1.5")
             .above(0));
  return ParamSpec::section("mixing", s, "The mixing point of the hot water and the metal salt.")
      .isRequired();
}

}  // namespace proscale
