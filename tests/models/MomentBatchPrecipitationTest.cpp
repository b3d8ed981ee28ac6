// The batch-precipitation process with population.method qmom / moments against the sectional
// model on the flagship case with size-independent film-diffusion growth (so that the moment
// closures are exact where they should be). Both solve the same population balance (the same
// nucleation and growth laws); the sectional model adds a grid error that falls under
// refinement, so the moment methods must lie within the sectional grid-error estimate of the
// fine grid.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "CaseRunSupport.h"
#include "case/Overrides.h"
#include "core/Errors.h"

using namespace proscale;
using namespace proscale::test;

namespace {
const char* const kFlagship = "cases/baso4_batch.yaml";

// The flagship's growth replaced by film diffusion (delta = 50 nm, no Gibbs-Thomson): size
// independent, so the standard method of moments closes and QMOM is exact for it.
const char* const kFilmGrowth =
    "growth={type: diffusion-limited, diffusivity: 9.4e-10 m^2/s, film-thickness: 50 nm}";

std::vector<Override> sets(std::vector<std::string> args) {
  std::vector<Override> out{parseOverride(kFilmGrowth)};
  for (const auto& a : args) out.push_back(parseOverride(a));
  return out;
}

double relative(double a, double b) { return std::abs(a - b) / std::abs(b); }

/// The first output at or after t [s].
std::size_t outputAt(const ProcessRun& r, double t) {
  std::size_t k = 0;
  while (k + 1 < r.rec.t.size() && r.rec.t[k] < t) ++k;
  return k;
}

struct Quantity {
  std::string name;
  std::function<double(const ProcessRun&)> of;
};

/// QMOM against the sectional model at a coarse and a fine grid (twice the classes). The grid
/// error must shrink (QMOM - fine below 0.7 x QMOM - coarse: order > 0.5; observed ~1.4), and
/// QMOM must lie within the fine grid's error estimate: Richardson, |fine - exact| ~
/// |fine - coarse| / (2^p - 1) <= |fine - coarse| for an order p >= 1, plus `closure`, the
/// estimated error of the QMOM closure itself (0 where QMOM is exact).
void compareWithGrid(const std::vector<Quantity>& quantities, const ProcessRun& qmom,
                     const ProcessRun& coarse, const ProcessRun& fine,
                     const std::function<double(const Quantity&)>& closure) {
  for (const auto& q : quantities) {
    const double exact = q.of(qmom);
    const double dc = relative(q.of(coarse), exact), df = relative(q.of(fine), exact);
    const double grid = relative(q.of(fine), q.of(coarse)), c = closure(q);
    std::cout << "  " << q.name << ": QMOM " << exact << ", sectional coarse " << q.of(coarse)
              << ", fine " << q.of(fine) << "; |QMOM - coarse| " << dc << ", |QMOM - fine| " << df
              << ", grid estimate |fine - coarse| " << grid << ", closure " << c << "\n";
    INFO(q.name);
    CHECK(df < 0.7 * dc);
    CHECK(df <= grid + c);
  }
}
}  // namespace

TEST_CASE("QMOM and the method of moments reproduce the sectional flagship in the grid limit",
          "[validation][qmom]") {
  // Size-independent film-diffusion growth and nucleation at max(min-size, L*): QMOM and the
  // standard method of moments are both exact closures, so they differ from each other only by the
  // integration error (rtol 1e-6; required < 1e-5, 10 rtol for an accumulated global error)
  // and from the sectional model by its grid error (van Leer on 400 and 800 classes).
  const ProcessRun coarse = runProcess(kFlagship, sets({"population.classes=400"}));
  const ProcessRun fine = runProcess(kFlagship, sets({"population.classes=800"}));
  const ProcessRun qmom = runProcess(kFlagship, sets({"population.method=qmom"}));
  const ProcessRun moments = runProcess(kFlagship, sets({"population.method=moments"}));
  REQUIRE(qmom.loaded.process->system().layout().has("moments"));
  REQUIRE(moments.loaded.process->system().layout().has("moments"));
  REQUIRE(fine.process().hasSizeDistribution());
  CHECK_FALSE(qmom.process().hasSizeDistribution());

  // S during the nucleation burst is where the methods can differ; at the end the solution is
  // saturated in all of them.
  const std::size_t burst = outputAt(qmom, 0.002);  // S ~ 400, falling fast
  INFO("burst output at t = " << qmom.rec.t[burst] << " s");
  const std::vector<Quantity> quantities{
      {"number_density", [](const ProcessRun& r) { return r.metric("number_density"); }},
      {"mean_diameter", [](const ProcessRun& r) { return r.metric("mean_diameter"); }},
      {"sauter_diameter", [](const ProcessRun& r) { return r.metric("sauter_diameter"); }},
      {"supersaturation in the burst",
       [burst](const ProcessRun& r) { return r.series(burst, "supersaturation"); }},
  };
  std::cout << "flagship, QMOM (6 moments) vs sectional at 400 / 800 classes:\n";
  compareWithGrid(quantities, qmom, coarse, fine, [](const Quantity&) { return 0.0; });
  for (const auto& q : quantities) {
    INFO(q.name << ": moments " << q.of(moments) << ", QMOM " << q.of(qmom));
    CHECK(relative(q.of(moments), q.of(qmom)) < 1e-5);
  }
  // Saturated at 60 s: S = 1 within the integration tolerance in every method.
  for (const ProcessRun* r : {&qmom, &moments, &fine})
    CHECK(r->metric("supersaturation") == Approx(1.0).margin(1e-6));
  // Requirement: solute + solid (k_v mu_3 / V_m) conserved to 1e-8 relative.
  CHECK(qmom.metric("mass_balance_error") < 1e-8);
  CHECK(moments.metric("mass_balance_error") < 1e-8);
  // Without aggregation every particle nucleated is still there.
  CHECK(qmom.metric("number_density") == Approx(qmom.metric("number_nucleated")).epsilon(1e-12));
}

TEST_CASE("QMOM with Brownian aggregation and a DLVO stability ratio against the sectional model",
          "[validation][qmom]") {
  // The flagship's commented aggregation option. The kernel is not a polynomial in L, so QMOM
  // is an approximation too: its closure error is estimated by 6 against 8 moments and added
  // to the sectional grid-error estimate (fixed pivot + van Leer on 100 and 200 classes).
  const std::vector<std::string> aggregation{
      "aggregation.type=brownian", "aggregation.dlvo.hamaker-constant=1e-20 J",
      "aggregation.dlvo.surface-potential=-20 mV", "aggregation.dlvo.ionic-strength=0.15 mol/L",
      "population.moments=false"};
  auto with = [&](const std::string& extra) {
    auto args = aggregation;
    args.push_back(extra);
    return runProcess(kFlagship, sets(args));
  };
  const ProcessRun coarse = with("population.classes=100");
  const ProcessRun fine = with("population.classes=200");
  const ProcessRun qmom = with("population.method=qmom");
  const ProcessRun qmom8 = runProcess(
      kFlagship, sets({aggregation[0], aggregation[1], aggregation[2], aggregation[3],
                       "population.method=qmom", "population.moment-count=8"}));
  const std::vector<Quantity> quantities{
      {"number_density", [](const ProcessRun& r) { return r.metric("number_density"); }},
      {"mean_diameter", [](const ProcessRun& r) { return r.metric("mean_diameter"); }},
      {"sauter_diameter", [](const ProcessRun& r) { return r.metric("sauter_diameter"); }},
  };
  std::cout << "flagship + Brownian/DLVO aggregation, QMOM (6 moments) vs sectional at 100 / "
               "200 classes:\n";
  compareWithGrid(quantities, qmom, coarse, fine,
                  [&](const Quantity& q) { return relative(q.of(qmom8), q.of(qmom)); });
  // Aggregation conserves k_v mu_3 exactly in the QMOM source terms, and the dense direct
  // solves keep the linear invariant: round-off.
  CHECK(qmom.metric("mass_balance_error") < 1e-8);
  CHECK(qmom.metric("number_density") < qmom.metric("number_nucleated"));
}

TEST_CASE("QMOM with power-law binary breakage against the sectional model", "[validation][qmom]") {
  // S = 10 1/s at 1 um, proportional to particle volume, equal halves: the selection rate is
  // not a polynomial in L, so the QMOM closure error is again estimated by 6 against 8 moments;
  // sectional on 100 and 200 classes.
  const std::vector<std::string> breakage{"breakage.selection-rate=10 1/s",
                                          "breakage.reference-diameter=1 um",
                                          "population.moments=false"};
  auto with = [&](const std::vector<std::string>& extra) {
    auto args = breakage;
    args.insert(args.end(), extra.begin(), extra.end());
    return runProcess(kFlagship, sets(args));
  };
  const ProcessRun coarse = with({"population.classes=100"});
  const ProcessRun fine = with({"population.classes=200"});
  const ProcessRun qmom = with({"population.method=qmom"});
  const ProcessRun qmom8 = with({"population.method=qmom", "population.moment-count=8"});
  const std::vector<Quantity> quantities{
      {"number_density", [](const ProcessRun& r) { return r.metric("number_density"); }},
      {"mean_diameter", [](const ProcessRun& r) { return r.metric("mean_diameter"); }},
      {"sauter_diameter", [](const ProcessRun& r) { return r.metric("sauter_diameter"); }},
  };
  std::cout << "flagship + binary breakage, QMOM (6 moments) vs sectional at 100 / 200 classes:\n";
  compareWithGrid(quantities, qmom, coarse, fine,
                  [&](const Quantity& q) { return relative(q.of(qmom8), q.of(qmom)); });
  // Breakage conserves k_v mu_3 exactly in the QMOM source terms: round-off.
  CHECK(qmom.metric("mass_balance_error") < 1e-8);
  CHECK(qmom.metric("number_density") > qmom.metric("number_nucleated"));
}

namespace {
/// "key.path: problem" of the InputError that loading `file` with `overrides` raises, or "".
std::string refusal(const std::string& file, const std::vector<std::string>& overrides) {
  std::vector<Override> o;
  for (const auto& a : overrides) o.push_back(parseOverride(a));
  try {
    LoadedCase::load(std::string(PROSCALE_SOURCE_DIR) + "/" + file, o);
  } catch (const InputError& e) {
    return e.keyPath() + ": " + e.problem();
  }
  return "";
}
}  // namespace

// Issue 10 (QMOM flagship). Particles that dissolve completely leave the distribution at L = 0,
// a sink the moment equations do not have (its flux needs n(0), which a Gauss quadrature has
// not; docs/theory/qmom.md, Limits). Gibbs-Thomson growth always does that to the particles
// below the critical size, so QMOM refuses it before running. Before: the flagship stopped at
// t = 59 s (6 moments), or ran "complete" with N = 1.3e22 against 1.1e17 1/m^3 (4 moments);
// the CeO2 ripening case stopped at 1.7 s on a non-finite Jacobian.
TEST_CASE("QMOM refuses Gibbs-Thomson growth before running: it cannot represent complete "
          "dissolution",
          "[input][qmom]") {
  const std::string seeds = refusal("cases/ripening_ceo2.yaml", {"population.method=qmom"});
  INFO(seeds);
  CHECK(seeds.find("population.method: QMOM cannot represent complete dissolution") == 0);
  CHECK(seeds.find("use method: sectional") != std::string::npos);
  for (const char* count : {"4", "6", "8"}) {
    const std::string nuclei = refusal(
        kFlagship, {"population.method=qmom", std::string("population.moment-count=") + count});
    INFO(nuclei);
    CHECK(nuclei.find("population.method: moments cannot follow nuclei born at the critical "
                      "size") == 0);
    CHECK(nuclei.find("QMOM cannot represent complete dissolution") != std::string::npos);
  }
  // The same cases without Gibbs-Thomson load: film growth has no critical size.
  CHECK(refusal(kFlagship, {"population.method=qmom", kFilmGrowth}).empty());
}

// Dissolution without Gibbs-Thomson (size-independent film growth below saturation) is not
// refused: QMOM is exact until particles reach L = 0. Then it must stop there and say why.
// 1e12 monodisperse 50 nm seeds at S = 0.04 dissolve at a constant rate G (their 1.3e-6 mol/m^3
// barely change c): the single node reaches L = 0 at t* = L / |G|, to 1e-3 (as the CLI test).
TEST_CASE("QMOM: particles dissolving through L = 0 stop the run at that time and say why",
          "[qmom]") {
  ProcessRun r{LoadedCase::load(std::string(PROSCALE_SOURCE_DIR) + "/" + kFlagship,
                                sets({"population.method=qmom", "population.min-size=1 nm",
                                      "population.number-scale=1e12 1/m^3",
                                      "solution.species.Ba+2.initial=0.001 mmol/L",
                                      "solution.species.SO4-2.initial=0.001 mmol/L",
                                      "population.initial-moments=[1e12, 5e4, 2.5e-3, 1.25e-10, "
                                      "6.25e-18, 3.125e-25]"})),
               {},
               {}};
  r.report = r.loaded.solver->run(r.loaded.times, r.rec);
  INFO(r.report.flagName << " at t = " << r.report.timeReached << " s: " << r.report.message);
  REQUIRE_FALSE(r.report.complete);
  const double G = r.series(0, "growth_rate");
  REQUIRE(G < 0.0);
  CHECK(r.report.timeReached == Approx(50e-9 / -G).epsilon(1e-3));
  CHECK(r.report.message.find("QMOM: moments not realizable") != std::string::npos);
  CHECK(r.report.message.find("The particles are dissolving (G = ") != std::string::npos);
  CHECK(r.report.message.find("QMOM cannot represent complete dissolution") != std::string::npos);
  CHECK(r.report.message.find("use method: sectional") != std::string::npos);
}
