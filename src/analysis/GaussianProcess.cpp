#include "analysis/GaussianProcess.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <stdexcept>
#include <string>

#include "analysis/Random.h"

namespace proscale {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Bounds of the log hyperparameters (scaled inputs, standardised response).
constexpr double kLogLengthMin = -4.605170185988091, kLogLengthMax = 4.605170185988091;  // 1e-2, 1e2
constexpr double kLogSignalMin = -4.605170185988091, kLogSignalMax = 4.605170185988091;
constexpr double kLogNoiseMin = -13.815510557964274, kLogNoiseMax = 0.0;                  // 1e-6, 1
// Jitter beyond the nugget floor for a K_y whose Cholesky factorisation fails: from 1e-9 of s^2,
// tenfold until it holds, at most 1e-3 (beyond, the point is refused).
constexpr double kJitterFirst = 1e-9, kJitterLast = 1e-3;

struct Evaluation {
  double logLikelihood = -kInfinity;
  Eigen::VectorXd gradient;
  Eigen::LLT<Eigen::MatrixXd> chol;
  Eigen::VectorXd alpha;
  double jitter = 0.0;
};

// theta = (log l_1..l_d, log s, log sn); K without the diagonal terms of noise and nugget.
Eigen::MatrixXd covariance(const Eigen::MatrixXd& U, const Eigen::VectorXd& theta) {
  const Eigen::Index n = U.rows(), d = U.cols();
  const double s2 = std::exp(2.0 * theta(d));
  const Eigen::RowVectorXd inverseLength = (-theta.head(d)).array().exp().matrix().transpose();
  const Eigen::MatrixXd V = U.array().rowwise() * inverseLength.array();
  Eigen::MatrixXd K(n, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    K(j, j) = s2;
    for (Eigen::Index i = j + 1; i < n; ++i) K(i, j) = K(j, i) = s2 * std::exp(-0.5 * (V.row(i) - V.row(j)).squaredNorm());
  }
  return K;
}

Evaluation evaluate(const Eigen::MatrixXd& U, const Eigen::VectorXd& z, const Eigen::VectorXd& theta,
                    bool withGradient) {
  const Eigen::Index n = U.rows(), d = U.cols();
  const Eigen::MatrixXd K = covariance(U, theta);
  const double s2 = std::exp(2.0 * theta(d)), noise2 = std::exp(2.0 * theta(d + 1));
  Evaluation e;
  for (double jitter = 0.0; jitter <= kJitterLast; jitter = jitter == 0.0 ? kJitterFirst : 10.0 * jitter) {
    Eigen::MatrixXd Ky = K;
    Ky.diagonal().array() += noise2 + (GaussianProcess::kRelativeNugget + jitter) * s2;
    e.chol.compute(Ky);
    if (e.chol.info() == Eigen::Success) {
      e.jitter = jitter;
      break;
    }
  }
  if (e.chol.info() != Eigen::Success) return e;
  e.alpha = e.chol.solve(z);
  // R&W eq. 2.30; log det K_y = 2 sum log L_ii.
  const double logDeterminant = 2.0 * e.chol.matrixLLT().diagonal().array().log().sum();
  e.logLikelihood = -0.5 * z.dot(e.alpha) - 0.5 * logDeterminant -
                    0.5 * static_cast<double>(n) * std::log(2.0 * std::numbers::pi);
  if (!std::isfinite(e.logLikelihood)) e.logLikelihood = -kInfinity;
  if (!withGradient || !std::isfinite(e.logLikelihood)) return e;
  // R&W eq. 5.9 with W = alpha alpha^T - K_y^-1; W and every dK_y/dtheta are symmetric, so
  // tr(W dK) = sum_ij W_ij dK_ij.
  Eigen::MatrixXd W = -e.chol.solve(Eigen::MatrixXd::Identity(n, n));
  W.noalias() += e.alpha * e.alpha.transpose();
  const Eigen::MatrixXd WK = W.cwiseProduct(K);
  e.gradient.resize(d + 2);
  for (Eigen::Index k = 0; k < d; ++k) {
    const double inverse2 = std::exp(-2.0 * theta(k));
    double g = 0.0;
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index i = j + 1; i < n; ++i) {
        const double diff = U(i, k) - U(j, k);
        g += WK(i, j) * diff * diff;
      }
    e.gradient(k) = g * inverse2;  // 1/2 of the full double sum, which counts i < j twice
  }
  e.gradient(d) = WK.sum() + W.trace() * (GaussianProcess::kRelativeNugget + e.jitter) * s2;
  e.gradient(d + 1) = W.trace() * noise2;
  return e;
}

struct Box {
  Eigen::VectorXd lower, upper;
  Eigen::VectorXd project(Eigen::VectorXd theta) const { return theta.cwiseMax(lower).cwiseMin(upper); }
};

Box bounds(Eigen::Index d) {
  Box b{Eigen::VectorXd(d + 2), Eigen::VectorXd(d + 2)};
  b.lower.head(d).setConstant(kLogLengthMin);
  b.upper.head(d).setConstant(kLogLengthMax);
  b.lower(d) = kLogSignalMin;
  b.upper(d) = kLogSignalMax;
  b.lower(d + 1) = kLogNoiseMin;
  b.upper(d + 1) = kLogNoiseMax;
  return b;
}

// Minimises phi = -log p by BFGS on the inverse Hessian (Nocedal & Wright alg. 6.1) with the
// step projected onto the box and an Armijo backtracking condition on the projected step
// (Kelley, Iterative Methods for Optimization, SIAM 1999, sec. 5.5). Coordinates held at a bound
// by their gradient are left out of the step. Ends when the projected gradient is below 1e-6
// (log p is O(n), its gradient O(1) away from the optimum), the step no longer changes log p,
// or after `iterations`.
Evaluation maximise(const Eigen::MatrixXd& U, const Eigen::VectorXd& z, Eigen::VectorXd theta, const Box& box,
                    std::size_t iterations, Eigen::VectorXd& best) {
  const Eigen::Index m = theta.size();
  theta = box.project(theta);
  Evaluation at = evaluate(U, z, theta, true);
  best = theta;
  if (!std::isfinite(at.logLikelihood)) return at;
  Eigen::MatrixXd H = Eigen::MatrixXd::Identity(m, m);
  bool scaled = false;
  for (std::size_t it = 0; it < iterations; ++it) {
    const Eigen::VectorXd g = -at.gradient;  // of phi
    Eigen::VectorXd free = Eigen::VectorXd::Ones(m);
    for (Eigen::Index j = 0; j < m; ++j)
      if ((theta(j) <= box.lower(j) && g(j) > 0.0) || (theta(j) >= box.upper(j) && g(j) < 0.0)) free(j) = 0.0;
    const Eigen::VectorXd gFree = g.cwiseProduct(free);
    if (gFree.lpNorm<Eigen::Infinity>() < 1e-6) break;
    Eigen::VectorXd p = -(H * gFree).cwiseProduct(free);
    if (!(g.dot(p) < 0.0)) {  // not a descent direction: start the curvature model afresh
      H.setIdentity();
      scaled = false;
      p = -gFree;
    }
    // Before any curvature is known, the first step moves theta by at most 1 (a factor e).
    double t = scaled ? 1.0 : std::min(1.0, 1.0 / p.lpNorm<Eigen::Infinity>());
    Evaluation next;
    Eigen::VectorXd trial;
    bool accepted = false;
    for (int halving = 0; halving < 40; ++halving, t *= 0.5) {
      trial = box.project(theta + t * p);
      const Eigen::VectorXd step = trial - theta;
      if (step.lpNorm<Eigen::Infinity>() == 0.0) break;
      next = evaluate(U, z, trial, true);
      if (std::isfinite(next.logLikelihood) && -next.logLikelihood <= -at.logLikelihood + 1e-4 * g.dot(step)) {
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
    const Eigen::VectorXd s = trial - theta, y = at.gradient - next.gradient;  // y = change of grad phi
    const double change = next.logLikelihood - at.logLikelihood;
    theta = trial;
    at = std::move(next);
    const double sy = s.dot(y);
    if (sy > 1e-12 * s.norm() * y.norm()) {
      if (!scaled) {  // Nocedal & Wright eq. 6.20: H_0 = (s^T y / y^T y) I before the first update
        H = Eigen::MatrixXd::Identity(m, m) * (sy / y.squaredNorm());
        scaled = true;
      }
      const double rho = 1.0 / sy;
      const Eigen::MatrixXd A = Eigen::MatrixXd::Identity(m, m) - rho * s * y.transpose();
      H = A * H * A.transpose() + rho * s * s.transpose();
    }
    if (change < 1e-12 * (1.0 + std::abs(at.logLikelihood))) break;
  }
  best = theta;
  return at;
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
  gp.m_z = (y.array() - gp.m_yMean) / gp.m_yScale;

  // The starts: a middling one, then seeded random ones inside plausible ranges
  // (l in [0.1, 2], s in [0.5, 2], sn in [1e-5, 0.1]).
  const Box box = bounds(d);
  std::mt19937_64 random(options.seed);
  Eigen::VectorXd bestTheta;
  double bestLikelihood = -kInfinity;
  for (std::size_t s = 0; s < std::max<std::size_t>(1, options.starts); ++s) {
    Eigen::VectorXd theta(d + 2);
    for (Eigen::Index k = 0; k < d; ++k)
      theta(k) = s == 0 ? std::log(0.5) : std::log(0.1) + random::uniform(random) * std::log(20.0);
    theta(d) = s == 0 ? 0.0 : std::log(0.5) + random::uniform(random) * std::log(4.0);
    theta(d + 1) = s == 0 ? std::log(1e-3) : std::log(1e-5) + random::uniform(random) * std::log(1e4);
    Eigen::VectorXd reached;
    const Evaluation e = maximise(gp.m_U, gp.m_z, theta, box, options.iterations, reached);
    if (e.logLikelihood > bestLikelihood) {
      bestLikelihood = e.logLikelihood;
      bestTheta = reached;
    }
  }
  if (!std::isfinite(bestLikelihood))
    throw std::invalid_argument("Gaussian process: the covariance could not be factored at any start");
  gp.m_logLength = bestTheta.head(d);
  gp.m_logSignal = bestTheta(d);
  gp.m_logNoise = bestTheta(d + 1);
  gp.m_signal2 = std::exp(2.0 * gp.m_logSignal);
  gp.m_inverseLength = (-gp.m_logLength).array().exp().matrix();
  Evaluation e = evaluate(gp.m_U, gp.m_z, bestTheta, false);
  gp.m_chol = std::move(e.chol);
  gp.m_alpha = std::move(e.alpha);
  gp.m_logLikelihood = e.logLikelihood;
  gp.m_jitter = e.jitter;
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

Eigen::VectorXd GaussianProcess::kernelColumn(const Eigen::VectorXd& x) const {
  if (x.size() != m_U.cols())
    throw std::invalid_argument("Gaussian process: a point of " + std::to_string(x.size()) + " inputs, not " +
                                std::to_string(m_U.cols()));
  const Eigen::Index n = m_U.rows(), d = m_U.cols();
  Eigen::VectorXd u(d);
  for (Eigen::Index k = 0; k < d; ++k) u(k) = (x(k) - m_low(k)) / m_range(k);
  Eigen::VectorXd k(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    double r2 = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) {
      const double t = (m_U(i, j) - u(j)) * m_inverseLength(j);
      r2 += t * t;
    }
    k(i) = m_signal2 * std::exp(-0.5 * r2);
  }
  return k;
}

double GaussianProcess::mean(const Eigen::VectorXd& x) const {
  return m_yMean + m_yScale * kernelColumn(x).dot(m_alpha);
}

double GaussianProcess::standardDeviation(const Eigen::VectorXd& x) const {
  const Eigen::VectorXd v = m_chol.matrixL().solve(kernelColumn(x));
  return std::sqrt(std::max(m_signal2 - v.squaredNorm(), 0.0)) * m_yScale;
}

Eigen::VectorXd GaussianProcess::lengthScales() const {
  return (m_logLength.array().exp() * m_range.array()).matrix();
}

Eigen::VectorXd GaussianProcess::hyperparameters() const {
  Eigen::VectorXd theta(m_logLength.size() + 2);
  theta << m_logLength, m_logSignal, m_logNoise;
  return theta;
}

double GaussianProcess::logMarginalLikelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* gradient) const {
  if (theta.size() != m_U.cols() + 2)
    throw std::invalid_argument("Gaussian process: " + std::to_string(m_U.cols() + 2) + " hyperparameters, not " +
                                std::to_string(theta.size()));
  Evaluation e = evaluate(m_U, m_z, theta, gradient != nullptr);
  if (gradient) *gradient = std::isfinite(e.logLikelihood) ? e.gradient : Eigen::VectorXd();
  return e.logLikelihood;
}

double GaussianProcess::signalStandardDeviation() const { return std::exp(m_logSignal) * m_yScale; }
double GaussianProcess::noiseStandardDeviation() const { return std::exp(m_logNoise) * m_yScale; }
double GaussianProcess::logMarginalLikelihood() const { return m_logLikelihood; }
double GaussianProcess::leaveOneOutRmse() const { return m_looRmse; }

}  // namespace proscale
