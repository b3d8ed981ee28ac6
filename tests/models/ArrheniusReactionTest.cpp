// Arrhenius rate constants of liquid-phase reactions (models/kinetics/ReactionNetwork.h):
// a first-order reaction A -> B in a batch at T decays as c_A = c_A0 exp(-k(T) t) with
// k(T) = k_ref exp(-(E_a/R)(1/T - 1/T_ref)) (Levenspiel, Chemical Reaction Engineering, 3rd
// ed., eqs. 3.11 and 2.34).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "CaseRunSupport.h"
#include "core/Constants.h"

using namespace proscale;

namespace {

std::string batchCase(double celsius, double activationKJ) {
  return "model: batch-precipitation\n"
         "reactor: {temperature: " + std::to_string(celsius) + " degC}\n"
         "solution:\n"
         "  species:\n"
         "    A: {initial: 1 mol/L}\n"
         "    B: {initial: 0 mol/L}\n"
         "    Ba+2: {initial: 1 umol/L}\n"
         "    SO4-2: {initial: 1 umol/L}\n"
         "reactions:\n"
         "  - {equation: A -> B, rate-constant: 0.01 1/s, reference-temperature: 25 degC,\n"
         "     activation-energy: " + std::to_string(activationKJ) + " kJ/mol}\n"
         "solid:\n"
         "  {name: BaSO4, formula: Ba+2 + SO4-2, molar-mass: 233.39 g/mol, density: 4.48 g/cm^3,\n"
         "   solubility: {type: analytic, coefficients: [136.035, 0, -7680.41, -48.595]}}\n"
         "nucleation: {type: none}\n"
         "growth: {type: diffusion-limited, diffusivity: 1e-9 m^2/s, film-thickness: 10 um}\n"
         "population: {min-size: 1 nm, max-size: 10 um, classes: 20, verify-grid: false}\n"
         "solver: {rtol: 1e-10, atol: 1e-12}\n"
         "output: {end-time: 100 s, count: 5, spacing: linear}\n";
}

double remainingA(double celsius, double activationKJ) {
  const CaseDocument doc = CaseDocument::fromString(batchCase(celsius, activationKJ), "arrhenius.yaml");
  test::Loaded l;
  l.params = doc.validate(*caseSchema("batch-precipitation"));
  std::unique_ptr<Process> process = processModels().at("batch-precipitation").make(l.params);
  l.model.reset(dynamic_cast<StirredVessel*>(process.release()));
  const test::Recorder r = test::run(l);
  return r.y.back()[0];  // species in declaration order: A first [mol/m^3]
}

}  // namespace

TEST_CASE("Arrhenius reaction: first-order decay follows k(T) at and away from T_ref",
          "[models][kinetics]") {
  const double Ea = 20.0, t = 100.0;  // k(90 degC) = 4.2 k_ref: c_A falls to 1.4 % of c_A0
  for (double celsius : {25.0, 60.0, 90.0}) {
    const double T = celsius + 273.15;
    const double k = 0.01 * std::exp(-Ea * 1e3 / constants::R * (1.0 / T - 1.0 / 298.15));
    const double expected = 1000.0 * std::exp(-k * t);
    // rtol 1e-10 on a smooth decay: the integration error is far below 1e-6 relative.
    CHECK(remainingA(celsius, Ea) == Approx(expected).epsilon(1e-6));
  }
  // E_a = 0: the rate constant does not move with T.
  CHECK(remainingA(90.0, 0.0) == Approx(1000.0 * std::exp(-1.0)).epsilon(1e-6));
}
