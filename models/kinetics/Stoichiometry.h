#pragma once
// Reading stoichiometric expressions: "Ba+2 + SO4-2", "2 Na+ + CO3-2", "A + B -> C".
// Terms are separated by " + " (a plus with white space on both sides), so species names
// may carry charges written with + and -.
#include <string>
#include <utility>
#include <vector>

#include "core/Parameters.h"

namespace proscale {

using StoichiometricTerms = std::vector<std::pair<std::string, double>>;  // (species, coefficient)

/// Parses "2 Na+ + CO3-2". Throws std::invalid_argument with a message for the user.
StoichiometricTerms parseTerms(const std::string& text);

struct ReactionEquation {
  StoichiometricTerms reactants, products;
};
/// Parses "A + B -> C" (irreversible).
ReactionEquation parseEquation(const std::string& text);

/// A formula whose terms are declared species: (species index, coefficient) and its charge.
struct ResolvedFormula {
  std::vector<std::pair<std::size_t, double>> terms;
  int charge = 0;
};
/// Parses the string `key` of `section` as a formula of `species` (with their `charges`).
/// Throws InputError at the key for an unreadable term or an undeclared species.
ResolvedFormula resolveFormula(const Parameters& section, const std::string& key,
                               const std::vector<std::string>& species,
                               const std::vector<int>& charges);

}  // namespace proscale
