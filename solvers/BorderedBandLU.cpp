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
      m_rowScale(static_cast<Eigen::Index>(shape.border)) {
  m_activeColumns.reserve(m_k);
  m_rowStart.assign(m_k + 1, 0);
}

std::size_t BorderedBandLU::factor(BorderedBandMatrix& M) {
  const std::size_t ml = M.lower(), smu = M.storedUpper();
  if (m_n > 0) {
    const std::size_t bad = band::factor(M.bandColumns(), m_n, M.upper(), ml, smu,
                                         m_pivots.data(), m_inversePivots.data());
    if (bad != 0) return m_k + bad;
  }
  if (m_k == 0) return 0;

  // W = B^-1 C for the non-zero columns of C, copied side by side (C is stored column-major
  // like W) and solved in one sweep.
  m_activeColumns.clear();
  for (std::size_t j = 0; j < m_k; ++j) {
    const auto c = M.borderColumn(j);
    if (std::none_of(c.begin(), c.end(), [](double v) { return v != 0.0; })) continue;
    std::copy(c.begin(), c.end(),
              m_W.col(static_cast<Eigen::Index>(m_activeColumns.size())).data());
    m_activeColumns.push_back(j);
  }
  if (m_n > 0)
    band::solveMany(M.bandColumns(), m_n, smu, ml, m_pivots.data(), m_inversePivots.data(),
                    m_W.data(), m_activeColumns.size());
  // The non-zeros of R, row by row.
  m_rowStart.assign(1, 0);
  m_rowColumns.clear();
  for (std::size_t i = 0; i < m_k; ++i) {
    const auto row = M.borderRow(i);
    for (std::size_t l = 0; l < m_n; ++l)
      if (row[l] != 0.0) m_rowColumns.push_back(l);
    m_rowStart.push_back(m_rowColumns.size());
  }
  // S = D - R W; a zero column of W leaves D's column as it is.
  for (std::size_t i = 0; i < m_k; ++i)
    for (std::size_t j = 0; j < m_k; ++j)
      m_S(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = M.D(i, j);
  for (std::size_t a = 0; a < m_activeColumns.size(); ++a) {
    const double* w = m_W.col(static_cast<Eigen::Index>(a)).data();
    const auto j = static_cast<Eigen::Index>(m_activeColumns[a]);
    for (std::size_t i = 0; i < m_k; ++i) {
      const double* r = M.borderRow(i).data();
      double s = m_S(static_cast<Eigen::Index>(i), j);
      for (std::size_t e = m_rowStart[i]; e < m_rowStart[i + 1]; ++e)
        s -= r[m_rowColumns[e]] * w[m_rowColumns[e]];
      m_S(static_cast<Eigen::Index>(i), j) = s;
    }
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
  // r = b1 - R z over the non-zeros of R.
  for (std::size_t i = 0; i < m_k; ++i) {
    const double* r = M.borderRow(i).data();
    double s = x[i];
    for (std::size_t e = m_rowStart[i]; e < m_rowStart[i + 1]; ++e)
      s -= r[m_rowColumns[e]] * x2[m_rowColumns[e]];
    m_r(static_cast<Eigen::Index>(i)) = s;
  }
  m_r.array() *= m_rowScale.array();
  m_x.noalias() = m_schurLU.solve(m_r);  // into preallocated storage: no heap traffic per solve
  for (std::size_t i = 0; i < m_k; ++i) x[i] = m_x(static_cast<Eigen::Index>(i));
  for (std::size_t a = 0; a < m_activeColumns.size(); ++a) {
    const double xj = x[m_activeColumns[a]];
    const double* w = m_W.col(static_cast<Eigen::Index>(a)).data();
    for (std::size_t l = 0; l < m_n; ++l) x2[l] -= w[l] * xj;
  }
}

}  // namespace proscale
