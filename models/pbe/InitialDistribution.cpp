#include "models/pbe/InitialDistribution.h"

#include <cmath>

namespace proscale {

void fillSeeds(const SizeGrid& grid, const SeedDistribution& seeds, std::span<double> N) {
  const auto& faces = grid.faces();
  const double s = std::log(seeds.geometricStd) * std::sqrt(2.0);
  const double v0 = grid.shapeFactor() * std::pow(seeds.meanVolumeDiameter, 3);
  auto cdf = [&](double L) {
    if (seeds.shape == SeedDistribution::Shape::ExponentialVolume)
      return -std::expm1(-grid.shapeFactor() * L * L * L / v0);
    return 0.5 * std::erfc(-std::log(L / seeds.medianDiameter) / s);
  };
  for (std::size_t i = 0; i < N.size(); ++i)
    N[i] = seeds.numberDensity * (cdf(faces[i + 1]) - cdf(faces[i]));
}

}  // namespace proscale
