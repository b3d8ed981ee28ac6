#include "models/pbe/SizeGrid.h"

#include <cmath>
#include <stdexcept>

namespace proscale {

SizeGrid::SizeGrid(double minSize, double maxSize, std::size_t classes, GridSpacing spacing,
                   double shapeFactor)
    : m_kv(shapeFactor) {
  if (classes == 0 || !(minSize > 0.0) || !(maxSize > minSize))
    throw std::invalid_argument("size grid needs 0 < min < max and at least one class");
  m_faces.resize(classes + 1);
  for (std::size_t i = 0; i <= classes; ++i) {
    const double s = static_cast<double>(i) / static_cast<double>(classes);
    m_faces[i] = spacing == GridSpacing::Geometric ? minSize * std::pow(maxSize / minSize, s)
                                                   : minSize + (maxSize - minSize) * s;
  }
  m_faces.back() = maxSize;
  for (std::size_t i = 0; i < classes; ++i) {
    m_pivots.push_back(spacing == GridSpacing::Geometric ? std::sqrt(m_faces[i] * m_faces[i + 1])
                                                         : 0.5 * (m_faces[i] + m_faces[i + 1]));
    m_widths.push_back(m_faces[i + 1] - m_faces[i]);
    m_volumes.push_back(m_kv * std::pow(m_pivots.back(), 3));
  }
}

}  // namespace proscale
