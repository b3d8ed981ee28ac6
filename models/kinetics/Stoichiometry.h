#pragma once
// Reading stoichiometric expressions: "Ba+2 + SO4-2", "2 Na+ + CO3-2", "A + B -> C".
// Terms are separated by " + " (a plus with white space on both sides), so species names
// may carry charges written with + and -.
#include <string>
#include <utility>
#include <vector>

namespace proscale {

using StoichiometricTerms = std::vector<std::pair<std::string, double>>;  // (species, coefficient)

/// Parses "2 Na+ + CO3-2". Throws std::invalid_argument with a message for the user.
StoichiometricTerms parseTerms(const std::string& text);

struct ReactionEquation {
  StoichiometricTerms reactants, products;
};
/// Parses "A + B -> C" (irreversible).
ReactionEquation parseEquation(const std::string& text);

}  // namespace proscale
