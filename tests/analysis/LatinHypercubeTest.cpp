// Latin hypercube designs (src/analysis/LatinHypercube.h): one sample in every stratum of every
// dimension, reproducible from the seed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/LatinHypercube.h"

namespace proscale {

TEST_CASE("A Latin hypercube puts one sample in every stratum of every dimension",
          "[unit][analysis]") {
  const std::size_t n = 50, d = 3;
  const auto points = latinHypercube(n, d, 2026);
  REQUIRE(points.size() == n);
  for (std::size_t j = 0; j < d; ++j) {
    std::vector<std::size_t> strata;
    double mean = 0.0;
    for (const auto& p : points) {
      REQUIRE(p.size() == d);
      CHECK((p[j] >= 0.0 && p[j] < 1.0));
      strata.push_back(static_cast<std::size_t>(std::floor(p[j] * static_cast<double>(n))));
      mean += p[j] / static_cast<double>(n);
    }
    std::sort(strata.begin(), strata.end());
    for (std::size_t k = 0; k < n; ++k) CHECK(strata[k] == k);
    // Stratified: the mean of each dimension is ((n-1)/2 n + sum u) / n^2, within 1/(2n) of 1/2
    // whatever the draws (simple random sampling: a standard error of 0.04 at n = 50).
    CHECK(std::abs(mean - 0.5) <= 0.5 / static_cast<double>(n));
  }
}

TEST_CASE("A Latin hypercube is the same for the same seed, and another for another",
          "[unit][analysis]") {
  CHECK(latinHypercube(20, 4, 7) == latinHypercube(20, 4, 7));
  CHECK(latinHypercube(20, 4, 7) != latinHypercube(20, 4, 8));
  // The dimensions are paired by independent permutations: not all the same ordering.
  const auto p = latinHypercube(20, 2, 7);
  bool differ = false;
  for (std::size_t i = 0; i + 1 < p.size(); ++i)
    differ = differ || ((p[i][0] < p[i + 1][0]) != (p[i][1] < p[i + 1][1]));
  CHECK(differ);
  CHECK_THROWS(latinHypercube(0, 2, 1));
}

}  // namespace proscale
