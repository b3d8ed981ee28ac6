#include "models/units/EnergyBalance.h"

namespace proscale {

ParamSpec EnergyBalance::section() {
  auto s = std::make_shared<Schema>(
      "energy-balance", "Temperature from an energy balance instead of a fixed or prescribed one.");
  s->add(ParamSpec::real("density", dim::density,
                         "Density of the suspension and the feeds (also a reactor.stirrer's power "
                         "and Reynolds number).")
             .unit("kg/m^3")
             .defaultsTo("1000 kg/m^3")
             .above(0));
  s->add(ParamSpec::real("heat-capacity", dim::energy / (dim::mass * dim::temperature),
                         "Specific heat capacity c_p of the suspension and the feeds (also the "
                         "Prandtl number of a reactor.stirrer's jacket; water: 4.18 kJ/(kg K)).")
             .unit("J/kg/K")
             .defaultsTo("4180 J/kg/K")
             .above(0));
  s->add(ParamSpec::real("ua", dim::power / dim::temperature,
                         "Jacket heat transfer U A; 0 W/K: adiabatic. Required unless "
                         "reactor.stirrer has a jacket (then from its correlation).")
             .unit("W/K")
             .atLeast(0));
  s->add(ParamSpec::real("jacket-temperature", dim::temperature,
                         "Constant jacket temperature T_j; default: the initial temperature.")
             .unit("degC")
             .above(0));
  s->add(Recipe::spec("jacket-temperature-recipe", dim::temperature, "degC", 0.0, true,
                      "Jacket temperature in time (instead of jacket-temperature): linear or "
                      "cubic cooling segments."));
  return ParamSpec::section("energy-balance", s,
                            "Energy balance (docs/theory/feeds-and-energy.md); absent: the "
                            "temperature is reactor.temperature or its recipe.")
      .onlyWhenGiven();
}

EnergyBalance::EnergyBalance(const Parameters& p, double T0, std::optional<double> stirredUA,
                             double stirrerPower, double share)
    : m_rhoCp(p.real("density") * p.real("heat-capacity")),
      m_ua(share * (p.has("ua") ? p.real("ua") : stirredUA.value_or(0.0))),
      m_stirrerPower(share * stirrerPower),
      m_jacket(T0) {
  if (!p.has("ua") && !stirredUA)
    throw p.error("ua", "give U A (0 W/K: adiabatic), or a reactor.stirrer with a jacket to "
                        "compute it");
  if (p.has("jacket-temperature") && p.has("jacket-temperature-recipe"))
    throw p.error("jacket-temperature-recipe", "give either jacket-temperature or its recipe, not both");
  if (p.has("jacket-temperature")) m_jacket = Recipe(p.real("jacket-temperature"));
  if (p.has("jacket-temperature-recipe")) m_jacket = Recipe(p, "jacket-temperature-recipe");
}

}  // namespace proscale
