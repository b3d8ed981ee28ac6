#pragma once
// The preconditioner of the Krylov (GMRES) Newton solve: P = I - gamma J~, where J~ is the
// model's Jacobian, exact or an approximation (for aggregation: the growth band, the diagonal
// of the death term and the border), factored by the bordered Schur-complement LU in O(n).
// J~ is saved when CVODE asks for a fresh one and reused for later gammas, as CVODE's matrix-
// based interface reuses its saved Jacobian (and as SUNDIALS' cvsDiurnal_kry example does).
// Internal to proscale_solvers; no SUNDIALS types.
#include <cstddef>

#include "core/BorderedBandJacobian.h"
#include "solvers/BorderedBandLU.h"
#include "solvers/BorderedBandMatrix.h"

namespace proscale {

class BorderedPreconditioner {
 public:
  explicit BorderedPreconditioner(const BorderedBandShape& shape);

  /// Keeps J~ for the following setups (J's shape must be the one constructed with).
  void save(const BorderedBandJacobian& J) { m_saved.assign(J); }

  /// Forms P = I - gamma J~ from the saved J~ and factors it. Returns 0, or the 1-based global
  /// index of a zero pivot (BorderedBandLU::factor); then solve() must not be called.
  std::size_t setup(double gamma);

  /// z = P^-1 r for the last successful setup; z may be r. Both have size() entries.
  void solve(const double* r, double* z);

  std::size_t size() const { return m_saved.size(); }

 private:
  BorderedBandMatrix m_saved;     // J~
  BorderedBandMatrix m_factored;  // LU factors of I - gamma J~
  BorderedBandLU m_lu;
};

}  // namespace proscale
