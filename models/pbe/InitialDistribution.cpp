#include "models/pbe/InitialDistribution.h"

#include <cmath>

namespace proscale {

void fillLogNormal(const SizeGrid& grid, const LogNormalSeeds& seeds, std::span<double> N) {
  const auto& faces = grid.faces();
  const double s = std::log(seeds.geometricStd) * std::sqrt(2.0);
  auto cdf = [&](double L) { return 0.5 * std::erfc(-std::log(L / seeds.medianDiameter) / s); };
  for (std::size_t i = 0; i < N.size(); ++i)
    N[i] = seeds.numberDensity * (cdf(faces[i + 1]) - cdf(faces[i]));
}

}  // namespace proscale
