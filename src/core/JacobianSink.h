#pragma once
// Where a model writes its Jacobian. The model fills; the solver implements the storage it
// needs: the bordered band of the population balances (core/BorderedBandJacobian.h), a sparse
// pattern for KLU or, later, a PETSc matrix for spatial models.
//
// A model that declared an arrow structure (System::jacobianShape) fills the typed blocks of
// `arrow()` directly, the fast path; any other model adds entries one by one with `add`.
#include <cstddef>
#include <stdexcept>

namespace proscale {

class BorderedBandJacobian;

class JacobianSink {
 public:
  virtual ~JacobianSink() = default;
  /// Sets every stored entry to zero.
  virtual void setZero() = 0;
  /// J(row, col) += value; `col` must lie in the declared structure (std::out_of_range if not).
  virtual void add(std::size_t row, std::size_t col, double value) = 0;
  /// J = a J + b I (the Newton matrices cj I - df/dy and I - gamma J are formed this way).
  virtual void scaleAddIdentity(double a, double b) = 0;
  /// The typed arrow storage, if this sink is one; std::logic_error otherwise.
  virtual BorderedBandJacobian& arrow() {
    throw std::logic_error("this Jacobian is not stored as a bordered band");
  }
};

}  // namespace proscale
