#include "models/thermo/WaterViscosity.h"

#include <cmath>

namespace proscale {

double waterViscosity(double T) {
  // PROVISIONAL (Vogel form), replaced below once the cited correlation is in.
  return 2.414e-5 * std::pow(10.0, 247.8 / (T - 140.0));
}

}  // namespace proscale
