#pragma once
// Solubility product of a solid, K_sp(T), dimensionless with activities on the c° = 1 mol/L
// scale: K_sp = prod_i (gamma_i c_i / c°)^nu_i at equilibrium.
// Theory and sources: docs/theory/solution-thermodynamics.md.
#include <limits>
#include <vector>

#include "core/Registry.h"

namespace proscale {

class Solubility {
 public:
  virtual ~Solubility() = default;
  /// ln K_sp at temperature T [K].
  virtual double lnKsp(double T) const = 0;
  /// Temperatures [K] at which the law may be used.
  virtual double minTemperature() const { return 0.0; }
  virtual double maxTemperature() const { return std::numeric_limits<double>::infinity(); }
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

/// PHREEQC's analytical expression (Parkhurst & Appelo, PHREEQC version 3, USGS Techniques
/// and Methods 6-A43 (2013), keyword -analytical_expression):
///   log10 K = A1 + A2 T + A3 / T + A4 log10 T + A5 / T^2 + A6 T^2,  T in K,
/// within the temperature range of the fit it comes from.
class AnalyticSolubility final : public Solubility {
 public:
  AnalyticSolubility(std::vector<double> coefficients, double Tmin, double Tmax);
  double lnKsp(double T) const override;
  double minTemperature() const override { return m_Tmin; }
  double maxTemperature() const override { return m_Tmax; }

 private:
  std::vector<double> m_A;  // A1..A6, missing ones 0
  double m_Tmin, m_Tmax;
};

using SolubilityFactory = Factory<Solubility, const FormulaStoichiometry&>;
const SolubilityFactory& solubilityModels();

}  // namespace proscale
