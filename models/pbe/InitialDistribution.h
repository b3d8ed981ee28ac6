#pragma once
// Seed particles present at t = 0, integrated exactly over each class (differences of the CDF):
//  * log-normal in diameter:
//      n(L) = N_tot / (L ln(sigma_g) sqrt(2 pi)) exp(-(ln(L/L_50))^2 / (2 ln^2 sigma_g));
//  * exponential in particle volume v = k_v L^3 (the initial condition of Scott's 1968
//    aggregation solutions): n(v) = (N_tot / v0) exp(-v / v0), v0 the mean volume.
#include <span>

#include "models/pbe/SizeGrid.h"

namespace proscale {

struct SeedDistribution {
  enum class Shape { LogNormal, ExponentialVolume } shape = Shape::LogNormal;
  double numberDensity = 0.0;    ///< N_tot [1/m^3]
  double medianDiameter = 0.0;   ///< log-normal: L_50 [m]
  double geometricStd = 1.0;     ///< log-normal: sigma_g > 1 [-]
  double meanVolumeDiameter = 0.0;  ///< exponential: diameter of the mean volume, v0 = k_v d^3 [m]
};

/// Fills N (particles per m^3 per class); the part of the distribution outside the grid is lost.
void fillSeeds(const SizeGrid& grid, const SeedDistribution& seeds, std::span<double> N);

}  // namespace proscale
