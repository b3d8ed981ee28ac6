#include "models/units/MoietyNames.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace proscale {

// Gauss-Jordan elimination with partial pivoting over the fluid columns, in their order.
std::vector<NamedMoiety> namedMoieties(const std::vector<std::vector<double>>& moieties,
                                       const std::vector<std::string>& names) {
  std::vector<std::vector<double>> w = moieties;
  const std::size_t rows = w.size(), fluid = names.size();
  std::vector<NamedMoiety> named;
  std::size_t rank = 0;
  for (std::size_t col = 0; col < fluid && rank < rows; ++col) {
    std::size_t best = rank;
    for (std::size_t r = rank; r < rows; ++r)
      if (std::abs(w[r][col]) > std::abs(w[best][col])) best = r;
    double largest = 0.0;
    for (double v : w[best]) largest = std::max(largest, std::abs(v));
    if (!(std::abs(w[best][col]) > 1e-12 * largest)) continue;
    std::swap(w[rank], w[best]);
    const double pivot = w[rank][col];
    for (double& v : w[rank]) v /= pivot;
    for (std::size_t r = 0; r < rows; ++r) {
      if (r == rank || w[r][col] == 0.0) continue;
      const double factor = w[r][col];
      for (std::size_t j = 0; j < w[r].size(); ++j) w[r][j] -= factor * w[rank][j];
    }
    named.push_back({names[col], {}});
    ++rank;
  }
  for (std::size_t r = 0; r < named.size(); ++r) {
    double largest = 0.0;
    for (double v : w[r]) largest = std::max(largest, std::abs(v));
    for (double& v : w[r])
      if (std::abs(v) < 1e-12 * largest) v = 0.0;
    named[r].weights = std::move(w[r]);
  }
  return named;
}

}  // namespace proscale
