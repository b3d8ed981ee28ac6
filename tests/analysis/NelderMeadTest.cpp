// The bounded Nelder-Mead minimiser (analysis/NelderMead.h) on functions with known minima:
// Rosenbrock's valley in two and four dimensions, a quadratic in four dimensions, and a minimum
// outside the box, which it must find on the box's face; and its evaluation limit.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/NelderMead.h"

using namespace proscale;

TEST_CASE("Nelder-Mead finds Rosenbrock's minimum from the classic start", "[unit][analysis]") {
  // f = 100 (y - x^2)^2 + (1 - x)^2, minimum 0 at (1, 1) (Rosenbrock, Computer J. 3 (1960)
  // 175); from (-1.2, 1). With x tolerance 1e-10 the answer is within 1e-6 (f ~ 1e-12).
  const auto f = [](const std::vector<double>& p) {
    return 100.0 * std::pow(p[1] - p[0] * p[0], 2) + std::pow(1.0 - p[0], 2);
  };
  NelderMeadOptions options;
  options.xTolerance = 1e-10;
  options.fTolerance = 1e-20;
  options.maxEvaluations = 5000;
  const NelderMeadResult r = nelderMead(f, {-1.2, 1.0}, {-2.0, -2.0}, {2.0, 2.0}, options);
  CHECK(r.converged);
  CHECK(std::abs(r.x[0] - 1.0) < 1e-6);
  CHECK(std::abs(r.x[1] - 1.0) < 1e-6);
  CHECK(r.f < 1e-10);
}

TEST_CASE("Nelder-Mead finds a quadratic's minimum in four dimensions", "[unit][analysis]") {
  const std::vector<double> centre{0.1, 0.2, 0.3, 0.4};
  const auto f = [&](const std::vector<double>& p) {
    double s = 0.0;
    for (std::size_t i = 0; i < 4; ++i) s += (i + 1.0) * std::pow(p[i] - centre[i], 2);
    return s;
  };
  NelderMeadOptions options;
  options.xTolerance = 1e-9;
  options.fTolerance = 1e-18;
  options.maxEvaluations = 20000;
  const NelderMeadResult r = nelderMead(f, {0.9, 0.9, 0.9, 0.9}, std::vector<double>(4, 0.0),
                                        std::vector<double>(4, 1.0), options);
  CHECK(r.converged);
  for (std::size_t i = 0; i < 4; ++i) CHECK(std::abs(r.x[i] - centre[i]) < 1e-6);
}

TEST_CASE("Nelder-Mead stops on the box's face when the minimum is outside", "[unit][analysis]") {
  // f = (x - 2)^2 + (y - 0.5)^2 on [0, 1]^2: the minimum in the box is (1, 0.5), f = 1.
  const auto f = [](const std::vector<double>& p) { return std::pow(p[0] - 2.0, 2) + std::pow(p[1] - 0.5, 2); };
  const NelderMeadResult r = nelderMead(f, {0.2, 0.9}, {0.0, 0.0}, {1.0, 1.0});
  CHECK(r.x[0] == 1.0);  // projected onto the face, exactly
  CHECK(std::abs(r.x[1] - 0.5) < 1e-6);
  CHECK(std::abs(r.f - 1.0) < 1e-10);
  CHECK_THROWS_AS(nelderMead(f, {0.5}, {0.0, 0.0}, {1.0, 1.0}), std::invalid_argument);
  CHECK_THROWS_AS(nelderMead(f, {0.5, 0.5}, {0.0, 1.0}, {1.0, 1.0}), std::invalid_argument);
}

TEST_CASE("Nelder-Mead finds the extended Rosenbrock function's minimum in four dimensions",
          "[unit][analysis]") {
  // f = sum_{i<3} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, global minimum 0 at (1, 1, 1, 1); a
  // second, local minimum near (-0.78, 0.61, 0.38, 0.15) (Kok & Sandrock, Evol. Comput. 17
  // (2009) 437) is where a collapsed simplex may stop. From (-1.2, 1, -1.2, 1); the simplex's
  // spread of 1e-10 puts the answer within ~1e-9 (the valley's curvature is O(1) along it), so
  // 1e-6 is safe and still tells the local minimum (f = 3.70) from the global one.
  const auto f = [](const std::vector<double>& p) {
    double s = 0.0;
    for (std::size_t i = 0; i + 1 < p.size(); ++i)
      s += 100.0 * std::pow(p[i + 1] - p[i] * p[i], 2) + std::pow(1.0 - p[i], 2);
    return s;
  };
  NelderMeadOptions options;
  options.xTolerance = 1e-10;
  options.fTolerance = 1e-20;
  options.maxEvaluations = 20000;
  const NelderMeadResult r =
      nelderMead(f, {-1.2, 1.0, -1.2, 1.0}, std::vector<double>(4, -2.0), std::vector<double>(4, 2.0), options);
  CHECK(r.converged);
  for (std::size_t i = 0; i < 4; ++i) CHECK(std::abs(r.x[i] - 1.0) < 1e-6);
  CHECK(r.f < 1e-10);
  CHECK(r.evaluations < options.maxEvaluations);
}

TEST_CASE("Nelder-Mead stops at the bound of a one-dimensional box", "[unit][analysis]") {
  // f = (x - 2)^2 on [0, 1]: the minimum in the box is x = 1 exactly (trial points beyond it
  // are projected onto it), f = 1.
  const NelderMeadResult r = nelderMead([](const std::vector<double>& p) { return std::pow(p[0] - 2.0, 2); },
                                        {0.3}, {0.0}, {1.0});
  CHECK(r.converged);
  CHECK(r.x[0] == 1.0);
  CHECK(r.f == 1.0);
}

TEST_CASE("Nelder-Mead reports a search cut short by its evaluation limit", "[unit][analysis]") {
  // Rosenbrock from (-1.2, 1) needs a few hundred evaluations; with 50 it must say it did not
  // converge, keep the best point it saw (below the start's f = 24.2), and stop within the
  // iteration under way (at most n + 1 = 3 evaluations past the limit: a shrink).
  const auto f = [](const std::vector<double>& p) {
    return 100.0 * std::pow(p[1] - p[0] * p[0], 2) + std::pow(1.0 - p[0], 2);
  };
  NelderMeadOptions options;
  options.maxEvaluations = 50;
  const NelderMeadResult r = nelderMead(f, {-1.2, 1.0}, {-2.0, -2.0}, {2.0, 2.0}, options);
  CHECK_FALSE(r.converged);
  CHECK(r.evaluations >= 50);
  CHECK(r.evaluations <= 53);
  CHECK(r.f < 24.2);
  CHECK(r.f == f(r.x));
}
