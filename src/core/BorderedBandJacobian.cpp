#include "core/BorderedBandJacobian.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <stdexcept>
#include <string>

namespace proscale {

BorderedBandJacobian::BorderedBandJacobian(BorderedBandShape shape)
    : m_shape(shape),
      m_D(shape.border * shape.border),
      m_R(shape.border * shape.band),
      m_C(shape.border * shape.band),
      m_B(shape.band * (shape.lower + shape.upper + 1)) {}

void BorderedBandJacobian::setZero() {
  std::fill(m_D.begin(), m_D.end(), 0.0);
  std::fill(m_R.begin(), m_R.end(), 0.0);
  std::fill(m_C.begin(), m_C.end(), 0.0);
  std::fill(m_B.begin(), m_B.end(), 0.0);
}

double& BorderedBandJacobian::B(std::size_t i, std::size_t j) {
  assert(inBand(i, j));
  return m_B[i * (m_shape.lower + m_shape.upper + 1) + (j + m_shape.lower - i)];
}

double BorderedBandJacobian::B(std::size_t i, std::size_t j) const {
  if (!inBand(i, j)) return 0.0;
  return m_B[i * (m_shape.lower + m_shape.upper + 1) + (j + m_shape.lower - i)];
}

void BorderedBandJacobian::add(std::size_t r, std::size_t c, double value) {
  const std::size_t k = m_shape.border;
  if (r >= m_shape.size() || c >= m_shape.size() || (r >= k && c >= k && !inBand(r - k, c - k)))
    throw std::out_of_range("Jacobian entry (" + std::to_string(r) + ", " + std::to_string(c) +
                            ") lies outside the declared bordered band");
  if (r < k) (c < k ? D(r, c) : R(r, c - k)) += value;
  else (c < k ? C(r - k, c) : B(r - k, c - k)) += value;
}

bool BorderedBandJacobian::allFinite() const {
  for (const auto* block : {&m_D, &m_R, &m_C, &m_B})
    for (double v : *block)
      if (!std::isfinite(v)) return false;
  return true;
}

void BorderedBandJacobian::scaleAddIdentity(double a, double b) {
  for (auto* block : {&m_D, &m_R, &m_C, &m_B})
    for (double& v : *block) v *= a;
  for (std::size_t i = 0; i < m_shape.border; ++i) D(i, i) += b;
  for (std::size_t i = 0; i < m_shape.band; ++i) B(i, i) += b;
}

double BorderedBandJacobian::at(std::size_t r, std::size_t c) const {
  const std::size_t k = m_shape.border;
  if (r < k) return c < k ? D(r, c) : R(r, c - k);
  return c < k ? C(r - k, c) : B(r - k, c - k);
}

void BorderedBandJacobian::multiply(std::span<const double> x, std::span<double> y) const {
  const std::size_t k = m_shape.border, n = m_shape.band;
  for (std::size_t i = 0; i < k; ++i) {
    double s = 0.0;
    for (std::size_t j = 0; j < k; ++j) s += D(i, j) * x[j];
    for (std::size_t j = 0; j < n; ++j) s += R(i, j) * x[k + j];
    y[i] = s;
  }
  for (std::size_t i = 0; i < n; ++i) {
    double s = 0.0;
    const std::size_t lo = i >= m_shape.lower ? i - m_shape.lower : 0;
    const std::size_t hi = std::min(n - 1, i + m_shape.upper);
    for (std::size_t j = lo; j <= hi; ++j) s += B(i, j) * x[k + j];
    y[k + i] = s;
  }
  for (std::size_t j = 0; j < k; ++j) {  // C column by column (contiguous)
    if (x[j] == 0.0) continue;
    const double* column = m_C.data() + j * n;
    for (std::size_t i = 0; i < n; ++i) y[k + i] += column[i] * x[j];
  }
}

}  // namespace proscale
