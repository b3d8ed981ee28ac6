// The balances over the streams per conserved moiety (models/units/MoietyNames,
// StirredVesselReport.cpp): moieties named after the species they count, and their fed, out,
// accumulated amounts and in - out - accumulated against hand values. Theory:
// docs/theory/feeds-and-energy.md, "Balances reported".
#include <catch2/catch.hpp>

#include <cmath>

#include "CaseRunSupport.h"
#include "models/units/MoietyNames.h"

namespace proscale::test {

TEST_CASE("Moieties in any basis come out led by one species each", "[unit][streams]") {
  // BaSO4 from Ba+2, SO4-2, Na+, Cl- over (Ba, SO4, Na, Cl, solid [mol]): the conserved space
  // is spanned by Ba + solid, SO4 + solid, Na, Cl. Given as mixtures of those -- (Ba + SO4 +
  // 2 solid), (Ba - SO4), (Na + Cl), (2 Cl) -- the named form must recover them by hand.
  const std::vector<std::vector<double>> mixed{
      {1, 1, 0, 0, 2}, {1, -1, 0, 0, 0}, {0, 0, 1, 1, 0}, {0, 0, 0, 2, 0}};
  const std::vector<std::string> names{"Ba+2", "SO4-2", "Na+", "Cl-"};
  const std::vector<NamedMoiety> named = namedMoieties(mixed, names);
  REQUIRE(named.size() == 4);
  const std::vector<std::vector<double>> expected{
      {1, 0, 0, 0, 1}, {0, 1, 0, 0, 1}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}};
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(named[k].name == names[k]);
    for (std::size_t j = 0; j < 5; ++j) CHECK(named[k].weights[j] == Approx(expected[k][j]).margin(1e-15));
  }
}

TEST_CASE("Semi-batch BaSO4: each moiety's fed, out and accumulated amounts close",
          "[validation][streams]") {
  // validation/reactors/semibatch_baso4.yaml: 0.5 L of 50 mmol/L BaCl2 fed with 0.5 L of
  // 50 mmol/L Na2SO4. By hand: fed SO4 0.025 mol, Na 0.05 mol, Ba and Cl 0; nothing leaves.
  // Barium is initially 0.025 mol and, counted with the solid (1 mol per mol of BaSO4), does
  // not change although ~0.025 mol of Ba+2 ions precipitate.
  const char* const file = "validation/reactors/semibatch_baso4.yaml";
  const CaseValues v(file);
  const double fedVolume = 0.5e-3, cf = 50.0, V0 = v("reactor.volume");  // m^3, mol/m^3
  ProcessRun run = runProcess(file);
  CHECK(run.metric("moiety_SO4-2_fed") == Approx(cf * fedVolume).epsilon(1e-12));
  CHECK(run.metric("moiety_Na+_fed") == Approx(2.0 * cf * fedVolume).epsilon(1e-12));
  CHECK(run.metric("moiety_Ba+2_fed") == 0.0);
  CHECK(run.metric("moiety_Cl-_fed") == 0.0);
  for (const char* m : {"Ba+2", "SO4-2", "Na+", "Cl-"}) {
    INFO(m);
    CHECK(run.metric(std::string("moiety_") + m + "_out") == 0.0);
    // In - out - accumulated: the integration's error, rtol 1e-10 of the amounts (at most
    // 0.05 mol initially + fed).
    CHECK(std::abs(run.metric(std::string("moiety_") + m + "_balance")) < 1e-10 * 0.05);
  }
  const double barium0 = v("solution.species.Ba+2.initial") * V0;
  CHECK(-run.metric("formed_Ba+2") > 0.9 * barium0);  // the ions did precipitate
  CHECK(std::abs(run.metric("moiety_Ba+2_accumulated")) < 1e-10 * barium0);
}

}  // namespace proscale::test
