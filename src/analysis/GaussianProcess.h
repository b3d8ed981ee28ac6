#pragma once
// Gaussian-process regression as a smooth surrogate of a study's results (Rasmussen &
// Williams, Gaussian Processes for Machine Learning, MIT Press 2006; "R&W" below).
//
// Inputs x in R^d are scaled to [0, 1] over the training range of each input and the response
// to zero mean and unit variance; the prior is a constant mean (the training mean) and the
// squared-exponential kernel with one length scale per input (automatic relevance
// determination, R&W eq. 5.1), plus a noise variance and a floor delta = 1e-10 of the signal
// variance on the diagonal (a nugget that keeps K_y factorable when the data are noise-free):
//   k(x, x') = s^2 exp(-1/2 sum_i (x_i - x'_i)^2 / l_i^2),  K_y = K + (sn^2 + delta s^2) I.
// Predictive mean and variance at x* (R&W eqs. 2.25-2.26, algorithm 2.1):
//   L = chol(K_y), alpha = L^T \ (L \ y),  mean = k*^T alpha,  var = k(x*, x*) - |L \ k*|^2.
// Hyperparameters theta = (log l_1..l_d, log s, log sn) maximise the log marginal likelihood
// (R&W eq. 2.30)
//   log p(y | X, theta) = -1/2 y^T alpha - sum_i log L_ii - n/2 log 2 pi
// with its gradient (R&W eq. 5.9) dlogp/dtheta_j = 1/2 tr((alpha alpha^T - K_y^-1) dK_y/dtheta_j),
//   dK_y/dlog l_k = K o D_k / l_k^2  (D_k: the squared differences in input k),
//   dK_y/dlog s = 2 (K + delta s^2 I),  dK_y/dlog sn = 2 sn^2 I,
// by a quasi-Newton (BFGS, Nocedal & Wright, Numerical Optimization, 2nd ed., alg. 6.1) ascent
// projected onto bounds (length scales from 1e-2 to 1e2 of the unit range, s from 1e-2 to 1e2
// and sn from 1e-6 to 1 of the response's spread) so that the fit cannot run away, from a few
// seeded starts. A Cholesky factorisation that fails adds jitter to the diagonal, from 1e-9 of
// s^2 and tenfold until it holds (then jittered() is true). Leave-one-out residuals in closed
// form (R&W eq. 5.12):
//   y_i - mu_{-i} = alpha_i / [K_y^-1]_ii.
// Theory: docs/theory/studies.md, "Gaussian-process surrogate".
#include <cstddef>
#include <cstdint>

#include <Eigen/Dense>

namespace proscale {

struct GaussianProcessOptions {
  std::size_t starts = 4;        ///< optimiser starts (the first at l = 0.5, s = 1, sn = 1e-3)
  std::uint64_t seed = 1;        ///< of the other starts
  std::size_t iterations = 200;  ///< quasi-Newton iterations per start
};

class GaussianProcess {
 public:
  /// delta: the nugget floor, a fraction of the signal variance s^2 always on K_y's diagonal.
  static constexpr double kRelativeNugget = 1e-10;

  /// Fits to the rows of X (n x d) and y (n). std::invalid_argument for n < 2, mismatched
  /// sizes, a value that is not finite, or an input that does not vary.
  static GaussianProcess fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                             const GaussianProcessOptions& options = {});

  double mean(const Eigen::VectorXd& x) const;               ///< predictive mean at x, O(n d)
  double standardDeviation(const Eigen::VectorXd& x) const;  ///< of the latent function at x
  /// Length scales in the inputs' own units (l_i times the training range of input i).
  Eigen::VectorXd lengthScales() const;
  double signalStandardDeviation() const;  ///< s, in the response's units
  double noiseStandardDeviation() const;   ///< sn, in the response's units
  double logMarginalLikelihood() const;    ///< of the standardised response, at the fit
  /// theta = (log l_1..l_d, log s, log sn) of the fit, in the scaled inputs and standardised
  /// response.
  Eigen::VectorXd hyperparameters() const;
  /// R&W eq. 2.30 at other hyperparameters theta (same data and scaling), and its gradient
  /// (R&W eq. 5.9) if asked; -infinity where K_y cannot be factored.
  double logMarginalLikelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* gradient = nullptr) const;
  /// True if the fit's Cholesky factorisation needed jitter beyond the nugget floor.
  bool jittered() const { return m_jitter > 0.0; }
  double jitter() const { return m_jitter; }  ///< that jitter, as a fraction of s^2 (0 if none)
  /// Root mean square of the leave-one-out residuals, in the response's units.
  double leaveOneOutRmse() const;
  /// The prediction at each training point from the others (same hyperparameters), in the
  /// response's units: y_i minus its leave-one-out residual.
  const Eigen::VectorXd& leaveOneOutPredictions() const { return m_looPredictions; }

 private:
  Eigen::VectorXd scaled(const Eigen::VectorXd& x) const;
  Eigen::VectorXd kernelColumn(const Eigen::VectorXd& x) const;  ///< k* at x (input units)

  Eigen::MatrixXd m_U;             ///< scaled training inputs, n x d
  Eigen::VectorXd m_z;             ///< standardised responses
  Eigen::VectorXd m_low, m_range;  ///< input scaling
  double m_yMean = 0.0, m_yScale = 1.0;
  Eigen::VectorXd m_logLength;     ///< log l_i (scaled inputs)
  double m_logSignal = 0.0, m_logNoise = 0.0;
  Eigen::VectorXd m_inverseLength;  ///< 1 / l_i (scaled inputs)
  double m_signal2 = 1.0;          ///< s^2 (standardised)
  Eigen::LLT<Eigen::MatrixXd> m_chol;
  Eigen::VectorXd m_alpha;
  double m_logLikelihood = 0.0, m_looRmse = 0.0, m_jitter = 0.0;
  Eigen::VectorXd m_looPredictions;
};

}  // namespace proscale
