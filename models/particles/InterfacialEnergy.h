#pragma once
// The solid-solution interfacial energy gamma of classical nucleation and of the
// Gibbs-Thomson solubility: given, or estimated from the solubility (Mersmann, J. Cryst.
// Growth 102 (1990) 841, eq. (16)):
//   gamma = 0.414 k T (c_s N_A)^(2/3) ln(c_s / c_sat),  c_s = 1 / V_m,
// c_sat the solubility in formula units (same units as c_s). docs/theory/nucleation.md.
// Size dependence (Tolman, J. Chem. Phys. 17 (1949) 333, to first order in delta/r):
//   gamma(r) = gamma_inf / (1 + 2 delta / r),  delta the Tolman length [m].
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

/// Tolman's gamma(r) = gammaInf / (1 + 2 delta / r) [J/m^2] at radius r [m], delta [m].
double tolmanInterfacialEnergy(double gammaInf, double radius, double tolmanLength);

/// The key `tolman-length` (delta >= 0, default 0: gamma independent of size).
void addTolmanLength(Schema& s);

/// The keys `interfacial-energy` and `interfacial-energy-estimate` of a law's schema.
void addInterfacialEnergy(Schema& s, const std::string& doc, bool required);
/// From those keys: at most one of them (exactly one if `required`).
InterfacialEnergy interfacialEnergyFrom(const Parameters& p, bool required);

}  // namespace proscale
