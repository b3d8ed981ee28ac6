#pragma once
// Ion pairs (aqueous complexes) in equilibrium with the free ions, e.g.
//   Ba+2 + SO4-2 = BaSO4(aq),   Na+ + SO4-2 = NaSO4-,
// a_pair / prod_k a_k^nu_k = K(T),  a = gamma c / c°,  ln K(T) = ln K(T_ref) - dH/R (1/T - 1/T_ref)
// (van 't Hoff), with the declared species' totals conserved:
//   c_k = free_k + sum_p nu_kp free_p.
// The speciation is solved at every evaluation by Newton's method on the logarithms of the free
// concentrations (a local equilibrium of a few unknowns, warm-started from the last solution),
// with the activity coefficients' composition dependence in its Jacobian; the sensitivities to
// the totals follow from the same Jacobian (implicit function theorem), so the model's
// Jacobian is exact. Source of the formulation: Parkhurst & Appelo, PHREEQC version 3
// (USGS Techniques and Methods 6-A43, 2013), "Equations for speciation calculations".
// docs/theory/solution-thermodynamics.md.
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/thermo/ActivityModel.h"
#include "models/thermo/Speciation.h"

namespace proscale {

class IonPairing {
 public:
  /// Schema of one entry of `solution.ion-pairs` (a map from the pair's name).
  static SchemaPtr entrySchema();
  /// `pairs`: the validated `ion-pairs` map; `declared`, `charges`: the declared species.
  IonPairing(const Parameters& pairs, const std::vector<std::string>& declared,
             const std::vector<int>& charges);

  std::size_t size() const { return m_pairs.size(); }
  const std::vector<std::string>& names() const { return m_names; }
  const std::vector<int>& charges() const { return m_charges; }
  /// ln K of pair p at T [K] (association constant on the c° = 1 mol/L scale).
  double lnK(std::size_t p, double T) const;

  /// Free concentrations and activity coefficients of declared species and pairs at totals c
  /// [mol/m^3]. Throws RecoverableError if Newton's method does not converge.
  void speciate(std::span<const double> c, double T, const ActivityModel& activity,
                Speciation& out) const;

 private:
  struct Pair {
    std::vector<std::pair<std::size_t, double>> components;  ///< (declared index, nu)
    double lnKref = 0.0, Tref = 298.15, enthalpy = 0.0;
  };
  std::vector<Pair> m_pairs;
  std::vector<std::string> m_names;
  std::vector<int> m_charges;
  std::vector<bool> m_participates;  ///< declared species in some pair
  std::vector<int> m_allCharges;     ///< declared species, then pairs
  mutable std::vector<double> m_warm;  ///< ln(free) of all species at the last solution
};

}  // namespace proscale
