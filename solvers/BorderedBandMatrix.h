#pragma once
// A bordered-band matrix [D R; C B] laid out for factorization (see core/BorderedBandJacobian.h
// for the blocks). It is the value CVODE's linear-solver interface works on: the Jacobian is
// copied in, turned into the Newton matrix I - gamma J, and factored in place.
//
// Layouts (chosen for the Schur-complement solve in BorderedBandLU):
//   D  k x k row-major;  R  k x n row-major (each border row contiguous);
//   C  n x k column-major (each border column contiguous);
//   B  n x n band in SUNDIALS' band layout: column j holds rows j-mu .. j+ml below `smu - mu`
//      extra rows, where smu = mu + ml leaves room for the fill-in of partial pivoting
//      (the storage of SUNDIALS band matrices and of solvers/BandLU.h).
#include <cstddef>
#include <span>
#include <vector>

#include "core/BorderedBandJacobian.h"

namespace proscale {

class BorderedBandMatrix {
 public:
  /// Bandwidths wider than the band block itself are clipped to n - 1.
  explicit BorderedBandMatrix(const BorderedBandShape& shape);
  BorderedBandMatrix(const BorderedBandMatrix& other);
  BorderedBandMatrix& operator=(const BorderedBandMatrix& other);
  BorderedBandMatrix(BorderedBandMatrix&&) noexcept = default;
  BorderedBandMatrix& operator=(BorderedBandMatrix&&) noexcept = default;

  std::size_t border() const { return m_k; }
  std::size_t band() const { return m_n; }
  std::size_t lower() const { return m_ml; }
  std::size_t upper() const { return m_mu; }
  std::size_t size() const { return m_k + m_n; }
  /// Stored upper bandwidth (mu + ml) and column stride (smu + ml + 1) of the band block.
  std::size_t storedUpper() const { return m_mu + m_ml; }
  std::size_t bandStride() const { return m_mu + 2 * m_ml + 1; }
  bool sameStructure(const BorderedBandMatrix& other) const;

  void setZero();
  /// Copies the values of J (whose shape must match) into this matrix.
  void assign(const BorderedBandJacobian& J);
  /// M = c M + I (the Newton matrix I - gamma J is scaleAddIdentity(-gamma) of J).
  void scaleAddIdentity(double c);
  /// Entry (r, c) in global indices; valid before factorization.
  double at(std::size_t r, std::size_t c) const;

  double& D(std::size_t i, std::size_t j) { return m_D[i * m_k + j]; }
  double& R(std::size_t i, std::size_t j) { return m_R[i * m_n + j]; }
  double& C(std::size_t i, std::size_t j) { return m_C[j * m_n + i]; }
  /// Band entry (i, j), |i - j| within the (unclipped-by-pivoting) band.
  double& B(std::size_t i, std::size_t j) { return m_cols[j][storedUpper() + i - j]; }
  double D(std::size_t i, std::size_t j) const { return m_D[i * m_k + j]; }
  double R(std::size_t i, std::size_t j) const { return m_R[i * m_n + j]; }
  double C(std::size_t i, std::size_t j) const { return m_C[j * m_n + i]; }
  double B(std::size_t i, std::size_t j) const;
  bool inBand(std::size_t i, std::size_t j) const { return j + m_ml >= i && i + m_mu >= j; }

  std::span<const double> borderRow(std::size_t i) const { return {m_R.data() + i * m_n, m_n}; }
  std::span<const double> borderColumn(std::size_t j) const { return {m_C.data() + j * m_n, m_n}; }
  /// Column pointers of the band block in SUNDIALS layout (for the band LU routines).
  double** bandColumns() { return m_cols.data(); }

  /// Number of stored doubles (for SUNDIALS' workspace statistics).
  std::size_t storage() const { return m_D.size() + m_R.size() + m_C.size() + m_band.size(); }

 private:
  void pointColumns();

  std::size_t m_k = 0, m_n = 0, m_ml = 0, m_mu = 0;
  std::vector<double> m_D, m_R, m_C, m_band;
  std::vector<double*> m_cols;  // m_cols[j] = start of column j in m_band
};

}  // namespace proscale
