#pragma once
// Salts by name: the ions a dissolved salt gives, for `solution.salts` (CaCl2: 10 mmol/L gives
// Ca+2 10 and Cl- 20 mmol/L). Complete dissociation is assumed (strong electrolytes); ion
// association, where it matters, is declared separately (solution.ion-pairs). The ions' charges
// follow from their names (Solution's chargeFromName). The table and its sources:
// docs/theory/solution-thermodynamics.md.
#include <string>
#include <vector>

namespace proscale {

struct SaltIon {
  std::string ion;  ///< e.g. "Cl-"
  int count;        ///< ions per formula unit
};

/// The ions of `formula` ("CaCl2"), or null if the table does not hold it.
const std::vector<SaltIon>* saltIons(const std::string& formula);
/// Every formula in the table, for messages.
std::vector<std::string> knownSalts();
/// The same, comma-separated.
std::string knownSaltList();

}  // namespace proscale
