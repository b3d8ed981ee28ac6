#include "models/pbe/PsdStatistics.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace proscale {

double quantile(const SizeGrid& grid, std::span<const double> weights, double q) {
  double total = 0.0;
  for (double w : weights) total += std::max(w, 0.0);
  if (total <= 0.0) return 0.0;
  const auto& faces = grid.faces();
  const double target = q * total;
  double cumulative = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double w = std::max(weights[i], 0.0);
    if (w > 0.0 && cumulative + w >= target) {
      const double fraction = (target - cumulative) / w;
      return faces[i] + fraction * (faces[i + 1] - faces[i]);
    }
    cumulative += w;
  }
  return faces.back();
}

PsdStatistics psdStatistics(const SizeGrid& grid, std::span<const double> N) {
  PsdStatistics s;
  const auto& L = grid.pivots();
  std::vector<double> volume(N.size());
  for (std::size_t i = 0; i < N.size(); ++i) {
    const double Ni = std::max(N[i], 0.0);
    double Lk = 1.0;
    for (double& mu : s.moments) {
      mu += Lk * Ni;
      Lk *= L[i];
    }
    volume[i] = grid.volumes()[i] * Ni;
    s.solidVolumeFraction += volume[i];
  }
  const auto& mu = s.moments;
  s.numberDensity = mu[0];
  if (mu[0] <= 0.0) return s;
  s.meanDiameter = mu[1] / mu[0];
  s.sauterDiameter = mu[2] > 0.0 ? mu[3] / mu[2] : 0.0;
  const double variance = std::max(mu[2] / mu[0] - s.meanDiameter * s.meanDiameter, 0.0);
  s.cv = std::sqrt(variance) / s.meanDiameter;
  s.d10Number = quantile(grid, N, 0.1);
  s.d50Number = quantile(grid, N, 0.5);
  s.d90Number = quantile(grid, N, 0.9);
  s.d10Volume = quantile(grid, volume, 0.1);
  s.d50Volume = quantile(grid, volume, 0.5);
  s.d90Volume = quantile(grid, volume, 0.9);
  return s;
}

}  // namespace proscale
