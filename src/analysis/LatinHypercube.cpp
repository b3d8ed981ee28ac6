#include "analysis/LatinHypercube.h"

#include <random>
#include <stdexcept>
#include <utility>

namespace proscale {
namespace {

// A uniform double in [0, 1) from the generator's top 53 bits.
double uniform(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1.0p-53; }

// A uniform integer in [0, bound) by rejection (no modulo bias).
std::size_t below(std::mt19937_64& g, std::size_t bound) {
  const std::uint64_t b = bound, limit = UINT64_MAX - UINT64_MAX % b;
  std::uint64_t x = g();
  while (x >= limit) x = g();
  return static_cast<std::size_t>(x % b);
}

}  // namespace

std::vector<std::vector<double>> latinHypercube(std::size_t n, std::size_t d, std::uint64_t seed) {
  if (n == 0 || d == 0) throw std::invalid_argument("Latin hypercube: needs samples and dimensions");
  std::mt19937_64 g(seed);
  std::vector<std::vector<double>> points(n, std::vector<double>(d));
  std::vector<std::size_t> stratum(n);
  for (std::size_t j = 0; j < d; ++j) {
    for (std::size_t i = 0; i < n; ++i) stratum[i] = i;
    for (std::size_t i = n; i > 1; --i) std::swap(stratum[i - 1], stratum[below(g, i)]);  // Fisher-Yates
    for (std::size_t i = 0; i < n; ++i)
      points[i][j] = (static_cast<double>(stratum[i]) + uniform(g)) / static_cast<double>(n);
  }
  return points;
}

}  // namespace proscale
