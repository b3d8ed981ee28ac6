#pragma once
// Statistics of a size distribution on classes: moments about the pivots, quantiles of the
// number- and volume-weighted cumulative distributions (uniform density inside a class, so the
// cumulative is piecewise linear in L), Sauter and mean diameters, coefficient of variation.
// Definitions: docs/theory/population-balance.md ("Reported statistics"); ISO 9276-2.
#include <array>
#include <span>
#include <vector>

#include "core/Results.h"

#include "models/pbe/SizeGrid.h"

namespace proscale {

struct PsdStatistics {
  std::array<double, 5> moments{};  ///< mu_k = sum_i L_i^k N_i [m^k/m^3]
  double numberDensity = 0.0;       ///< mu_0 [1/m^3]
  double meanDiameter = 0.0;        ///< d_10 = mu_1/mu_0 [m]
  double sauterDiameter = 0.0;      ///< d_32 = mu_3/mu_2 [m]
  double cv = 0.0;                  ///< number-based standard deviation / mean [-]
  double d10Number = 0.0, d50Number = 0.0, d90Number = 0.0;  ///< [m]
  double d10Volume = 0.0, d50Volume = 0.0, d90Volume = 0.0;  ///< [m]
  double solidVolumeFraction = 0.0;  ///< sum_i x_i N_i [-]
};

/// Statistics of N (particles per m^3 per class). Sizes are 0 for an empty distribution.
PsdStatistics psdStatistics(const SizeGrid& grid, std::span<const double> N);

/// Size below which a fraction `q` of the weight w_i lies (classes uniform in L).
double quantile(const SizeGrid& grid, std::span<const double> weights, double q);

/// Reporting: the statistics as time-series columns (mu0..mu4, number density, mean and
/// Sauter diameters, number and volume quantiles, cv), their values in that order (returns the
/// count written), and as summary metrics.
std::vector<SeriesColumn> psdStatisticsColumns();
std::size_t psdStatisticsValues(const PsdStatistics& s, std::span<double> row);
std::vector<Metric> psdStatisticsMetrics(const PsdStatistics& s);

}  // namespace proscale
