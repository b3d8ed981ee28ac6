#pragma once
// Growth inhibition by a surface modifier (impurity, ligand) that adsorbs on the crystal faces
// by a Langmuir isotherm (Kubota & Mullin, J. Cryst. Growth 152 (1995) 203):
//   theta = K c_m / (1 + K c_m),   G = G_0 (1 - alpha theta),
// c_m the modifier's concentration [mol/m^3], K its adsorption constant [m^3/mol], alpha the
// effectiveness (1: a fully covered surface does not grow).
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

class LangmuirInhibition {
 public:
  static SchemaPtr schema();
  /// `species`: the solution's species names (the modifier must be one of them).
  LangmuirInhibition(const Parameters& section, const std::vector<std::string>& species);

  std::size_t modifier() const { return m_modifier; }  ///< index of the modifier species
  /// The factor 1 - alpha theta multiplying the growth rate, and d ln(factor)/d c_m.
  double factor(double cm) const;
  double dLnFactor(double cm) const;

 private:
  std::size_t m_modifier = 0;
  double m_K = 0.0, m_alpha = 1.0;
};

}  // namespace proscale
