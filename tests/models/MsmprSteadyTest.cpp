// The steady-state seam: KINSOL through the Solver interface (`solver.type: kinsol`) on the
// MSMPR case, as `proscale run` builds it. Analytic solution (Randolph & Larson, Theory of
// Particulate Processes, 2nd ed. 1988, ch. 3) for constant G and nucleation B0 at L0 with
// washout 1/tau:
//   n(L) = (B0/G) exp(-(L - L0)/(G tau)),  mu_0 = B0 tau,  mean size L0 + G tau.
#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>

#include "CaseRunSupport.h"
#include "case/Overrides.h"

namespace proscale::test {

TEST_CASE("KINSOL finds the MSMPR steady state through the solver interface", "[validation][steady]") {
  const char* const file = "validation/analytic/msmpr.yaml";
  ProcessRun steady = runProcess(file, {parseOverride("solver.type=kinsol")});
  ProcessRun transient = runProcess(file);  // CVODE to 30 tau: e^-30 from steady
  REQUIRE(steady.report.steadyState);
  REQUIRE(steady.rec.t.size() == 2);  // the guess and the steady state

  const Parameters& p = steady.loaded.params;
  const double G = p.section("particles").real("growth-rate");
  const double B0 = p.section("particles").real("nucleation-rate");
  const double tau = p.section("reactor").real("residence-time");
  const double L0 = p.section("population").real("min-size");
  const std::vector<double> N = steady.classes(1), Nt = transient.classes(transient.rec.t.size() - 1);
  const PsdHistory classes = steady.process().sizeClasses();

  // The same discrete steady state as the transient run, up to CVODE's global error: rtol 1e-9
  // accumulated over 30 residence times (~30 rtol) plus e^-30 of the start-up, so 1e-7.
  double total = 0.0, difference = 0.0, l1 = 0.0, mu1 = 0.0;
  for (std::size_t i = 0; i < N.size(); ++i) {
    const double a = classes.faces[i], b = classes.faces[i + 1];
    const double exact = B0 * tau * (std::exp(-(a - L0) / (G * tau)) - std::exp(-(b - L0) / (G * tau)));
    total += N[i];
    difference += std::abs(N[i] - Nt[i]);
    l1 += std::abs(N[i] - exact);
    mu1 += classes.pivots[i] * N[i];
  }
  std::cout << "KINSOL MSMPR: " << steady.report.message << "; mu0 / (B0 tau) - 1 = "
            << total / (B0 * tau) - 1 << ", |N - N_cvode(30 tau)|_1 / mu0 = " << difference / total
            << ", L1 error against n(L) = " << l1 / (B0 * tau)
            << ", mean size / (L0 + G tau) - 1 = " << mu1 / total / (L0 + G * tau) - 1 << "\n";
  CHECK(difference / total < 1e-7);
  // Number: births B0 = washout mu_0/tau + what leaves the grid (e^-29 of n(L0) at max-size),
  // exact in the finite-volume scheme up to the steady-state tolerance.
  CHECK(std::abs(total / (B0 * tau) - 1.0) < 1e-9);
  // The distribution and its mean to the grid's discretisation error: 200 geometric classes
  // over a factor 300 in size have a relative width h = ln(300)/200 = 2.9 %, and van Leer is
  // second order on this smooth profile (MsmprTest.cpp measures the order): h^2 = 8e-4, so 1e-3.
  CHECK(l1 / (B0 * tau) < 1e-3);
  CHECK(std::abs(mu1 / total / (L0 + G * tau) - 1.0) < 1e-3);
}

}  // namespace proscale::test
