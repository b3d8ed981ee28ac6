#pragma once
// A wall (jacket) temperature that varies along a tube, `tube.wall-temperature`: points
// (z_k, T_k) in order of position, linear in between, T_1 before the first point and T_n after
// the last; two points at the same position make a step (a heating zone followed by a quench).
// A cell [z_a, z_b] exchanges heat with the mean wall temperature over its length,
//   T_w,i = 1/(z_b - z_a) \int_{z_a}^{z_b} T_w(z) dz   (exact for the piecewise-linear profile),
// so that the heat a cell takes in, U A_i (T_w,i - T_i), adds up over the cells to the wall's
// integral for any grid. Theory: docs/theory/tubular-reactors.md ("Wall heat").
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

class WallTemperatureProfile {
 public:
  /// The list key `wall-temperature` of {position, temperature} points.
  static ParamSpec spec();
  /// The points listed at `tube.wall-temperature`; InputError at the offending point for
  /// positions out of order or past the tube's `length` [m].
  WallTemperatureProfile(const Parameters& tube, double length);

  /// The mean of T_w over [a, b] [K] (a < b, in m).
  double mean(double a, double b) const;
  /// The means over N equal cells of a tube of length L.
  std::vector<double> cellMeans(std::size_t cells, double length) const;

 private:
  /// \int_0^z T_w dz' [K m] (from z = 0, the tube's inlet).
  double integral(double z) const;
  std::vector<double> m_z, m_T;
};

}  // namespace proscale
