#include "models/units/StirredTankTemplate.h"

#include "core/NumberFormat.h"
#include "models/mixing/StirredTank.h"

namespace proscale {

ParamSpec StirredTankTemplate::section() {
  auto s = std::make_shared<Schema>(
      "stirred-tank",
      "A baffled stirred tank as two zones, `impeller` (V_imp = (pi D^2/4)(D/5)) and `bulk`, "
      "exchanging the pumping flow N_Q N D^3 both ways, each with its dissipation rate; "
      "instead of network.zones (docs/theory/compartment-networks.md).");
  const ParamSpec stirrer = StirredTank::stirrerSection();
  for (const char* key : {"vessel-diameter", "volume", "height-to-diameter", "impeller",
                          "impeller-to-vessel-diameter", "clearance-to-vessel-diameter",
                          "baffled", "speed"})
    s->add(*stirrer.sectionSchema->find(key));
  s->add(ParamSpec::real("impeller-zone-dissipation-ratio", dim::none,
                         "phi_imp = eps_imp / eps of the impeller zone; the bulk takes the rest, "
                         "(1 - phi_imp v)/(1 - v) eps, v = V_imp/V. No default: measure it or "
                         "take it from CFD (docs/theory/stirred-tanks.md).")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("density", dim::density, "Liquid density (power, Reynolds number).")
             .unit("kg/m^3")
             .defaultsTo("1000 kg/m^3")
             .above(0));
  return ParamSpec::section("stirred-tank", s, "The stirred-tank template (optional).")
      .onlyWhenGiven();
}

StirredTankTemplate StirredTankTemplate::from(const Parameters& p, double viscosity) {
  Liquid liquid;
  liquid.density = p.real("density");
  liquid.viscosity = viscosity;
  const StirredTank plain = StirredTank::fromTankKeys(p, liquid);
  const Hydrodynamics h = plain.hydrodynamics();
  if (!h.turbulent)
    throw p.error("speed", "the impeller Reynolds number rho N D^2 / mu is " +
                               formatNumber(h.reynolds) + ", below " +
                               formatNumber(StirredTank::kTurbulentReynolds) +
                               ": the power and flow numbers are turbulent-regime constants");
  const double phi = p.real("impeller-zone-dissipation-ratio");
  const double v = plain.dissipation().impellerVolume / plain.geometry().volume();
  if (phi * v >= 1.0)
    throw p.error("impeller-zone-dissipation-ratio",
                  "phi_imp V_imp / V = " + formatNumber(phi * v) +
                      " >= 1: the impeller zone would dissipate all the power or more");
  const StirredTank tank = StirredTank::fromTankKeys(p, liquid, phi);
  const DissipationZones d = tank.dissipation();
  StirredTankTemplate t;
  t.zones = {{"impeller", d.impellerVolume, *d.impeller},
             {"bulk", tank.geometry().volume() - d.impellerVolume, *d.bulk}};
  t.pumpingFlow = h.pumpingFlow;
  t.meanDissipation = d.mean;
  t.reynolds = h.reynolds;
  return t;
}

}  // namespace proscale
