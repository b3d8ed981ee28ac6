#include "analysis/GaussianProcess.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>
#include <string>

#include "analysis/Random.h"

namespace proscale {
namespace {

// Bounds of the log hyperparameters (scaled inputs, standardised response).
constexpr double kLogLengthMin = -4.605170185988091, kLogLengthMax = 4.605170185988091;  // 1e-2, 1e2
constexpr double kLogSignalMin = -4.605170185988091, kLogSignalMax = 4.605170185988091;
constexpr double kLogNoiseMin = -13.815510557964274, kLogNoiseMax = 0.0;                  // 1e-6, 1
// Added to the diagonal for a Cholesky factor of a nearly singular K_y, and grown tenfold
// until it succeeds.
constexpr double kJitter = 1e-10;

struct Evaluation {
  double logLikelihood = -INFINITY;
  Eigen::VectorXd gradient;
  Eigen::LLT<Eigen::MatrixXd> chol;
  Eigen::VectorXd alpha;
};

// theta = (log l_1..l_d, log s, log sn).
Eigen::MatrixXd covariance(const Eigen::MatrixXd& U, const Eigen::VectorXd& theta) {
  const Eigen::Index n = U.rows(), d = U.cols();
  const double s2 = std::exp(2.0 * theta(d));
  Eigen::MatrixXd K(n, n);
  const Eigen::ArrayXd inverseLength = (-theta.head(d)).array().exp();
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j <= i; ++j) {
      const double r2 = ((U.row(i) - U.row(j)).transpose().array() * inverseLength).square().sum();
      K(i, j) = K(j, i) = s2 * std::exp(-0.5 * r2);
    }
  return K;
}

Evaluation evaluate(const Eigen::MatrixXd& U, const Eigen::VectorXd& y, const Eigen::VectorXd& theta,
                    bool withGradient) {
  const Eigen::Index n = U.rows(), d = U.cols();
  const Eigen::MatrixXd K = covariance(U, theta);
  const double noise2 = std::exp(2.0 * theta(d + 1));
  Evaluation e;
  for (double jitter = kJitter; jitter < 1e-2; jitter *= 10.0) {
    Eigen::MatrixXd Ky = K;
    Ky.diagonal().array() += noise2 + jitter * std::exp(2.0 * theta(d));
    e.chol.compute(Ky);
    if (e.chol.info() == Eigen::Success) break;
  }
  if (e.chol.info() != Eigen::Success) return e;
  e.alpha = e.chol.solve(y);
  const Eigen::MatrixXd L = e.chol.matrixL();
  // R&W eq. 2.30.
  e.logLikelihood = -0.5 * y.dot(e.alpha) - L.diagonal().array().log().sum() -
                    0.5 * static_cast<double>(n) * std::log(2.0 * std::numbers::pi);
  if (!withGradient) return e;
  // R&W eq. 5.9 with W = alpha alpha^T - K_y^-1.
  const Eigen::MatrixXd W = e.alpha * e.alpha.transpose() - e.chol.solve(Eigen::MatrixXd::Identity(n, n));
  e.gradient.resize(d + 2);
  for (Eigen::Index k = 0; k < d; ++k) {
    const double inverse2 = std::exp(-2.0 * theta(k));
    double g = 0.0;
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j) {
        const double diff = U(i, k) - U(j, k);
        g += W(i, j) * K(i, j) * diff * diff * inverse2;  // dK/dlog l_k
      }
    e.gradient(k) = 0.5 * g;
  }
  e.gradient(d) = 0.5 * (W.array() * (2.0 * K).array()).sum();
  e.gradient(d + 1) = 0.5 * W.trace() * 2.0 * noise2;
  return e;
}

Eigen::VectorXd clamped(Eigen::VectorXd theta) {
  const Eigen::Index d = theta.size() - 2;
  for (Eigen::Index k = 0; k < d; ++k) theta(k) = std::clamp(theta(k), kLogLengthMin, kLogLengthMax);
  theta(d) = std::clamp(theta(d), kLogSignalMin, kLogSignalMax);
  theta(d + 1) = std::clamp(theta(d + 1), kLogNoiseMin, kLogNoiseMax);
  return theta;
}

// Gradient ascent with an adaptive step: a step that raises the likelihood is kept and the
// next one 1.5 times longer, one that does not is halved; ends when the step is below 1e-8.
Eigen::VectorXd ascend(const Eigen::MatrixXd& U, const Eigen::VectorXd& y, Eigen::VectorXd theta,
                       std::size_t iterations, double& best) {
  Evaluation at = evaluate(U, y, theta, true);
  if (!std::isfinite(at.logLikelihood)) return theta;
  double step = 0.1 / std::max(1.0, at.gradient.norm());
  for (std::size_t it = 0; it < iterations && step > 1e-8; ++it) {
    const Eigen::VectorXd trial = clamped(theta + step * at.gradient);
    Evaluation next = evaluate(U, y, trial, true);
    if (std::isfinite(next.logLikelihood) && next.logLikelihood > at.logLikelihood) {
      theta = trial;
      at = std::move(next);
      step *= 1.5;
    } else {
      step *= 0.5;
    }
  }
  best = at.logLikelihood;
  return theta;
}

}  // namespace

GaussianProcess GaussianProcess::fit(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                                     const GaussianProcessOptions& options) {
  const Eigen::Index n = X.rows(), d = X.cols();
  if (n < 2) throw std::invalid_argument("Gaussian process: needs at least 2 points, not " + std::to_string(n));
  if (y.size() != n)
    throw std::invalid_argument("Gaussian process: " + std::to_string(n) + " points but " +
                                std::to_string(y.size()) + " responses");
  if (d < 1) throw std::invalid_argument("Gaussian process: needs at least one input");
  if (!X.allFinite() || !y.allFinite())
    throw std::invalid_argument("Gaussian process: an input or response is not finite");
  GaussianProcess gp;
  gp.m_low = X.colwise().minCoeff().transpose();
  gp.m_range = X.colwise().maxCoeff().transpose() - gp.m_low;
  for (Eigen::Index k = 0; k < d; ++k)
    if (!(gp.m_range(k) > 0.0))
      throw std::invalid_argument("Gaussian process: input " + std::to_string(k + 1) + " does not vary");
  gp.m_U.resize(n, d);
  for (Eigen::Index i = 0; i < n; ++i) gp.m_U.row(i) = gp.scaled(X.row(i).transpose()).transpose();
  gp.m_yMean = y.mean();
  const double spread = std::sqrt((y.array() - gp.m_yMean).square().mean());
  gp.m_yScale = spread > 0.0 ? spread : 1.0;
  const Eigen::VectorXd z = (y.array() - gp.m_yMean) / gp.m_yScale;

  // The starts: a middling one, then seeded random ones inside plausible ranges.
  std::mt19937_64 random(options.seed);
  Eigen::VectorXd bestTheta;
  double bestLikelihood = -INFINITY;
  for (std::size_t s = 0; s < std::max<std::size_t>(1, options.starts); ++s) {
    Eigen::VectorXd theta(d + 2);
    for (Eigen::Index k = 0; k < d; ++k)
      theta(k) = s == 0 ? std::log(0.5) : std::log(0.1) + random::uniform(random) * std::log(20.0);
    theta(d) = s == 0 ? 0.0 : std::log(0.5) + random::uniform(random) * std::log(4.0);
    theta(d + 1) = s == 0 ? std::log(1e-3) : std::log(1e-5) + random::uniform(random) * std::log(1e4);
    double likelihood = -INFINITY;
    theta = ascend(gp.m_U, z, theta, options.iterations, likelihood);
    if (likelihood > bestLikelihood) {
      bestLikelihood = likelihood;
      bestTheta = theta;
    }
  }
  if (!std::isfinite(bestLikelihood))
    throw std::invalid_argument("Gaussian process: the covariance could not be factored at any start");
  gp.m_logLength = bestTheta.head(d);
  gp.m_logSignal = bestTheta(d);
  gp.m_logNoise = bestTheta(d + 1);
  Evaluation e = evaluate(gp.m_U, z, bestTheta, false);
  gp.m_chol = std::move(e.chol);
  gp.m_alpha = std::move(e.alpha);
  gp.m_logLikelihood = e.logLikelihood;
  // R&W eq. 5.12: y_i - mu_{-i} = alpha_i / [K_y^-1]_ii.
  const Eigen::MatrixXd inverse = gp.m_chol.solve(Eigen::MatrixXd::Identity(n, n));
  const Eigen::ArrayXd residuals = gp.m_alpha.array() / inverse.diagonal().array();
  gp.m_looRmse = std::sqrt(residuals.square().mean()) * gp.m_yScale;
  gp.m_looPredictions = y - (residuals * gp.m_yScale).matrix();
  return gp;
}

Eigen::VectorXd GaussianProcess::scaled(const Eigen::VectorXd& x) const {
  return ((x - m_low).array() / m_range.array()).matrix();
}

Eigen::VectorXd GaussianProcess::kernelColumn(const Eigen::VectorXd& u) const {
  const Eigen::ArrayXd inverseLength = (-m_logLength).array().exp();
  const double s2 = std::exp(2.0 * m_logSignal);
  Eigen::VectorXd k(m_U.rows());
  for (Eigen::Index i = 0; i < m_U.rows(); ++i)
    k(i) = s2 * std::exp(-0.5 * ((m_U.row(i).transpose() - u).array() * inverseLength).square().sum());
  return k;
}

double GaussianProcess::mean(const Eigen::VectorXd& x) const {
  return m_yMean + m_yScale * kernelColumn(scaled(x)).dot(m_alpha);
}

double GaussianProcess::standardDeviation(const Eigen::VectorXd& x) const {
  const Eigen::VectorXd k = kernelColumn(scaled(x));
  const Eigen::VectorXd v = m_chol.matrixL().solve(k);
  return std::sqrt(std::max(std::exp(2.0 * m_logSignal) - v.squaredNorm(), 0.0)) * m_yScale;
}

Eigen::VectorXd GaussianProcess::lengthScales() const {
  return (m_logLength.array().exp() * m_range.array()).matrix();
}

double GaussianProcess::signalStandardDeviation() const { return std::exp(m_logSignal) * m_yScale; }
double GaussianProcess::noiseStandardDeviation() const { return std::exp(m_logNoise) * m_yScale; }
double GaussianProcess::logMarginalLikelihood() const { return m_logLikelihood; }
double GaussianProcess::leaveOneOutRmse() const { return m_looRmse; }

}  // namespace proscale
