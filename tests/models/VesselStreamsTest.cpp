// Streams, recipes and the energy balance of the stirred vessel (models/units/), against
// analytic solutions: recipe profiles and their integrals, a CSTR's first-order start-up and
// steady state (CVODE and KINSOL), the adiabatic temperature rise, and a semi-batch
// precipitation's volume, inert species and balances over the streams. Cases:
// validation/reactors/. Theory: docs/theory/feeds-and-energy.md.
#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>

#include "CaseRunSupport.h"
#include "JacobianCheck.h"
#include "case/Overrides.h"
#include "models/units/Recipe.h"

namespace proscale::test {
namespace {

Parameters segmentList(const std::string& yaml) {
  const CaseDocument doc = CaseDocument::fromString("recipe: " + yaml, "recipe.yaml");
  Schema s("root", "");
  s.add(Recipe::spec("recipe", dim::none, "", 0.0, false, ""));
  return doc.validate(s);
}

// The Jacobian at the run's outputs `at` against central differences; kinks (a limiter
// switching within the step) checked one-sided and kept below 1 % of the entries.
void checkAtOutputs(ProcessRun& run, std::initializer_list<std::size_t> at) {
  System& system = run.loaded.process->system();
  JacobianCheckCount total;
  for (std::size_t k : at) {
    INFO("output " << k << " at t = " << run.rec.t[k]);
    const JacobianCheckCount c = checkJacobian(system, run.rec.y[k]);
    total.smooth += c.smooth;
    total.kinks += c.kinks;
  }
  CHECK(total.kinks < total.smooth / 100);
}

}  // namespace

TEST_CASE("Recipe segments: holds, linear and cubic profiles, integrals", "[unit][streams]") {
  const Parameters p = segmentList(
      "[{from: 0 s, to: 10 s, value: 2}, {from: 10 s, to: 20 s, start: 2, end: 4},"
      " {from: 20 s, to: 30 s, start: 4, end: 0, profile: cubic}, {from: 30 s, value: 1}]");
  const Recipe r(p, "recipe");
  CHECK(r.value(5.0) == 2.0);
  CHECK(r.value(15.0) == Approx(3.0).epsilon(1e-15));
  // cubic: 4 - 4 x^3 at x = 0.5 -> 3.5
  CHECK(r.value(25.0) == Approx(3.5).epsilon(1e-15));
  CHECK(r.value(40.0) == 1.0);
  // Integrals by hand: 2*10 = 20; + (2 + 4)/2 * 10 = 30; + (4 x - x^4) * 10 at x = 1 -> 30;
  // + 1 * 10 after the last segment's start: 20 + 30 + 30 + 10 = 90.
  CHECK(r.integral(10.0) == Approx(20.0).epsilon(1e-15));
  CHECK(r.integral(20.0) == Approx(50.0).epsilon(1e-15));
  CHECK(r.integral(30.0) == Approx(80.0).epsilon(1e-15));
  CHECK(r.integral(40.0) == Approx(90.0).epsilon(1e-15));
  // Half way through the cubic: 4 * 0.5 - 0.5^4 = 1.9375 -> 19.375
  CHECK(r.integral(25.0) == Approx(50.0 + 19.375).epsilon(1e-15));
  CHECK(r.maximum(40.0) == 4.0);
  CHECK(r.minimum(40.0) == 0.0);
  CHECK(r.switchTimes(100.0) == std::vector<double>{10.0, 20.0, 30.0});
  CHECK(r.switchTimes(25.0) == std::vector<double>{10.0, 20.0});
}

TEST_CASE("CSTR start-up and steady state of a first-order reaction", "[validation][streams][steady]") {
  const char* const file = "validation/reactors/cstr_first_order.yaml";
  const CaseValues v(file);
  const double tau = v("reactor.residence-time"), k = 0.01;  // 1/s, the case's rate constant
  const double cIn = v("solution.species.A.initial"), cSs = cIn / (1.0 + k * tau);
  ProcessRun transient = runProcess(file);
  // CVODE's global error at rtol 1e-10 over ~20 time constants: ~1e-9 of c_in.
  for (std::size_t i = 0; i < transient.rec.t.size(); ++i) {
    const double t = transient.rec.t[i];
    const double exact = cSs + (cIn - cSs) * std::exp(-(1.0 / tau + k) * t);
    CHECK(std::abs(transient.series(i, "c_A") - exact) < 1e-8 * cIn);
    CHECK(std::abs(transient.series(i, "c_A") + transient.series(i, "c_B") - cIn) < 1e-8 * cIn);
  }
  // The same start-up by PETSc's TS (BDF of order 4): each step's local error below its weight
  // rtol |c| + atol x 1 mol/m^3 (the species' scale), the global error of this contractive
  // linear problem below the steps taken times that, |c| <= c_in; A + B, a linear invariant,
  // to the Newton tolerance.
  ProcessRun petsc = runProcess(file, {parseOverride("solver.type=petsc"),
                                       parseOverride("solver.petsc-options=-ts_bdf_order 4")});
  REQUIRE(petsc.report.complete);
  const double steps = static_cast<double>(petsc.report.statistics.steps);
  for (std::size_t i = 0; i < petsc.rec.t.size(); ++i) {
    const double t = petsc.rec.t[i];
    const double exact = cSs + (cIn - cSs) * std::exp(-(1.0 / tau + k) * t);
    CHECK(std::abs(petsc.series(i, "c_A") - exact) < steps * (1e-10 * cIn + 1e-12));
    CHECK(std::abs(petsc.series(i, "c_A") + petsc.series(i, "c_B") - cIn) < 1e-8 * cIn);
  }
  ProcessRun steady = runProcess(file, {parseOverride("solver.type=kinsol")});
  REQUIRE(steady.report.steadyState);
  // Newton on a linear problem: the steady state to round-off.
  CHECK(std::abs(steady.series(1, "c_A") - cSs) < 1e-10 * cIn);
  // ... and the long-time CVODE state (20 time constants: e^-20 = 2e-9) to the tolerance.
  CHECK(std::abs(steady.series(1, "c_A") - transient.series(transient.rec.t.size() - 1, "c_A")) <
        1e-8 * cIn);
}

TEST_CASE("Adiabatic temperature rise equals conversion x Delta H / (rho c_p)", "[validation][streams]") {
  const char* const file = "validation/reactors/adiabatic_batch.yaml";
  const CaseValues v(file);
  const double cA0 = v("solution.species.A.initial"), T0 = v("reactor.temperature");
  const double rhoCp = v("reactor.energy-balance.density") * v("reactor.energy-balance.heat-capacity");
  const double dH = -50e3, k = 0.01;  // J/mol and 1/s, the case's reaction
  ProcessRun run = runProcess(file);
  for (std::size_t i = 0; i < run.rec.t.size(); ++i) {
    const double X = 1.0 - run.series(i, "c_A") / cA0;
    // Energy and A + B are linear invariants of the discrete equations: kept to Newton's
    // convergence (~1e-12 of the rise), whatever the time step.
    CHECK(std::abs(run.series(i, "temperature") - T0 - X * cA0 * (-dH) / rhoCp) < 1e-9);
    CHECK(std::abs(X - (1.0 - std::exp(-k * run.rec.t[i]))) < 1e-8);
  }
  const double rise = run.series(run.rec.t.size() - 1, "temperature") - T0;
  std::cout << "adiabatic rise after 10 time constants: " << rise << " K (full conversion "
            << cA0 * (-dH) / rhoCp << " K)\n";
}

TEST_CASE("Semi-batch precipitation: volume, an inert species and balances over the streams",
          "[validation][streams]") {
  const char* const file = "validation/reactors/semibatch_baso4.yaml";
  const CaseValues v(file);
  const double V0 = v("reactor.volume"), Q = 50e-6 / 60.0, tFeed = 600.0;  // m^3/s, s
  const double cNa = 2.0 * 50.0;                                          // mol/m^3 from Na2SO4
  ProcessRun run = runProcess(file);
  for (std::size_t i = 0; i < run.rec.t.size(); ++i) {
    const double t = run.rec.t[i], fed = Q * std::min(t, tFeed);
    CHECK(run.series(i, "volume") == Approx(V0 + fed).epsilon(1e-14));
    // Na+ takes no part: c = c_f Q t / (V0 + Q t), to CVODE's error at rtol 1e-10.
    CHECK(std::abs(run.series(i, "c_Na+") - cNa * fed / (V0 + fed)) < 1e-8 * cNa);
  }
  // Conserved moieties against the reactions-free mixture: round-off; over the streams in
  // amounts: the integration's accuracy (rtol 1e-10), so 1e-10.
  CHECK(run.metric("mass_balance_error") < 1e-12);
  CHECK(run.metric("stream_balance_error") < 1e-10);
  CHECK(run.metric("formed_Ba+2") == Approx(run.metric("formed_SO4-2")).epsilon(1e-9));
  CHECK(run.metric("formed_Ba+2") < 0.0);
  std::cout << "semi-batch BaSO4: stream balance " << run.metric("stream_balance_error")
            << ", moieties " << run.metric("mass_balance_error") << ", BaSO4 formed "
            << -run.metric("formed_Ba+2") << " mol, final T " << run.metric("temperature") << " K\n";
}

TEST_CASE("A mass flow over the feed's density is the volume flow; a mass-flow recipe too",
          "[validation][streams]") {
  // The semi-batch case feeds 50 mL/min for 600 s. As 3.12 kg/h of a 1040 kg/m^3 solution it is
  // the same flow (3.12 / 3600 / 1040 m^3/s = 50 mL/min) up to the last bit of its value, which
  // can change CVODE's steps: the two runs agree to their integration error (rtol 1e-10, grown
  // through the nucleation burst), 1e-8 relative as the other comparisons here. As a ramp from 0 to 6.24 kg/h over the 600 s, the volume
  // fed is its exact integral over the density: 0.5 x 6.24 / 3600 x 600 / 1040 m^3 = 0.5 L.
  const char* const file = "validation/reactors/semibatch_baso4.yaml";
  ProcessRun volume = runProcess(file);
  auto fedByMass = [&](const std::string& recipe) {
    return runProcess(file, {parseOverride("feeds.sulfate={mass-flow-recipe: " + recipe +
                                           ", density: 1040 kg/m^3, temperature: 15 degC, "
                                           "salts: {Na2SO4: 50 mmol/L}}")});
  };
  ProcessRun mass =
      fedByMass("[{from: 0 s, to: 600 s, value: 3.12 kg/h}, {from: 600 s, value: 0 kg/h}]");
  for (const char* name : {"volume", "number_density", "d50_volume", "fed_Na+"})
    CHECK(mass.metric(name) == Approx(volume.metric(name)).epsilon(1e-8));
  ProcessRun ramp = fedByMass(
      "[{from: 0 s, to: 600 s, start: 0 kg/h, end: 6.24 kg/h}, {from: 600 s, value: 0 kg/h}]");
  CHECK(ramp.metric("fed_volume_sulfate") == Approx(0.5e-3).epsilon(1e-14));
}

TEST_CASE("Vessel Jacobian with feeds and an energy balance agrees with differences",
          "[jacobian][streams]") {
  ProcessRun run = runProcess("validation/reactors/semibatch_baso4.yaml");
  checkAtOutputs(run, {1, 5, run.rec.t.size() - 1});
}


TEST_CASE("Vessel Jacobian of a continuous precipitation (overflow) agrees with differences",
          "[jacobian][streams]") {
  ProcessRun run = runProcess("cases/msmpr_steady.yaml",
                              {parseOverride("solver.type=cvodes"),
                               parseOverride("output.end-time=20 s"),
                               parseOverride("population.number-scale=1e15 1/m^3"),
                               parseOverride("population.classes=60"),
                               // van Leer: van Albada (the case's) is not differentiable where
                               // neighbouring classes are empty, on a scale far below the
                               // differences' step; its Jacobian has its own test
                               // (SmoothLimiterTest.cpp). Here the vessel's assembly is checked.
                               parseOverride("population.scheme=van-leer")});
  checkAtOutputs(run, {1, 10, run.rec.t.size() - 1});
}


TEST_CASE("Semi-batch BaSO4: a slower feed gives fewer and larger crystals", "[validation][streams]") {
  // cases/baso4_semibatch.yaml at t_f = 2 and 20 min (same sulfate fed), on one fixed grid
  // (150 classes, the tool's own refinement is what the case does): the direction reported for
  // semi-batch precipitation since Baldyga, Podgorska & Pohorecki (1995). The effect is large
  // (x15 in N, x2.4 in d50 on 300 classes), far beyond the grid's few-percent error.
  auto run = [](const std::string& flow, const std::string& feedTime, const std::string& end) {
    return runProcess("cases/baso4_semibatch.yaml",
                      {parseOverride("population.classes=150"),
                       parseOverride("population.max-size=20 um"),
                       parseOverride("population.number-scale=1e14 1/m^3"),
                       parseOverride("population.verify-grid=false"),
                       parseOverride("feeds.sulfate.flow-recipe=[{from: 0 min, to: " + feedTime +
                                     ", value: " + flow + "}, {from: " + feedTime +
                                     ", value: 0 mL/min}]"),
                       parseOverride("output.end-time=" + end)});
  };
  ProcessRun fast = run("250 mL/min", "2 min", "12 min");
  ProcessRun slow = run("25 mL/min", "20 min", "30 min");
  const double nFast = fast.metric("number_density"), nSlow = slow.metric("number_density");
  const double dFast = fast.metric("d50_volume"), dSlow = slow.metric("d50_volume");
  std::cout << "semi-batch BaSO4, t_f 2 -> 20 min: N " << nFast << " -> " << nSlow
            << " 1/m^3, d50 " << dFast << " -> " << dSlow << " m\n";
  CHECK(nSlow < 0.5 * nFast);
  CHECK(dSlow > 1.3 * dFast);
  // Same BaSO4 formed: the sulfate is the limiting reagent in both (to the solubility).
  CHECK(fast.metric("formed_Ba+2") == Approx(slow.metric("formed_Ba+2")).epsilon(1e-3));
}

TEST_CASE("Filling a semi-batch vessel exactly to max-volume is not an overflow",
          "[unit][streams][input]") {
  // 0.7 L + 50 mL/min x 10 min is 1.2 L but came to 1.2 L + 1e-19 m^3 in doubles and was
  // refused as an overflow at t = 600 s.
  const std::string file = std::string(PROSCALE_SOURCE_DIR) + "/validation/reactors/semibatch_baso4.yaml";
  CHECK_NOTHROW(LoadedCase::load(file, {{"reactor.volume", "0.7 L"}}));
  // A real overflow, by 10 uL, is still refused.
  CHECK_THROWS_AS(LoadedCase::load(file, {{"reactor.volume", "0.70001 L"}}), InputError);
}

TEST_CASE("An energy balance that ends outside the chemistry's temperature range fails a self-check",
          "[validation][streams]") {
  // Ten times the case's reaction enthalpy: an adiabatic rise of 120 K, from 25 degC to about
  // 145 degC, beyond the BaSO4 solubility correlation (0 to 100 degC), which was extrapolated
  // without a word.
  ProcessRun run = runProcess("validation/reactors/adiabatic_batch.yaml",
                              {{"reactions.0.enthalpy", "-500 kJ/mol"}});
  bool found = false;
  for (const SelfCheck& c : run.process().selfChecks(run.rec.t.back(), run.rec.y.back()))
    if (c.name == "temperature_in_range") {
      found = true;
      CHECK(c.value == Approx(run.metric("temperature") - (100.0 + 273.15)).epsilon(1e-12));
      CHECK(c.value > c.threshold);
    }
  CHECK(found);
  ProcessRun cool = runProcess("validation/reactors/adiabatic_batch.yaml");
  for (const SelfCheck& c : cool.process().selfChecks(cool.rec.t.back(), cool.rec.y.back()))
    if (c.name == "temperature_in_range") CHECK(c.value == 0.0);
}

}  // namespace proscale::test

namespace proscale::test {

TEST_CASE("A stirred, jacketed vessel settles at T_j + P / UA from the tank correlations",
          "[validation][streams]") {
  // No reaction, no solid: the impeller's power P = N_P rho N^3 D^5 heats, the jacket removes
  // UA (T - T_j); T(t) -> T_j + P/UA with time constant rho c_p V / UA (~200 s; the run lasts
  // 20 of them). P and UA by hand from the handbook correlations (docs/theory/stirred-tanks.md):
  // Rushton N_P = 5.0, K = 0.74, Nu = K Re^(2/3) Pr^(1/3) (H/T)^(-0.15) with H = T.
  const char* const file = "validation/reactors/adiabatic_batch.yaml";
  const std::vector<Override> stirred{
      parseOverride("reactions=[]"), parseOverride("output.end-time=4000 s"),
      parseOverride("reactor.energy-balance={jacket-temperature: 20 degC, density: 1100 kg/m^3, "
                    "heat-capacity: 3900 J/kg/K}"),
      parseOverride("reactor.viscosity=1.2 mPa s"),
      parseOverride("reactor.stirrer={volume: 1 L, impeller: rushton, speed: 600 rpm, jacket: "
                    "{wall-thickness: 5 mm, wall-conductivity: 16 W/m/K, outside-coefficient: "
                    "1000 W/m^2/K}}")};
  ProcessRun run = runProcess(file, stirred);
  // The tank's liquid is the vessel's: energy-balance.density and heat-capacity,
  // reactor.viscosity (set away from water's so that a tank with its own liquid would fail);
  // the conductivity is the stirrer's default, water's 0.6065 W/(m K).
  const double rho = 1100.0, mu = 1.2e-3, k = 0.6065, cp = 3900.0, N = 10.0;  // 600 rpm
  const double T = std::cbrt(4.0 * 1e-3 / M_PI), D = T / 3.0;
  const double P = 5.0 * rho * N * N * N * std::pow(D, 5);
  const double Re = rho * N * D * D / mu, Pr = cp * mu / k;
  const double hi = 0.74 * std::pow(Re, 2.0 / 3.0) * std::cbrt(Pr) * k / T;
  const double U = 1.0 / (1.0 / hi + 5e-3 / 16.0 + 1.0 / 1000.0);
  const double UA = U * (M_PI * T * T + M_PI * T * T / 4.0);
  const double Tj = 293.15, last = run.series(run.rec.t.size() - 1, "temperature");
  std::cout << "stirred jacketed vessel: P = " << P << " W, UA = " << UA << " W/K, T_end - T_j = "
            << last - Tj << " K (P/UA = " << P / UA << " K)\n";
  // After 20 time constants the start's 5 K has decayed to 1e-8 K; the rest is CVODE's error.
  CHECK(std::abs(last - Tj - P / UA) < 1e-6);
}

}  // namespace proscale::test
