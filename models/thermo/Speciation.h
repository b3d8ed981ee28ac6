#pragma once
// The state of the dissolved species at given total concentrations: free concentrations,
// activity coefficients and their sensitivities to the totals. Without ion pairs the free
// concentrations are the totals; with them (models/thermo/IonPairing.h) part of each ion is
// bound in pairs, and the pairs are further species after the declared ones.
#include <cstddef>
#include <vector>

namespace proscale {

/// Concentrations at or below this floor [mol/m^3] count as absent inside logarithms.
inline constexpr double kConcentrationFloor = 1e-30;

struct Speciation {
  std::size_t declared = 0;  ///< species declared in the case (their totals are the state)
  std::size_t species = 0;   ///< declared + ion pairs
  std::vector<double> free;      ///< [species] free concentration [mol/m^3]
  std::vector<double> lnGamma;   ///< [species] ln of the activity coefficient
  /// [species x declared], row-major: d ln(free_s)/dc_j and d ln(gamma_s)/dc_j [m^3/mol],
  /// c_j the total concentration of declared species j.
  std::vector<double> dLnFree, dLnGamma;
  double ionicStrength = 0.0;  ///< I of the free species [mol/L]

  double dLnFreeAt(std::size_t s, std::size_t j) const { return dLnFree[s * declared + j]; }
  double dLnGammaAt(std::size_t s, std::size_t j) const { return dLnGamma[s * declared + j]; }
  void resize(std::size_t declaredSpecies, std::size_t allSpecies);
};

}  // namespace proscale
