// --set overrides: replacing, creating, indexing lists, and errors located at --set.
#include <catch2/catch.hpp>

#include "TestSchema.h"

using namespace proscale;
using namespace proscale::test;

namespace {
Parameters withOverrides(const std::string& yaml, const std::vector<Override>& overrides) {
  return CaseDocument::fromString(yaml, "case.yaml", overrides).validate(*caseSchema());
}
const std::string kReactions =
    std::string(kMinimalCase) + "reactions:\n  - {equation: A -> B, rate-constant: 1 1/s}\n";
}  // namespace

TEST_CASE("parseOverride splits at the first '='", "[input]") {
  Override o = parseOverride("reactor.temperature=40 degC");
  CHECK(o.keyPath == "reactor.temperature");
  CHECK(o.valueText == "40 degC");
  CHECK(parseOverride("a = b=c").valueText == " b=c");
  CHECK(parseOverride("a = b=c").keyPath == "a");
  CHECK_THROWS_WITH(parseOverride("reactor.temperature"),
                    "--set:1:1: expected KEY.PATH=VALUE (e.g. reactor.temperature=\"40 degC\"), got "
                    "'reactor.temperature'");
  CHECK_THROWS_WITH(parseOverride("=5"), "--set:1:1: missing key path before '=' in '=5'");
}

TEST_CASE("overrides replace values and are located at --set", "[input]") {
  Parameters p = withOverrides(kMinimalCase, {parseOverride("reactor.volume=\"3 L\""),
                                              parseOverride("reactor.temperature=40 degC")});
  const Parameters& reactor = p.section("reactor");
  CHECK(reactor.real("volume") == Approx(3e-3));
  CHECK(reactor.real("temperature") == Approx(313.15));
  CHECK_FALSE(reactor.isDefault("temperature"));
  CHECK(reactor.markOf("temperature").file == "--set");
  CHECK(reactor.markOf("temperature").line == 1);
  CHECK(reactor.keys() == std::vector<std::string>{"volume", "temperature", "stirring", "isothermal"});
}

TEST_CASE("overrides create missing keys and sections", "[input]") {
  Parameters p = withOverrides(kMinimalCase, {parseOverride("numerics.classes=400"),
                                              parseOverride("seeds=[1 um, 2 um]")});
  CHECK(p.section("numerics").integer("classes") == 400);
  CHECK(p.section("numerics").string("scheme") == "van-leer");
  CHECK(p.reals("seeds").size() == 2);
  Parameters fresh = withOverrides("", {{"model", "batch"}, {"reactor.volume", "1 L"}});
  CHECK(fresh.section("reactor").real("volume") == Approx(1e-3));
}

TEST_CASE("overrides index lists by number", "[input]") {
  Parameters p = withOverrides(kReactions, {parseOverride("reactions.0.rate-constant=2 1/s")});
  CHECK(p.list("reactions")[0].real("rate-constant") == Approx(2.0));
  CHECK(p.list("reactions")[0].markOf("rate-constant").file == "--set");
  CHECK(firstError(kReactions, {parseOverride("reactions.0.rate-constant=-2 1/s")}) ==
        "--set:1:1: reactions[0].rate-constant: must be > 0 1/s, got -2 1/s");
}

TEST_CASE("parseOverride accepts the bracket form that messages print", "[input]") {
  CHECK(parseOverride("reactions[0].rate-constant=1 1/s").keyPath == "reactions.0.rate-constant");
  CHECK(parseOverride("a[2][1].b=1").keyPath == "a.2.1.b");
  CHECK(parseOverride("population.initial-moments[3]=1").keyPath == "population.initial-moments.3");
  CHECK(parseOverride("reactions.0.rate-constant=1 1/s").keyPath == "reactions.0.rate-constant");
}

TEST_CASE("an override may replace one item of a list of numbers", "[input]") {
  const std::string yaml = std::string(kMinimalCase) + "seeds: [1 um, 2 um]\n";
  Parameters p = withOverrides(yaml, {parseOverride("seeds.1=5 um")});
  CHECK(p.reals("seeds")[0] == Approx(1e-6));
  CHECK(p.reals("seeds")[1] == Approx(5e-6));
  CHECK(firstError(yaml, {parseOverride("seeds.0=5")}) ==
        "--set:1:1: seeds[0]: missing unit: expected a quantity in um, e.g. '5 um'");
}

TEST_CASE("errors in overridden values point at --set", "[input]") {
  CHECK(firstError(kMinimalCase, {parseOverride("reactor.temprature=40 degC")}) ==
        "--set:1:1: reactor.temprature: unknown key 'temprature' (did you mean 'temperature'?)");
  CHECK(firstError(kMinimalCase, {parseOverride("reactor.volume=2 kg")}) ==
        "--set:1:1: reactor.volume: unit 'kg' has dimension kg, expected m^3 (e.g. L)");
  CHECK(firstError(kMinimalCase, {parseOverride("output={}")}) ==
        "--set:1:1: output.directory: required key is missing");
  // an override error comes before errors in the file
  CHECK(firstError(std::string(kMinimalCase) + "yield: 2\n", {parseOverride("reactor.volume=0 L")}) ==
        "--set:1:1: reactor.volume: must be > 0 L, got 0 L");
}

TEST_CASE("override paths that cannot be applied", "[input]") {
  auto applyError = [](const std::string& yaml, const std::string& arg) {
    try {
      CaseDocument::fromString(yaml, "case.yaml", {parseOverride(arg)});
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("applied");
  };
  CHECK(applyError(kMinimalCase, "reactor.volume.unit=L") ==
        "--set:1:1: reactor.volume.unit: cannot set 'unit' inside 'reactor.volume', which holds a single value");
  CHECK(applyError(kReactions, "reactions.3.equation=x") ==
        "--set:1:1: reactions[3]: index 3 is past the end of 'reactions', which has 1 entry");
  CHECK(applyError(kReactions, "reactions.first.equation=x") ==
        "--set:1:1: reactions.first: 'reactions' is a list; select an entry by number (e.g. reactions.0)");
  CHECK(applyError(kMinimalCase, "reactor..volume=1 L") == "--set:1:1: reactor..volume: empty key name in the path");
  CHECK(applyError(kMinimalCase, "reactor.volume=[1, 2") ==
        "--set:1:1: reactor.volume: cannot read the value '[1, 2' as YAML: end of sequence flow not found");
  CHECK(applyError("just text", "model=batch") ==
        "--set:1:1: model: cannot set 'model' inside the top level of the case file, which holds a single value");
}

TEST_CASE("an override through a YAML alias changes only the key it names", "[input]") {
  // Issue 10, defect 14: `b: *x` is the node anchored at x; writing through it changed both.
  const std::string yaml = "model: batch\n"
                           "reactor: &vessel {volume: 2 L, temperature: &T 30 degC}\n"
                           "solution:\n"
                           "  species:\n"
                           "    A: &species {concentration: 1 mol/L}\n"
                           "    B: *species\n"
                           "    C: {concentration: 1 mol/L, charge: 0}\n"
                           "reactions:\n"
                           "  - &r {equation: A -> B, rate-constant: 1 1/s}\n"
                           "  - *r\n"
                           "numerics: {tolerance: 1e-6}\n"
                           "seeds: &sizes [1 um, 2 um]\n"
                           "output: {directory: out}\n";
  SECTION("a scalar alias: the anchor keeps its value") {
    const std::string withAlias = yaml + "yield: 0.5\n";
    Parameters p = withOverrides(withAlias, {parseOverride("reactor.temperature=40 degC")});
    CHECK(p.section("reactor").real("temperature") == Approx(313.15));
  }
  SECTION("a mapping reached through an alias is copied, not written") {
    Parameters p = withOverrides(yaml, {parseOverride("solution.species.B.concentration=3 mol/L")});
    const Parameters& species = p.section("solution").section("species");
    CHECK(species.section("B").real("concentration") == Approx(3000.0));
    CHECK(species.section("A").real("concentration") == Approx(1000.0));
    // the species keep their order (it is the order of the model's unknowns)
    CHECK(species.keys() == std::vector<std::string>{"A", "B", "C"});
    CHECK(species.section("B").markOf("concentration").file == "--set");
    CHECK(species.section("A").markOf("concentration").line == 5);
  }
  SECTION("the anchored node written: its aliases keep the file's value") {
    Parameters p = withOverrides(yaml, {parseOverride("solution.species.A.concentration=3 mol/L")});
    const Parameters& species = p.section("solution").section("species");
    CHECK(species.section("A").real("concentration") == Approx(3000.0));
    CHECK(species.section("B").real("concentration") == Approx(1000.0));
  }
  SECTION("list entries and lists") {
    Parameters p = withOverrides(yaml, {parseOverride("reactions.1.rate-constant=5 1/s"),
                                        parseOverride("seeds.0=7 um")});
    CHECK(p.list("reactions")[0].real("rate-constant") == Approx(1.0));
    CHECK(p.list("reactions")[1].real("rate-constant") == Approx(5.0));
    CHECK(p.reals("seeds")[0] == Approx(7e-6));
  }
  SECTION("two overrides through the same alias, one after the other") {
    Parameters p = withOverrides(yaml, {parseOverride("solution.species.B.concentration=3 mol/L"),
                                        parseOverride("solution.species.B.charge=1"),
                                        parseOverride("solution.species.A.charge=2")});
    const Parameters& species = p.section("solution").section("species");
    CHECK(species.section("B").real("concentration") == Approx(3000.0));
    CHECK(species.section("B").integer("charge") == 1);
    CHECK(species.section("A").integer("charge") == 2);
    CHECK(species.section("A").real("concentration") == Approx(1000.0));
  }
}
