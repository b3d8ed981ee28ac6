#pragma once
// Direct solve of a bordered-band system M x = b, M = [D R; C B], by block elimination
// with the Schur complement of the band block (Golub & Van Loan, Matrix Computations, 4th ed.,
// 2013, ch. 3 "block LU"; sec. 4.3 for the banded factorization):
//
//   factor:  B = P L U              band LU with partial pivoting (BandLU.h)
//            W = B^-1 C             k band solves
//            S = D - R W            k x k Schur complement, dense LU with partial pivoting
//   solve:   z  = B^-1 b2
//            x1 = S^-1 (b1 - R z)
//            x2 = z - W x1
//
// Cost: factor O(n ml (ml + mu) + n k (2 ml + mu) + n k^2 + k^3),
//       solve  O(n (2 ml + mu + 2k) + k^2), i.e. linear in the number n of band unknowns.
// Sparse borders: only the columns of C that hold a non-zero are solved for (a zero column of
// C gives a zero column of W), and the products with R visit only its non-zeros, found anew
// at each factor(). In a reactor most border unknowns (budgets, the mixture) do not act on the
// classes, and in a compartment network each zone's border rows see only that zone's classes,
// so this cuts the O(n k^2) part several times. Only exact zeros are skipped and the sums keep
// their order, so the results are the same doubles as without the skipping (for finite M).
// Requires B to be nonsingular (M may be nonsingular while B is not; then factor() reports a
// zero pivot, which for CVODE's I - gamma J means retrying with a smaller step, where B -> I).
#include <cstddef>
#include <span>
#include <vector>

#include <Eigen/Dense>

#include "solvers/BorderedBandMatrix.h"

namespace proscale {

class BorderedBandLU {
 public:
  explicit BorderedBandLU(const BorderedBandShape& shape);

  /// Factors M in place (its band block is overwritten by the LU factors; R is kept, D and C
  /// are consumed into the Schur complement). Returns 0 on success, otherwise the 1-based
  /// global index of the first zero pivot (band: k + column; Schur complement: its column).
  std::size_t factor(BorderedBandMatrix& M);

  /// Solves M x = b in place (x holds b on entry), with the M last passed to factor().
  void solve(BorderedBandMatrix& M, std::span<double> x);

  /// Workspace beyond the factored matrix: doubles (W, S, its LU, scratch) and indices.
  std::size_t realStorage() const { return m_n + m_k * m_n + 2 * m_k * m_k + m_k; }
  std::size_t indexStorage() const { return m_n + 2 * m_k + 1 + m_k * m_n; }

  /// Columns of C with a non-zero at the last factor() (for tests and the memory estimate).
  std::size_t activeBorderColumns() const { return m_activeColumns.size(); }

 private:
  std::size_t m_k, m_n;
  std::vector<std::size_t> m_pivots;   // band row interchanges
  std::vector<double> m_inversePivots;  // 1 / U(i, i) of the band factor
  Eigen::MatrixXd m_W;                 // n x k; its first activeBorderColumns() hold B^-1 C
  std::vector<std::size_t> m_activeColumns;  // the columns of C with a non-zero, ascending
  std::vector<std::size_t> m_rowStart;       // k + 1: row i's non-zeros of R are entries
  std::vector<std::size_t> m_rowColumns;     //   [m_rowStart[i], m_rowStart[i + 1]) of this
  Eigen::MatrixXd m_S;                 // k x k Schur complement
  Eigen::PartialPivLU<Eigen::MatrixXd> m_schurLU;
  Eigen::VectorXd m_r, m_x;            // k scratch (right-hand side, solution of S x1 = r)
  Eigen::VectorXd m_rowScale;          // k: 1 / max_j |S_ij|, equilibrates S before pivoting
};

}  // namespace proscale
