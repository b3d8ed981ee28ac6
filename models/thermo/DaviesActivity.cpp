#include "models/thermo/DaviesActivity.h"

#include <algorithm>
#include <cmath>

#include "models/thermo/DebyeHuckel.h"

namespace proscale {

void DaviesActivity::lnGamma(std::span<const double> c, double T, std::span<double> lnGamma,
                             std::span<double> dLnGamma) const {
  const std::size_t n = m_z.size();
  const double A = std::log(10.0) * debyeHuckelA(T);
  const double I = ionicStrength(c, m_z);
  const double s = std::sqrt(I);
  const double f = s / (1.0 + s) - 0.3 * I;
  // df/dI = 1 / (2 sqrt(I) (1 + sqrt(I))^2) - 0.3; floor sqrt(I) to keep it finite at I = 0.
  const double sf = std::max(s, 1e-8);
  const double dfdI = 1.0 / (2.0 * sf * (1.0 + sf) * (1.0 + sf)) - 0.3;
  for (std::size_t i = 0; i < n; ++i) {
    const double z2 = static_cast<double>(m_z[i] * m_z[i]);
    lnGamma[i] = -A * z2 * f;
    for (std::size_t j = 0; j < n; ++j) {  // dI/dc_j = z_j^2 / (2 c°) for c_j > 0
      const double dIdc = c[j] > 0.0 ? 0.5 * m_z[j] * m_z[j] / kStandardConcentration : 0.0;
      dLnGamma[i * n + j] = -A * z2 * dfdI * dIdc;
    }
  }
}

}  // namespace proscale
