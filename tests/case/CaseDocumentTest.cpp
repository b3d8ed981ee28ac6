// A valid case read into SI values with positions, defaults, and the model name.
#include <catch2/catch.hpp>

#include "TestSchema.h"

using namespace proscale;
using namespace proscale::test;

namespace {
Parameters validateCase(const std::string& yaml) {
  return CaseDocument::fromString(yaml, "case.yaml").validate(*caseSchema());
}
}  // namespace

TEST_CASE("a case converts to SI with the position of every value", "[input]") {
  Parameters p = validateCase(
      "model: batch\n"
      "reactor:\n"
      "  temperature: 40 degC\n"
      "  volume: \"2 L\"\n"
      "  isothermal: false\n"
      "yield: 85 %\n");
  CHECK(p.string("model") == "batch");
  CHECK(p.keys().front() == "model");
  const Parameters& reactor = p.section("reactor");
  CHECK(reactor.path() == "reactor");
  CHECK(reactor.real("temperature") == Approx(313.15));
  CHECK(reactor.real("volume") == Approx(2e-3));
  CHECK_FALSE(reactor.boolean("isothermal"));
  CHECK(p.real("yield") == Approx(0.85));
  CHECK(reactor.markOf("temperature").file == "case.yaml");
  CHECK(reactor.markOf("temperature").line == 3);
  CHECK(reactor.markOf("temperature").column == 16);
  CHECK(reactor.mark().line == 3);  // a block mapping starts at its first key
  CHECK(reactor.mark().column == 3);
  CHECK(reactor.error("volume", "too small").what() == std::string("case.yaml:4:11: reactor.volume: too small"));
}

TEST_CASE("absent keys take their declared defaults at the parent's position", "[input]") {
  Parameters p = validateCase(kMinimalCase);
  const Parameters& reactor = p.section("reactor");
  CHECK(reactor.real("temperature") == 298.15);  // "25 degC", read like user text
  CHECK(reactor.isDefault("temperature"));
  CHECK_FALSE(reactor.isDefault("volume"));
  CHECK(reactor.real("stirring") == Approx(5.0));
  CHECK(reactor.boolean("isothermal"));
  CHECK(reactor.markOf("temperature").line == reactor.mark().line);
  CHECK(reactor.keys() == std::vector<std::string>{"volume", "temperature", "stirring", "isothermal"});
}

TEST_CASE("absent sections are built from defaults when nothing in them is required", "[input]") {
  Parameters p = validateCase(kMinimalCase);
  REQUIRE(p.has("numerics"));
  CHECK(p.isDefault("numerics"));
  const Parameters& numerics = p.section("numerics");
  CHECK(numerics.path() == "numerics");
  CHECK(numerics.string("scheme") == "van-leer");
  CHECK(numerics.integer("classes") == 200);
  CHECK(numerics.real("tolerance") == 1e-6);
  CHECK(numerics.isDefault("scheme"));

  REQUIRE(p.has("nucleation"));  // typed section with a default variant
  CHECK(p.section("nucleation").type() == "classical");
  CHECK(p.section("nucleation").real("surface-energy") == Approx(0.12));

  CHECK_FALSE(p.has("output"));   // output.directory is required
  CHECK_FALSE(p.has("growth"));   // no default variant
  CHECK_FALSE(p.has("yield"));    // optional, no default
  CHECK_FALSE(p.has("seeds"));
  CHECK_FALSE(p.has("reactions"));
  REQUIRE(p.has("solution"));     // nothing in it is required: built, without species
  CHECK(p.section("solution").keys().empty());
}

TEST_CASE("a misspelt required key is reported as the typo, not as missing", "[input]") {
  CHECK(allErrors("model: batch\nreactor:\n  temperature: 300 K\n  volme: 1 L\n") ==
        std::vector<std::string>{"case.yaml:4:3: reactor.volme: unknown key 'volme' (did you mean 'volume'?)"});
}

TEST_CASE("an empty section value reads as an empty mapping", "[input]") {
  Parameters p = validateCase("model: batch\nreactor:\n  volume: 1 L\nnumerics:\n");
  CHECK(p.section("numerics").integer("classes") == 200);
  CHECK_FALSE(p.isDefault("numerics"));
}

TEST_CASE("the first problem in file order is reported", "[input]") {
  const std::string yaml =
      "model: batch\n"
      "numerics:\n"
      "  scheme: upwnd\n"
      "reactor:\n"
      "  temperature: -5 K\n";
  CHECK(firstError(yaml) ==
        "case.yaml:3:11: numerics.scheme: unknown value 'upwnd' (did you mean 'upwind'?); one of: "
        "upwind, van-leer, minmod");
  CHECK(allErrors(yaml) == std::vector<std::string>{
                               "case.yaml:3:11: numerics.scheme: unknown value 'upwnd' (did you mean "
                               "'upwind'?); one of: upwind, van-leer, minmod",
                               "case.yaml:5:3: reactor.volume: required key is missing",
                               "case.yaml:5:16: reactor.temperature: must be > 0 K, got -5 K"});
  CHECK(CaseDocument::fromString(kMinimalCase, "ok.yaml").problems(*caseSchema()).empty());
}

TEST_CASE("the top level must be a mapping", "[input]") {
  CHECK(firstError("") == "case.yaml:1:1: model: required key is missing");
  CHECK(firstError("- a\n- b\n") == "case.yaml:1:1: expected a mapping of keys at the top level of the case file");
  CHECK(firstError("# only a comment\n\nreactor:\n  volume: 1 L\n") == "case.yaml:3:1: model: required key is missing");
}

TEST_CASE("modelType reads the top-level model key", "[input]") {
  const std::vector<std::string> known{"batch", "continuous"};
  auto model = [&](const std::string& yaml) {
    try {
      return CaseDocument::fromString(yaml, "case.yaml").modelType(known);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
  };
  CHECK(model("model: continuous\n") == "continuous");
  CHECK(model("reactor: {}\n") == "case.yaml:1:1: model: required key is missing; known models: batch, continuous");
  CHECK(model("a: 1\nmodel: [batch]\n") == "case.yaml:2:8: model: expected the name of a model; known models: batch, continuous");
  CHECK(model("model: bach\n") ==
        "case.yaml:1:8: model: unknown model 'bach' (did you mean 'batch'?); known models: batch, continuous");
  CHECK(model("model: crystallizer\n") == "case.yaml:1:8: model: unknown model 'crystallizer'; known models: batch, continuous");
  CHECK(model("[1]") == "case.yaml:1:1: expected a mapping of keys at the top level of the case file");
  CHECK(CaseDocument::fromString("model: bach\n", "c.yaml", {{"model", "batch"}}).modelType(known) == "batch");
}

TEST_CASE("a scalar's default is its text as written", "[input]") {
  Schema s("s", "");
  s.add(ParamSpec::string("description", "").defaultsTo(""));
  s.add(ParamSpec::string("label", "").defaultsTo("a: b"));
  s.add(ParamSpec::realList("sizes", dim::length, "").defaultsTo("[1 um, 2 um]"));
  Parameters p = CaseDocument::fromString("{}", "case.yaml").validate(s);
  CHECK(p.string("description").empty());
  CHECK(p.string("label") == "a: b");
  CHECK(p.reals("sizes").size() == 2);
}

TEST_CASE("an invalid declared default is a programming error", "[input]") {
  Schema bad("bad", "");
  bad.add(ParamSpec::real("temperature", dim::temperature, "").defaultsTo("25"));
  auto doc = CaseDocument::fromString("{}", "case.yaml");
  CHECK_THROWS_WITH(doc.validate(bad),
                    "the declared default of 'temperature' is invalid: missing unit: did you mean "
                    "'25 K' (-248.15 degC) or '25 degC' (298.15 K)?");
}

TEST_CASE("a section declared onlyWhenGiven stays absent until the case gives it", "[input]") {
  // Such a section switches a model on (reactor.energy-balance): all its keys have defaults,
  // so it would otherwise be built in every case.
  auto inner = std::make_shared<Schema>("switch", "");
  inner->add(ParamSpec::real("gain", dim::none, "").defaultsTo("2"));
  Schema root("root", "");
  root.add(ParamSpec::section("switch", inner, "").onlyWhenGiven());
  root.add(ParamSpec::section("always", inner, ""));
  const Parameters absent = CaseDocument::fromString("{}", "case.yaml").validate(root);
  CHECK_FALSE(absent.has("switch"));
  CHECK(absent.has("always"));
  const Parameters given = CaseDocument::fromString("switch: {}", "case.yaml").validate(root);
  REQUIRE(given.has("switch"));
  CHECK(given.section("switch").real("gain") == 2.0);
}
