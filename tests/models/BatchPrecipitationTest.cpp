// The batch precipitation model: analytic Jacobian, conservation, and the method of moments
// against the grid, on the repository's own case files.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <iostream>
#include <vector>

#include "CaseRunSupport.h"
#include "JacobianCheck.h"

using namespace proscale;

using namespace proscale::test;

TEST_CASE("Analytic Jacobian of the flagship case agrees with differences", "[jacobian]") {
  // Davies activities, CNT with Mersmann's prefactor, film diffusion, van Leer; 40 classes to
  // keep the dense difference check quick. States: start, during nucleation, near the end.
  // Entries where the right-hand side has a kink (a limiter switching within the difference
  // step) are checked against the one-sided differences; they must stay isolated: below 1 % of
  // the nonzero-tested entries (observed: printed).
  Loaded l = load("cases/baso4_batch.yaml", {{"population.classes", "40"}});
  Recorder r = run(l);
  JacobianCheckCount total;
  for (std::size_t k : {std::size_t{0}, std::size_t{20}, std::size_t{40}, r.y.size() - 1}) {
    INFO("output time " << r.t[k]);
    const JacobianCheckCount c = checkJacobian(*l.model, r.y[k]);
    total.smooth += c.smooth;
    total.kinks += c.kinks;
  }
  WARN("flagship Jacobian: " << total.smooth << " entries checked against central differences, "
                             << total.kinks << " at kinks against one-sided ones");
  CHECK(total.kinks < total.smooth / 100);
}

TEST_CASE("Analytic Jacobian at a limiter kink matches a one-sided difference", "[jacobian]") {
  // The van Leer slope 2ab / (a + b) of the number density n = N / dL has a kink where one of
  // the two neighbouring differences a, b is zero (it is 0 for ab <= 0): a perturbation of
  // either class switches the sign, the right-hand side's one-sided derivatives differ, and
  // the model's Jacobian must be one of them. A flagship state with two neighbouring classes
  // of equal density (on the distribution's falling side) makes such kinks; every other entry
  // must still match central differences.
  Loaded l = load("cases/baso4_batch.yaml", {{"population.classes", "40"}});
  Recorder r = run(l);
  std::vector<double> y = r.y.back();
  const StateBlock& psd = l.model->layout().block("psd");
  const auto& dL = gridOf(*l.model).widths();
  const auto& x = gridOf(*l.model).volumes();
  // The peak of the volume distribution: the particles, not the tail of small ones that still
  // dissolve at the bottom (two kinks of one class there would make the one-sided test moot:
  // the analytic entry then mixes the sides of two faces).
  std::size_t peak = 0;
  for (std::size_t i = 1; i + 3 < psd.size; ++i)
    if (x[i] * y[psd.offset + i] > x[peak] * y[psd.offset + peak]) peak = i;
  const std::size_t j = psd.offset + peak + 1;  // classes peak + 1 and peak + 2: equal density
  y[j + 1] = y[j] * dL[peak + 2] / dL[peak + 1];
  const JacobianCheckCount c = checkJacobian(*l.model, y);
  WARN("classes " << peak + 1 << ", " << peak + 2 << " at equal density: " << c.kinks
                   << " entries at kinks, " << c.smooth << " smooth");
  CHECK(c.kinks > 0);
}

TEST_CASE("Analytic Jacobian of the benchmark case (reaction, upwind) agrees", "[jacobian]") {
  Loaded l = load("cases/pbe_benchmark_growth.yaml",
                  {{"population.classes", "30"}, {"output.count", "11"}});
  Recorder r = run(l);
  for (std::size_t k : {std::size_t{1}, std::size_t{5}, std::size_t{10}}) {
    INFO("output time " << r.t[k]);
    checkJacobian(*l.model, r.y[k]);
  }
}

TEST_CASE("Flagship case conserves solute + solid to 1e-8 and is physically sane",
          "[validation][regression]") {
  Loaded l = load("cases/baso4_batch.yaml");
  Recorder r = run(l);
  const auto& m = *l.model;
  // Requirement: mass conserved to 1e-8 relative (exact in the discretisation; the linear
  // solves' round-off, amplified by the stiff dissolution of sub-critical particles, is what
  // remains: ~1e-11 here).
  CHECK(metric(m, r, "mass_balance_error") < 1e-8);
  CHECK(metric(m, r, "number_balance_error") < 1e-8);
  // Close to saturation after 60 s: integration-limited growth, G_int ~ (S - 1)^2, slows the
  // final approach, so S is near but above 1.
  CHECK(metric(m, r, "supersaturation") > 1.0);
  CHECK(metric(m, r, "supersaturation") < 1.2);
  // Nearly all Ba ends up solid: the case's initial Ba+2 minus what S ~ 1.1 leaves dissolved
  // (~0.04 mol/m^3 of 25).
  const double barium0 =
      l.params.section("solution").section("species").section("Ba+2").real("initial");
  CHECK(metric(m, r, "solid_concentration") == Approx(barium0).epsilon(2e-3));
  // Sizes: published data exist at low S only (Peters et al. 2024, Baso4ValidationTest.cpp;
  // validation/README.md); at S ~ 800 the sizes are checked against the moments they come
  // from: d30 = (6 phi / (pi N))^(1/3) <= d32 = mu3/mu2 (Lyapunov's inequality), quantiles
  // ordered.
  const double d30 = std::cbrt(6.0 * metric(m, r, "solid_volume_fraction") /
                               (M_PI * metric(m, r, "number_density")));
  CHECK(d30 <= metric(m, r, "sauter_diameter"));
  CHECK(metric(m, r, "d10_volume") < metric(m, r, "d50_volume"));
  CHECK(metric(m, r, "d50_volume") < metric(m, r, "d90_volume"));
  CHECK(metric(m, r, "solid_lost_above_grid") < 1e-6);
  // Everything reported is finite.
  for (const auto& x : m.metrics(r.t.back(), r.y.back())) {
    INFO(x.name);
    CHECK(std::isfinite(x.value));
  }
}

TEST_CASE("Grid moments converge to the method of moments under refinement", "[validation][pbe]") {
  // Same nucleation + growth drives both; the grid differs from the MoM by the discretisation:
  // nuclei born in the first class rather than at min-size (first order in the class width h)
  // and the limited growth scheme (second order), whose errors have opposite signs here and
  // partly cancel, so the observed "order" between successive grids is erratic (2.80, 4.74,
  // 1.01) and proves nothing. What the discretisation guarantees is a bound: the difference is
  // at most first order in h, i.e. within the first-order envelope of the coarsest grid,
  // diff(N) <= diff(100) * 100 / N at every refinement (observed 0.29, 0.022, 0.021 of it).
  std::vector<double> diff;
  const std::vector<std::string> classes{"100", "200", "400", "800"};
  for (const auto& n : classes) {
    Loaded l = load("cases/pbe_benchmark_growth.yaml", {{"population.classes", n},
                                                  {"population.moments", "true"},
                                                  {"population.scheme", "van-leer"}});
    Recorder r = run(l);
    diff.push_back(metric(*l.model, r, "moments_difference_mu3"));
  }
  std::cout << "grid vs method of moments, relative difference of mu3:\n";
  for (std::size_t k = 0; k < diff.size(); ++k) {
    std::cout << "  N = " << classes[k] << "  diff = " << diff[k];
    if (k > 0) std::cout << "  order = " << std::log2(diff[k - 1] / diff[k]);
    std::cout << "\n";
  }
  for (std::size_t k = 1; k < diff.size(); ++k) {
    INFO("N = " << classes[k]);
    CHECK(diff[k] <= diff[0] / std::pow(2.0, static_cast<double>(k)));
  }
}

TEST_CASE("Benchmark case reproduces the shared scipy baseline's totals", "[validation][regression]") {
  // Reference: ../shared/baseline/pbe_scipy_peer.py --case a --N 100 / --N 400 (scipy 1.10
  // solve_ivp BDF, rtol 1e-6, same discretisation): N_total and d32 printed by that script.
  // Two independent integrations at rtol 1e-6 agree to ~1e-7 here; the issue asks for 1e-4.
  struct Reference {
    const char* classes;
    double numberDensity, sauterDiameter;
  };
  for (const Reference ref : {Reference{"100", 1.2604469534332954e22, 4.447130026304094e-9},
                              Reference{"400", 1.4072842358337923e22, 4.181467259016747e-9}}) {
    Loaded l = load("cases/pbe_benchmark_growth.yaml", {{"population.classes", ref.classes}});
    Recorder r = run(l);
    INFO("N = " << ref.classes);
    CHECK(metric(*l.model, r, "number_density") == Approx(ref.numberDensity).epsilon(1e-4));
    CHECK(metric(*l.model, r, "sauter_diameter") == Approx(ref.sauterDiameter).epsilon(1e-4));
    // Requirement: solute + solid conserved to 1e-8 relative. The drift is round-off in the
    // linear solves (number densities ~1e20 next to concentrations ~10): observed 6e-10 (N =
    // 100) and 5e-14 (N = 400) with the bordered solver, 1e-15 with KLU.
    CHECK(metric(*l.model, r, "mass_balance_error") < 1e-8);
  }
}

TEST_CASE("Aggregation benchmark reproduces the shared scipy baseline's totals", "[validation][regression]") {
  // Reference: ../shared/baseline/pbe_scipy_peer.py --case b --N 100 / --N 400 (scipy 1.10
  // solve_ivp BDF with a sparse LU, rtol 1e-6): N_total and d32 printed by that script. We run
  // Newton-Krylov on the same discretisation; the issue asks for 1e-4.
  struct Reference {
    const char* classes;
    double numberDensity, sauterDiameter;
  };
  for (const Reference ref : {Reference{"100", 1.0118361971822516e19, 50.846872634502645e-9},
                              Reference{"400", 1.0124705912604242e19, 50.64479495639158e-9}}) {
    Loaded l = load("cases/pbe_benchmark_aggregation.yaml", {{"population.classes", ref.classes}});
    REQUIRE_FALSE(l.model->jacobianIsExact());
    Recorder r = run(l);
    INFO("N = " << ref.classes);
    CHECK(metric(*l.model, r, "number_density") == Approx(ref.numberDensity).epsilon(1e-4));
    CHECK(metric(*l.model, r, "sauter_diameter") == Approx(ref.sauterDiameter).epsilon(1e-4));
    // Budgets: aggregation conserves volume exactly on the grid; the integration with inexact
    // (Krylov) linear solves drifts by ~1e-7 (observed 1.1e-7 at N = 100, 6e-9 at N = 400).
    CHECK(metric(*l.model, r, "mass_balance_error") < 1e-6);
    CHECK(metric(*l.model, r, "number_balance_error") < 1e-6);
  }
}

TEST_CASE("Flagship with Brownian aggregation and a DLVO stability ratio", "[regression]") {
  // The option documented in cases/baso4_batch.yaml, switched on through overrides. At
  // I = 0.15 mol/L the double layer is screened (Debye length 0.8 nm), so W is small and
  // aggregation must cut the particle number of the run without it; budgets still close.
  const std::vector<Override> on{{"aggregation.type", "brownian"},
                                 {"aggregation.dlvo.hamaker-constant", "1e-20 J"},
                                 {"aggregation.dlvo.surface-potential", "-20 mV"},
                                 {"aggregation.dlvo.ionic-strength", "0.15 mol/L"},
                                 {"population.classes", "100"},
                                 {"population.moments", "false"}};
  Loaded with = load("cases/baso4_batch.yaml", on);
  Loaded without = load("cases/baso4_batch.yaml", {{"population.classes", "100"}});
  Recorder a = run(with), b = run(without);
  const double Nwith = metric(*with.model, a, "number_density");
  const double Nwithout = metric(*without.model, b, "number_density");
  INFO("N with aggregation " << Nwith << ", without " << Nwithout);
  CHECK(Nwith < 0.9 * Nwithout);
  CHECK(metric(*with.model, a, "number_balance_error") < 1e-6);
  CHECK(metric(*with.model, a, "mass_balance_error") < 1e-6);
}

TEST_CASE("Flagship with breakage: more, smaller particles; budgets close", "[regression]") {
  // Binary breakage with S = 10 1/s at 1 um (proportional to particle volume) on the flagship:
  // breakage conserves volume, the number rises and the Sauter diameter falls; the number
  // budget counts the fragments. The solid formed by 60 s is not an invariant: more, smaller
  // particles have more surface (faster approach to saturation) and a higher Gibbs-Thomson
  // solubility; at most the solute still dissolved (c_Ba+2 = 0.0247 mol/m^3 at 60 s) can
  // separate the two (observed difference 2.5e-5 mol/m^3). Solute + solid is conserved by every
  // right-hand side; GMRES's residual enters it in proportion to linear-tolerance-factor (on
  // the grid from x_lo L*, from the command line: 5e-9 at the default 1e-4, 6.8e-11 at 1e-5):
  // at 1e-5, required 1e-9.
  const std::vector<Override> on{{"breakage.selection-rate", "10 1/s"},
                                 {"breakage.reference-diameter", "1 um"},
                                 {"solver.linear-tolerance-factor", "1e-5"},
                                 {"population.classes", "100"},
                                 {"population.moments", "false"}};
  Loaded with = load("cases/baso4_batch.yaml", on);
  Loaded without = load("cases/baso4_batch.yaml", {{"population.classes", "100"}});
  REQUIRE_FALSE(with.model->jacobianIsExact());
  Recorder a = run(with), b = run(without);
  CHECK(metric(*with.model, a, "number_density") > 1.5 * metric(*without.model, b, "number_density"));
  CHECK(metric(*with.model, a, "sauter_diameter") < metric(*without.model, b, "sauter_diameter"));
  const StateBlock& species = without.model->layout().block("species");
  const auto ba = std::find(species.componentNames.begin(), species.componentNames.end(), "Ba+2");
  REQUIRE(ba != species.componentNames.end());
  const std::size_t barium = species.offset + static_cast<std::size_t>(ba - species.componentNames.begin());
  CHECK(std::abs(metric(*with.model, a, "solid_concentration") -
                 metric(*without.model, b, "solid_concentration")) < b.y.back()[barium]);
  CHECK(metric(*with.model, a, "number_balance_error") < 1e-9);
  CHECK(metric(*with.model, a, "mass_balance_error") < 1e-9);
}

TEST_CASE("Growth inhibition by an adsorbing modifier", "[regression][jacobian]") {
  // A neutral modifier at 0.1 mmol/L with K = 1e4 L/mol covers theta = 0.5 of the surface:
  // growth runs at half speed (alpha = 1), supersaturation lasts longer, more nuclei form and
  // the product is finer (Kubota & Mullin 1995's mechanism). The Jacobian gains the modifier's
  // column through the inhibition factor: checked against differences.
  const std::vector<Override> on{{"solution.species.M.initial", "0.1 mmol/L"},
                                 {"growth-inhibition.modifier", "M"},
                                 {"growth-inhibition.adsorption-constant", "1e4 L/mol"}};
  Loaded with = load("cases/baso4_batch.yaml", on);
  Loaded without = load("cases/baso4_batch.yaml", {{"solution.species.M.initial", "0.1 mmol/L"}});
  Recorder a = run(with), b = run(without);
  CHECK(metric(*with.model, a, "number_density") > metric(*without.model, b, "number_density"));
  CHECK(metric(*with.model, a, "d50_volume") < metric(*without.model, b, "d50_volume"));
  CHECK(metric(*with.model, a, "mass_balance_error") < 1e-8);
  for (std::size_t k : {std::size_t{10}, std::size_t{30}}) {
    INFO("output time " << a.t[k]);
    checkJacobian(*with.model, a.y[k]);
  }
}

TEST_CASE("Flagship with ion pairs and with Bromley activities: Jacobians, budgets, direction",
          "[regression][jacobian]") {
  // The case file's ion-pair option (wateq4f: BaSO4(aq) log K 2.7, NaSO4- 0.7): the pairs bind
  // Ba and SO4, so S and the number of particles fall; totals are conserved. Bromley (1973)
  // instead of Davies at I = 0.15. Every Jacobian entry, through the speciation's sensitivities
  // or Bromley's composition terms, against differences.
  const std::vector<Override> pairs{
      {"solution.ion-pairs", "{BaSO4(aq): {formula: Ba+2 + SO4-2, log-k: 2.7}, "
                             "NaSO4-: {formula: Na+ + SO4-2, log-k: 0.7, enthalpy: 1.12 kcal/mol}}"},
      {"population.classes", "80"}};
  Loaded paired = load("cases/baso4_batch.yaml", pairs);
  Loaded plain = load("cases/baso4_batch.yaml", {{"population.classes", "80"}});
  Loaded bromley = load("cases/baso4_batch.yaml",
                        {{"solution.activity", "{type: bromley}"}, {"population.classes", "80"}});
  Recorder a = run(paired), b = run(plain), c = run(bromley);
  CHECK(metric(*paired.model, a, "number_density") < metric(*plain.model, b, "number_density"));
  for (auto* x : {&a, &b, &c}) CHECK(x->t.back() == Approx(60.0));
  CHECK(metric(*paired.model, a, "mass_balance_error") < 1e-8);
  CHECK(metric(*bromley.model, c, "mass_balance_error") < 1e-8);
  for (std::size_t k : {std::size_t{5}, std::size_t{30}}) {
    INFO("output time " << a.t[k]);
    checkJacobian(*paired.model, a.y[k]);
    checkJacobian(*bromley.model, c.y[k]);
  }
}

TEST_CASE("KLU solves the flagship through its nucleation burst", "[regression][klu]") {
  // Issue 10, defect 21: `solver.linear: klu` (documented) stopped with CV_CONV_FAILURE during
  // the burst (0.27 s on this grid): SUNDIALS' KLU refactored every Jacobian on the pivot order
  // of the clear initial solution. The grid and number scale are those the tool chose in that
  // failing run (fluctuations off, the first refinement level). KLU and the bordered-band LU solve
  // the same discretisation to rtol 1e-6, so their particle numbers differ only by the two
  // integrations' error control; 1e-3 bounds that with room for the ~3000 steps of the burst.
  std::vector<Override> grid{{"growth.fluctuations", "false"},
                             {"population.min-size", "6.832455361350799e-10 m"},
                             {"population.max-size", "10 um"},
                             {"population.classes", "334"},
                             {"population.number-scale", "39133106186187432 1/m^3"},
                             {"output.end-time", "2 s"}};
  Loaded bordered = load("cases/baso4_batch.yaml", grid);
  grid.push_back({"solver.linear", "klu"});
  Loaded klu = load("cases/baso4_batch.yaml", grid);
  Recorder a = run(bordered), b = run(klu);
  CHECK(metric(*klu.model, b, "number_density") ==
        Approx(metric(*bordered.model, a, "number_density")).epsilon(1e-3));
}
