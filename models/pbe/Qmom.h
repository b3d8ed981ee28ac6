#pragma once
// Quadrature method of moments (McGraw, Aerosol Sci. Technol. 27 (1997) 255; Marchisio, Pikturna,
// Fox, Vigil & Barresi, AIChE J. 49 (2003) 1266; Marchisio, Vigil & Fox, J. Colloid Interface Sci.
// 258 (2003) 322). The state is mu_k = integral L^k n(L) dL [m^k/m^3], k = 0 .. 2n-1, of the
// number density n(L) [1/m^4] over particle diameter L; the n-node Gauss quadrature (w_i, L_i)
// of MomentInversion closes the source terms (theory: docs/theory/qmom.md):
//
//   dmu_k/dt = k sum_i w_i L_i^{k-1} G(L_i)                                   growth
//            + B L0^k                                                         nucleation
//            + 1/2 sum_i sum_j w_i w_j beta(L_i, L_j) [(L_i^3 + L_j^3)^{k/3} - L_i^k - L_j^k]
//                                                                             aggregation
//            + sum_i w_i S(L_i) [bbar^(k)(L_i) - L_i^k]                       breakage
//
// Aggregation conserves particle volume (k_v L^3 is additive for a constant shape factor k_v,
// which cancels), so dmu_3/dt has no aggregation term.
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "models/pbe/MomentInversion.h"

namespace proscale {

/// The processes acting on the population. An empty callable means "no such process".
struct QmomRates {
  std::function<double(double L)> growth;  ///< G(L) [m/s] (negative: dissolution)
  double nucleationRate = 0.0;             ///< B [1/(m^3 s)]
  double nucleusSize = 0.0;                ///< L0 [m]
  std::function<double(double Li, double Lj)> aggregation;  ///< beta(L_i, L_j) [m^3/s]
  std::function<double(double L)> breakage;                 ///< selection S(L) [1/s]
  /// bbar^(k)(L) = integral_0^L lambda^k b(lambda | L) d lambda [m^k]: the k-th moment of the
  /// fragments of one parent of size L (k = 0 gives the number of fragments). Required with
  /// `breakage`.
  std::function<double(int k, double L)> daughterMoment;
};

/// bbar^(k) for binary breakage into two equal volumes: 2 (L^3/2)^{k/3} = 2^{1-k/3} L^k.
double equalBinaryDaughterMoment(int k, double L);
/// bbar^(k) for two fragments with a volume uniformly distributed on [0, L^3]
/// (b(lambda|L) = 6 lambda^2 / L^3 in diameter): 6 L^k / (k + 3).
double uniformBinaryDaughterMoment(int k, double L);

class QmomSystem {
 public:
  /// `momentCount` = 2n for n = 1 .. kMaxQuadratureNodes nodes. Throws std::invalid_argument
  /// otherwise, with the text of invalidMomentCountMessage().
  explicit QmomSystem(std::size_t momentCount, InversionOptions options = {});

  std::size_t momentCount() const { return m_count; }
  std::size_t nodeCount() const { return m_count / 2; }
  const InversionOptions& options() const { return m_options; }

  /// dmu = the QMOM source terms at the moments mu (both of size momentCount()). Throws
  /// NonRealizableMoments (a RecoverableError; see MomentInversion.h for how a reactor lets it
  /// reach CVODE) if mu cannot be inverted, std::invalid_argument on a size mismatch.
  void rates(std::span<const double> mu, const QmomRates& processes, std::span<double> dmu) const;

  /// The quadrature of mu (throws as rates() does).
  GaussQuadrature quadrature(std::span<const double> mu) const;

  /// Input check for initial or user-given moments: the failure, or nothing if realizable.
  /// A reactor reports it as InputError(mark, key, failure->reason).
  std::optional<RealizabilityFailure> check(std::span<const double> mu) const;

  /// The source terms for a given quadrature, for moments k = 0 .. dmu.size()-1.
  static void sourceTerms(const GaussQuadrature& q, const QmomRates& processes,
                          std::span<double> dmu);

  /// "QMOM needs an even number of moments from 2 to 10 (n = 1 to 5 quadrature nodes carry
  /// mu_0 .. mu_(2n-1)); got <count>".
  static std::string invalidMomentCountMessage(std::size_t count);

 private:
  void checkSize(std::size_t size, const char* what) const;

  std::size_t m_count;
  InversionOptions m_options;
};

}  // namespace proscale
