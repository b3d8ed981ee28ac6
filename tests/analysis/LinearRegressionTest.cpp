// Least squares (src/analysis/LinearRegression.h) against NIST's certified values, an exact
// power law, and the closed form of leave-one-out cross-validation.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/LinearRegression.h"

namespace proscale {
namespace {

// y and x of tests/analysis/data/nist_norris.csv.
void readNorris(Eigen::MatrixXd& X, Eigen::VectorXd& y) {
  std::ifstream in(std::string(PROSCALE_SOURCE_DIR) + "/tests/analysis/data/nist_norris.csv");
  std::vector<double> ys, xs;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == 'y') continue;
    std::istringstream row(line);
    double a = 0.0, b = 0.0;
    char comma = 0;
    row >> a >> comma >> b;
    ys.push_back(a);
    xs.push_back(b);
  }
  REQUIRE(ys.size() == 36);
  X.resize(36, 2);
  y.resize(36);
  for (Eigen::Index i = 0; i < 36; ++i) {
    X(i, 0) = 1.0;
    X(i, 1) = xs[static_cast<std::size_t>(i)];
    y(i) = ys[static_cast<std::size_t>(i)];
  }
}

double relative(double a, double b) { return std::abs(a - b) / std::abs(b); }

}  // namespace

TEST_CASE("Least squares meets NIST's certified values for Norris", "[unit][analysis]") {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  readNorris(X, y);
  const RegressionFit fit = leastSquares(X, y, {"intercept", "x"});
  // The certified values carry 15 digits; a stable QR reproduces a set of NIST's lower
  // difficulty to 12 or more (scipy's: 1.7e-13 on the intercept); 1e-10 leaves room for the
  // order of summation.
  CHECK(relative(fit.coefficients(0), -0.262323073774029) < 1e-10);
  CHECK(relative(fit.coefficients(1), 1.00211681802045) < 1e-10);
  CHECK(relative(fit.standardErrors(0), 0.232818234301152) < 1e-10);
  CHECK(relative(fit.standardErrors(1), 0.429796848199937e-3) < 1e-10);
  CHECK(relative(fit.residualStandardError, 0.884796396144373) < 1e-10);
  CHECK(std::abs(fit.rSquared - 0.999993745883712) < 1e-12);
  CHECK(fit.degreesOfFreedom == 34);
  // 95 % interval: b -+ t_{0.975, 34} se, t = 2.032244509317718 (scipy.stats.t.ppf, computed
  // apart from Boost; tables: 2.032).
  const double t = 2.032244509317718;
  CHECK(relative(fit.upper(1), 1.00211681802045 + t * 0.429796848199937e-3) < 1e-10);
  CHECK(relative(fit.lower(0), -0.262323073774029 - t * 0.232818234301152) < 1e-10);
  // R^2_adj = 1 - (1 - R^2)(n - 1)/(n - p).
  CHECK(std::abs(fit.adjustedRSquared - (1.0 - (1.0 - 0.999993745883712) * 35.0 / 34.0)) < 1e-12);
}

TEST_CASE("An exact power law is recovered exactly by the log-linear fit", "[unit][analysis]") {
  // d = 2.5 c^0.7 T^-1.3 on a 3 x 3 design: log d = log 2.5 + 0.7 log c - 1.3 log T.
  Eigen::MatrixXd X(9, 3);
  Eigen::VectorXd y(9);
  Eigen::Index i = 0;
  for (double c : {0.01, 0.1, 1.0})
    for (double T : {280.0, 300.0, 330.0}) {
      X.row(i) << 1.0, std::log(c), std::log(T);
      y(i++) = std::log(2.5 * std::pow(c, 0.7) * std::pow(T, -1.3));
    }
  const RegressionFit fit = leastSquares(X, y, {"log a", "b_c", "b_T"});
  CHECK(std::abs(std::exp(fit.coefficients(0)) / 2.5 - 1.0) < 1e-12);
  CHECK(std::abs(fit.coefficients(1) - 0.7) < 1e-13);
  CHECK(std::abs(fit.coefficients(2) + 1.3) < 1e-13);
  CHECK(fit.residualStandardError < 1e-13);
  CHECK(std::abs(fit.rSquared - 1.0) < 1e-14);
  CHECK(crossValidatedError(X, y, 3) < 1e-12);  // every fold predicts the law exactly
}

TEST_CASE("Leave-one-out cross-validation is the PRESS statistic", "[unit][analysis]") {
  // Deleting observation i changes its residual to e_i / (1 - h_ii), h the diagonal of the
  // hat matrix X (X^T X)^-1 X^T (Allen, Technometrics 16 (1974) 125; Draper & Smith 8.3).
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  readNorris(X, y);
  const RegressionFit fit = leastSquares(X, y, {"intercept", "x"});
  const Eigen::MatrixXd H = X * (X.transpose() * X).inverse() * X.transpose();
  double press = 0.0;
  for (Eigen::Index i = 0; i < X.rows(); ++i) press += std::pow(fit.residuals(i) / (1.0 - H(i, i)), 2);
  CHECK(relative(crossValidatedError(X, y, 36), std::sqrt(press / 36.0)) < 1e-9);
}

TEST_CASE("Regression refuses what it cannot fit", "[unit][analysis]") {
  Eigen::MatrixXd X(4, 2);
  X << 1, 2, 1, 2, 1, 2, 1, 2;  // the second term repeats the first (x constant)
  const Eigen::VectorXd y = Eigen::VectorXd::LinSpaced(4, 0.0, 3.0);
  CHECK_THROWS_WITH(leastSquares(X, y, {"a", "b"}), Catch::Contains("linearly dependent"));
  CHECK_THROWS_WITH(leastSquares(X.topRows(2), y.head(2), {"a", "b"}), Catch::Contains("need 3"));
  Eigen::MatrixXd bad = Eigen::MatrixXd::Identity(4, 2);
  bad(0, 0) = std::nan("");
  CHECK_THROWS_WITH(leastSquares(bad, y, {"a", "b"}), Catch::Contains("finite"));
}

}  // namespace proscale
