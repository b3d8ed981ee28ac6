#include "models/units/WallTemperatureProfile.h"

#include <algorithm>

#include "core/NumberFormat.h"

namespace proscale {

ParamSpec WallTemperatureProfile::spec() {
  auto s = std::make_shared<Schema>("point", "A point of the wall temperature along the tube.");
  s->add(ParamSpec::real("position", dim::length, "Distance z from the inlet.")
             .unit("m")
             .isRequired()
             .atLeast(0));
  s->add(ParamSpec::real("temperature", dim::temperature, "Wall temperature T_w at z.")
             .unit("degC")
             .isRequired()
             .above(0));
  return ParamSpec::sectionList(
      "wall-temperature", s,
      "Jacket (wall) temperature along the tube, instead of reactor.energy-balance's "
      "jacket-temperature: points in order of position, linear in between, the end values "
      "beyond the ends; two points at one position make a step. Needs "
      "reactor.energy-balance with its ua (the whole tube's U A).");
}

WallTemperatureProfile::WallTemperatureProfile(const Parameters& tube, double length) {
  const Parameters::List& list = tube.list("wall-temperature");
  if (list.empty()) throw tube.error("wall-temperature", "give at least one point");
  for (const Parameters& p : list) {
    const double z = p.real("position");
    if (!m_z.empty() && z < m_z.back())
      throw p.error("position", "the points must be in order of position: " + formatNumber(z) +
                                    " m comes after " + formatNumber(m_z.back()) + " m");
    if (z > length)
      throw p.error("position", "the tube ends at " + formatNumber(length) + " m");
    m_z.push_back(z);
    m_T.push_back(p.real("temperature"));
  }
}

// The trapezoids of the segments up to z, with the constant ends outside [z_1, z_n]; a step
// (two points at one z) is a segment of zero width.
double WallTemperatureProfile::integral(double z) const {
  double sum = std::min(z, m_z.front()) * m_T.front();
  for (std::size_t k = 1; k < m_z.size() && z > m_z[k - 1]; ++k) {
    const double width = m_z[k] - m_z[k - 1];
    if (width == 0.0) continue;
    const double b = std::min(z, m_z[k]);
    const double Tb = m_T[k - 1] + (m_T[k] - m_T[k - 1]) * (b - m_z[k - 1]) / width;
    sum += 0.5 * (m_T[k - 1] + Tb) * (b - m_z[k - 1]);
  }
  if (z > m_z.back()) sum += (z - m_z.back()) * m_T.back();
  return sum;
}

double WallTemperatureProfile::mean(double a, double b) const {
  return (integral(b) - integral(a)) / (b - a);
}

std::vector<double> WallTemperatureProfile::cellMeans(std::size_t cells, double length) const {
  std::vector<double> out(cells);
  const double dz = length / static_cast<double>(cells);
  for (std::size_t i = 0; i < cells; ++i)
    out[i] = mean(static_cast<double>(i) * dz, static_cast<double>(i + 1) * dz);
  return out;
}

}  // namespace proscale
