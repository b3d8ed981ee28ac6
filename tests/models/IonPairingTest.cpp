// Ion pairs in equilibrium with the free ions: the 1:1 closed form, conservation and mass
// action with Davies activities, and the sensitivities to the totals against differences.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "case/CaseDocument.h"
#include "models/thermo/Solution.h"

using namespace proscale;

namespace {
/// A Solution from the text of a `solution:` section.
Solution solutionFrom(const std::string& yaml) {
  Schema root("case", "test");
  root.add(ParamSpec::section("solution", Solution::schema(), "").isRequired());
  static Parameters params;  // Solution keeps no reference to it
  params = CaseDocument::fromString(yaml, "case.yaml").validate(root);
  return Solution(params.section("solution"));
}

const char* kBaSO4 = R"(
solution:
  activity: {type: davies}
  species:
    Ba+2:  {charge: 2,  initial: 25 mmol/L}
    SO4-2: {charge: -2, initial: 25 mmol/L}
    Na+:   {charge: 1,  initial: 50 mmol/L}
    Cl-:   {charge: -1, initial: 50 mmol/L}
  ion-pairs:
    BaSO4(aq): {formula: Ba+2 + SO4-2, log-k: 2.7}
    NaSO4-: {formula: Na+ + SO4-2, log-k: 0.7, enthalpy: 1.12 kcal/mol}
)";
}  // namespace

TEST_CASE("A 1:1 pair in an ideal solution: the root of a quadratic", "[unit][validation]") {
  // K = x_p / (x_a x_b) with x in mol/L: x_p = K (a - x_p)(b - x_p), the smaller root of
  // K x^2 - (K (a + b) + 1) x + K a b = 0.
  Solution s = solutionFrom(R"(
solution:
  species:
    A+: {charge: 1, initial: 30 mmol/L}
    B-: {charge: -1, initial: 5 mmol/L}
    C-: {charge: -1, initial: 25 mmol/L}   # spectator: the solution must be electroneutral
  ion-pairs:
    AB(aq): {formula: A+ + B-, log-k: 2.0}
)");
  Speciation sp;
  for (double scale : {1.0, 1e-3, 10.0}) {
    const std::vector<double> c{30.0 * scale, 5.0 * scale, 25.0 * scale};  // mol/m^3
    s.speciate(c, 298.15, sp);
    const double K = 100.0, a = c[0] / 1000.0, b = c[1] / 1000.0;
    const double p = (K * (a + b) + 1.0 - std::sqrt(std::pow(K * (a + b) + 1.0, 2) - 4 * K * K * a * b)) / (2 * K);
    CHECK(sp.free[3] / 1000.0 == Approx(p).epsilon(1e-10));
    CHECK(sp.free[0] / 1000.0 == Approx(a - p).epsilon(1e-10));
    CHECK(sp.free[1] / 1000.0 == Approx(b - p).epsilon(1e-10));
  }
}

TEST_CASE("BaSO4(aq) and NaSO4- with Davies: conservation, mass action, slopes", "[unit][jacobian]") {
  Solution s = solutionFrom(kBaSO4);
  const std::vector<double> c{25.0, 25.0, 50.0, 50.0};
  const double T = 298.15;
  Speciation sp;
  s.speciate(c, T, sp);
  REQUIRE(sp.species == 6);
  // totals conserved
  CHECK(sp.free[0] + sp.free[4] == Approx(25.0).epsilon(1e-12));
  CHECK(sp.free[1] + sp.free[4] + sp.free[5] == Approx(25.0).epsilon(1e-12));
  CHECK(sp.free[2] + sp.free[5] == Approx(50.0).epsilon(1e-12));
  CHECK(sp.free[3] == Approx(50.0).epsilon(1e-14));
  // mass action with the activity coefficients (log10 K: 2.7 and 0.7 + van 't Hoff)
  auto logActivity = [&](std::size_t i) {
    return std::log10(sp.free[i] / 1000.0) + sp.lnGamma[i] / std::log(10.0);
  };
  CHECK(logActivity(4) - logActivity(0) - logActivity(1) == Approx(2.7).epsilon(1e-10));
  CHECK(logActivity(5) - logActivity(2) - logActivity(1) == Approx(0.7).epsilon(1e-10));
  // Davies at the speciated ionic strength, neutral pair gamma = 1
  CHECK(sp.lnGamma[4] == 0.0);
  CHECK(sp.ionicStrength < 0.15);
  // sensitivities to the totals against central differences
  for (const double Tk : {298.15, 330.0}) {
    s.speciate(c, Tk, sp);
    const Speciation base = sp;
    for (std::size_t j = 0; j < 4; ++j) {
      const double h = 1e-6 * c[j];
      std::vector<double> up = c, down = c;
      up[j] += h;
      down[j] -= h;
      Speciation spUp, spDown;
      s.speciate(up, Tk, spUp);
      s.speciate(down, Tk, spDown);
      for (std::size_t i = 0; i < 6; ++i) {
        INFO("species " << i << ", total " << j << ", T = " << Tk);
        const double dFree = (std::log(spUp.free[i]) - std::log(spDown.free[i])) / (2 * h);
        const double dGamma = (spUp.lnGamma[i] - spDown.lnGamma[i]) / (2 * h);
        CHECK(base.dLnFreeAt(i, j) == Approx(dFree).epsilon(1e-6).margin(1e-12));
        CHECK(base.dLnGammaAt(i, j) == Approx(dGamma).epsilon(1e-6).margin(1e-12));
      }
    }
  }
}

TEST_CASE("Ion pairs take part only where all their ions are present", "[unit]") {
  Solution s = solutionFrom(kBaSO4);
  Speciation sp;
  s.speciate(std::vector<double>{0.0, 25.0, 50.0, 50.0}, 298.15, sp);
  CHECK(sp.free[4] == 0.0);  // no Ba: no BaSO4(aq)
  CHECK(sp.free[5] > 0.0);
  CHECK(sp.free[1] + sp.free[5] == Approx(25.0).epsilon(1e-12));
}

TEST_CASE("Charges from species names; electroneutrality with a balancing ion", "[unit][input]") {
  CHECK(chargeFromName("Ba+2") == 2);
  CHECK(chargeFromName("Cl-") == -1);
  CHECK(chargeFromName("SO4-2") == -2);
  CHECK(chargeFromName("NaSO4-") == -1);
  CHECK(chargeFromName("Ce+3") == 3);
  CHECK_FALSE(chargeFromName("CeO2(aq)").has_value());
  CHECK_FALSE(chargeFromName("A").has_value());
  CHECK_FALSE(chargeFromName("H2O").has_value());
  // No `charge:` keys: the names say them. Na+ given at 10 instead of 50 mmol/L; the balance
  // list names Na+ and Cl-; the net charge is negative, so the cation Na+ takes it up.
  Solution s = solutionFrom(R"(
solution:
  species:
    Ba+2:  {initial: 25 mmol/L}
    SO4-2: {initial: 25 mmol/L}
    Na+:   {initial: 10 mmol/L}
    Cl-:   {initial: 50 mmol/L}
  balance: [Cl-, Na+]
)");
  CHECK(s.charges() == std::vector<int>{2, -2, 1, -1});
  CHECK(s.initialConcentrations()[2] == Approx(50.0).epsilon(1e-14));  // mol/m^3
  CHECK(s.initialConcentrations()[3] == 50.0);                         // unchanged
}
