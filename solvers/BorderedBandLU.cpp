#include "solvers/BorderedBandLU.h"

#include <algorithm>
#include <cmath>

#include "solvers/BandLU.h"

namespace proscale {

BorderedBandLU::BorderedBandLU(const BorderedBandShape& shape)
    : m_k(shape.border),
      m_n(shape.band),
      m_pivots(shape.band),
      m_inversePivots(shape.band),
      m_W(static_cast<Eigen::Index>(shape.band), static_cast<Eigen::Index>(shape.border)),
      m_S(static_cast<Eigen::Index>(shape.border), static_cast<Eigen::Index>(shape.border)),
      m_schurLU(static_cast<Eigen::Index>(shape.border)),
      m_r(static_cast<Eigen::Index>(shape.border)),
      m_x(static_cast<Eigen::Index>(shape.border)),
      m_rowScale(static_cast<Eigen::Index>(shape.border)) {}

std::size_t BorderedBandLU::factor(BorderedBandMatrix& M) {
  const std::size_t ml = M.lower(), smu = M.storedUpper();
  if (m_n > 0) {
    const std::size_t bad = band::factor(M.bandColumns(), m_n, M.upper(), ml, smu,
                                         m_pivots.data(), m_inversePivots.data());
    if (bad != 0) return m_k + bad;
  }
  if (m_k == 0) return 0;

  // W = B^-1 C: C is stored column-major like W, so copy and solve all k columns in one sweep.
  for (std::size_t j = 0; j < m_k; ++j) {
    const auto c = M.borderColumn(j);
    std::copy(c.begin(), c.end(), m_W.col(static_cast<Eigen::Index>(j)).data());
  }
  if (m_n > 0)
    band::solveMany(M.bandColumns(), m_n, smu, ml, m_pivots.data(), m_inversePivots.data(),
                    m_W.data(), m_k);
  // S = D - R W, accumulated over l so that the k^2 sums proceed side by side.
  for (std::size_t i = 0; i < m_k; ++i)
    for (std::size_t j = 0; j < m_k; ++j)
      m_S(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = M.D(i, j);
  for (std::size_t l = 0; l < m_n; ++l)
    for (std::size_t j = 0; j < m_k; ++j) {
      const double w = m_W(static_cast<Eigen::Index>(l), static_cast<Eigen::Index>(j));
      for (std::size_t i = 0; i < m_k; ++i)
        m_S(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) -= M.R(i, l) * w;
    }
  // Row equilibration: the border mixes rows of very different scales (concentrations of order
  // 1, moments from 1e18 to 1e-30), and partial pivoting on the raw rows picks poor pivots.
  for (Eigen::Index i = 0; i < m_S.rows(); ++i) {
    const double largest = m_S.row(i).cwiseAbs().maxCoeff();
    m_rowScale(i) = largest > 0.0 && std::isfinite(largest) ? 1.0 / largest : 1.0;
    m_S.row(i) *= m_rowScale(i);
  }
  m_schurLU.compute(m_S);
  // PartialPivLU does not report singularity; an exactly zero (or non-finite) pivot means the
  // Schur complement, hence M given a regular B, is singular to working precision.
  const auto& lu = m_schurLU.matrixLU();
  for (std::size_t i = 0; i < m_k; ++i) {
    const double p = lu(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(i));
    if (p == 0.0 || !std::isfinite(p)) return i + 1;
  }
  return 0;
}

void BorderedBandLU::solve(BorderedBandMatrix& M, std::span<double> x) {
  double* x2 = x.data() + m_k;
  if (m_n > 0)
    band::solve(M.bandColumns(), m_n, M.storedUpper(), M.lower(), m_pivots.data(),
                m_inversePivots.data(), x2);
  if (m_k == 0) return;
  // r = b1 - R z, the k sums side by side.
  for (std::size_t i = 0; i < m_k; ++i) m_r(static_cast<Eigen::Index>(i)) = x[i];
  for (std::size_t l = 0; l < m_n; ++l) {
    const double z = x2[l];
    for (std::size_t i = 0; i < m_k; ++i) m_r(static_cast<Eigen::Index>(i)) -= M.R(i, l) * z;
  }
  m_r.array() *= m_rowScale.array();
  m_x.noalias() = m_schurLU.solve(m_r);  // into preallocated storage: no heap traffic per solve
  for (std::size_t i = 0; i < m_k; ++i) x[i] = m_x(static_cast<Eigen::Index>(i));
  for (std::size_t j = 0; j < m_k; ++j) {
    const double xj = x[j];
    const double* w = m_W.col(static_cast<Eigen::Index>(j)).data();
    for (std::size_t l = 0; l < m_n; ++l) x2[l] -= w[l] * xj;
  }
}

}  // namespace proscale
