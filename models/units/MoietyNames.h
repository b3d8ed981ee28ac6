#pragma once
// Conserved moieties a user can read. A point model gives its moieties w over (fluid unknowns,
// solid volume) as any basis of the conserved space (a null space); brought to reduced
// row-echelon form over the fluid unknowns, each moiety has weight 1 on one unknown -- its
// lead, the first in the point's order not led by an earlier moiety -- and 0 on the other
// leads. It then counts its lead in every form the reactions and the solid hold it: for
// BaSO4 from BaCl2 + Na2SO4 the moieties are Ba+2, SO4-2, Na+ and Cl-, each with the solid's
// share (1 mol per mol of BaSO4, i.e. 1/V_m per m^3) and the ion pairs that carry it.
// docs/theory/feeds-and-energy.md, "Balances reported".
#include <string>
#include <vector>

namespace proscale {

struct NamedMoiety {
  std::string name;             ///< its lead unknown's name
  std::vector<double> weights;  ///< over (fluid unknowns, solid volume)
};

/// The moieties spanning the same space as `moieties`, each led by one of `names` (the fluid
/// unknowns; the last weight is the solid volume's). Weights below 1e-12 of the largest in
/// their moiety are taken as zero.
std::vector<NamedMoiety> namedMoieties(const std::vector<std::vector<double>>& moieties,
                                       const std::vector<std::string>& names);

}  // namespace proscale
