#include "models/kinetics/Stoichiometry.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace proscale {
namespace {
// Stoichiometric coefficients a reaction may carry: fractions down to 1/1000 and up to 1000
// formula units; beyond them a number is a typing error (and 1e300 would overflow the reaction
// order's integer power of a concentration unit).
constexpr double kMinCoefficient = 1e-3;
constexpr double kMaxCoefficient = 1e3;

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::pair<std::string, double> parseTerm(const std::string& raw) {
  const std::string term = trim(raw);
  if (term.empty()) throw std::invalid_argument("empty term in '" + raw + "'");
  std::size_t pos = 0;
  double coefficient = 1.0;
  if (std::isdigit(static_cast<unsigned char>(term[0])) || term[0] == '.') {
    char* end = nullptr;
    coefficient = std::strtod(term.c_str(), &end);  // no exception: out of range is checked below
    pos = static_cast<std::size_t>(end - term.c_str());
    if (pos >= term.size() || !std::isspace(static_cast<unsigned char>(term[pos])))
      throw std::invalid_argument("write a space between coefficient and species in '" + term + "'");
    if (!(coefficient >= kMinCoefficient && coefficient <= kMaxCoefficient))
      throw std::invalid_argument("coefficient '" + term.substr(0, pos) + "' in '" + term +
                                  "' must lie between 0.001 and 1000");
  }
  const std::string name = trim(term.substr(pos));
  if (name.empty() || name.find(' ') != std::string::npos)
    throw std::invalid_argument("cannot read the term '" + term + "' (terms are joined by ' + ')");
  return {name, coefficient};
}
}  // namespace

StoichiometricTerms parseTerms(const std::string& text) {
  StoichiometricTerms terms;
  std::size_t start = 0;
  while (true) {
    const std::size_t sep = text.find(" + ", start);
    terms.push_back(parseTerm(text.substr(start, sep == std::string::npos ? std::string::npos : sep - start)));
    if (sep == std::string::npos) break;
    start = sep + 3;
  }
  for (std::size_t i = 0; i < terms.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (terms[i].first == terms[j].first)
        throw std::invalid_argument("species '" + terms[i].first + "' appears twice in '" + text + "'");
  return terms;
}

ReactionEquation parseEquation(const std::string& text) {
  const std::size_t arrow = text.find("->");
  if (arrow == std::string::npos || text.find("->", arrow + 2) != std::string::npos)
    throw std::invalid_argument("an equation needs exactly one '->', e.g. 'A + B -> C'");
  return {parseTerms(text.substr(0, arrow)), parseTerms(text.substr(arrow + 2))};
}

ResolvedFormula resolveFormula(const Parameters& section, const std::string& key,
                               const std::vector<std::string>& species,
                               const std::vector<int>& charges) {
  StoichiometricTerms terms;
  try {
    terms = parseTerms(section.string(key));
  } catch (const std::invalid_argument& e) {
    throw section.error(key, e.what());
  }
  ResolvedFormula f;
  for (const auto& [name, nu] : terms) {
    const auto it = std::find(species.begin(), species.end(), name);
    if (it == species.end())
      throw section.error(key, "species '" + name + "' is not declared in solution.species");
    const auto i = static_cast<std::size_t>(it - species.begin());
    f.terms.emplace_back(i, nu);
    f.charge += static_cast<int>(std::lround(nu * charges[i]));
  }
  return f;
}

}  // namespace proscale
