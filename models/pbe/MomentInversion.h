#pragma once
// Gauss quadrature from moments (the inversion step of QMOM; docs/theory/qmom.md).
//
// Given 2n moments mu_k = integral L^k n(L) dL [m^k/m^3], k = 0 .. 2n-1, of a size distribution
// on [0, inf), find the n-node quadrature sum_i w_i L_i^k = mu_k (weights w_i [1/m^3], abscissas
// L_i [m]). The three-term recurrence of the orthogonal polynomials,
//   P_{k+1}(x) = (x - a_k) P_k(x) - b_k P_{k-1}(x),
// is found from the moments by Wheeler's algorithm (modified Chebyshev; Wheeler, Rocky Mountain
// J. Math. 4 (1974) 287) or the product-difference algorithm (Gordon, J. Math. Phys. 9 (1968)
// 655; McGraw, Aerosol Sci. Technol. 27 (1997) 255). The nodes are the eigenvalues of the Jacobi
// matrix (diagonal a_0..a_{n-1}, off-diagonal sqrt(b_1..b_{n-1})) and w_i = mu_0 v_{0i}^2 from
// the first components of its normalised eigenvectors (Golub & Welsch, Math. Comp. 23 (1969) 221).
//
// Conditioning: the moments are scaled first, m_k = mu_k / (mu_0 l^k) with l = mu_1/mu_0 (the
// number-mean size), so that m_0 = m_1 = 1 whatever the units; the nodes come back as L_i = l x_i,
// w_i = mu_0 omega_i.
//
// Realizability on [0, inf) (Stieltjes moment problem): with the continued-fraction (canonical)
// coefficients zeta_j, a_k = zeta_{2k} + zeta_{2k+1}, b_k = zeta_{2k-1} zeta_{2k} (zeta_0 = 0),
// the moments belong to a distribution with at least n points of support iff mu_0 > 0 and
// zeta_1 .. zeta_{2n-1} > 0 (equivalently, all Hankel determinants det[mu_{i+l}] and
// det[mu_{i+l+1}] positive). zeta_j depends on mu_0 .. mu_j only, so the first zeta_j <= 0 names
// the first moment, mu_j, that no distribution can have together with mu_0 .. mu_{j-1}.
// Degenerate sets (fewer than n support points, e.g. monodisperse seeds or a fresh burst of
// nuclei): when the Hankel ratio sigma_k = b_1 ... b_k = H_k / H_{k-1} of the scaled moments is
// zero within the moments' uncertainty (InversionOptions), the quadrature keeps the k nodes that
// the moments resolve (as the adaptive Wheeler algorithm of Yuan & Fox, J. Comput. Phys. 230
// (2011) 8216). The k-node rule then misses m_{2k} by exactly sigma_k. Moments all zero (within
// their uncertainty) are the empty population: 0 nodes.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>

#include "core/Errors.h"

namespace proscale {

inline constexpr std::size_t kMaxQuadratureNodes = 5;

enum class InversionAlgorithm {
  Wheeler,            ///< modified Chebyshev algorithm on ordinary moments (default, stable)
  ProductDifference,  ///< Gordon's product-difference algorithm
};

struct InversionOptions {
  InversionAlgorithm algorithm = InversionAlgorithm::Wheeler;
  /// tau: the relative uncertainty assumed for every moment. A level k is resolved only if
  /// sigma_k > rho m_{2k}, rho = max(tau, u_j/|mu_j|, j <= 2k+1); below that the moments count as
  /// those of k points (nodes dropped, relative moment error ~rho), and only sigma_k < -rho m_{2k}
  /// is a realizability failure. During integration tau must exceed the relative noise of the
  /// moments: CVODE's difference-quotient Jacobian perturbs one moment by sqrt(eps) = 1.5e-8
  /// relative, Newton iterates carry ~rtol. Use max(1e-6, 10 rtol); 1e-13 suffices for exact data.
  double degeneracyTolerance = 1e-6;
  /// u_k: absolute uncertainty of mu_k [m^k/m^3] (0 = exact), e.g. the integrator's absolute
  /// tolerance atol * scale of each moment. Moments all within u_k of 0 are the empty population;
  /// a moment known only to within u_k lowers the number of nodes it can support.
  std::array<double, 2 * kMaxQuadratureNodes> momentUncertainty{};
};

/// An n-node Gauss quadrature; entries [0, nodes) are used, abscissas ascending.
struct GaussQuadrature {
  std::size_t nodes = 0;
  std::array<double, kMaxQuadratureNodes> weights{};    ///< w_i [1/m^3]
  std::array<double, kMaxQuadratureNodes> abscissas{};  ///< L_i [m]
  std::span<const double> w() const { return {weights.data(), nodes}; }
  std::span<const double> L() const { return {abscissas.data(), nodes}; }
  /// sum_i w_i L_i^k.
  double moment(int k) const;
};

/// Which moment makes the set non-realizable and why (a complete sentence for a user).
struct RealizabilityFailure {
  std::size_t momentIndex = 0;
  std::string reason;
};

struct InversionResult {
  GaussQuadrature quadrature;                  ///< valid only if realizable()
  std::optional<RealizabilityFailure> failure;
  bool degenerate = false;  ///< fewer nodes than requested (moments resolve fewer points)
  bool realizable() const { return !failure.has_value(); }
};

/// Thrown (via QmomSystem) from a model's right-hand side when the integrated moments are not
/// realizable. It is a RecoverableError: CVODE retries the step with h/4, and if it persists the
/// SolverReport message reads "... at t = <time> s: <what()> [CVODE: ...]" (ModelBridge adds the
/// time). The caller must let it propagate out of rhs(); catching it defeats the retry.
class NonRealizableMoments : public RecoverableError {
 public:
  explicit NonRealizableMoments(RealizabilityFailure failure);
  std::size_t momentIndex() const { return m_failure.momentIndex; }
  const RealizabilityFailure& failure() const { return m_failure; }

 private:
  RealizabilityFailure m_failure;
};

/// Quadrature of mu_0 .. mu_{2n-1}, n = mu.size()/2 requested nodes. Never throws for bad
/// values (they are reported in `failure`); throws std::invalid_argument if mu.size() is odd,
/// 0, or above 2 * kMaxQuadratureNodes.
InversionResult invertMoments(std::span<const double> mu, const InversionOptions& options = {});

/// Recurrence coefficients of the scaled moments m_k (m_0 = 1): a[0..n-1], b[1..n-1] (b[0] = 1).
/// Exposed so that the two algorithms can be compared; no realizability check.
struct RecurrenceCoefficients {
  std::size_t n = 0;
  std::array<double, kMaxQuadratureNodes> a{}, b{};
};
RecurrenceCoefficients recurrenceWheeler(std::span<const double> m);
RecurrenceCoefficients recurrenceProductDifference(std::span<const double> m);

}  // namespace proscale
