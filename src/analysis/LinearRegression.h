#pragma once
// Ordinary least squares for the process-structure correlations of a study (issue 13):
//   y = X b + e,  b = argmin |y - X b|_2  by a column-pivoting Householder QR of X (stable where
//   the normal equations lose digits; Golub & Van Loan, Matrix Computations, 4th ed., 5.3),
// with the textbook statistics of the fit (Draper & Smith, Applied Regression Analysis, 3rd
// ed., ch. 2-5; NIST/SEMATECH e-Handbook of Statistical Methods, 4.4.4):
//   s^2 = |y - X b|^2 / (n - p)                       residual variance, n - p degrees of freedom
//   Cov(b) = s^2 (X^T X)^-1 = s^2 R^-1 R^-T           (R of the QR, with the pivots undone)
//   se_j = Cov(b)_jj^(1/2),  b_j -+ t_{(1+c)/2, n-p} se_j   the c confidence interval
//   R^2 = 1 - SSE / SST (SST about the mean; needs an intercept column), adjusted
//   R^2_adj = 1 - (1 - R^2)(n - 1)/(n - p)
// and the k-fold cross-validated root-mean-square prediction error. Checked against the NIST
// StRD certified values (tests/analysis/LinearRegressionTest.cpp). Theory: docs/theory/studies.md.
#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace proscale {

struct RegressionFit {
  std::vector<std::string> terms;       ///< one name per column of X
  Eigen::VectorXd coefficients;         ///< b
  Eigen::VectorXd standardErrors;       ///< se_j
  Eigen::VectorXd lower, upper;         ///< the confidence interval of each b_j
  double confidence = 0.95;
  Eigen::MatrixXd covariance;           ///< Cov(b)
  std::size_t observations = 0;         ///< n
  std::size_t degreesOfFreedom = 0;     ///< n - p
  double residualStandardError = 0.0;   ///< s
  double residualSumOfSquares = 0.0;    ///< SSE
  double rSquared = 0.0, adjustedRSquared = 0.0;
  Eigen::VectorXd fitted, residuals;    ///< X b and y - X b
};

/// The fit of y on the columns of X (the first column the intercept's ones, if any; R^2 is
/// taken about the mean of y). std::invalid_argument for fewer observations than columns + 1,
/// a rank-deficient X (a term that repeats another), non-finite values, or a confidence outside
/// (0, 1).
RegressionFit leastSquares(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                           std::vector<std::string> terms, double confidence = 0.95);

/// The root-mean-square error of predicting each observation from a fit to the others in k
/// folds: observation i in fold i mod k (deterministic). k = n is leave-one-out.
/// std::invalid_argument unless 2 <= k <= n and every training set can be fitted.
double crossValidatedError(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, std::size_t folds);

}  // namespace proscale
