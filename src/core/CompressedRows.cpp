#include "core/CompressedRows.h"

#include <algorithm>
#include <cmath>

namespace proscale {

bool CompressedRows::assign(const BorderedBandJacobian& J) {
  const BorderedBandShape& s = J.shape();
  const std::size_t k = s.border, n = s.band;
  m_rowStart.assign(1, 0);
  m_columns.clear();
  m_values.clear();
  bool finite = true;
  auto keep = [&](std::size_t column, double value) {
    if (value == 0.0) return;
    finite = finite && std::isfinite(value);
    m_columns.push_back(column);
    m_values.push_back(value);
  };
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) keep(j, J.D(i, j));
    for (std::size_t j = 0; j < n; ++j) keep(k + j, J.R(i, j));
    m_rowStart.push_back(m_values.size());
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < k; ++j) keep(j, J.C(i, j));
    const std::size_t lo = i >= s.lower ? i - s.lower : 0, hi = std::min(n - 1, i + s.upper);
    for (std::size_t j = lo; j <= hi; ++j) keep(k + j, J.B(i, j));
    m_rowStart.push_back(m_values.size());
  }
  return finite;
}

void CompressedRows::multiply(std::span<const double> x, std::span<double> y) const {
  for (std::size_t i = 0; i + 1 < m_rowStart.size(); ++i) {
    double sum = 0.0;
    for (std::size_t e = m_rowStart[i]; e < m_rowStart[i + 1]; ++e)
      sum += m_values[e] * x[m_columns[e]];
    y[i] = sum;
  }
}

}  // namespace proscale
