#include "models/pbe/FiniteVolumeDiffusion.h"

namespace proscale {

FiniteVolumeDiffusion::FiniteVolumeDiffusion(const SizeGrid& grid, DiffusionForm form) {
  const auto& L = grid.faces();
  const auto& p = grid.pivots();
  const auto& dL = grid.widths();
  const std::size_t n = grid.size();
  m_below.assign(n + 1, 0.0);
  m_above.assign(n + 1, 0.0);
  for (std::size_t k = 1; k < n; ++k) {
    if (form == DiffusionForm::Fickian) {
      m_below[k] = 1.0 / ((p[k] - p[k - 1]) * dL[k - 1]);
      m_above[k] = 1.0 / ((p[k] - p[k - 1]) * dL[k]);
      continue;
    }
    const double g = L[k] * L[k] / (p[k] - p[k - 1]);
    m_below[k] = g / (p[k - 1] * p[k - 1] * dL[k - 1]);
    m_above[k] = g / (p[k] * p[k] * dL[k]);
  }
}

void FiniteVolumeDiffusion::addRates(std::span<const double> N, std::span<const double> faceD,
                                     std::span<double> dNdt) const {
  for (std::size_t k = 1; k < N.size(); ++k) {
    const double F = faceD[k] * (m_below[k] * N[k - 1] - m_above[k] * N[k]);
    dNdt[k - 1] -= F;
    dNdt[k] += F;
  }
}

void FiniteVolumeDiffusion::addJacobian(std::span<const double> faceD,
                                        BorderedBandJacobian& J) const {
  const std::size_t n = faceD.size() - 1;
  for (std::size_t k = 1; k < n; ++k) {
    const double below = faceD[k] * m_below[k], above = faceD[k] * m_above[k];
    J.B(k - 1, k - 1) -= below;
    J.B(k - 1, k) += above;
    J.B(k, k - 1) += below;
    J.B(k, k) -= above;
  }
}

}  // namespace proscale
