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
  std::size_t indexStorage() const { return m_n + m_k; }

 private:
  std::size_t m_k, m_n;
  std::vector<std::size_t> m_pivots;   // band row interchanges
  std::vector<double> m_inversePivots;  // 1 / U(i, i) of the band factor
  Eigen::MatrixXd m_W;                 // n x k, B^-1 C
  Eigen::MatrixXd m_S;                 // k x k Schur complement
  Eigen::PartialPivLU<Eigen::MatrixXd> m_schurLU;
  Eigen::VectorXd m_r, m_x;            // k scratch (right-hand side, solution of S x1 = r)
  Eigen::VectorXd m_rowScale;          // k: 1 / max_j |S_ij|, equilibrates S before pivoting
};

}  // namespace proscale
