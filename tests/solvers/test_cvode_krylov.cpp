// Newton-Krylov: GMRES with difference-quotient Jacobian-vector products, left-preconditioned by
// the bordered LU of I - gamma J~, for a J~ that omits a dense coupling (as the model of an
// aggregating population declares it) and for exact Jacobians.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "solvers/CvodeIntegrator.h"
#include "TestSystems.h"

using namespace proscale;
using Catch::Matchers::Contains;
using Linear = IntegratorOptions::LinearSolver;

namespace {

IntegratorOptions options(Linear linear, double rtol) {
  IntegratorOptions o;
  o.rtol = rtol;
  o.atol = 1e-12;
  o.linear = linear;
  return o;
}

const std::vector<double> kTimes{0.0, 0.01, 0.1, 0.5, 1.0, 3.0};

/// max_i |y_i - reference_i| / max_i |reference_i|.
double normwiseError(const std::vector<double>& y, const std::vector<double>& reference) {
  double error = 0, scale = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    error = std::max(error, std::abs(y[i] - reference[i]));
    scale = std::max(scale, std::abs(reference[i]));
  }
  return error / scale;
}

}  // namespace

TEST_CASE("GMRES preconditioned by an approximate Jacobian matches the exact solution",
          "[validation]") {
  // Requirement: with a preconditioner that omits the dense coupling, the solution is as
  // accurate as with a direct solve. At rtol 1e-8 (atol 1e-12) the error in the max norm,
  // relative to the largest component, stays below 1e-7 (10 rtol) at every output time for
  // GMRES and for the dense direct solve of the same problem (observed 1.9e-8 and 1.5e-8),
  // and the two integrations agree to 1e-7 in the same measure. (Componentwise, both reach
  // ~100 (rtol |y_i| + atol) on the smallest components, as stiff global errors do.)
  const Linear linear = GENERATE(Linear::Bordered, Linear::Gmres);
  INFO("linear: " << linearSolverKey(linear));
  test::LowRankCoupled approximate(test::LowRankCoupled::Jacobian::Approximate);
  CvodeIntegrator krylov(approximate, options(linear, 1e-8));
  CHECK_THAT(krylov.method(), Contains("GMRES (Krylov dimension 5)"));
  CHECK_THAT(krylov.method(), Contains("approximate Jacobian"));
  CHECK_THAT(krylov.method(), Contains("difference-quotient Jacobian-vector products"));
  test::Recorder out;
  const SolverReport report = krylov.run(kTimes, out);
  REQUIRE(report.complete);
  REQUIRE(out.t == kTimes);
  double worst = 0;
  for (std::size_t s = 0; s < kTimes.size(); ++s)
    worst = std::max(worst, normwiseError(out.y[s], approximate.exact(kTimes[s])));
  INFO("largest normwise error " << worst);
  CHECK(worst < 1e-7);
  const SolverStatistics& stats = report.statistics;
  CHECK(stats.linearIterations > 0);
  CHECK(stats.jacobianEvaluations > 0);  // of J~, for the preconditioner
  CHECK(stats.linearSetups >= stats.jacobianEvaluations);
  // Every GMRES iteration costs one f evaluation (J v by differences).
  CHECK(stats.rhsEvaluations >= stats.nonlinearIterations + stats.linearIterations);

  test::LowRankCoupled exactDense(test::LowRankCoupled::Jacobian::ExactDense);
  IntegratorOptions directOptions = options(Linear::Dense, 1e-8);
  CvodeIntegrator direct(exactDense, directOptions);
  test::Recorder reference;
  const SolverReport directReport = direct.run(kTimes, reference);
  REQUIRE(directReport.complete);
  CHECK(directReport.statistics.linearIterations == 0);
  double directWorst = 0, apart = 0;
  for (std::size_t s = 0; s < kTimes.size(); ++s) {
    directWorst = std::max(directWorst,
                           normwiseError(reference.y[s], exactDense.exact(kTimes[s])));
    apart = std::max(apart, normwiseError(out.y[s], reference.y[s]));
  }
  INFO("dense direct: largest normwise error " << directWorst << ", difference " << apart);
  CHECK(directWorst < 1e-7);
  CHECK(apart < 1e-7);
}

TEST_CASE("GMRES with the model's Jacobian-vector products: as accurate, no f per product",
          "[validation]") {
  // The products J~ v + (J - J~) v (the model's Jacobian at each Newton iterate and its
  // remainder) are the exact J v of this linear system, so the Newton systems are the same as
  // with difference quotients; the requirement is the same accuracy as the test above
  // (1e-7 normwise at rtol 1e-8) and agreement with the difference-quotient run to 1e-7.
  // Each product costs no right-hand side: f is evaluated once per Newton iteration only.
  test::LowRankCoupled withRemainder(test::LowRankCoupled::Jacobian::ApproximateWithRemainder);
  IntegratorOptions o = options(Linear::Bordered, 1e-8);
  o.products = IntegratorOptions::Products::Model;
  CvodeIntegrator krylov(withRemainder, o);
  CHECK_THAT(krylov.method(), Contains("model's Jacobian and its remainder"));
  test::Recorder out;
  const SolverReport report = krylov.run(kTimes, out);
  REQUIRE(report.complete);
  const SolverStatistics& stats = report.statistics;
  CHECK(stats.linearIterations > 0);
  CHECK(withRemainder.remainderProducts >= stats.linearIterations);
  CHECK(stats.rhsEvaluations < stats.nonlinearIterations + stats.linearIterations);
  double worst = 0;
  for (std::size_t s = 0; s < kTimes.size(); ++s)
    worst = std::max(worst, normwiseError(out.y[s], withRemainder.exact(kTimes[s])));
  INFO("largest normwise error " << worst);
  CHECK(worst < 1e-7);

  test::LowRankCoupled same(test::LowRankCoupled::Jacobian::ApproximateWithRemainder);
  o.products = IntegratorOptions::Products::Differences;
  CvodeIntegrator differences(same, o);
  CHECK_THAT(differences.method(), Contains("difference-quotient Jacobian-vector products"));
  test::Recorder reference;
  REQUIRE(differences.run(kTimes, reference).complete);
  CHECK(same.remainderProducts == 0);
  double apart = 0;
  for (std::size_t s = 0; s < kTimes.size(); ++s)
    apart = std::max(apart, normwiseError(out.y[s], reference.y[s]));
  INFO("difference from the difference-quotient run " << apart);
  CHECK(apart < 1e-7);
}

TEST_CASE("GMRES with an exact Jacobian agrees with the bordered direct solve", "[validation]") {
  // Preconditioned by the exact I - gamma J, GMRES solves the same Newton systems to within
  // eps_lin of the Newton tolerance; at rtol 1e-10 both integrations stay within 1e-8 of phi
  // and within 1e-9 relative of each other.
  std::vector<std::vector<double>> finals;
  for (Linear linear : {Linear::Bordered, Linear::Gmres}) {
    test::ArrowProtheroRobinson system;
    IntegratorOptions o = options(linear, 1e-10);
    o.atol = 1e-14;
    const std::vector<double> times{0.0, 1.0, 2.5, 5.0};
    const auto [report, out] = test::integrate(system, times, o);
    REQUIRE(report.complete);
    double worst = 0;
    for (std::size_t s = 0; s < times.size(); ++s)
      for (std::size_t i = 0; i < system.size(); ++i)
        worst = std::max(worst, std::abs(out.y[s][i] -
                                         test::ArrowProtheroRobinson::phi(i, times[s])));
    INFO("linear " << linearSolverKey(linear) << ", worst error " << worst);
    CHECK(worst < 1e-8);
    if (linear == Linear::Gmres) {
      CHECK_THAT(report.method, Contains("bordered-band LU of the Jacobian"));
      CHECK(report.statistics.linearIterations > 0);
    } else {
      CHECK(report.statistics.linearIterations == 0);
    }
    finals.push_back(out.y.back());
  }
  for (std::size_t i = 0; i < finals[0].size(); ++i)
    REQUIRE(std::abs(finals[1][i] - finals[0][i]) <= 1e-9 * std::abs(finals[0][i]));
}
