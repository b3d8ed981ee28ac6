#include "solvers/BorderedPreconditioner.h"

#include <algorithm>
#include <span>

namespace proscale {

BorderedPreconditioner::BorderedPreconditioner(const BorderedBandShape& shape)
    : m_saved(shape), m_factored(shape), m_lu(shape) {}

std::size_t BorderedPreconditioner::setup(double gamma) {
  m_factored = m_saved;  // same structure: copies values, no allocation
  m_factored.scaleAddIdentity(-gamma);
  return m_lu.factor(m_factored);
}

void BorderedPreconditioner::solve(const double* r, double* z) {
  const std::size_t n = size();
  if (z != r) std::copy(r, r + n, z);
  m_lu.solve(m_factored, std::span<double>(z, n));
}

}  // namespace proscale
