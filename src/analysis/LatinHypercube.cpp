#include "analysis/LatinHypercube.h"

#include <stdexcept>
#include <utility>

#include "analysis/Random.h"

namespace proscale {

std::vector<std::vector<double>> latinHypercube(std::size_t n, std::size_t d, std::uint64_t seed) {
  if (n == 0 || d == 0) throw std::invalid_argument("Latin hypercube: needs samples and dimensions");
  std::mt19937_64 g(seed);
  std::vector<std::vector<double>> points(n, std::vector<double>(d));
  std::vector<std::size_t> stratum(n);
  for (std::size_t j = 0; j < d; ++j) {
    for (std::size_t i = 0; i < n; ++i) stratum[i] = i;
    for (std::size_t i = n; i > 1; --i) std::swap(stratum[i - 1], stratum[random::below(g, i)]);  // Fisher-Yates
    for (std::size_t i = 0; i < n; ++i)
      points[i][j] = (static_cast<double>(stratum[i]) + random::uniform(g)) / static_cast<double>(n);
  }
  return points;
}

}  // namespace proscale
