// Typed sections, named sections (SectionMap), lists of sections and lists of numbers.
#include <catch2/catch.hpp>

#include "TestSchema.h"

using namespace proscale;
using namespace proscale::test;

namespace {
Parameters validateCase(const std::string& extra) {
  return CaseDocument::fromString(std::string(kMinimalCase) + extra, "case.yaml").validate(*caseSchema());
}
std::string caseWith(const std::string& lines) { return std::string(kMinimalCase) + lines; }
}  // namespace

TEST_CASE("a typed section's type picks the variant schema", "[input]") {
  Parameters p = validateCase("nucleation:\n  type: power-law\n  order: 2.5\n");
  const Parameters& n = p.section("nucleation");
  CHECK(n.type() == "power-law");
  CHECK(n.real("order") == 2.5);
  CHECK_FALSE(n.has("type"));
  CHECK_FALSE(n.has("surface-energy"));

  Parameters d = validateCase("nucleation:\n  surface-energy: 0.09 J/m^2\n");
  CHECK(d.section("nucleation").type() == "classical");  // defaultVariant
  CHECK(d.section("nucleation").real("surface-energy") == Approx(0.09));
}

TEST_CASE("typed section errors", "[input]") {
  CHECK(firstError(caseWith("nucleation:\n  type: clasical\n")) ==
        "case.yaml:5:9: nucleation.type: unknown type 'clasical' (did you mean 'classical'?); known "
        "types: classical, power-law");
  CHECK(firstError(caseWith("nucleation:\n  type: [a]\n")) ==
        "case.yaml:5:9: nucleation.type: expected one of: classical, power-law");
  CHECK(firstError(caseWith("growth:\n  rate: 1 nm/s\n")) ==
        "case.yaml:5:3: growth.type: required key is missing; known types: linear");
  CHECK(firstError(caseWith("nucleation:\n  type: power-law\n  surface-energy: 0.1 J/m^2\n  order: 2\n")) ==
        "case.yaml:6:3: nucleation.surface-energy: unknown key 'surface-energy'; allowed keys: order, type");
  CHECK(firstError(caseWith("nucleation:\n  type: power-law\n  ordr: 2\n")) ==
        "case.yaml:6:3: nucleation.ordr: unknown key 'ordr' (did you mean 'order'?)");
  CHECK(firstError(caseWith("nucleation:\n  type: power-law\n")) ==
        "case.yaml:5:3: nucleation.order: required key is missing");
  CHECK(firstError(caseWith("growth:\n  type: linear\n  rate: 1 nm/s\n")) == "valid");
}

TEST_CASE("named sections keep the user's names in file order", "[input]") {
  Parameters p = validateCase(
      "solution:\n"
      "  species:\n"
      "    SO4-2: {concentration: 0.1 mol/L, charge: -2}\n"
      "    Ba+2:\n"
      "      concentration: 50 mM\n"
      "      charge: 2\n"
      "    Na+: {concentration: 1 mM}\n");
  const Parameters& species = p.section("solution").section("species");
  CHECK(species.keys() == std::vector<std::string>{"SO4-2", "Ba+2", "Na+"});
  CHECK(species.section("SO4-2").real("concentration") == Approx(100.0));
  CHECK(species.section("SO4-2").integer("charge") == -2);
  CHECK(species.section("Ba+2").path() == "solution.species.Ba+2");
  CHECK(species.section("Ba+2").real("concentration") == Approx(50.0));
  CHECK(species.markOf("Ba+2").line == 7);
  CHECK(firstError(caseWith("solution:\n  species:\n    Na+:\n")) ==
        "case.yaml:6:5: solution.species.Na+.concentration: required key is missing");
  CHECK(firstError(caseWith("solution:\n  species:\n    Na+: 1 M\n")) ==
        "case.yaml:6:10: solution.species.Na+: expected a mapping");
}

TEST_CASE("lists of sections are indexed in paths", "[input]") {
  Parameters p = validateCase(
      "reactions:\n"
      "  - {equation: A -> B, rate-constant: 0.1 1/s}\n"
      "  - equation: B -> C\n"
      "    rate-constant: 6 1/min\n");
  const auto& reactions = p.list("reactions");
  REQUIRE(reactions.size() == 2);
  CHECK(reactions[0].string("equation") == "A -> B");
  CHECK(reactions[1].path() == "reactions[1]");
  CHECK(reactions[1].real("rate-constant") == Approx(0.1));
  CHECK(reactions[1].pathOf("rate-constant") == "reactions[1].rate-constant");

  CHECK(firstError(caseWith("reactions:\n  - {equation: A -> B, rate-constant: 1 1/s}\n"
                            "  - equation: B -> C\n    rate-constant: 0 1/s\n")) ==
        "case.yaml:7:20: reactions[1].rate-constant: must be > 0 1/s, got 0 1/s");
  CHECK(firstError(caseWith("reactions:\n  - A -> B\n")) == "case.yaml:5:5: reactions[0]: expected a mapping");
  CHECK(firstError(caseWith("reactions:\n  - {equation: A -> B}\n")) ==
        "case.yaml:5:5: reactions[0].rate-constant: required key is missing");
}

TEST_CASE("lists of numbers convert each item", "[input]") {
  Parameters p = validateCase("seeds: [10 um, 0.02 mm, 3e-5 m]\n");
  const std::vector<double>& seeds = p.reals("seeds");
  REQUIRE(seeds.size() == 3);
  CHECK(seeds[0] == Approx(1e-5));
  CHECK(seeds[1] == Approx(2e-5));
  CHECK(seeds[2] == Approx(3e-5));
  CHECK(validateCase("seeds: []\n").reals("seeds").empty());
  CHECK(firstError(caseWith("seeds: [10 um, 20]\n")) ==
        "case.yaml:4:16: seeds[1]: missing unit: expected a quantity in um, e.g. '20 um'");
  CHECK(firstError(caseWith("seeds:\n  - 10 um\n  - -1 um\n")) ==
        "case.yaml:6:5: seeds[1]: must be > 0 um, got -1 um");
  CHECK(firstError(caseWith("seeds: [[1 um]]\n")) ==
        "case.yaml:4:9: seeds[0]: expected a number with a unit of m (e.g. um)");
}
