#include "models/thermo/WaterViscosity.h"

#include <cmath>

namespace proscale {

double waterViscosity(double T) {
  constexpr double A = 1.1709, B = 0.001827, C = 89.93, mu20 = 1.0020e-3;  // Korson et al. 1969
  const double t = T - 273.15;
  return mu20 * std::pow(10.0, (A * (20.0 - t) - B * (t - 20.0) * (t - 20.0)) / (t + C));
}

}  // namespace proscale
