// The case files under validation/analytic/ (population-balance model) through the whole chain
// -- case loader, model, CVODE -- against their analytic solutions, on size classes (error
// norm and observed order on grid refinement, printed) and with QMOM (moments). The formulas
// and their sources are at the top of each case file.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "CaseRunSupport.h"
#include "case/Overrides.h"

using namespace proscale;

namespace {

constexpr double kKv = M_PI / 6;

std::vector<Override> overrides(const std::vector<std::string>& settings) {
  std::vector<Override> result;
  for (const auto& s : settings) result.push_back(parseOverride(s));
  return result;
}

/// Log-normal seeds: number below L, and the exact moments.
struct LogNormal {
  double N, median, sigmaG;
  double below(double L) const {
    if (L <= 0.0) return 0.0;
    return 0.5 * N * std::erfc(-std::log(L / median) / (std::log(sigmaG) * std::sqrt(2.0)));
  }
  double moment(int k) const {
    const double s = std::log(sigmaG);
    return N * std::exp(k * std::log(median) + 0.5 * k * k * s * s);
  }
};

/// The log-normal seeds a case file declares (population.seeds).
LogNormal seedsOf(const test::CaseValues& v) {
  return {v("population.seeds.number-density"), v("population.seeds.median-diameter"),
          v("population.seeds.geometric-std")};
}

/// The exact number in [a, b] at the final time, given as a function of the class faces.
using ExactCount = std::function<double(double a, double b)>;

/// L1 error of the final class counts relative to the exact total.
double classError(const test::ProcessRun& run, const ExactCount& exact) {
  const auto faces = run.process().sizeClasses().faces;
  const auto N = run.classes(run.rec.t.size() - 1);
  double error = 0.0, total = 0.0;
  for (std::size_t i = 0; i < N.size(); ++i) {
    const double e = exact(faces[i], faces[i + 1]);
    error += std::abs(N[i] - e);
    total += e;
  }
  return error / total;
}

/// Runs the case at 100, 200, 400, 800 classes; prints the errors and returns the observed
/// orders log2(e_coarse / e_fine) of the three successive pairs.
std::vector<double> observedOrders(const std::string& file, const ExactCount& exact,
                                   const std::vector<std::string>& extra = {}) {
  std::vector<double> errors, orders;
  const std::vector<int> classes{100, 200, 400, 800};
  std::cout << file << ": L1 error of the classes (relative to the exact total), observed order\n";
  for (std::size_t k = 0; k < classes.size(); ++k) {
    auto settings = extra;
    settings.push_back("population.classes=" + std::to_string(classes[k]));
    const test::ProcessRun run = test::runProcess(file, overrides(settings));
    errors.push_back(classError(run, exact));
    std::cout << "  N = " << classes[k] << "  error = " << errors.back();
    if (k > 0) {
      orders.push_back(std::log2(errors[k - 1] / errors[k]));
      std::cout << "  order = " << orders.back();
    }
    std::cout << "\n";
  }
  return orders;
}

/// The order between the two finest grids.
double observedOrder(const std::string& file, const ExactCount& exact,
                     const std::vector<std::string>& extra = {}) {
  return observedOrders(file, exact, extra).back();
}

/// Relative differences of QMOM's (or the standard method's) final moments from the exact ones;
/// returns the largest.
double qmomMomentError(const std::string& file, const std::function<double(int)>& exact,
                       const std::string& method = "qmom") {
  const int count = method == "qmom" ? 6 : 5;
  const test::ProcessRun run = test::runProcess(file, overrides({"population.method=" + method}));
  double worst = 0.0;
  for (int k = 0; k < count; ++k) {
    const double mu = run.series(run.rec.t.size() - 1, "mu" + std::to_string(k));
    worst = std::max(worst, std::abs(mu / exact(k) - 1.0));
  }
  std::cout << file << " with " << (method == "qmom" ? "QMOM (3 nodes)" : "standard moments")
            << ": largest relative error of mu_0..mu_" << count - 1 << " = " << worst << "\n";
  return worst;
}

double binomial(int n, int k) { return std::tgamma(n + 1.0) / (std::tgamma(k + 1.0) * std::tgamma(n - k + 1.0)); }

/// mu_k of the affine image L = A L0 + c of a population with moments mu0(j).
double affineMoment(int k, double A, double c, const std::function<double(int)>& mu0) {
  double sum = 0.0;
  for (int j = 0; j <= k; ++j) sum += binomial(k, j) * std::pow(A, j) * std::pow(c, k - j) * mu0(j);
  return sum;
}

}  // namespace

// Tolerances. Sectional: the limited second-order scheme (van Leer) converges with order ~2 on
// smooth profiles, reduced towards 1.5 where the limiter clips at the extremum (an O(h) region
// of first-order error); we require > 1.6 on the two finest grids and report all. QMOM: these
// moment equations are closed (QMOM is exact for growth linear in L and for nucleation), so
// only the integration error remains: rtol = 1e-9 per step, accumulated over ~100 steps, 1e-6.
TEST_CASE("Analytic case: pure growth (translation)", "[validation][pbe]") {
  const std::string file = "validation/analytic/pure_growth.yaml";
  const test::CaseValues v(file);
  const LogNormal seeds = seedsOf(v);
  const double shift = v("particles.growth-rate") * v("output.end-time");  // G t
  const double order = observedOrder(
      file, [&](double a, double b) { return seeds.below(b - shift) - seeds.below(a - shift); });
  CHECK(order > 1.6);
  CHECK(order < 2.4);
  const auto exact = [&](int k) {
    return affineMoment(k, 1.0, shift, [&](int j) { return seeds.moment(j); });
  };
  CHECK(qmomMomentError(file, exact) < 1e-6);
  CHECK(qmomMomentError(file, exact, "moments") < 1e-6);
}

TEST_CASE("Analytic case: linear growth G0 (1 + a L)", "[validation][pbe]") {
  const std::string file = "validation/analytic/linear_growth.yaml";
  const test::CaseValues v(file);
  const LogNormal seeds = seedsOf(v);
  const double a = v("particles.growth-size-coefficient");
  const double A = std::exp(a * v("particles.growth-rate") * v("output.end-time")), c = (A - 1.0) / a;
  // L = A L0 + c: the number below L at t is the seeds' number below (L - c)/A.
  const double order = observedOrder(file, [&](double lo, double hi) {
    return seeds.below((hi - c) / A) - seeds.below((lo - c) / A);
  });
  CHECK(order > 1.6);
  CHECK(order < 2.4);
  CHECK(qmomMomentError(file, [&](int k) {
          return affineMoment(k, A, c, [&](int j) { return seeds.moment(j); });
        }) < 1e-6);
}

TEST_CASE("Analytic case: dissolution with vanishing particles", "[validation][pbe]") {
  const std::string file = "validation/analytic/dissolution.yaml";
  const test::CaseValues v(file);
  const LogNormal seeds = seedsOf(v);
  const double shift = v("particles.growth-rate") * v("output.end-time");  // G t < 0
  const double minSize = v("population.min-size");
  const double order = observedOrder(file, [&](double a, double b) {
    return seeds.below(b - shift) - seeds.below(a - shift);
  });
  CHECK(order > 1.6);
  CHECK(order < 2.4);
  // Particles that started below min-size - G t = 220 nm have vanished through the lower bound.
  const test::ProcessRun run = test::runProcess(file, overrides({"population.classes=400"}));
  const double dissolved = seeds.below(minSize - shift);
  const double reported = run.metric("number_dissolved");
  std::cout << "dissolution: dissolved " << reported << " 1/m^3, exact " << dissolved << "\n";
  // The number leaving through the lower face converges like the classes next to it (1e-3 at
  // N = 400, see the printed L1 errors).
  CHECK(reported == Approx(dissolved).epsilon(2e-3));
  CHECK(run.metric("number_balance_error") < 1e-8);
  CHECK(run.metric("volume_balance_error") < 1e-8);
}

TEST_CASE("Analytic case: MSMPR steady state", "[validation][pbe]") {
  const std::string file = "validation/analytic/msmpr.yaml";
  const test::CaseValues v(file);
  const double B0 = v("particles.nucleation-rate"), G = v("particles.growth-rate");
  const double tau = v("reactor.residence-time"), L0 = v("population.min-size");
  const double n0 = B0 / G, Gt = G * tau;
  const double order = observedOrder(file, [&](double a, double b) {
    return n0 * Gt * (std::exp(-(a - L0) / Gt) - std::exp(-(b - L0) / Gt));
  });
  // Smooth exponential, but the birth at the first face is a boundary flux: order ~2 expected.
  CHECK(order > 1.6);
  CHECK(order < 2.4);
  auto exactMoment = [&](int k) {
    double sum = 0.0;
    for (int j = 0; j <= k; ++j)
      sum += binomial(k, j) * std::pow(L0, k - j) * std::tgamma(j + 1.0) * std::pow(Gt, j + 1);
    return n0 * sum;
  };
  const test::ProcessRun run = test::runProcess(file, overrides({"population.classes=800"}));
  const double N = run.metric("number_density");
  std::cout << "MSMPR: N = " << N << " vs B0 tau = " << B0 * tau << "\n";
  CHECK(N == Approx(B0 * tau).epsilon(1e-8));  // dN/dt = B0 - N/tau holds exactly on the grid
  CHECK(run.metric("number_balance_error") < 1e-8);
  CHECK(qmomMomentError(file, exactMoment) < 1e-6);
  CHECK(qmomMomentError(file, exactMoment, "moments") < 1e-6);
}

TEST_CASE("Analytic case: nucleation and growth, moving front", "[validation][pbe]") {
  const std::string file = "validation/analytic/nucleation_growth.yaml";
  const test::CaseValues v(file);
  const double B0 = v("particles.nucleation-rate"), G = v("particles.growth-rate");
  const double L0 = v("population.min-size"), front = L0 + G * v("output.end-time");
  const ExactCount plateau = [&](double a, double b) {
    return B0 / G * std::max(0.0, std::min(b, front) - std::max(a, L0));
  };
  // L1 convergence at a discontinuity: h^(p/(p+1)), 2/3 for a second-order scheme, 1/2 for
  // upwind (LeVeque 2002, sec. 8.7); bounds +- 0.2 around those (the front's position within
  // its class varies with N, so the measured order scatters).
  const double vanLeer = observedOrder(file, plateau);
  CHECK(vanLeer > 0.47);
  CHECK(vanLeer < 0.87);
  const double upwind = observedOrder(file, plateau, {"population.scheme=upwind"});
  CHECK(upwind > 0.3);
  CHECK(upwind < 0.7);
  CHECK(qmomMomentError(file, [&](int k) {
          return B0 / G * (std::pow(front, k + 1) - std::pow(L0, k + 1)) / (k + 1);
        }) < 1e-6);
}

namespace {
/// Scott (1968) moments: N(T) and M2(T) relative to M2(0) for the kernel's T(t).
struct ScottMoments {
  std::function<double(double T)> number;  // N / N0
  std::function<double(double T)> m2;      // M2 / M2(0)
};

/// Worst relative errors of N(t) and M2(t) over the outputs of one sectional run.
struct ScottErrors {
  double number = 0.0, m2 = 0.0;
};

/// N0 and the mean volume v0 of a case's exponential-volume seeds.
struct ExponentialSeeds {
  double N0, d0, v0;
};
ExponentialSeeds exponentialSeedsOf(const test::CaseValues& v) {
  const double d0 = v("population.seeds.mean-volume-diameter");
  return {v("population.seeds.number-density"), d0, kKv * d0 * d0 * d0};
}

ScottErrors scottErrors(const test::ProcessRun& run, double betaScale, const ScottMoments& exact,
                        const ExponentialSeeds& seeds) {
  const double N0 = seeds.N0, v0 = seeds.v0;
  const double beta = run.loaded.params.section("aggregation").real("rate-constant");
  const auto pivots = run.process().sizeClasses().pivots;
  ScottErrors worst;
  for (std::size_t k = 0; k < run.rec.t.size(); ++k) {
    const double T = beta * betaScale * run.rec.t[k];
    const auto N = run.classes(k);
    double number = 0.0, m2 = 0.0;
    for (std::size_t i = 0; i < N.size(); ++i) {
      const double x = kKv * std::pow(pivots[i], 3);
      number += N[i];
      m2 += x * x * N[i];
    }
    worst.number = std::max(worst.number, std::abs(number / (N0 * exact.number(T)) - 1.0));
    worst.m2 = std::max(worst.m2, std::abs(m2 / (2.0 * N0 * v0 * v0 * exact.m2(T)) - 1.0));
  }
  return worst;
}

/// Sectional at the case's grid and one refinement (errors, observed orders), then QMOM.
void checkScottCase(const std::string& file, double betaScale, const ScottMoments& exact,
                    double numberTolerance, double m2Tolerance) {
  const ExponentialSeeds seeds = exponentialSeedsOf(test::CaseValues(file));
  const double N0 = seeds.N0, d0 = seeds.d0;
  const test::ProcessRun run = test::runProcess(file);
  const std::size_t classes = run.process().sizeClasses().pivots.size();
  const test::ProcessRun fine = test::runProcess(
      file, overrides({"population.classes=" + std::to_string(2 * classes)}));
  const ScottErrors coarse = scottErrors(run, betaScale, exact, seeds);
  const ScottErrors refined = scottErrors(fine, betaScale, exact, seeds);
  std::cout << file << ": worst relative error of N(t), M2(t) at " << classes << " classes "
            << coarse.number << ", " << coarse.m2 << "; at " << 2 * classes << " classes "
            << refined.number << ", " << refined.m2 << "; observed orders "
            << std::log2(coarse.number / refined.number) << ", "
            << std::log2(coarse.m2 / refined.m2) << "\n";
  CHECK(refined.number < numberTolerance);
  CHECK(refined.m2 < m2Tolerance);
  CHECK(std::log2(coarse.m2 / refined.m2) > 1.5);  // second order, 2 - 0.5 for the pre-asymptotic grid
  CHECK(run.metric("volume_balance_error") < 1e-10);  // issue: aggregation conserves to 1e-10
  CHECK(fine.metric("volume_balance_error") < 1e-10);
  const double beta = run.loaded.params.section("aggregation").real("rate-constant");

  // QMOM: dmu_0/dt is exact for these kernels (polynomials in L^3 of degree <= 2n - 1 in each
  // node's variable), mu_3 is conserved; the integration error remains (rtol 1e-8: 1e-6).
  const test::ProcessRun q = test::runProcess(file, overrides({"population.method=qmom"}));
  const double T = beta * betaScale * q.rec.t.back();
  const double mu0 = q.series(q.rec.t.size() - 1, "mu0"), mu3 = q.series(q.rec.t.size() - 1, "mu3");
  const double mu3Exact = N0 * d0 * d0 * d0;  // exponential in volume: mu_3 = N0 d^3 Gamma(2)
  std::cout << file << " with QMOM: N error " << std::abs(mu0 / (N0 * exact.number(T)) - 1.0)
            << ", mu3 drift " << std::abs(mu3 / mu3Exact - 1.0) << "\n";
  CHECK(mu0 == Approx(N0 * exact.number(T)).epsilon(1e-6));
  CHECK(mu3 == Approx(mu3Exact).epsilon(1e-10));
}
}  // namespace

// Sectional tolerances, at 10 classes per volume doubling (the case's 5, refined): the fixed
// pivot evaluates the kernel at the pivots, a second-order error in the class width (observed
// orders printed; ScottAggregationTest.cpp shows them on finer grids); the grid starts at 10 nm,
// so 1.25e-4 of N0 (the seeds below it) is missing from the start. Bounds: N 1e-3, M2 5e-2 --
// about twice the sum kernel's errors at this resolution (the harder of the two: aggregates of
// large particles dominate M2).
TEST_CASE("Analytic case: Scott sum kernel", "[validation][pbe][aggregation]") {
  const std::string file = "validation/analytic/scott_sum_kernel.yaml";
  const ExponentialSeeds s = exponentialSeedsOf(test::CaseValues(file));
  checkScottCase(file, s.N0 * s.v0,
                 {[](double T) { return std::exp(-T); }, [](double T) { return std::exp(2 * T); }},
                 1e-3, 0.05);
}

TEST_CASE("Analytic case: Scott product kernel", "[validation][pbe][aggregation]") {
  const std::string file = "validation/analytic/scott_product_kernel.yaml";
  const ExponentialSeeds s = exponentialSeedsOf(test::CaseValues(file));
  checkScottCase(file, s.N0 * s.v0 * s.v0,
                 {[](double T) { return 1.0 - 0.5 * T; },
                  [](double T) { return 1.0 / (1.0 - 2.0 * T); }},
                 1e-3, 0.05);
}

// Ziff & McGrady (1985): exact for the linear selection rate and uniform binary daughters.
// Sectional: the fixed pivot is second order in the class width for smooth distributions
// (Kumar & Ramkrishna 1996). The case's grid starts at 5 nm, and fragments smaller than the
// first pivot cannot be placed exactly (no pivot below it): an error at the lower boundary
// that does not shrink with h, 2.1e-5 of N from the lowest quarter of the classes at every
// resolution (measured 2026-12-03), which flattened the observed order (1.96, 1.88, 1.59). It
// scales with the fraction of fragments near min-size, ~min-size^3: at 0.5 nm it is 2e-8,
// far below the discretisation error, and the order is measured there: > 1.9 on every pair
// (observed 2.00, 2.00, 2.00); the floor at 5 nm is bounded separately. Number: every breakage adds one particle, so
// dN/dt = k sum_i x_i N_i = k V exactly on the grid (fragments below min-size counted as
// dissolved); V is conserved, so N(t) = N(0) + k V(0) t to the integration tolerance (1e-6).
// V(0) differs from N0 v0 by the seeds' projection onto the pivots (O(h^2); printed).
// QMOM: with S ~ L^3, dmu_k/dt = -k/(k+3) (s0/L_ref^3) mu_{k+3}: mu_0 follows mu_3, which is
// conserved, so both are exact (1e-6, the integration); mu_1, mu_2 need mu_4, mu_5, whose own
// sources need mu_7, mu_8 beyond the quadrature -- a closure error, which must shrink with
// more nodes (3 -> 4), and stays below 1e-3 with 3 (observed 6.5e-4; no analytic bound).
TEST_CASE("Analytic case: Ziff-McGrady breakage", "[validation][pbe]") {
  const std::string file = "validation/analytic/ziff_mcgrady_breakage.yaml";
  const test::CaseValues v(file);
  const auto [N0, d0, v0] = exponentialSeedsOf(v);
  // S = s0 x / x_ref = k x with k = s0 / x_ref: tau = k v0 t.
  const double xRef = kKv * std::pow(v("breakage.reference-diameter"), 3);
  const double kRate = v("breakage.selection-rate") / xRef, tEnd = v("output.end-time");
  const double tau = kRate * v0 * tEnd;
  const double B = (1.0 + tau) / v0;
  const ExactCount exactCount = [&](double a, double b) {
    return N0 * (1.0 + tau) * (std::exp(-B * kKv * a * a * a) - std::exp(-B * kKv * b * b * b));
  };
  const std::vector<double> orders =
      observedOrders(file, exactCount, {"population.min-size=0.5 nm"});
  for (const double order : orders) {
    CHECK(order > 1.9);
    CHECK(order < 2.1);
  }
  // The boundary floor of the case as shipped (5 nm): the L1 error of the classes at 800 per
  // 5 nm - 5 um stays within 1e-4 of N (observed 6.3e-5: 2.1e-5 from the boundary).
  CHECK(classError(test::runProcess(file, overrides({"population.classes=800"})), exactCount) <
        1e-4);
  const test::ProcessRun run = test::runProcess(file);
  const auto pivots = run.process().sizeClasses().pivots;
  const auto initial = run.classes(0);
  double number0 = 0.0, volume0 = 0.0;
  for (std::size_t i = 0; i < initial.size(); ++i) {
    number0 += initial[i];
    volume0 += kKv * std::pow(pivots[i], 3) * initial[i];
  }
  const double total = run.metric("number_density") + run.metric("number_dissolved");
  const double expected = number0 + kRate * volume0 * tEnd;
  std::cout << "Ziff-McGrady: N on grid + below it = " << total << "; N(0) + k V(0) t = "
            << expected << "; exact N0 (1 + k v0 t) = " << N0 * (1 + tau)
            << " (seed projection: V(0)/(N0 v0) - 1 = " << volume0 / (N0 * v0) - 1
            << "); volume balance error " << run.metric("volume_balance_error") << "\n";
  CHECK(total == Approx(expected).epsilon(1e-6));
  CHECK(run.metric("volume_balance_error") < 1e-10);

  const double dt = d0 / std::cbrt(1.0 + tau);  // mean-volume diameter at the end
  auto exact = [&](int k) { return N0 * (1.0 + tau) * std::pow(dt, k) * std::tgamma(1.0 + k / 3.0); };
  double closure[2] = {0.0, 0.0};  // largest error of mu_1, mu_2 with 3 and 4 nodes
  for (int nodes : {3, 4}) {
    const test::ProcessRun q = test::runProcess(
        file, overrides({"population.method=qmom",
                         "population.moment-count=" + std::to_string(2 * nodes)}));
    const std::size_t last = q.rec.t.size() - 1;
    auto error = [&](int k) { return std::abs(q.series(last, "mu" + std::to_string(k)) / exact(k) - 1); };
    closure[nodes - 3] = std::max(error(1), error(2));
    std::cout << "Ziff-McGrady with QMOM, " << nodes << " nodes: relative errors mu0 " << error(0)
              << ", mu1 " << error(1) << ", mu2 " << error(2) << ", mu3 " << error(3) << "\n";
    CHECK(error(0) < 1e-6);
    CHECK(error(3) < 1e-10);
  }
  CHECK(closure[0] < 1e-3);
  CHECK(closure[1] < closure[0]);
}
