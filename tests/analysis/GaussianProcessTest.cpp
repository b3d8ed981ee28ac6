// The Gaussian-process surrogate (analysis/GaussianProcess.h) on functions whose values are
// known: it interpolates noise-free data, its predictive distribution covers a smooth function
// between the points, its noise estimate recovers a known noise, its length scales tell a
// relevant input from an irrelevant one, and its leave-one-out error is the textbook one.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

#include "analysis/GaussianProcess.h"
#include "analysis/LatinHypercube.h"

using namespace proscale;

namespace {

double smooth(double x1, double x2) { return std::sin(2.0 * std::numbers::pi * x1) + x2 * x2; }

GaussianProcess smoothFit(Eigen::MatrixXd& X, Eigen::VectorXd& y) {
  const auto design = latinHypercube(40, 2, 7);
  X.resize(40, 2);
  y.resize(40);
  for (int k = 0; k < 40; ++k) {
    X(k, 0) = design[k][0];
    X(k, 1) = design[k][1];
    y(k) = smooth(X(k, 0), X(k, 1));
  }
  return GaussianProcess::fit(X, y);
}

}  // namespace

TEST_CASE("A Gaussian process interpolates noise-free data and covers the function between",
          "[unit][analysis]") {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  const GaussianProcess gp = smoothFit(X, y);
  // At the data: the noise floor (sn >= 1e-6 of the response's spread, ~0.7 here) lets the
  // mean differ from the data by about sn^2 / s^2 of it: 1e-4 of the spread is generous.
  for (int k = 0; k < 40; ++k) {
    CHECK(std::abs(gp.mean(X.row(k).transpose()) - y(k)) < 1e-4);
    CHECK(gp.standardDeviation(X.row(k).transpose()) < 1e-2);
  }
  // Between the data, on a 21 x 21 grid: the predictive distribution must hold the function --
  // the error within 3 predictive standard deviations at 95 % of the points or more (a
  // calibrated Gaussian misses 3 sd at 0.3 %), and never off by more than 5 % of the function's
  // range (about 2.1) anywhere in the square.
  int covered = 0;
  double worst = 0.0;
  for (int i = 0; i <= 20; ++i)
    for (int j = 0; j <= 20; ++j) {
      const Eigen::Vector2d x(i / 20.0, j / 20.0);
      const double error = std::abs(gp.mean(x) - smooth(x(0), x(1)));
      worst = std::max(worst, error);
      covered += error <= 3.0 * gp.standardDeviation(x) + 1e-12;
    }
  CHECK(covered >= static_cast<int>(0.95 * 441));
  CHECK(worst < 0.05 * 2.1);
  // The leave-one-out RMSE (R&W eq. 5.12) is small against the spread of y, but not zero.
  CHECK(gp.leaveOneOutRmse() > 0.0);
  CHECK(gp.leaveOneOutRmse() < 0.05);
}

TEST_CASE("The noise estimate recovers the noise added to the data", "[unit][analysis]") {
  // y = sin(2 pi x) + e, e ~ N(0, 0.1^2), 200 points: the sample standard deviation of 200
  // draws has a relative standard error of 1/sqrt(400) = 5 %; +-20 % is four of them.
  std::mt19937_64 random(11);
  std::normal_distribution<double> noise(0.0, 0.1);
  Eigen::MatrixXd X(200, 1);
  Eigen::VectorXd y(200);
  for (int k = 0; k < 200; ++k) {
    X(k, 0) = (k + 0.5) / 200.0;
    y(k) = std::sin(2.0 * std::numbers::pi * X(k, 0)) + noise(random);
  }
  const GaussianProcess gp = GaussianProcess::fit(X, y);
  CHECK(gp.noiseStandardDeviation() > 0.08);
  CHECK(gp.noiseStandardDeviation() < 0.12);
  // Its mean is the smooth function to well within the noise.
  for (double x : {0.1, 0.35, 0.6, 0.85}) {
    const Eigen::VectorXd at = Eigen::VectorXd::Constant(1, x);
    CHECK(std::abs(gp.mean(at) - std::sin(2.0 * std::numbers::pi * x)) < 0.05);
  }
}

TEST_CASE("The length scales tell a relevant input from an irrelevant one", "[unit][analysis]") {
  // f = sin(2 pi x1) does not depend on x2: its length scale runs to the upper bound (100 of the
  // range) while x1's stays near the function's own scale (a quarter period, ~0.2).
  const auto design = latinHypercube(30, 2, 3);
  Eigen::MatrixXd X(30, 2);
  Eigen::VectorXd y(30);
  for (int k = 0; k < 30; ++k) {
    X(k, 0) = design[k][0];
    X(k, 1) = design[k][1];
    y(k) = std::sin(2.0 * std::numbers::pi * X(k, 0));
  }
  const Eigen::VectorXd l = GaussianProcess::fit(X, y).lengthScales();
  CHECK(l(0) < 1.0);
  CHECK(l(1) > 10.0 * l(0));
}

TEST_CASE("A Gaussian process refuses data it cannot fit", "[unit][analysis]") {
  Eigen::MatrixXd X(3, 2);
  X << 0, 1, 0.5, 1, 1, 1;  // the second input does not vary
  const Eigen::Vector3d y(1, 2, 3);
  CHECK_THROWS_WITH(GaussianProcess::fit(X, y), "Gaussian process: input 2 does not vary");
  CHECK_THROWS_AS(GaussianProcess::fit(X.topRows(1), y.head(1)), std::invalid_argument);
  CHECK_THROWS_AS(GaussianProcess::fit(X, y.head(2)), std::invalid_argument);
  Eigen::Vector3d bad = y;
  bad(1) = std::nan("");
  CHECK_THROWS_AS(GaussianProcess::fit(X.leftCols(1), bad), std::invalid_argument);
}
