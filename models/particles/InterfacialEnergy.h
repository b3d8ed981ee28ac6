#pragma once
// The solid-solution interfacial energy gamma of classical nucleation and of the
// Gibbs-Thomson solubility: given, or estimated from the solubility (Mersmann, J. Cryst.
// Growth 102 (1990) 841, eq. (16)):
//   gamma = 0.414 k T (c_s N_A)^(2/3) ln(c_s / c_sat),  c_s = 1 / V_m,
// c_sat the solubility in formula units (same units as c_s). docs/theory/nucleation.md.
#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/particles/DrivingForce.h"

namespace proscale {

/// Mersmann's estimate [J/m^2] at T [K] for molar volume Vm [m^3/mol] and solubility
/// cSat [mol/m^3].
double mersmannInterfacialEnergy(double T, double molarVolume, double cSat);

struct InterfacialEnergy {
  double given = 0.0;  ///< [J/m^2]; 0: Mersmann's estimate at the local state
  /// gamma [J/m^2] at the state f.
  double at(const DrivingForce& f) const;
  bool any() const;  ///< false when neither given nor estimated (no Gibbs-Thomson term)
  bool estimated = false;
};

/// The keys `interfacial-energy` and `interfacial-energy-estimate` of a law's schema.
void addInterfacialEnergy(Schema& s, const std::string& doc, bool required);
/// From those keys: at most one of them (exactly one if `required`).
InterfacialEnergy interfacialEnergyFrom(const Parameters& p, bool required);

}  // namespace proscale
