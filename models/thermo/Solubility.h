#pragma once
// Solubility product of a solid, K_sp(T), dimensionless with activities on the c° = 1 mol/L
// scale: K_sp = prod_i (gamma_i c_i / c°)^nu_i at equilibrium.
// Theory and sources: docs/theory/solution-thermodynamics.md.
#include <vector>

#include "core/Registry.h"

namespace proscale {

class Solubility {
 public:
  virtual ~Solubility() = default;
  /// ln K_sp at temperature T [K].
  virtual double lnKsp(double T) const = 0;
};

/// Everything a solubility law may need to know about the solid's formula.
struct FormulaStoichiometry {
  std::vector<double> nu;  ///< ions (or molecules) per formula unit, one per formula species
};

/// K_sp constant, or van 't Hoff: ln K(T) = ln K(T_ref) - dH/R (1/T - 1/T_ref).
class VantHoffSolubility final : public Solubility {
 public:
  VantHoffSolubility(double kspRef, double Tref, double dissolutionEnthalpy);
  double lnKsp(double T) const override;

 private:
  double m_lnKref, m_Tref, m_dH;
};

using SolubilityFactory = Factory<Solubility, const FormulaStoichiometry&>;
const SolubilityFactory& solubilityModels();

}  // namespace proscale
