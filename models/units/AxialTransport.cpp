#include "models/units/AxialTransport.h"

#include <stdexcept>

namespace proscale {

AxialTransport::AxialTransport(std::size_t cells, double cellLength, double area,
                               double dispersion, GrowthScheme scheme)
    : m_cells(cells),
      m_volume(area * cellLength),
      m_exchange(dispersion * area / cellLength),
      m_scheme(scheme) {
  if (cells == 0 || !(cellLength > 0) || !(area > 0) || !(dispersion >= 0))
    throw std::invalid_argument("AxialTransport: cells, length and area must be positive");
}

AxialTransport::Face AxialTransport::face(std::size_t f, double cu2, double cu, double cd) const {
  Face v;
  v.value = cu;
  v.d[1] = 1.0;
  if (f < 2 || m_scheme == GrowthScheme::Upwind) return v;  // no cell upstream of the upwind one
  double dA = 0.0, dB = 0.0;
  const double sigma = limitedSlope(m_scheme, cu - cu2, cd - cu, 0.0, dA, dB);
  const double value = cu + 0.5 * sigma;
  if ((value - cd) * (cd - cu) > 0.0) {  // past the downwind value: clipped to it
    v.value = cd;
    v.d[1] = 0.0;
    v.d[2] = 1.0;
    return v;
  }
  v.value = value;
  v.d[0] = -0.5 * dA;
  v.d[1] = 1.0 + 0.5 * (dA - dB);
  v.d[2] = 0.5 * dB;
  return v;
}

double AxialTransport::rate(std::size_t i, const double c[4], double qIn, double qOut,
                            double slopes[4]) const {
  double d[4] = {0.0, 0.0, 0.0, 0.0};  // of F_in - F_out by c_{i-2} .. c_{i+1}
  double net = 0.0;
  if (i > 0) {  // F_{i-1/2}: face i, cells i-2, i-1, i (the inlet's is the caller's)
    const Face in = face(i, i >= 2 ? c[0] : 0.0, c[1], c[2]);
    net += qIn * in.value - m_exchange * (c[2] - c[1]);
    for (int k = 0; k < 3; ++k) d[k] += qIn * in.d[k];
    d[2] -= m_exchange;
    d[1] += m_exchange;
  }
  if (i + 1 == m_cells) {
    net -= qOut * c[2];
    d[2] -= qOut;
  } else {  // F_{i+1/2}: face i + 1, cells i-1, i, i+1
    const Face out = face(i + 1, i >= 1 ? c[1] : 0.0, c[2], c[3]);
    net -= qOut * out.value - m_exchange * (c[3] - c[2]);
    for (int k = 0; k < 3; ++k) d[k + 1] -= qOut * out.d[k];
    d[3] += m_exchange;
    d[2] -= m_exchange;
  }
  if (slopes != nullptr)
    for (int k = 0; k < 4; ++k) slopes[k] = d[k] / m_volume;
  return net / m_volume;
}

}  // namespace proscale
