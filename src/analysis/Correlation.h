#pragma once
// Process-structure correlations fitted to a table of runs (issue 13, `proscale correlate` to
// come): a response y against named inputs x_1 .. x_m (process variables, or dimensionless
// groups the caller has formed), as
//   power law:          y = a x_1^b_1 ... x_m^b_m     fitted as log y = log a + sum b_i log x_i
//   quadratic surface:  y = c_0 + sum c_i x_i + sum_{i<=j} c_ij x_i x_j
// by least squares (LinearRegression.h) with the standard errors, intervals, R^2, adjusted R^2
// and k-fold cross-validated error of the linear fit (for a power law, of log y). The prefactor
// a = exp(log a) has the interval exp of log a's. Written out as text and LaTeX equations.
// Theory: docs/theory/studies.md ("Correlations").
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/LinearRegression.h"

namespace proscale {

enum class CorrelationForm { PowerLaw, Quadratic };

struct CorrelationData {
  std::string response;                       ///< y's name
  std::vector<std::string> inputs;            ///< x_i's names
  std::vector<double> y;                      ///< one per observation
  std::vector<std::vector<double>> x;         ///< x[k][i]: input i of observation k
  std::string observation = "observation";    ///< what an observation is called in messages
  std::vector<std::string> labels;            ///< their names ("3"); empty: 1, 2, ...
};

struct Correlation {
  CorrelationForm form = CorrelationForm::PowerLaw;
  std::string response;
  std::vector<std::string> inputs;
  RegressionFit fit;           ///< of log y (power law) or y (quadratic); terms named as below
  double crossValidatedError = 0.0;  ///< k-fold RMSE in the fitted scale (log y or y)
  std::size_t folds = 0;
  /// "d50 = 2.5 * c^0.7 * T^-1.3" (coefficients to 4 significant digits).
  std::string equation() const;
  /// The same in LaTeX: "d_{50} = 2.5\,c^{0.7}\,T^{-1.3}" with names as given.
  std::string latex() const;
  /// y at the inputs x (one value per input).
  double predict(const std::vector<double>& x) const;
};

/// The fit; `folds` for the cross-validation (at most the number of observations; 0 picks
/// min(5, n)). std::invalid_argument naming the observations (1-based) and the variable when
/// a power law meets a value that is not positive, or when a value is not finite; and as
/// leastSquares for too few observations or dependent terms.
Correlation correlate(const CorrelationData& data, CorrelationForm form, std::size_t folds = 0);

}  // namespace proscale
