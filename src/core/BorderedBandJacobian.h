#pragma once
// Storage for Jacobians of "arrow" shape, the shape of every population balance coupled to a
// fluid phase:
//
//        [ D  R ]     D: k x k dense (fluid unknowns: species, moments, temperature ...)
//    J = [      ]     R: k x n dense rows (fluid balances depend on every size class)
//        [ C  B ]     C: n x k dense columns (every class depends on supersaturation ...)
//                     B: n x n banded, `lower` sub- and `upper` super-diagonals (transport in size)
//
// The border comes first in the state vector: indices [0, k) are border, [k, k+n) the band.
// Models fill it; solvers copy it into whatever matrix their linear solver wants (a bordered
// Schur-complement solve, KLU, dense). A fully dense system is k = size, n = 0.
#include <cstddef>
#include <span>
#include <vector>

#include "core/JacobianSink.h"

namespace proscale {

struct BorderedBandShape {
  std::size_t border = 0;  ///< k
  std::size_t band = 0;    ///< n
  std::size_t lower = 0;   ///< sub-diagonals of B
  std::size_t upper = 0;   ///< super-diagonals of B
  std::size_t size() const { return border + band; }
};

class BorderedBandJacobian final : public JacobianSink {
 public:
  explicit BorderedBandJacobian(BorderedBandShape shape);

  const BorderedBandShape& shape() const { return m_shape; }
  void setZero() override;
  void add(std::size_t row, std::size_t col, double value) override;
  void scaleAddIdentity(double a, double b) override;
  BorderedBandJacobian& arrow() override { return *this; }

  double& D(std::size_t i, std::size_t j) { return m_D[i * m_shape.border + j]; }
  double& R(std::size_t i, std::size_t j) { return m_R[i * m_shape.band + j]; }
  double& C(std::size_t i, std::size_t j) { return m_C[j * m_shape.band + i]; }
  /// Band entry (i, j) of B, |i - j| within the band (checked in debug builds).
  double& B(std::size_t i, std::size_t j);
  double D(std::size_t i, std::size_t j) const { return m_D[i * m_shape.border + j]; }
  double R(std::size_t i, std::size_t j) const { return m_R[i * m_shape.band + j]; }
  double C(std::size_t i, std::size_t j) const { return m_C[j * m_shape.band + i]; }
  double B(std::size_t i, std::size_t j) const;
  bool inBand(std::size_t i, std::size_t j) const {
    return j + m_shape.lower >= i && i + m_shape.upper >= j;
  }

  /// Column j of C (length n, contiguous): derivative of every class w.r.t. border unknown j.
  std::span<double> borderColumn(std::size_t j) { return {m_C.data() + j * m_shape.band, m_shape.band}; }
  /// Row i of R (length n, contiguous).
  std::span<double> borderRow(std::size_t i) { return {m_R.data() + i * m_shape.band, m_shape.band}; }

  /// Entry (r, c) of the whole matrix in global indices (0 outside the structure).
  double at(std::size_t r, std::size_t c) const;
  /// y = J x.
  void multiply(std::span<const double> x, std::span<double> y) const;
  /// Whether every stored entry is finite (a NaN slope poisons Newton without a word).
  bool allFinite() const;

 private:
  BorderedBandShape m_shape;
  std::vector<double> m_D, m_R, m_C;
  std::vector<double> m_B;  // row-major, (lower + upper + 1) entries per row
};

}  // namespace proscale
