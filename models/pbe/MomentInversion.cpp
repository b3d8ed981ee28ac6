#include "models/pbe/MomentInversion.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/NumberFormat.h"

namespace proscale {
namespace {

constexpr std::size_t kMaxMoments = 2 * kMaxQuadratureNodes;
using Vector = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, kMaxQuadratureNodes, 1>;
using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMaxQuadratureNodes,
                             kMaxQuadratureNodes>;

std::string format(double x) { return formatNumber(x, 9); }

std::string muName(std::size_t k) { return "mu_" + std::to_string(k); }

RealizabilityFailure failure(std::size_t index, double value, const std::string& why) {
  return {index, "moments not realizable at " + muName(index) + " = " + format(value) + ": " +
                     why + "; no size distribution on [0, inf) has these moments"};
}

// Why the first non-positive continued-fraction coefficient zeta_j fails (j >= 2).
std::string hankelReason(std::size_t j) {
  const std::string k = std::to_string(j / 2);
  if (j == 2) return "mu_0 mu_2 < mu_1^2 (a negative variance)";
  if (j % 2 == 0) return "the Hankel determinant det[mu_(i+l)], i, l = 0.." + k + ", is negative";
  return "the Hankel determinant det[mu_(i+l+1)], i, l = 0.." + k +
         ", is not positive (a distribution with these moments would need particles of "
         "negative size)";
}

void checkCount(std::size_t count) {
  if (count < 2 || count % 2 != 0 || count > kMaxMoments)
    throw std::invalid_argument("moment inversion needs an even number of moments from 2 to " +
                                std::to_string(kMaxMoments) + "; got " + std::to_string(count));
}

}  // namespace

double GaussQuadrature::moment(int k) const {
  double sum = 0.0;
  for (std::size_t i = 0; i < nodes; ++i) sum += weights[i] * std::pow(abscissas[i], k);
  return sum;
}

NonRealizableMoments::NonRealizableMoments(RealizabilityFailure failure)
    : RecoverableError("QMOM: " + failure.reason), m_failure(std::move(failure)) {}

// Wheeler (1974) with the monomials as auxiliary polynomials (Gautschi, Orthogonal Polynomials,
// 2004, sec. 2.1.7): sigma_{-1,l} = 0, sigma_{0,l} = m_l, a_0 = m_1/m_0, b_0 = m_0;
//   sigma_{k,l} = sigma_{k-1,l+1} - a_{k-1} sigma_{k-1,l} - b_{k-1} sigma_{k-2,l},  l = k..2n-k-1,
//   a_k = sigma_{k,k+1}/sigma_{k,k} - sigma_{k-1,k}/sigma_{k-1,k-1},
//   b_k = sigma_{k,k}/sigma_{k-1,k-1}.
RecurrenceCoefficients recurrenceWheeler(std::span<const double> m) {
  checkCount(m.size());
  RecurrenceCoefficients r;
  r.n = m.size() / 2;
  std::array<double, kMaxMoments> older{}, old{}, row{};  // sigma_{k-2,.}, sigma_{k-1,.}, sigma_k
  for (std::size_t l = 0; l < m.size(); ++l) old[l] = m[l];
  r.a[0] = m[1] / m[0];
  r.b[0] = m[0];
  for (std::size_t k = 1; k < r.n; ++k) {
    for (std::size_t l = k; l < m.size() - k; ++l)
      row[l] = old[l + 1] - r.a[k - 1] * old[l] - r.b[k - 1] * older[l];
    r.a[k] = row[k + 1] / row[k] - old[k] / old[k - 1];
    r.b[k] = row[k] / old[k - 1];
    older = old;
    old = row;
  }
  return r;
}

// Product-difference (Gordon 1968; as in McGraw 1997, eqs. 8-10), 1-based as published:
//   P_{i,1} = delta_{i1}, P_{i,2} = (-1)^{i-1} m_{i-1}, i = 1..2n,
//   P_{i,j} = P_{1,j-1} P_{i+1,j-2} - P_{1,j-2} P_{i+1,j-1},  j = 3..2n+1, i = 1..2n+2-j,
//   alpha_1 = 0, alpha_i = P_{1,i+1} / (P_{1,i} P_{1,i-1}), i = 2..2n   (alpha_i = zeta_{i-1}),
//   a_k = alpha_{2k+1} + alpha_{2k+2},  b_k = alpha_{2k} alpha_{2k+1}   (k 0-based).
RecurrenceCoefficients recurrenceProductDifference(std::span<const double> m) {
  checkCount(m.size());
  const std::size_t N = m.size();  // 2n
  std::array<std::array<double, kMaxMoments + 3>, kMaxMoments + 3> P{};  // P[i][j], 1-based
  P[1][1] = 1.0;
  for (std::size_t i = 1; i <= N; ++i) P[i][2] = (i % 2 == 1 ? 1.0 : -1.0) * m[i - 1];
  for (std::size_t j = 3; j <= N + 1; ++j)
    for (std::size_t i = 1; i + j <= N + 2; ++i)
      P[i][j] = P[1][j - 1] * P[i + 1][j - 2] - P[1][j - 2] * P[i + 1][j - 1];
  std::array<double, kMaxMoments + 2> alpha{};
  for (std::size_t i = 2; i <= N; ++i) alpha[i] = P[1][i + 1] / (P[1][i] * P[1][i - 1]);
  RecurrenceCoefficients r;
  r.n = N / 2;
  r.b[0] = m[0];
  for (std::size_t k = 0; k < r.n; ++k) {
    r.a[k] = alpha[2 * k + 1] + alpha[2 * k + 2];
    if (k > 0) r.b[k] = alpha[2 * k] * alpha[2 * k + 1];
  }
  return r;
}

InversionResult invertMoments(std::span<const double> mu, const InversionOptions& options) {
  checkCount(mu.size());
  InversionResult result;
  const std::size_t requested = mu.size() / 2;
  for (std::size_t k = 0; k < mu.size(); ++k)
    if (!std::isfinite(mu[k])) {
      result.failure = failure(k, mu[k], "the value is not finite");
      return result;
    }
  const auto& u = options.momentUncertainty;
  if (mu[0] < -u[0]) {
    result.failure = failure(0, mu[0], "the number density mu_0 is negative");
    return result;
  }
  std::size_t significant = 0;  // first moment that is not zero within its uncertainty
  while (significant < mu.size() && std::abs(mu[significant]) <= u[significant]) ++significant;
  if (significant == mu.size()) {  // the empty population
    result.degenerate = true;
    return result;
  }
  if (mu[0] <= 0.0) {
    result.failure = failure(0, mu[0], "mu_0 = 0 (no particles) but " + muName(significant) +
                                           " = " + format(mu[significant]) + " is not zero");
    return result;
  }
  if (mu[1] <= 0.0) {
    result.failure = failure(1, mu[1], "mu_1 must be positive when mu_0 > 0 (particle sizes are "
                                       "positive)");
    return result;
  }

  // Scaled moments m_k = mu_k / (mu_0 l^k), l = mu_1/mu_0: m_0 = m_1 = 1.
  const double scale = mu[1] / mu[0];
  std::array<double, kMaxMoments> m{};
  double power = 1.0;
  for (std::size_t k = 0; k < mu.size(); ++k, power *= scale) m[k] = mu[k] / mu[0] / power;
  const std::span<const double> scaled(m.data(), mu.size());
  const RecurrenceCoefficients r = options.algorithm == InversionAlgorithm::Wheeler
                                       ? recurrenceWheeler(scaled)
                                       : recurrenceProductDifference(scaled);

  // Walk the continued fraction: zeta_1 = a_0, zeta_{2k} = b_k / zeta_{2k-1},
  // zeta_{2k+1} = a_k - zeta_{2k}; sigma_k = b_1 ... b_k tests degeneracy (see the header).
  // rho: relative uncertainty of mu_0 .. mu_{2k+1}, the moments that level k rests on.
  std::size_t nodes = requested;
  double zetaOdd = r.a[0], sigma = 1.0, rho = options.degeneracyTolerance;
  auto relativeUncertainty = [&](std::size_t j) {
    return u[j] > 0.0 ? u[j] / std::abs(mu[j]) : 0.0;
  };
  rho = std::max({rho, relativeUncertainty(0), relativeUncertainty(1)});
  for (std::size_t k = 1; k < requested; ++k) {
    sigma *= r.b[k];
    rho = std::max({rho, relativeUncertainty(2 * k), relativeUncertainty(2 * k + 1)});
    const double threshold = rho * m[2 * k];
    if (!std::isfinite(sigma) || sigma < -threshold) {
      result.failure = failure(2 * k, mu[2 * k], hankelReason(2 * k));
      return result;
    }
    if (sigma <= threshold) {  // the moments resolve only k points
      nodes = k;
      break;
    }
    const double zetaEven = r.b[k] / zetaOdd;
    zetaOdd = r.a[k] - zetaEven;
    if (!std::isfinite(zetaOdd) || zetaOdd <= 0.0) {
      result.failure = failure(2 * k + 1, mu[2 * k + 1], hankelReason(2 * k + 1));
      return result;
    }
  }
  result.degenerate = nodes < requested;

  // Jacobi matrix eigen-solve (Golub & Welsch 1969): nodes x_i, weights m_0 v_{0i}^2 (m_0 = 1).
  GaussQuadrature& q = result.quadrature;
  q.nodes = nodes;
  if (nodes == 1) {
    q.abscissas[0] = r.a[0];
    q.weights[0] = 1.0;
  } else {
    Eigen::SelfAdjointEigenSolver<Matrix> solver(static_cast<Eigen::Index>(nodes));
    Vector diagonal(static_cast<Eigen::Index>(nodes));
    Eigen::SelfAdjointEigenSolver<Matrix>::SubDiagonalType offDiagonal(
        static_cast<Eigen::Index>(nodes - 1));
    for (std::size_t k = 0; k < nodes; ++k) diagonal(static_cast<Eigen::Index>(k)) = r.a[k];
    for (std::size_t k = 1; k < nodes; ++k)
      offDiagonal(static_cast<Eigen::Index>(k - 1)) = std::sqrt(r.b[k]);
    solver.computeFromTridiagonal(diagonal, offDiagonal, Eigen::ComputeEigenvectors);
    if (solver.info() != Eigen::Success) {
      result.failure = failure(2 * nodes - 1, mu[2 * nodes - 1],
                               "the Jacobi matrix eigen-solve did not converge");
      return result;
    }
    for (std::size_t i = 0; i < nodes; ++i) {
      const auto e = static_cast<Eigen::Index>(i);
      q.abscissas[i] = solver.eigenvalues()(e);
      q.weights[i] = solver.eigenvectors()(0, e) * solver.eigenvectors()(0, e);
    }
  }
  // All zeta > 0 makes the Jacobi matrix positive definite; clip eigen-solver round-off only.
  const double largest = q.abscissas[nodes - 1];
  for (std::size_t i = 0; i < nodes; ++i) {
    if (q.abscissas[i] < 0.0 && q.abscissas[i] > -1e-12 * largest) q.abscissas[i] = 0.0;
    if (!(q.abscissas[i] >= 0.0) || !std::isfinite(q.abscissas[i]) ||
        !std::isfinite(q.weights[i])) {
      result.failure = failure(2 * nodes - 1, mu[2 * nodes - 1],
                               "the quadrature has a node at L/l = " + format(q.abscissas[i]) +
                                   " outside [0, inf)");
      return result;
    }
    q.abscissas[i] *= scale;
    q.weights[i] *= mu[0];
  }
  return result;
}

}  // namespace proscale
