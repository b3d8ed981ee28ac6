#include "TestSchema.h"

namespace proscale::test {
namespace {

SchemaPtr reactorSchema() {
  auto s = std::make_shared<Schema>("reactor", "The stirred vessel.");
  s->add(ParamSpec::real("temperature", dim::temperature, "Vessel temperature.").unit("K").defaultsTo("25 degC").above(0));
  s->add(ParamSpec::real("volume", dim::volume, "Liquid volume.").unit("L").isRequired().above(0));
  s->add(ParamSpec::real("stirring", dim::frequency, "Impeller speed.").unit("rpm").defaultsTo("300 rpm"));
  s->add(ParamSpec::boolean("isothermal", "Hold the temperature constant.").defaultsTo("true"));
  return s;
}

SchemaPtr speciesSchema() {
  auto s = std::make_shared<Schema>("species", "One dissolved species.");
  s->add(ParamSpec::real("concentration", dim::concentration, "Initial concentration.").unit("mol/L").isRequired().atLeast(0));
  s->add(ParamSpec::integer("charge", "Charge number.").defaultsTo("0"));
  return s;
}

FamilyPtr nucleationFamily() {
  auto classical = std::make_shared<Schema>("classical", "Classical nucleation theory.");
  classical->add(ParamSpec::real("surface-energy", dim::surfaceEnergy, "Interfacial energy.").unit("J/m^2").defaultsTo("0.12 J/m^2").above(0));
  auto power = std::make_shared<Schema>("power-law", "Empirical power law.");
  power->add(ParamSpec::real("order", dim::none, "Supersaturation exponent.").isRequired());
  auto f = std::make_shared<TypedFamily>();
  f->name = "nucleation";
  f->doc = "Primary nucleation rate law.";
  f->variants = {{"classical", classical}, {"power-law", power}};
  return f;
}

FamilyPtr growthFamily() {
  auto linear = std::make_shared<Schema>("linear", "Size-independent growth.");
  linear->add(ParamSpec::real("rate", dim::velocity, "Growth rate.").unit("m/s").isRequired());
  auto f = std::make_shared<TypedFamily>();
  f->name = "growth";
  f->variants = {{"linear", linear}};
  return f;
}

SchemaPtr reactionSchema() {
  auto s = std::make_shared<Schema>("reaction", "One reaction.");
  s->add(ParamSpec::string("equation", "Reaction equation.").isRequired());
  s->add(ParamSpec::real("rate-constant", dim::frequency, "First-order rate constant.").unit("1/s").isRequired().above(0));
  return s;
}

SchemaPtr numericsSchema() {
  auto s = std::make_shared<Schema>("numerics", "Discretisation.");
  s->add(ParamSpec::choice("scheme", {"upwind", "van-leer", "minmod"}, "Flux limiter.").defaultsTo("van-leer"));
  s->add(ParamSpec::integer("classes", "Number of size classes.").defaultsTo("200").atLeast(10));
  s->add(ParamSpec::real("tolerance", dim::none, "Relative tolerance.").defaultsTo("1e-6").above(0).below(1));
  return s;
}

}  // namespace

SchemaPtr caseSchema() {
  auto solution = std::make_shared<Schema>("solution", "The liquid.");
  solution->add(ParamSpec::sectionMap("species", speciesSchema(), "Dissolved species by name."));
  auto output = std::make_shared<Schema>("output", "Where results go.");
  output->add(ParamSpec::string("directory", "Output directory.").isRequired());

  auto root = std::make_shared<Schema>("batch", "A batch precipitation case.");
  root->add(ParamSpec::string("model", "Model name.").isRequired());
  root->add(ParamSpec::section("reactor", reactorSchema(), "Vessel.").isRequired());
  root->add(ParamSpec::section("solution", solution, "Liquid phase."));
  root->add(ParamSpec::typed("nucleation", nucleationFamily(), "Nucleation law.").defaultVariant("classical"));
  root->add(ParamSpec::typed("growth", growthFamily(), "Growth law."));
  root->add(ParamSpec::sectionList("reactions", reactionSchema(), "Reactions in order."));
  root->add(ParamSpec::section("numerics", numericsSchema(), "Numerical settings."));
  root->add(ParamSpec::realList("seeds", dim::length, "Seed crystal sizes.").unit("um").above(0));
  root->add(ParamSpec::section("output", output, "Output settings."));
  root->add(ParamSpec::real("yield", dim::none, "Target yield.").atLeast(0).atMost(1));
  return root;
}

std::string firstError(const std::string& yaml, const std::vector<Override>& overrides) {
  try {
    CaseDocument::fromString(yaml, "case.yaml", overrides).validate(*caseSchema());
  } catch (const InputError& e) {
    return e.what();
  }
  return "valid";
}

std::vector<std::string> allErrors(const std::string& yaml, const std::vector<Override>& overrides) {
  std::vector<std::string> out;
  for (const auto& e : CaseDocument::fromString(yaml, "case.yaml", overrides).problems(*caseSchema()))
    out.push_back(e.what());
  return out;
}

}  // namespace proscale::test
