#pragma once
// Size classes of a population balance. L is the particle diameter [m]; class i spans
// [faces[i], faces[i+1]], its pivot is the geometric mean of its faces and its particle volume
// x_i = k_v L_i^3.
#include <cstddef>
#include <vector>

namespace proscale {

enum class GridSpacing { Geometric, Uniform };

class SizeGrid {
 public:
  SizeGrid(double minSize, double maxSize, std::size_t classes, GridSpacing spacing,
           double shapeFactor);

  std::size_t size() const { return m_pivots.size(); }
  const std::vector<double>& faces() const { return m_faces; }
  const std::vector<double>& pivots() const { return m_pivots; }
  const std::vector<double>& widths() const { return m_widths; }
  const std::vector<double>& volumes() const { return m_volumes; }  ///< x_i [m^3]
  double shapeFactor() const { return m_kv; }

 private:
  std::vector<double> m_faces, m_pivots, m_widths, m_volumes;
  double m_kv;
};

}  // namespace proscale
