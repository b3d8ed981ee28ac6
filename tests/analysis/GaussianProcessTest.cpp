// The Gaussian-process surrogate (analysis/GaussianProcess.h) on functions whose values are
// known: it interpolates noise-free data, its predictive distribution covers a smooth function
// between the points, its noise estimate recovers a known noise, its length scales tell a
// relevant input from an irrelevant one, the likelihood's analytic gradient is its derivative
// and vanishes at the fit, and the closed-form leave-one-out predictions are those of refits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
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

// y = sin(2 pi x) + e, e ~ N(0, 0.1^2), at n evenly spaced x in (0, 1).
void noisySine(int n, std::uint64_t seed, Eigen::MatrixXd& X, Eigen::VectorXd& y) {
  std::mt19937_64 random(seed);
  std::normal_distribution<double> noise(0.0, 0.1);
  X.resize(n, 1);
  y.resize(n);
  for (int k = 0; k < n; ++k) {
    X(k, 0) = (k + 0.5) / n;
    y(k) = std::sin(2.0 * std::numbers::pi * X(k, 0)) + noise(random);
  }
}

}  // namespace

TEST_CASE("A Gaussian process interpolates noise-free data and covers the function between",
          "[unit][analysis]") {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  const GaussianProcess gp = smoothFit(X, y);
  // At the data: the diagonal's noise and nugget (sn >= 1e-6 of the response's spread, ~0.7
  // here; delta = 1e-10 of s^2) let the mean differ from the data by about (sn^2 + delta s^2)
  // |alpha_i|, below 1e-6 here: 1e-4 is generous. No jitter was needed beyond the nugget.
  CHECK_FALSE(gp.jittered());
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
  // (The estimate is biased low by the few degrees of freedom the smooth function takes, about
  // 5 of 200 at this length scale: 1 %.)
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  noisySine(200, 11, X, y);
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
  // A point of the wrong dimension for a fitted process.
  const GaussianProcess gp = GaussianProcess::fit(X.leftCols(1), y);
  CHECK_THROWS_AS(gp.mean(Eigen::Vector2d(0.5, 0.5)), std::invalid_argument);
  CHECK_THROWS_AS(gp.logMarginalLikelihood(Eigen::Vector2d(0.0, 0.0)), std::invalid_argument);
}

TEST_CASE("The likelihood's gradient is its derivative and vanishes at the fit", "[unit][analysis]") {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  const GaussianProcess smooth = smoothFit(X, y);
  Eigen::MatrixXd Xn;
  Eigen::VectorXd yn;
  noisySine(60, 5, Xn, yn);
  const GaussianProcess noisy = GaussianProcess::fit(Xn, yn);

  // R&W eq. 5.9 against central differences of eq. 2.30 at points away from the optimum, with
  // noise sn from 0.01 to 0.3 so that K_y's condition number stays below ~1e6. Step h = 1e-4
  // in the log hyperparameters: truncation h^2/6 |d3 log p| ~ 1e-8 |log p| and round-off
  // cond eps |log p| / h ~ 1e-6 at most, with |log p| ~ 1e2: 1e-5 relative to max(1, |g|)
  // holds both, while a wrong factor or term in any component is off by O(1).
  const auto check = [](const GaussianProcess& gp, const Eigen::VectorXd& theta) {
    Eigen::VectorXd gradient;
    const double at = gp.logMarginalLikelihood(theta, &gradient);
    REQUIRE(std::isfinite(at));
    REQUIRE(gradient.size() == theta.size());
    const double h = 1e-4;
    for (Eigen::Index j = 0; j < theta.size(); ++j) {
      Eigen::VectorXd up = theta, down = theta;
      up(j) += h;
      down(j) -= h;
      const double difference = (gp.logMarginalLikelihood(up) - gp.logMarginalLikelihood(down)) / (2.0 * h);
      INFO("component " << j << ": analytic " << gradient(j) << ", difference " << difference);
      CHECK(std::abs(gradient(j) - difference) < 1e-5 * std::max(1.0, std::abs(gradient(j))));
    }
  };
  check(smooth, (Eigen::VectorXd(4) << std::log(0.3), std::log(0.8), std::log(1.5), std::log(0.01)).finished());
  check(smooth, (Eigen::VectorXd(4) << std::log(1.2), std::log(0.15), std::log(0.7), std::log(0.3)).finished());
  check(noisy, (Eigen::VectorXd(3) << std::log(0.1), std::log(2.0), std::log(0.05)).finished());
  check(noisy, (Eigen::VectorXd(3) << std::log(0.6), std::log(0.6), std::log(0.2)).finished());

  // At the fit, the gradient of every hyperparameter inside its bounds is zero (a maximum; the
  // optimiser stops at a projected gradient of 1e-6 or when a step changes log p by 1e-12 of
  // it, which with curvatures of O(1e2) leaves gradients of O(1e-4)): below 1e-3. One held at a
  // bound points out of the box (here the noise of the noise-free data, at its floor).
  for (const GaussianProcess* gp : {&smooth, &noisy}) {
    const Eigen::VectorXd theta = gp->hyperparameters();
    Eigen::VectorXd gradient;
    CHECK(gp->logMarginalLikelihood(theta, &gradient) == Approx(gp->logMarginalLikelihood()).epsilon(1e-12));
    const Eigen::Index noise = theta.size() - 1;
    for (Eigen::Index j = 0; j < theta.size(); ++j) {
      INFO("component " << j << " at " << theta(j) << ", gradient " << gradient(j));
      if (j == noise && theta(j) <= std::log(1e-6) + 1e-12)
        CHECK(gradient(j) < 0.0);
      else
        CHECK(std::abs(gradient(j)) < 1e-3);
    }
  }
  CHECK(smooth.hyperparameters()(3) <= std::log(1e-6) + 1e-12);  // noise-free: the floor
  // The noisy data's noise is inside: sn = 0.1 of a response whose sd is ~0.71.
  CHECK(noisy.hyperparameters()(2) > std::log(0.05));
}

TEST_CASE("Closed-form leave-one-out predictions are those of refits without each point",
          "[unit][analysis]") {
  // R&W eq. 5.12 against the definition: for each i, the predictive mean at x_i from the other
  // n - 1 points with the same kernel, noise, nugget and constant mean, built here in the
  // response's own units. With sn = 0.1 against s ~ 1, K_y's condition number is ~1e4, so both
  // agree to ~1e-12; 1e-9 of the response's spread leaves room, while dropping the noise, the
  // nugget or the scaling of an input moves them by far more.
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  noisySine(40, 3, X, y);
  const GaussianProcess gp = GaussianProcess::fit(X, y);
  const double l = gp.lengthScales()(0), s2 = std::pow(gp.signalStandardDeviation(), 2);
  const double diagonal = std::pow(gp.noiseStandardDeviation(), 2) + GaussianProcess::kRelativeNugget * s2;
  const double m = y.mean(), spread = std::sqrt((y.array() - m).square().mean());
  const auto kernel = [&](double a, double b) { return s2 * std::exp(-0.5 * std::pow((a - b) / l, 2)); };
  const Eigen::Index n = X.rows();
  double worst = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    Eigen::MatrixXd K(n - 1, n - 1);
    Eigen::VectorXd k(n - 1), r(n - 1);
    for (Eigen::Index a = 0, p = 0; a < n; ++a) {
      if (a == i) continue;
      for (Eigen::Index b = 0, q = 0; b < n; ++b) {
        if (b == i) continue;
        K(p, q++) = kernel(X(a, 0), X(b, 0)) + (a == b ? diagonal : 0.0);
      }
      k(p) = kernel(X(a, 0), X(i, 0));
      r(p++) = y(a) - m;
    }
    const double prediction = m + k.dot(K.llt().solve(r));
    worst = std::max(worst, std::abs(prediction - gp.leaveOneOutPredictions()(i)));
  }
  CHECK(worst < 1e-9 * spread);
  const Eigen::ArrayXd residuals = y - gp.leaveOneOutPredictions();
  CHECK(gp.leaveOneOutRmse() == Approx(std::sqrt(residuals.square().mean())).epsilon(1e-12));
  // The leave-one-out error of data with noise 0.1 is the noise and a little of the function's
  // own error: the noise's sample sd over 40 points has a relative standard error of
  // 1/sqrt(80) = 11 %, so 0.07 to 0.14 is three of them below and a little more above.
  CHECK(gp.leaveOneOutRmse() > 0.07);
  CHECK(gp.leaveOneOutRmse() < 0.14);
}
