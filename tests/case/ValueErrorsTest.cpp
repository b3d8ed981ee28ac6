// Deliberately bad case files: each error class with its exact message and line:column.
#include <catch2/catch.hpp>

#include "TestSchema.h"

using namespace proscale;
using namespace proscale::test;

namespace {
/// kMinimalCase's reactor with one more line inside it (line 4).
std::string reactorWith(const std::string& line) { return std::string(kMinimalCase) + "  " + line + "\n"; }
/// kMinimalCase with one more top-level line (line 4).
std::string caseWith(const std::string& lines) { return std::string(kMinimalCase) + lines; }
}  // namespace

TEST_CASE("unknown keys suggest the closest declared key", "[input]") {
  CHECK(firstError(reactorWith("temprature: 40 degC")) ==
        "case.yaml:4:3: reactor.temprature: unknown key 'temprature' (did you mean 'temperature'?)");
  CHECK(firstError(caseWith("numercis: {}\n")) ==
        "case.yaml:4:1: numercis: unknown key 'numercis' (did you mean 'numerics'?)");
  CHECK(firstError(reactorWith("colour: red")) ==
        "case.yaml:4:3: reactor.colour: unknown key 'colour'; allowed keys: temperature, volume, "
        "stirring, isothermal");
}

TEST_CASE("required keys are reported at the mapping that lacks them", "[input]") {
  CHECK(firstError("model: batch\nreactor:\n  temperature: 300 K\n") ==
        "case.yaml:3:3: reactor.volume: required key is missing");
  CHECK(firstError("reactor:\n  volume: 1 L\n") == "case.yaml:1:1: model: required key is missing");
  CHECK(firstError("model: batch\n") == "case.yaml:1:1: reactor: required key is missing");
}

TEST_CASE("values of the wrong YAML kind", "[input]") {
  CHECK(firstError(reactorWith("temperature: {value: 300}")) ==
        "case.yaml:4:16: reactor.temperature: expected a number with a unit of K (e.g. K)");
  CHECK(firstError(reactorWith("temperature:")) ==
        "case.yaml:4:3: reactor.temperature: missing value: expected a number with a unit of K (e.g. K)");
  CHECK(firstError("model: batch\nreactor: 5 L\n") == "case.yaml:2:10: reactor: expected a mapping");
  CHECK(firstError(reactorWith("isothermal: yes")) ==
        "case.yaml:4:15: reactor.isothermal: expected true or false, got 'yes'");
  CHECK(firstError(reactorWith("isothermal: [true]")) == "case.yaml:4:15: reactor.isothermal: expected true or false");
  CHECK(firstError("model: [batch]\nreactor:\n  volume: 1 L\n") == "case.yaml:1:8: model: expected a string");
  CHECK(firstError(caseWith("reactions: {a: 1}\n")) == "case.yaml:4:12: reactions: expected a list of mappings");
  CHECK(firstError(caseWith("seeds: 5 um\n")) ==
        "case.yaml:4:8: seeds: expected a list of numbers with a unit of m (e.g. um)");
}

TEST_CASE("quantities need a unit of the declared dimension", "[input]") {
  CHECK(firstError(reactorWith("temperature: 300")) ==
        "case.yaml:4:16: reactor.temperature: missing unit: did you mean '300 K' (26.85 degC) or "
        "'300 degC' (573.15 K)?");
  CHECK(firstError("model: batch\nreactor:\n  volume: 2 kg\n") ==
        "case.yaml:3:13: reactor.volume: unit 'kg' has dimension kg, expected m^3 (e.g. L)");
  CHECK(firstError(caseWith("solution:\n  species:\n    Ba+2: {concentration: 0.1 mol}\n")) ==
        "case.yaml:6:31: solution.species.Ba+2.concentration: unit 'mol' has dimension mol, expected "
        "mol/m^3 (e.g. mol/L)");
  CHECK(firstError(caseWith("yield: 0.5 K\n")) ==
        "case.yaml:4:12: yield: unit 'K' has dimension K, expected a plain number (or %, ppm)");
}

TEST_CASE("unit errors point inside the scalar", "[input]") {
  CHECK(firstError("model: batch\nreactor:\n  volume: 5 mols/L\n") ==
        "case.yaml:3:13: reactor.volume: unknown unit 'mols' in '5 mols/L'");
  // a quoted scalar's mark is its opening quote
  CHECK(firstError("model: batch\nreactor:\n  volume: \"5 mols/L\"\n") ==
        "case.yaml:3:14: reactor.volume: unknown unit 'mols' in '5 mols/L'");
  CHECK(firstError(reactorWith("temperature: 25 degC/s")) ==
        "case.yaml:4:19: reactor.temperature: 'degC' cannot be part of a compound unit in '25 degC/s'; "
        "write absolute temperatures alone (e.g. '25 degC') and use K in compound units");
  CHECK(firstError(reactorWith("temperature: .nan")) ==
        "case.yaml:4:16: reactor.temperature: expected a number at the start of '.nan'");
  CHECK(firstError(reactorWith("temperature: 1e999 K")) ==
        "case.yaml:4:16: reactor.temperature: number '1e999' is out of range in '1e999 K'");
}

TEST_CASE("bounds are checked on the SI value", "[input]") {
  CHECK(firstError(reactorWith("temperature: -300 degC")) ==
        "case.yaml:4:16: reactor.temperature: must be > 0 K, got -26.85 K");
  CHECK(firstError("model: batch\nreactor:\n  volume: 0 mL\n") ==
        "case.yaml:3:11: reactor.volume: must be > 0 mL, got 0 mL");
  CHECK(firstError(caseWith("yield: 120 %\n")) == "case.yaml:4:8: yield: must be <= 100 %, got 120 %");
  CHECK(firstError(caseWith("numerics:\n  tolerance: 1\n")) == "case.yaml:5:14: numerics.tolerance: must be < 1, got 1");
  CHECK(firstError(caseWith("numerics:\n  classes: 5\n")) == "case.yaml:5:12: numerics.classes: must be >= 10, got 5");
}

TEST_CASE("integers, choices and strings", "[input]") {
  CHECK(firstError(caseWith("numerics:\n  classes: 3.5\n")) ==
        "case.yaml:5:12: numerics.classes: expected a whole number, got '3.5'");
  CHECK(firstError(caseWith("numerics:\n  classes: 99999999999999999999\n")) ==
        "case.yaml:5:12: numerics.classes: whole number '99999999999999999999' is out of range");
  CHECK(firstError(caseWith("numerics:\n  scheme: van-ler\n")) ==
        "case.yaml:5:11: numerics.scheme: unknown value 'van-ler' (did you mean 'van-leer'?); one of: "
        "upwind, van-leer, minmod");
  CHECK(firstError(caseWith("numerics:\n  scheme: superbee\n")) ==
        "case.yaml:5:11: numerics.scheme: unknown value 'superbee'; one of: upwind, van-leer, minmod");
  CHECK(firstError(caseWith("numerics: {classes: +400}\n")) == "valid");
}

TEST_CASE("duplicate keys are reported at the second one", "[input]") {
  CHECK(firstError("model: batch\nreactor:\n  volume: 1 L\n  volume: 2 L\n") ==
        "case.yaml:4:3: reactor.volume: duplicate key 'volume' (first given at line 3)");
  CHECK(firstError(caseWith("solution:\n  species:\n    Na+: {concentration: 1 M}\n    Na+: {concentration: 2 M}\n")) ==
        "case.yaml:7:5: solution.species.Na+: duplicate key 'Na+' (first given at line 6)");
}

TEST_CASE("YAML syntax errors carry the parser's position", "[input]") {
  try {
    CaseDocument::fromString("model: batch\nreactor: [1, 2\nx: 3\n", "case.yaml");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.mark().line == 3);
    CHECK(e.mark().column == 2);
    CHECK(e.problem() == "YAML syntax error: end of sequence flow not found");
  }
  CHECK_THROWS_WITH(CaseDocument::fromString("a: b: c\n", "case.yaml"),
                    "case.yaml:1:5: YAML syntax error: illegal map value");
}
