#include "analysis/LinearRegression.h"

#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <stdexcept>

namespace proscale {
namespace {

void requireFinite(const Eigen::MatrixXd& X, const Eigen::VectorXd& y) {
  if (!X.allFinite() || !y.allFinite())
    throw std::invalid_argument("regression: a value is not a finite number");
}

}  // namespace

RegressionFit leastSquares(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                           std::vector<std::string> terms, double confidence) {
  const auto n = static_cast<std::size_t>(X.rows()), p = static_cast<std::size_t>(X.cols());
  if (static_cast<std::size_t>(y.size()) != n || terms.size() != p)
    throw std::invalid_argument("regression: X, y and the term names do not match in size");
  if (n < p + 1)
    throw std::invalid_argument("regression: " + std::to_string(n) + " observations cannot fit " +
                                std::to_string(p) + " coefficients with an error estimate (need " +
                                std::to_string(p + 1) + " or more)");
  if (!(confidence > 0.0 && confidence < 1.0))
    throw std::invalid_argument("regression: the confidence level must lie in (0, 1)");
  requireFinite(X, y);
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  if (static_cast<std::size_t>(qr.rank()) < p)
    throw std::invalid_argument("regression: the terms are linearly dependent (rank " +
                                std::to_string(qr.rank()) + " of " + std::to_string(p) + ")");
  RegressionFit fit;
  fit.terms = std::move(terms);
  fit.confidence = confidence;
  fit.observations = n;
  fit.degreesOfFreedom = n - p;
  fit.coefficients = qr.solve(y);
  fit.fitted = X * fit.coefficients;
  fit.residuals = y - fit.fitted;
  fit.residualSumOfSquares = fit.residuals.squaredNorm();
  const double s2 = fit.residualSumOfSquares / static_cast<double>(n - p);
  fit.residualStandardError = std::sqrt(s2);
  // (X^T X)^-1 = P R^-1 R^-T P^T with X P = Q R.
  const auto R = qr.matrixR().topLeftCorner(p, p).template triangularView<Eigen::Upper>();
  const Eigen::MatrixXd Rinv = R.solve(Eigen::MatrixXd::Identity(p, p));
  const Eigen::MatrixXd permuted = Rinv * Rinv.transpose();
  const auto& P = qr.colsPermutation();
  fit.covariance = s2 * (P * permuted * P.transpose());
  fit.standardErrors = fit.covariance.diagonal().cwiseSqrt();
  const boost::math::students_t t(static_cast<double>(n - p));
  const double tq = boost::math::quantile(t, 0.5 + 0.5 * confidence);
  fit.lower = fit.coefficients - tq * fit.standardErrors;
  fit.upper = fit.coefficients + tq * fit.standardErrors;
  const double total = (y.array() - y.mean()).square().sum();
  fit.rSquared = total > 0.0 ? 1.0 - fit.residualSumOfSquares / total : 1.0;
  fit.adjustedRSquared =
      1.0 - (1.0 - fit.rSquared) * static_cast<double>(n - 1) / static_cast<double>(n - p);
  return fit;
}

double crossValidatedError(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, std::size_t folds) {
  const auto n = static_cast<std::size_t>(X.rows()), p = static_cast<std::size_t>(X.cols());
  if (folds < 2 || folds > n)
    throw std::invalid_argument("cross-validation: needs 2 to " + std::to_string(n) + " folds");
  requireFinite(X, y);
  double squares = 0.0;
  for (std::size_t k = 0; k < folds; ++k) {
    std::vector<Eigen::Index> train, test;
    for (std::size_t i = 0; i < n; ++i) (i % folds == k ? test : train).push_back(static_cast<Eigen::Index>(i));
    if (train.size() < p)
      throw std::invalid_argument("cross-validation: a training fold has fewer observations than terms");
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X(train, Eigen::all));
    if (static_cast<std::size_t>(qr.rank()) < p)
      throw std::invalid_argument("cross-validation: a training fold cannot determine every term");
    const Eigen::VectorXd b = qr.solve(y(train));
    squares += (y(test) - X(test, Eigen::all) * b).squaredNorm();
  }
  return std::sqrt(squares / static_cast<double>(n));
}

}  // namespace proscale
