#pragma once
// Seed particles present at t = 0: a log-normal number distribution in diameter,
//   n(L) = N_tot / (L ln(sigma_g) sqrt(2 pi)) exp(-(ln(L/L_50))^2 / (2 ln^2 sigma_g)),
// integrated exactly over each class (differences of the log-normal CDF).
#include <span>

#include "models/pbe/SizeGrid.h"

namespace proscale {

struct LogNormalSeeds {
  double numberDensity = 0.0;  ///< N_tot [1/m^3]
  double medianDiameter = 0.0; ///< L_50 [m]
  double geometricStd = 1.0;   ///< sigma_g > 1 [-]
};

/// Fills N (particles per m^3 per class); the part of the distribution outside the grid is lost.
void fillLogNormal(const SizeGrid& grid, const LogNormalSeeds& seeds, std::span<double> N);

}  // namespace proscale
