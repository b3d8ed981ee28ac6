#pragma once
// Smoluchowski aggregation on the pivots x_i of a SizeGrid by the fixed-pivot technique of
// Kumar & Ramkrishna, Chem. Eng. Sci. 51 (1996) 1311:
//
//   dN_i/dt = sum_{j<=k, x_{i-1} <= x_j + x_k <= x_{i+1}} (1 - delta_jk/2) eta_i(x_j + x_k)
//                 beta_jk N_j N_k  -  N_i sum_k beta_ik N_k
//   eta_i(v) = (x_{i+1} - v)/(x_{i+1} - x_i)  for x_i <= v <= x_{i+1},
//              (v - x_{i-1})/(x_i - x_{i-1})  for x_{i-1} <= v <= x_i,
//
// N_i particles per m^3 at pivot i. An aggregate of volume v between two pivots is shared
// between them so that number and volume are both preserved: one RHS evaluation conserves
// sum_i x_i dN_i/dt exactly (to rounding) and changes the number by -1/2 sum_jk beta_jk N_j N_k,
// on any grid. Pairs with v > x_{n-1} leave the grid: their parents die, the aggregate is
// dropped and reported (AggregationLoss). Theory: docs/theory/aggregation.md.
//
// The pair table (eta, the target pivots) and the kernel values beta_jk are built in the
// constructor; the kernel values are rebuilt only by setConditions(). No RHS call evaluates the
// kernel. The table is stored by diagonals m = k - j, as a struct of arrays: along a diagonal
// the aggregate lands at a constant offset from k (on a geometric grid along the whole
// diagonal, on other grids in runs), so that rates() is a few contiguous, branch-free loops per
// diagonal, which the compiler vectorises. The pairs lost beyond the grid are the tail of each
// diagonal.
#include <Eigen/Core>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "core/BorderedBandJacobian.h"
#include "models/particles/AggregationKernels.h"
#include "models/pbe/SizeGrid.h"

namespace proscale {

/// Aggregates formed beyond the last pivot (dropped from the grid), and all aggregation events.
struct AggregationLoss {
  double number = 0.0;  ///< aggregates per m^3 and second [1/(m^3 s)]
  double volume = 0.0;  ///< their particle volume per m^3 and second [m^3/(m^3 s)]
  /// Aggregation events 1/2 sum_jk beta_jk N_j N_k [1/(m^3 s)]: each removes one particle.
  double events = 0.0;
};

class FixedPivotAggregation {
 public:
  /// `kernel` is kept by reference and must outlive this object; the grid is copied.
  FixedPivotAggregation(const SizeGrid& grid, const AggregationKernel& kernel,
                        const AggregationConditions& conditions);

  /// Re-evaluates beta_jk for new conditions (O(n^2) kernel calls).
  void setConditions(const AggregationConditions& conditions);
  const AggregationConditions& conditions() const { return m_conditions; }

  std::size_t classes() const { return m_volumes.size(); }
  std::size_t pairCount() const { return m_rate.size(); }  ///< n (n + 1) / 2
  /// beta_jk / W [m^3/s] at the current conditions.
  double kernel(std::size_t j, std::size_t k) const {
    if (j > k) std::swap(j, k);
    const double rate = m_rate[m_diagonalStart[k - j] + j];
    return j == k ? 2.0 * rate : rate;
  }

  /// Adds dN/dt due to aggregation to dNdt_add; returns the rates lost beyond the grid, so that
  /// sum_i x_i dN_i + loss.volume = 0 and sum_i dN_i + loss.number = -1/2 sum_jk beta_jk N_j N_k.
  AggregationLoss rates(std::span<const double> N, std::span<double> dNdt_add) const;

  /// Adds to the band block B of J (class i = band index i) every entry d(dN_i/dt)/dN_m of the
  /// exact Jacobian with (i, m) inside the band, and nothing outside it: the diagonal
  /// -sum_k beta_ik N_k - beta_ii N_i plus the births of its own pairs, the death entries
  /// -beta_im N_i and the birth entries from pairs (j, k) with j or k = m whose aggregate lands
  /// within the band of m. Entries outside the band are dropped (a preconditioner, not J).
  void addApproximateJacobian(std::span<const double> N, BorderedBandJacobian& J) const;
  /// Adds the exact J v to Jv_add, O(pairs): the passes of rates() with each pair's rate
  /// replaced by its derivative along v (about the cost of one rates() call).
  void jacobianTimes(std::span<const double> N, std::span<const double> v,
                     std::span<double> Jv_add) const;
  /// Adds (J - J~) v to Jv_add, where J~ is the band part addApproximateJacobian() writes for a
  /// band of `lower` sub- and `upper` super-diagonals: the product of what the preconditioner
  /// leaves out, so that J~ v plus this is the exact J v.
  void addOffBandJacobianTimes(std::span<const double> N, std::span<const double> v,
                               std::size_t lower, std::size_t upper,
                               std::span<double> Jv_add) const;
  /// Adds the exact n x n Jacobian d(dN/dt)/dN to J (for small n and tests).
  void addExactJacobianDense(std::span<const double> N, Eigen::MatrixXd& J) const;
  /// Adds d(loss.number)/dN_m and d(loss.volume)/dN_m to the two spans (length n).
  void addLossGradient(std::span<const double> N, std::span<double> dNumber,
                       std::span<double> dVolume) const;
  /// Adds the collision frequency of each class, sum_k beta_mk N_k [1/s] = d/dN_m of the merged
  /// number 1/2 sum_jk beta_jk N_j N_k, to dMerged (length n): the budget row of a reactor.
  void addMergedGradient(std::span<const double> N, std::span<double> dMerged) const;

 private:
  /// Pairs (j, j + m) of one diagonal m, j in [begin, end), whose aggregate lands between the
  /// pivots j + m + offset and j + m + offset + 1.
  struct Run {
    std::uint32_t begin, end, offset;
  };
  /// Zeroes the negligible classes into m_significantN (see rates()), clears the scratch;
  /// returns [first, end), the range of significant classes (first == n: none).
  std::pair<std::size_t, std::size_t> significantClasses(std::span<const double> N) const;
  /// Second parent's death and births of the pairs (j, j + m), j in [jb, je), rates r[j].
  void spreadPairs(std::size_t m, std::size_t jb, std::size_t je, const double* r,
                   double* sum) const;
  /// The exact Jacobian's entries within a band of `lower` sub- and `upper` super-diagonals,
  /// entry (c + o - upper, c) at o n + c.
  std::vector<double> bandByDiagonals(std::span<const double> N, std::size_t lower,
                                      std::size_t upper) const;
  /// bandByDiagonals, kept for the N and bandwidths of the last call.
  const std::vector<double>& cachedBand(std::span<const double> N, std::size_t lower,
                                        std::size_t upper) const;
  /// Calls visit(j, k, lower, eta, rate) for every pair; lower == n when the pair is lost.
  template <class Visit>
  void forEachPair(Visit&& visit) const;
  /// Calls add(target, column, value) for every non-zero d(dN_target/dt)/dN_column of a pair.
  template <class Add>
  void forEachPartial(std::size_t j, std::size_t k, std::size_t lower, double eta, double rate,
                      std::span<const double> N, Add&& add) const;

  std::vector<double> m_volumes, m_pivots;
  const AggregationKernel& m_kernel;
  AggregationConditions m_conditions;
  // Pair (j, j + m) is entry m_diagonalStart[m] + j of m_rate and m_eta.
  std::vector<std::size_t> m_diagonalStart;  ///< n + 1 entries
  std::vector<double> m_rate;  ///< (1 - delta_jk/2) beta_jk [m^3/s]
  std::vector<double> m_eta;   ///< share of pivot `lower` (1 - eta to lower + 1); 1 when lost
  std::vector<Run> m_runs;     ///< diagonal m: runs [m_runStart[m], m_runStart[m + 1])
  std::vector<std::size_t> m_runStart;
  std::vector<std::size_t> m_firstLost;  ///< per diagonal: pairs j >= this leave the grid
  /// Per diagonal: the common rate of all its pairs, or 0 when they differ (a constant kernel
  /// has one rate per diagonal; the RHS then reads no rate table).
  std::vector<double> m_diagonalRate;
  static constexpr double kNegligible = 1e-100;  ///< particles per m^3 (see rates())
  // Scratch of rates(): N with the negligible classes zeroed, the sum of the rates (one entry
  // of padding for the upper share of a pair landing exactly on the last pivot), pair rates.
  mutable std::vector<double> m_significantN, m_sum, m_pairRate;
  // The band part of the last cachedBand, for the N and bandwidths it was built at.
  mutable std::vector<double> m_band, m_bandN;
  mutable std::size_t m_bandLower = 0, m_bandUpper = 0;
};

}  // namespace proscale
