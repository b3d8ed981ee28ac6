#pragma once
// The local state a nucleation or growth law sees, and a rate with the derivatives the
// Jacobian needs. Conventions (docs/theory/solution-thermodynamics.md):
//   S   mean-ion supersaturation of the solid's formula unit, S = (IAP / K_sp)^(1/nu),
//       so the driving force per formula unit is nu k T ln S (nu = 1 for a molecular solute);
//   c   stoichiometric-mean concentration of formula units, c = (prod_f (c_f/nu_f)^nu_f)^(1/nu),
//       from the free concentrations c_f of the formula's species;
//   c_sat  the same mean concentration at saturation with unit activity coefficients,
//       c_sat = K_sp^(1/nu) c° / (prod_f nu_f^nu_f)^(1/nu). The activity-based mean
//       concentration is gamma_± c = S c_sat, and saturation at fixed activity coefficients is
//       reached at the mean concentration c_eq = c / S.
#include <array>
#include <cstddef>

namespace proscale {

/// Up to this many dissolved species per formula unit (e.g. Ca5(PO4)3OH has three).
inline constexpr std::size_t kMaxFormulaIons = 4;

struct DrivingForce {
  double T = 298.15;         ///< temperature [K]
  double lnS = 0.0;          ///< ln of the mean-ion supersaturation ratio [-]
  double c = 0.0;            ///< mean concentration of formula units [mol/m^3]
  double cSat = 0.0;         ///< mean saturation concentration at unit activity coeff. [mol/m^3]
  double molarVolume = 0.0;  ///< of the solid [m^3/mol]
  double nu = 1.0;           ///< dissolved species per formula unit [-]
  std::size_t ions = 1;      ///< number of formula species (1 to kMaxFormulaIons)
  std::array<double, kMaxFormulaIons> ionNu{};  ///< nu_f per formula unit
  std::array<double, kMaxFormulaIons> ionC{};   ///< free concentration c_f [mol/m^3]
};

/// A rate R written as a function of formally independent arguments ln S, ln c and ln c_f,
/// with its partial derivatives in each: the chemistry chains them to the species,
/// dR/dy_j = dLnS d(ln S)/dy_j + dLnC d(ln c)/dy_j + sum_f dLnIon[f] d(ln c_f)/dy_j.
/// A law that depends on S and c only leaves dLnIon at zero.
struct RateAndSlopes {
  double value = 0.0;  ///< the rate
  double dLnS = 0.0;   ///< dR/d(ln S)
  double dLnC = 0.0;   ///< dR/d(ln c)
  std::array<double, kMaxFormulaIons> dLnIon{};  ///< dR/d(ln c_f)

  /// Multiplies the rate and every slope by `factor`.
  void scale(double factor) {
    value *= factor;
    dLnS *= factor;
    dLnC *= factor;
    for (double& d : dLnIon) d *= factor;
  }
};

}  // namespace proscale
