// What the integrator does when the model or CVODE fails: no exception crosses SUNDIALS, the
// report names CVODE's flag and the model's reason, and partial results end where CVODE stopped.
#include <catch2/catch.hpp>
#include <cmath>

#include <limits>
#include <stdexcept>
#include <vector>

#include "core/Errors.h"
#include "solvers/CvodeIntegrator.h"
#include "TestSystems.h"

using namespace proscale;
using Catch::Matchers::Contains;
using Linear = IntegratorOptions::LinearSolver;

namespace {

void requirePartialResultsEndAtFailure(const SolverReport& report, const test::Recorder& out) {
  REQUIRE_FALSE(out.t.empty());
  CHECK(out.t.front() == 0.0);
  CHECK(out.t.back() == report.timeReached);
  CHECK(std::is_sorted(out.t.begin(), out.t.end()));
}

}  // namespace

TEST_CASE("a model exception in the right-hand side stops the integration", "[unit]") {
  test::DecayChain system;
  system.onRhs = [](double t, std::span<const double>) {
    if (t > 0.5) throw std::runtime_error("reactor model exploded");
  };
  const std::vector<double> times{0.0, 0.25, 0.5, 0.75, 1.0};
  const auto [report, out] = test::integrate(system, times);
  CHECK_FALSE(report.complete);
  CHECK(report.flagName == "CV_RHSFUNC_FAIL");
  CHECK_THAT(report.message, Contains("reactor model exploded"));
  CHECK(report.timeReached > 0.25);
  CHECK(report.timeReached <= 0.5);
  requirePartialResultsEndAtFailure(report, out);
  CHECK(out.t.size() == 3);  // t0, 0.25, and the state where CVODE stopped
  CHECK(report.statistics.steps > 0);
}

TEST_CASE("a non-finite derivative is named by block and index", "[unit]") {
  test::DecayChain system;
  SECTION("from the start: CVODE cannot take the first step") {
    system.afterRhs = [](double, std::span<double> ydot) {
      ydot[2 + 3] = std::numeric_limits<double>::quiet_NaN();
    };
    const std::vector<double> times{0.0, 1.0};
    const auto [report, out] = test::integrate(system, times);
    CHECK_FALSE(report.complete);
    CHECK(report.flagName == "CV_FIRST_RHSFUNC_ERR");
    CHECK_THAT(report.message, Contains("non-finite time derivative of chain[3]"));
    CHECK(report.timeReached == 0.0);
    CHECK(out.t == std::vector<double>{0.0});
  }
  SECTION("later and for good: CVODE retries with smaller steps, then gives up") {
    // A model whose internal state is corrupted from the first call past t = 0.3 on: every
    // retry fails, and after CVODE's 10 convergence failures in one step it stops.
    bool corrupted = false;
    system.afterRhs = [&corrupted](double t, std::span<double> ydot) {
      corrupted = corrupted || t > 0.3;
      if (corrupted) ydot[1] = std::numeric_limits<double>::infinity();
    };
    const std::vector<double> times{0.0, 0.2, 1.0};
    const auto [report, out] = test::integrate(system, times);
    CHECK_FALSE(report.complete);
    CHECK(report.flagName == "CV_REPTD_RHSFUNC_ERR");
    CHECK_THAT(report.message, Contains("non-finite time derivative of sink[0] (inf)"));
    CHECK(report.timeReached <= 0.3);
    CHECK(report.timeReached > 0.2);
    requirePartialResultsEndAtFailure(report, out);
  }
  SECTION("beyond a fixed time: CVODE creeps towards it until the step limit") {
    // Each attempt past t = 0.3 fails and is retried with a quarter of the step, but steps that
    // stay below 0.3 succeed, so CVODE approaches 0.3 geometrically and runs out of steps.
    system.afterRhs = [](double t, std::span<double> ydot) {
      if (t > 0.3) ydot[2 + 4] = std::numeric_limits<double>::quiet_NaN();
    };
    IntegratorOptions options;
    options.maxSteps = 2000;
    const std::vector<double> times{0.0, 1.0};
    const auto [report, out] = test::integrate(system, times, options);
    CHECK_FALSE(report.complete);
    CHECK(report.flagName == "CV_TOO_MUCH_WORK");
    CHECK_THAT(report.message, Contains("non-finite time derivative of chain[4] (nan)"));
    CHECK(report.timeReached == Approx(0.3).margin(1e-9));
    requirePartialResultsEndAtFailure(report, out);
  }
}

TEST_CASE("a non-finite initial state is reported without integrating", "[unit]") {
  test::DecayChain system;
  system.onInitial = [](std::span<double> y0) { y0[1] = std::numeric_limits<double>::infinity(); };
  const std::vector<double> times{0.0, 1.0};
  const auto [report, out] = test::integrate(system, times);
  CHECK_FALSE(report.complete);
  CHECK(report.flagName == "CV_ILL_INPUT");
  CHECK_THAT(report.message, Contains("initial value of sink[0] is not finite"));
  CHECK(report.timeReached == 0.0);
  CHECK(out.t.empty());
}

TEST_CASE("recoverable model errors make CVODE retry, not fail", "[unit]") {
  test::DecayChain system;
  int calls = 0;
  system.onRhs = [&calls](double, std::span<const double>) {
    ++calls;
    if (calls == 20 || calls == 40 || calls == 41) throw RecoverableError("outside the domain");
  };
  const std::vector<double> times{0.0, 5.0};
  const auto [report, out] = test::integrate(system, times);
  REQUIRE(report.complete);
  CHECK(calls > 41);
  CHECK(out.y.back()[0] == Approx(system.exact(5.0)[0]).epsilon(1e-4));
}

TEST_CASE("a model exception in the Jacobian stops the integration", "[unit]") {
  test::DecayChain system;
  int evaluations = 0;
  system.onJacobian = [&evaluations](double) {
    if (++evaluations == 3) throw std::logic_error("table lookup out of range");
  };
  const std::vector<double> times{0.0, 100.0};
  const auto [report, out] = test::integrate(system, times);
  CHECK_FALSE(report.complete);
  CHECK(report.flagName == "CV_LSETUP_FAIL");
  CHECK_THAT(report.message, Contains("table lookup out of range"));
  CHECK_THAT(report.message, Contains("Jacobian"));
  requirePartialResultsEndAtFailure(report, out);
}

TEST_CASE("a Jacobian that keeps failing recoverably ends in a convergence failure", "[unit]") {
  test::DecayChain system;
  int evaluations = 0;
  system.onJacobian = [&evaluations](double) {
    if (++evaluations >= 3) throw RecoverableError("property table not converged");
  };
  const std::vector<double> times{0.0, 100.0};
  const auto [report, out] = test::integrate(system, times);
  CHECK_FALSE(report.complete);
  CHECK(report.flagName == "CV_CONV_FAILURE");
  CHECK_THAT(report.message, Contains("property table not converged"));
  requirePartialResultsEndAtFailure(report, out);
}

TEST_CASE("a non-finite Jacobian entry is named, not left to stall Newton", "[unit]") {
  // A NaN slope (e.g. a difference quotient taken across saturation) would poison every Newton
  // iteration and end in a convergence failure without a reason.
  test::DecayChain system;
  int evaluations = 0;
  system.afterJacobian = [&evaluations](BorderedBandJacobian& J) {
    if (++evaluations >= 3) J.B(0, 0) = std::nan("");
  };
  const std::vector<double> times{0.0, 100.0};
  const auto [report, out] = test::integrate(system, times);
  CHECK_FALSE(report.complete);
  CHECK_THAT(report.message, Contains("non-finite entry in the model's Jacobian"));
  requirePartialResultsEndAtFailure(report, out);
}

TEST_CASE("a model exception in the preconditioner's Jacobian stops the integration", "[unit]") {
  // GMRES calls the model's (approximate) Jacobian only in the preconditioner setup; a fatal
  // exception there is CVODE's unrecoverable setup failure, a recoverable one that persists a
  // convergence failure, exactly as for the direct solvers' Jacobian.
  test::LowRankCoupled system(test::LowRankCoupled::Jacobian::Approximate);
  int evaluations = 0;
  const bool fatal = GENERATE(true, false);
  system.onJacobian = [&evaluations, fatal](double) {
    if (++evaluations < 3) return;
    if (fatal) throw std::logic_error("kernel table lookup out of range");
    throw RecoverableError("kernel table not converged");
  };
  const std::vector<double> times{0.0, 50.0};
  const auto [report, out] = test::integrate(system, times);
  CHECK_FALSE(report.complete);
  CHECK_THAT(report.message, Contains("preconditioner setup"));
  if (fatal) {
    CHECK(report.flagName == "CV_LSETUP_FAIL");
    CHECK_THAT(report.message, Contains("kernel table lookup out of range"));
  } else {
    CHECK(report.flagName == "CV_CONV_FAILURE");
    CHECK_THAT(report.message, Contains("kernel table not converged"));
  }
  requirePartialResultsEndAtFailure(report, out);
}

TEST_CASE("too many steps: CV_TOO_MUCH_WORK with the time reached", "[unit]") {
  test::Robertson system({3, 0, 0, 0}, true);
  IntegratorOptions options;
  options.maxSteps = 50;
  const std::vector<double> times{0.0, 4e10};
  const auto [report, out] = test::integrate(system, times, options);
  CHECK_FALSE(report.complete);
  CHECK(report.flagName == "CV_TOO_MUCH_WORK");
  CHECK(report.timeReached > 0.0);
  CHECK(report.timeReached < 4e10);
  CHECK(report.statistics.steps == 50);
  CHECK_THAT(report.message, Contains("mxstep"));
  requirePartialResultsEndAtFailure(report, out);
  CHECK(out.t.size() == 2);
  const auto& y = out.y.back();
  CHECK(y[0] + y[1] + y[2] == Approx(1.0).epsilon(1e-6));  // a real state, not garbage
}

TEST_CASE("invalid set-ups are rejected before integrating", "[unit]") {
  SECTION("KLU needs an analytic Jacobian; the default (bordered) falls back to dense") {
    test::Robertson system({3, 0, 0, 0}, false);
    IntegratorOptions options;
    CHECK_THAT(CvodeIntegrator(system, options).method(), Contains("dense direct"));
    options.linear = Linear::Klu;
    CHECK_THROWS_WITH(CvodeIntegrator(system, options), Contains("use 'dense' or 'gmres'"));
    CHECK_THROWS_AS(CvodeIntegrator(system, options), std::invalid_argument);
    options.linear = Linear::Dense;
    CHECK_NOTHROW(CvodeIntegrator(system, options));
    options.linear = Linear::Gmres;  // unpreconditioned
    CHECK_THAT(CvodeIntegrator(system, options).method(), Contains("unpreconditioned"));
    struct Inexact : test::Robertson {  // "approximate", yet no Jacobian at all
      using Robertson::Robertson;
      bool jacobianIsExact() const override { return false; }
    } inexact({3, 0, 0, 0}, false);
    CHECK_THROWS_WITH(CvodeIntegrator(inexact, options), Contains("does not provide one"));
  }
  SECTION("an approximate Jacobian only preconditions GMRES: no direct KLU or dense solve") {
    test::LowRankCoupled system(test::LowRankCoupled::Jacobian::Approximate);
    IntegratorOptions options;
    for (Linear direct : {Linear::Klu, Linear::Dense}) {
      options.linear = direct;
      CHECK_THROWS_AS(CvodeIntegrator(system, options), std::invalid_argument);
      CHECK_THROWS_WITH(CvodeIntegrator(system, options),
                        Contains("needs the exact Jacobian") && Contains("'gmres'"));
    }
    options.linear = Linear::Bordered;
    CHECK_THAT(CvodeIntegrator(system, options).method(), Contains("GMRES"));
  }
  SECTION("Jacobian shape inconsistent with the layout") {
    test::Robertson system({2, 2, 1, 1}, true);
    CHECK_THROWS_AS(CvodeIntegrator(system, IntegratorOptions{}), std::invalid_argument);
  }
  SECTION("options out of range") {
    test::DecayChain system;
    IntegratorOptions options;
    options.rtol = 0;
    CHECK_THROWS_AS(CvodeIntegrator(system, options), std::invalid_argument);
    options = {};
    options.maxOrder = 6;
    CHECK_THROWS_AS(CvodeIntegrator(system, options), std::invalid_argument);
    options = {};
    options.krylovDimension = 0;
    CHECK_THROWS_AS(CvodeIntegrator(system, options), std::invalid_argument);
    options = {};
    options.linearToleranceFactor = 0;
    CHECK_THROWS_AS(CvodeIntegrator(system, options), std::invalid_argument);
  }
  SECTION("output times must ascend") {
    test::DecayChain system;
    CvodeIntegrator integrator(system, IntegratorOptions{});
    test::Recorder out;
    const std::vector<double> times{0.0, 2.0, 1.0};
    CHECK_THROWS_AS(integrator.run(times, out), std::invalid_argument);
    CHECK_THROWS_AS(integrator.run({}, out), std::invalid_argument);
  }
}
