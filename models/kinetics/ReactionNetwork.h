#pragma once
// Irreversible liquid-phase reactions with mass-action rates r = k(T) prod_j c_j^(nu_j)
// (orders = reactant coefficients), c in mol/m^3, and the Arrhenius law
//   k(T) = k_ref exp(-(E_a / R) (1/T - 1/T_ref))
// (E_a = 0: k constant). Source: any kinetics text, e.g. Levenspiel, Chemical Reaction
// Engineering, 3rd ed., ch. 2 and 3.
#include <span>
#include <string>
#include <vector>

#include "core/BorderedBandJacobian.h"
#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

class ReactionNetwork {
 public:
  struct Reaction {
    std::string equation;
    double rateConstant = 0.0;  ///< k_ref, SI: (mol/m^3)^(1 - order) / s
    double activationEnergy = 0.0;      ///< E_a [J/mol]; 0: k does not depend on T
    double referenceTemperature = 298.15;  ///< T_ref [K] of k_ref
    /// k(T) [SI].
    double rateConstantAt(double T) const;
    double enthalpy = 0.0;      ///< Delta H_r [J/mol of reaction]; negative: exothermic
    std::vector<std::pair<std::size_t, double>> reactants;  ///< (species index, order)
    std::vector<double> netStoichiometry;                   ///< per species
  };

  /// Entry schema of the case's `reactions:` list.
  static SchemaPtr schema();
  ReactionNetwork() = default;
  /// Builds from the validated list; species names must be among `species`.
  ReactionNetwork(const Parameters::List& list, const std::vector<std::string>& species);

  const std::vector<Reaction>& reactions() const { return m_reactions; }
  /// Adds the reaction source terms at temperature T [K] to dcdt.
  void addRates(std::span<const double> c, double T, std::span<double> dcdt) const;
  /// Adds d(dc_i/dt)/dc_j to the D block of J (species occupy border indices 0..).
  void addJacobian(std::span<const double> c, double T, BorderedBandJacobian& J) const;
  /// Heat released per volume, q = -sum_r Delta H_r rate_r [W/m^3].
  double heatRelease(std::span<const double> c, double T) const;
  /// Adds dq/dc_j to dq[j].
  void addHeatReleaseSlopes(std::span<const double> c, double T, std::span<double> dq) const;
  /// True when some reaction has an activation energy.
  bool dependsOnTemperature() const;

 private:
  static double rate(const Reaction& r, std::span<const double> c, double T);
  static double rateSlope(const Reaction& r, std::span<const double> c, double T, std::size_t j,
                          double nuj);
  std::vector<Reaction> m_reactions;
};

}  // namespace proscale
