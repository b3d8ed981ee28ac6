// Seeds in feeds (models/units/VesselFlows, models/representations/SizeClassesFeed.cpp)
// against analytic solutions: seeds carried into a semi-batch vessel, a continuous vessel and
// two tanks in series at saturation (nothing nucleates, grows or dissolves), a table on the
// vessel's grid, and a seeded continuous crystallizer with growth only at its steady state.
// Cases: validation/reactors/seeded_*.yaml. Theory: docs/theory/feeds-and-energy.md, "Seeds
// in feeds".
#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>
#include <numeric>

#include "CaseRunSupport.h"
#include "case/Overrides.h"

namespace proscale::test {
namespace {

double total(const std::vector<double>& N) { return std::accumulate(N.begin(), N.end(), 0.0); }

// The zone-local class counts of a network's zone at output k, from the time series' number
// density column ("<zone>.number_density").
double zoneNumber(const ProcessRun& run, std::size_t k, const std::string& zone) {
  return run.series(k, zone + ".number_density");
}

// The feed's seed number density N_f [1/m^3] and the residence time V/Q [s] of the volume
// at `volumeKey`, from the case.
struct WashIn {
  double Nf, tau;
};
WashIn washIn(const char* file, const std::string& volumeKey) {
  const CaseValues v(file);
  return {v("feeds.seeded.seeds.number-density"), v(volumeKey) / v("feeds.seeded.flow")};
}

}  // namespace

TEST_CASE("Seeds fed into a semi-batch vessel: N V = N_f Q t", "[validation][streams][seeds]") {
  const char* const file = "validation/reactors/seeded_feed.yaml";
  const CaseValues v(file);
  const double V0 = v("reactor.volume"), Q = v("feeds.seeded.flow");
  const double Nf = v("feeds.seeded.seeds.number-density");
  ProcessRun run = runProcess(file);
  // The log-normal's part outside the grid (5..500 um, 8.8 geometric deviations from L50) is
  // ~1e-18, so the classes hold N_f; CVODE's global error at rtol 1e-10 is ~1e-9 of N.
  for (std::size_t i = 0; i < run.rec.t.size(); ++i) {
    const double t = run.rec.t[i];
    CHECK(std::abs(total(run.classes(i)) - Nf * Q * t / (V0 + Q * t)) < 1e-8 * Nf);
  }
  const double tEnd = run.rec.t.back();
  // Fed amounts are exact integrals of the constant flow (round-off).
  CHECK(run.metric("fed_seed_number") == Approx(Nf * Q * tEnd).epsilon(1e-12));
  // The seeds' volume enters the solute moiety (solute + solid / V_m): fed = accumulated to
  // the integration's accuracy (rtol 1e-10 of the amounts, initial + fed), as the fluid-only
  // balances in VesselStreamsTest.
  const double initial = v("solution.concentration") * V0;  // mol, no initial seeds
  CHECK(run.metric("stream_balance_error") < 1e-10);
  CHECK(std::abs(run.metric("moiety_solute_balance")) <
        1e-10 * (initial + run.metric("moiety_solute_fed")));
  CHECK(run.metric("number_balance_error") < 1e-10);
  CHECK(run.metric("volume_balance_error") < 1e-10);
  // The seeds' solid also in the crystallizer's phi (for secondary nucleation): phi equals the
  // particles' volume to round-off.
  CHECK(run.metric("mass_balance_error") < 1e-12);
  // The seeds bring solid in: the moiety's fed amount exceeds the solute fed, by the seeds'
  // volume / V_m (V_m = M / rho = 5e-5 m^3/mol, from the case).
  const double Vm = v("solid.molar-mass") / v("solid.density");
  CHECK(run.metric("moiety_solute_fed") - run.metric("fed_solute") ==
        Approx(run.metric("fed_seed_volume") / Vm).epsilon(1e-12));
}

TEST_CASE("Seeds fed into a continuous vessel wash in as N_f (1 - exp(-t/tau))",
          "[validation][streams][seeds]") {
  const char* const file = "validation/reactors/seeded_feed.yaml";
  const auto [Nf, tau] = washIn(file, "reactor.volume");
  ProcessRun run = runProcess(file, {parseOverride("reactor.outflow=overflow")});
  for (std::size_t i = 0; i < run.rec.t.size(); ++i) {
    const double t = run.rec.t[i];
    CHECK(std::abs(total(run.classes(i)) - Nf * (1.0 - std::exp(-t / tau))) < 1e-8 * Nf);
  }
  // In = out + accumulated with the seeds washed out through the volume budget (rtol 1e-10
  // of the amounts, initial + fed).
  const CaseValues v(file);
  const double initial = v("solution.concentration") * v("reactor.volume");  // mol
  CHECK(run.metric("stream_balance_error") < 1e-10);
  CHECK(std::abs(run.metric("moiety_solute_balance")) <
        1e-10 * (initial + run.metric("moiety_solute_fed")));
  CHECK(run.metric("moiety_solute_out") > 0.0);
}

TEST_CASE("Seeds given as a table on the vessel's grid enter class by class",
          "[validation][streams][seeds]") {
  const char* const file = "validation/reactors/seeded_feed_table.yaml";
  const CaseValues v(file);
  const double V0 = v("reactor.volume"), Q = v("feeds.seeded.flow");
  // The table's numbers, typed in the case [1/m^3].
  const std::vector<double> Nf{1e9, 2e9, 3e9, 4e9, 5e9, 5e9, 4e9, 3e9, 2e9, 1e9};
  ProcessRun run = runProcess(file);
  for (std::size_t i = 0; i < run.rec.t.size(); ++i) {
    const double share = Q * run.rec.t[i] / (V0 + Q * run.rec.t[i]);
    const std::vector<double> N = run.classes(i);
    REQUIRE(N.size() == Nf.size());
    for (std::size_t c = 0; c < N.size(); ++c) CHECK(std::abs(N[c] - Nf[c] * share) < 1e-8 * Nf[c]);
  }
  CHECK(run.metric("stream_balance_error") < 1e-10);
}

TEST_CASE("Seeds fed through two tanks in series follow the two-tank step response",
          "[validation][streams][seeds][network]") {
  const char* const file = "validation/reactors/seeded_network.yaml";
  const auto [Nf, tau] = washIn(file, "network.zones.tank1.volume");
  ProcessRun run = runProcess(file);
  for (std::size_t i = 0; i < run.rec.t.size(); ++i) {
    const double x = run.rec.t[i] / tau;
    CHECK(std::abs(zoneNumber(run, i, "tank1") - Nf * (1.0 - std::exp(-x))) < 1e-8 * Nf);
    CHECK(std::abs(zoneNumber(run, i, "tank2") - Nf * (1.0 - std::exp(-x) * (1.0 + x))) <
          1e-8 * Nf);
  }
}

// Steady state of the seeded growth-only MSMPR (validation/reactors/seeded_growth_cstr.yaml):
// s from the solute balance with the exact moments of the log-normal seeds, solved here by
// bisection (the right-hand side falls monotonically in s).
TEST_CASE("A seeded continuous crystallizer with growth only reaches the exact steady state",
          "[validation][streams][seeds]") {
  const char* const file = "validation/reactors/seeded_growth_cstr.yaml";
  const CaseValues v(file);
  const double tau = v("reactor.volume") / v("feeds.seeded.flow");
  const double Nf = v("feeds.seeded.seeds.number-density");
  const double L50 = v("feeds.seeded.seeds.median-diameter");
  const double w = std::log(v("feeds.seeded.seeds.geometric-std"));
  const double cf = v("feeds.seeded.concentration"), cs = v("solution.solubility.solubility");
  const double kv = v("solid.shape-factor"), Vm = v("solid.molar-mass") / v("solid.density");
  const double kg = v("growth.rate-constant");
  // Moments per seed of the log-normal: m_k = exp(k ln L50 + k^2 w^2 / 2).
  auto m = [&](double k) { return std::exp(k * std::log(L50) + 0.5 * k * k * w * w); };
  auto excess = [&](double s) {  // c_f - c - (solute taken by growth), zero at steady state
    const double Gt = kg * s * tau;
    return cf - cs * (1.0 + s) -
           kv * Nf / Vm * (3.0 * Gt * m(2) + 6.0 * Gt * Gt * m(1) + 6.0 * Gt * Gt * Gt);
  };
  double lo = 0.0, hi = (cf - cs) / cs;
  for (int i = 0; i < 200; ++i) ((excess(0.5 * (lo + hi)) > 0.0) ? lo : hi) = 0.5 * (lo + hi);
  const double s = 0.5 * (lo + hi), G = kg * s;
  std::cout << "seeded growth-only MSMPR: steady s = " << s << ", G tau = " << G * tau * 1e6
            << " um, mean size " << (m(1) + G * tau) * 1e6 << " um\n";

  ProcessRun run = runProcess(file);
  const std::size_t last = run.rec.t.size() - 1;
  // After 25 tau the start-up has decayed to exp(-25) ~ 1e-11; particles beyond max-size
  // (800 um, ~35 tau of growth above the seeds) are fewer still.
  // Number: growth conserves it, N = N_f to the integration's accuracy.
  CHECK(total(run.classes(last)) == Approx(Nf).epsilon(1e-8));
  // s and the mean size: the finite volumes (van Leer, 200 geometric classes over 5..800 um,
  // a class 2.6 % wide) carry the growth flux with a second-order error in the class width,
  // (0.026)^2 ~ 7e-4 of the moments; tolerance 2e-3.
  const double sRun = (run.series(last, "solute_concentration") - cs) / cs;
  CHECK(sRun == Approx(s).epsilon(2e-3));
  CHECK(run.metric("mean_diameter") == Approx(m(1) + G * tau).epsilon(2e-3));
  CHECK(run.metric("stream_balance_error") < 1e-9);

  // The same steady state solved directly (KINSOL, the fed budgets held as accumulators): the
  // start-up above has decayed to ~1e-11 and both solve the same discrete equations, so they
  // agree far below the grid's error; 1e-6 leaves room for KINSOL's residual tolerance.
  ProcessRun steady = runProcess(file, {parseOverride("solver.type=kinsol")});
  REQUIRE(steady.report.steadyState);
  const std::size_t at = steady.rec.t.size() - 1;  // the steady state, after the start
  const double sSteady = (steady.series(at, "solute_concentration") - cs) / cs;
  std::cout << "KINSOL: s = " << sSteady << " (start-up " << sRun << ")\n";
  CHECK(sSteady == Approx(sRun).epsilon(1e-6));
  CHECK(total(steady.classes(at)) == Approx(Nf).epsilon(1e-6));
  CHECK(steady.metric("mean_diameter") == Approx(run.metric("mean_diameter")).epsilon(1e-6));
}

}  // namespace proscale::test
