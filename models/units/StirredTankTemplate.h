#pragma once
// The stirred-tank template of a compartment network (`network.stirred-tank`): a baffled tank
// with one impeller as two ideal zones, `impeller` (the cylinder the blades sweep,
// V_imp = (pi D^2/4)(D/5)) and `bulk` (the rest of the liquid), exchanging the impeller's
// pumping flow Q = N_Q N D^3 both ways, each with its dissipation rate
//   eps_imp = phi_imp eps,   eps_bulk = (1 - phi_imp v)/(1 - v) eps,   v = V_imp / V,
// eps = N_P rho N^3 D^5 / (rho V) (models/mixing/StirredTank). phi_imp is an input (no
// literature default: docs/theory/stirred-tanks.md). Turbulent correlations only: Re < 1e4 is
// an input error. Theory: docs/theory/compartment-networks.md, "Stirred-tank template".
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

struct TemplateZone {
  std::string name;
  double volume = 0.0;       ///< [m^3]
  double dissipation = 0.0;  ///< eps of the zone [W/kg]
};

struct StirredTankTemplate {
  std::vector<TemplateZone> zones;  ///< impeller, bulk
  double pumpingFlow = 0.0;         ///< Q = N_Q N D^3 [m^3/s], each way between the zones
  double meanDissipation = 0.0;     ///< eps = P / (rho V) [W/kg]
  double reynolds = 0.0;            ///< rho N D^2 / mu [-]

  /// The `stirred-tank:` section of `network:`.
  static ParamSpec section();
  /// From a validated `stirred-tank:` section and the liquid's viscosity [Pa s]
  /// (reactor.viscosity). InputErrors: those of the tank keys, phi_imp v >= 1, Re < 1e4.
  static StirredTankTemplate from(const Parameters& tank, double viscosity);
};

}  // namespace proscale
