#include "models/pbe/MomentEquations.h"

#include <cmath>

namespace proscale {

void MomentEquations::rates(std::span<const double> mu, double G, double B,
                            std::span<double> dmu) const {
  for (std::size_t k = 0; k < kCount; ++k)
    dmu[k] = (k > 0 ? static_cast<double>(k) * G * mu[k - 1] : 0.0) +
             B * std::pow(m_L0, static_cast<double>(k));
}

void MomentEquations::slopes(std::span<const double> mu, std::span<double> dG,
                             std::span<double> dB) const {
  for (std::size_t k = 0; k < kCount; ++k) {
    dG[k] = k > 0 ? static_cast<double>(k) * mu[k - 1] : 0.0;
    dB[k] = std::pow(m_L0, static_cast<double>(k));
  }
}

}  // namespace proscale
