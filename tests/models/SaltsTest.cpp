// Salts by name (models/thermo/Salts.h): the flagship's solution written as its two salts gives
// the same ions, charges and concentrations as the four species it declares one by one, and so
// the same run; an unknown salt is named with the table; one --set changes a salt together with
// its counter-ions (the solution stays electroneutral).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "CaseRunSupport.h"

namespace proscale::test {
namespace {

std::string flagshipText() {
  std::ifstream in(std::string(PROSCALE_SOURCE_DIR) + "/cases/baso4_batch.yaml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The flagship with its `species:` block replaced by `salts`.
std::string flagshipWithSalts(const std::string& salts) {
  std::string text = flagshipText();
  const std::size_t start = text.find("  species:\n");
  const std::size_t end = text.find("  # Option: ion pairs", start);
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  return text.replace(start, end - start, "  salts: " + salts + "\n");
}

double finalMetric(LoadedCase& c, const std::string& name) {
  Recorder r;
  REQUIRE(c.solver->run(c.times, r).complete);
  for (const Metric& m : c.process->metrics(r.t.back(), r.y.back()))
    if (m.name == name) return m.value;
  FAIL("no metric " << name);
  return 0.0;
}

}  // namespace

TEST_CASE("A solution given as salts is the same solution as its ions", "[validation][input]") {
  LoadedCase ions = LoadedCase::load(std::string(PROSCALE_SOURCE_DIR) + "/cases/baso4_batch.yaml", {});
  LoadedCase salts = LoadedCase::fromDocument(CaseDocument::fromString(
      flagshipWithSalts("{BaCl2: 25 mmol/L, Na2SO4: 25 mmol/L}"), "salts.yaml"));
  const StateBlock& a = ions.process->system().layout().block("species");
  const StateBlock& b = salts.process->system().layout().block("species");
  std::vector<double> ya(ions.process->system().size()), yb(salts.process->system().size());
  ions.process->system().initialState(ya);
  salts.process->system().initialState(yb);
  REQUIRE(b.size == 4);
  for (std::size_t i = 0; i < a.size; ++i) {
    const auto j = static_cast<std::size_t>(
        std::find(b.componentNames.begin(), b.componentNames.end(), a.componentNames[i]) -
        b.componentNames.begin());
    REQUIRE(j < b.size);
    CHECK(yb[b.offset + j] == ya[a.offset + i]);
  }
  // The same equations in another order of the unknowns: the same answer to the integration
  // tolerance (rtol 1e-6; required 1e-4 on d50, a quantile on 200 classes).
  CHECK(finalMetric(salts, "d50_volume") ==
        Approx(finalMetric(ions, "d50_volume")).epsilon(1e-4));
}

TEST_CASE("Salts: an unknown formula is named with the table; --set changes a salt",
          "[unit][input]") {
  CHECK_THROWS_WITH(
      LoadedCase::fromDocument(CaseDocument::fromString(
          flagshipWithSalts("{BaCl2: 25 mmol/L, Na2SO5: 25 mmol/L}"), "salts.yaml")),
      Catch::Contains("solution.salts.Na2SO5: unknown salt 'Na2SO5'") &&
          Catch::Contains("Na2SO4"));
  // 30 mM BaCl2 against 25 mM Na2SO4: more Ba+2 and more Cl-, still neutral.
  LoadedCase c = LoadedCase::fromDocument(
      CaseDocument::fromString(flagshipWithSalts("{BaCl2: 25 mmol/L, Na2SO4: 25 mmol/L}"),
                               "salts.yaml", {parseOverride("solution.salts.BaCl2=30 mmol/L")}));
  const StateBlock& s = c.process->system().layout().block("species");
  std::vector<double> y(c.process->system().size());
  c.process->system().initialState(y);
  auto initial = [&](const std::string& ion) {
    const auto k = std::find(s.componentNames.begin(), s.componentNames.end(), ion) -
                   s.componentNames.begin();
    return y[s.offset + static_cast<std::size_t>(k)];
  };
  CHECK(initial("Ba+2") == Approx(30.0));   // mol/m^3
  CHECK(initial("Cl-") == Approx(60.0));
  CHECK(initial("Na+") == Approx(50.0));
  CHECK(initial("SO4-2") == Approx(25.0));
}

}  // namespace proscale::test
