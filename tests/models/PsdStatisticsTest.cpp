// Distribution statistics against closed forms.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "models/pbe/InitialDistribution.h"
#include "models/pbe/PsdStatistics.h"

using namespace proscale;

TEST_CASE("Quantiles of a uniform distribution are exact", "[unit]") {
  // Equal number in every class of a uniform grid on [0.1, 1.1] um: the cumulative is linear,
  // so d10 = 0.2 um, d50 = 0.6 um, d90 = 1.0 um exactly.
  SizeGrid grid(0.1e-6, 1.1e-6, 10, GridSpacing::Uniform, M_PI / 6);
  std::vector<double> N(10, 1e15);
  const PsdStatistics s = psdStatistics(grid, N);
  CHECK(s.d10Number == Approx(0.2e-6).epsilon(1e-12));
  CHECK(s.d50Number == Approx(0.6e-6).epsilon(1e-12));
  CHECK(s.d90Number == Approx(1.0e-6).epsilon(1e-12));
  CHECK(s.numberDensity == Approx(1e16));
  CHECK(s.meanDiameter == Approx(0.6e-6).epsilon(1e-12));
}

TEST_CASE("Statistics of a fine log-normal approach its closed forms", "[unit][validation]") {
  // Log-normal, L50 = 100 nm, sigma_g = 1.5 (Hatch-Choate relations, e.g. Hinds, Aerosol
  // Technology, 2nd ed., eq. 4.53): d_mean = L50 exp(ln^2 s / 2), d32 = L50 exp(2.5 ln^2 s),
  // volume median = L50 exp(3 ln^2 s), CV = sqrt(exp(ln^2 s) - 1).
  // 2000 geometric classes over [1 nm, 10 um]: pivot quadrature error < 1e-4 relative.
  SizeGrid grid(1e-9, 1e-5, 2000, GridSpacing::Geometric, M_PI / 6);
  std::vector<double> N(grid.size());
  const double L50 = 100e-9, s2 = std::pow(std::log(1.5), 2);
  SeedDistribution seeds;
  seeds.numberDensity = 1e18;
  seeds.medianDiameter = L50;
  seeds.geometricStd = 1.5;
  fillSeeds(grid, seeds, N);
  const PsdStatistics s = psdStatistics(grid, N);
  CHECK(s.numberDensity == Approx(1e18).epsilon(1e-6));
  CHECK(s.d50Number == Approx(L50).epsilon(1e-4));
  CHECK(s.meanDiameter == Approx(L50 * std::exp(0.5 * s2)).epsilon(1e-4));
  CHECK(s.sauterDiameter == Approx(L50 * std::exp(2.5 * s2)).epsilon(1e-4));
  CHECK(s.d50Volume == Approx(L50 * std::exp(3.0 * s2)).epsilon(1e-3));
  CHECK(s.cv == Approx(std::sqrt(std::exp(s2) - 1.0)).epsilon(1e-3));
}

TEST_CASE("An empty distribution has zero sizes, not NaN", "[unit]") {
  SizeGrid grid(1e-9, 1e-6, 20, GridSpacing::Geometric, M_PI / 6);
  std::vector<double> N(20, 0.0);
  const PsdStatistics s = psdStatistics(grid, N);
  CHECK(s.meanDiameter == 0.0);
  CHECK(s.d50Volume == 0.0);
  CHECK(s.cv == 0.0);
}
