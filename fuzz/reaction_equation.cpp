// libFuzzer target: the reaction-equation parser (models/kinetics) through ReactionNetwork as
// the case loader builds it. Input: the equation on the first line, optionally the rate
// constant on the second ("1 1/s" when absent). Every species the equation names is declared,
// with the charge its name states, so that the input reaches the order and unit checks and the
// formula resolution (resolveFormula, used for solids) of its left side. Expected outcome for
// bad input: InputError. Anything else that escapes, a crash or UB is a finding (the rates
// are evaluated once for UB; an overflowing rate is the solver's to report).
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "FuzzExpect.h"
#include "core/Errors.h"
#include "models/kinetics/ReactionNetwork.h"
#include "models/kinetics/Stoichiometry.h"
#include "models/thermo/Solution.h"

using namespace proscale;

namespace {

// Names in the equation, or a fixed set when it cannot be read (ReactionNetwork reports why).
std::vector<std::string> speciesOf(const std::string& equation) {
  std::vector<std::string> names{"A", "B", "C"};
  try {
    const ReactionEquation eq = parseEquation(equation);
    names.clear();
    for (const auto* side : {&eq.reactants, &eq.products})
      for (const auto& term : *side) names.push_back(term.first);
  } catch (const std::invalid_argument&) {
  }
  return names;
}

void buildNetwork(const std::string& equation, const std::string& rateConstant) {
  const SourceMark mark{"fuzz.yaml", 1, 1};
  Parameters reaction("reactions.0", mark);
  reaction.set("equation", equation, mark);
  reaction.set("rate-constant", rateConstant, mark);
  reaction.set("left-side", equation.substr(0, equation.find("->")), mark);
  reaction.set("enthalpy", 0.0, mark);
  reaction.set("activation-energy", 50e3, mark);  // an Arrhenius factor on the way: k(T)
  reaction.set("reference-temperature", 298.15, mark);
  const std::vector<std::string> species = speciesOf(equation);
  std::vector<int> charges;
  try {
    for (const std::string& name : species) charges.push_back(chargeFromName(name).value_or(0));
  } catch (const std::invalid_argument&) {
    return;  // a charge beyond |z| = 10 in a name: the Solution refuses it as an InputError
  }

  try {
    (void)resolveFormula(reaction, "left-side", species, charges);
  } catch (const InputError&) {
  }
  const ReactionNetwork network(Parameters::List{reaction}, species);
  std::vector<double> c(species.size(), 0.5), dcdt(species.size(), 0.0);
  network.addRates(c, 350.0, dcdt);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = text.find('\n');
  const std::string equation = text.substr(0, newline);
  const std::string rateConstant = newline == std::string::npos ? "1 1/s" : text.substr(newline + 1);
  try {
    buildNetwork(equation, rateConstant);
  } catch (const InputError&) {
  } catch (...) {
    fuzz::unexpectedException();
  }
  return 0;
}
