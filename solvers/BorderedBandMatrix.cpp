#include "solvers/BorderedBandMatrix.h"

#include <algorithm>
#include <stdexcept>

namespace proscale {

BorderedBandMatrix::BorderedBandMatrix(const BorderedBandShape& shape)
    : m_k(shape.border),
      m_n(shape.band),
      m_ml(shape.band > 0 ? std::min(shape.lower, shape.band - 1) : 0),
      m_mu(shape.band > 0 ? std::min(shape.upper, shape.band - 1) : 0),
      m_D(m_k * m_k),
      m_R(m_k * m_n),
      m_C(m_k * m_n),
      m_band(m_n * bandStride()),
      m_cols(m_n) {
  pointColumns();
}

BorderedBandMatrix::BorderedBandMatrix(const BorderedBandMatrix& other)
    : m_k(other.m_k),
      m_n(other.m_n),
      m_ml(other.m_ml),
      m_mu(other.m_mu),
      m_D(other.m_D),
      m_R(other.m_R),
      m_C(other.m_C),
      m_band(other.m_band),
      m_cols(other.m_n) {
  pointColumns();
}

BorderedBandMatrix& BorderedBandMatrix::operator=(const BorderedBandMatrix& other) {
  if (this == &other) return *this;
  m_k = other.m_k;
  m_n = other.m_n;
  m_ml = other.m_ml;
  m_mu = other.m_mu;
  m_D = other.m_D;
  m_R = other.m_R;
  m_C = other.m_C;
  m_band = other.m_band;
  m_cols.resize(m_n);
  pointColumns();
  return *this;
}

void BorderedBandMatrix::pointColumns() {
  for (std::size_t j = 0; j < m_n; ++j) m_cols[j] = m_band.data() + j * bandStride();
}

bool BorderedBandMatrix::sameStructure(const BorderedBandMatrix& other) const {
  return m_k == other.m_k && m_n == other.m_n && m_ml == other.m_ml && m_mu == other.m_mu;
}

void BorderedBandMatrix::setZero() {
  std::fill(m_D.begin(), m_D.end(), 0.0);
  std::fill(m_R.begin(), m_R.end(), 0.0);
  std::fill(m_C.begin(), m_C.end(), 0.0);
  std::fill(m_band.begin(), m_band.end(), 0.0);
}

void BorderedBandMatrix::assign(const BorderedBandJacobian& J) {
  const BorderedBandShape& s = J.shape();
  if (s.border != m_k || s.band != m_n)
    throw std::invalid_argument("BorderedBandMatrix::assign: Jacobian shape does not match");
  std::fill(m_band.begin(), m_band.end(), 0.0);
  for (std::size_t i = 0; i < m_k; ++i)
    for (std::size_t j = 0; j < m_k; ++j) D(i, j) = J.D(i, j);
  for (std::size_t i = 0; i < m_k; ++i)
    for (std::size_t j = 0; j < m_n; ++j) R(i, j) = J.R(i, j);
  for (std::size_t j = 0; j < m_k; ++j)
    for (std::size_t i = 0; i < m_n; ++i) C(i, j) = J.C(i, j);
  // Column by column: rows j - mu .. j + ml of the (clipped) band; J.B is zero outside its band.
  for (std::size_t j = 0; j < m_n; ++j) {
    const std::size_t lo = j >= m_mu ? j - m_mu : 0;
    const std::size_t hi = std::min(m_n - 1, j + m_ml);
    for (std::size_t i = lo; i <= hi; ++i) B(i, j) = J.B(i, j);
  }
}

void BorderedBandMatrix::scaleAddIdentity(double c) {
  for (auto& v : m_D) v *= c;
  for (auto& v : m_R) v *= c;
  for (auto& v : m_C) v *= c;
  for (auto& v : m_band) v *= c;
  for (std::size_t i = 0; i < m_k; ++i) D(i, i) += 1.0;
  for (std::size_t i = 0; i < m_n; ++i) B(i, i) += 1.0;
}

double BorderedBandMatrix::B(std::size_t i, std::size_t j) const {
  if (!inBand(i, j)) return 0.0;
  return m_cols[j][storedUpper() + i - j];
}

double BorderedBandMatrix::at(std::size_t r, std::size_t c) const {
  if (r < m_k) return c < m_k ? D(r, c) : R(r, c - m_k);
  return c < m_k ? C(r - m_k, c) : B(r - m_k, c - m_k);
}

}  // namespace proscale
