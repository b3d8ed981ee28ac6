#pragma once
// A solid that forms from dissolved species, e.g. BaSO4 from Ba+2 and SO4-2:
//   ln S = (1/nu) [ sum_f nu_f (ln(c_f/c°) + ln gamma_f) - ln K_sp(T) ],   nu = sum_f nu_f,
// with the stoichiometric-mean concentration c = (prod_f (c_f/nu_f)^nu_f)^(1/nu) and the molar
// volume V_m = M / rho. Source: Mersmann (ed.), Crystallization Technology Handbook, 2nd ed.
// (2001), ch. 1; Söhnel & Garside, Precipitation (1992), ch. 2. See
// docs/theory/solution-thermodynamics.md.
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/thermo/Solubility.h"
#include "models/thermo/Solution.h"

namespace proscale {

struct SupersaturationState {
  double lnS = 0.0;
  double c = 0.0;                 ///< mean concentration of formula units [mol/m^3] (free)
  /// Mean saturation concentration at unit activity coefficients,
  /// c_sat = K_sp^(1/nu) c° / (prod_f nu_f^nu_f)^(1/nu) [mol/m^3].
  double cSat = 0.0;
  double ionicStrength = 0.0;     ///< I [mol/L]
  std::vector<double> dLnS;       ///< d ln S / d c_j, every species of the solution
  std::vector<double> dLnC;       ///< d ln c / d c_j
  /// Free concentration of each formula species f [mol/m^3] (floored at
  /// kConcentrationFloor), and d ln(free_f)/d c_j ([formula x species], row-major).
  std::vector<double> ionC, dLnIon;
};

class PrecipitatingSolid {
 public:
  static SchemaPtr schema();
  PrecipitatingSolid(const Parameters& section, const Solution& solution);

  const std::string& name() const { return m_name; }
  double molarVolume() const { return m_molarVolume; }   ///< m^3/mol
  double molarMass() const { return m_molarMass; }       ///< kg/mol
  double shapeFactor() const { return m_shapeFactor; }   ///< k_v: particle volume = k_v L^3
  /// Delta H_c [J/mol of solid formed]; negative: exothermic.
  double crystallizationEnthalpy() const { return m_crystallizationEnthalpy; }
  /// (species index, nu) of the formula.
  const std::vector<std::pair<std::size_t, double>>& formula() const { return m_formula; }
  double formulaCoefficientSum() const { return m_nuSum; }
  const Solubility& solubility() const { return *m_solubility; }

  /// S and its slopes at the (total) concentrations c [mol/m^3] of the solution's species.
  SupersaturationState supersaturation(std::span<const double> c, double T) const;
  /// The speciation behind the last supersaturation() call.
  const Speciation& speciation() const { return m_speciation; }

 private:
  const Solution& m_solution;
  std::string m_name;
  std::vector<std::pair<std::size_t, double>> m_formula;
  double m_nuSum = 0.0;
  double m_molarMass = 0.0, m_molarVolume = 0.0, m_shapeFactor = 0.0;
  double m_crystallizationEnthalpy = 0.0;
  std::unique_ptr<Solubility> m_solubility;
  mutable Speciation m_speciation;
};

}  // namespace proscale
