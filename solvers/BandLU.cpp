#include "solvers/BandLU.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace proscale::band {

std::size_t factor(double* const* columns, std::size_t n, std::size_t mu, std::size_t ml,
                   std::size_t smu, std::size_t* pivots, double* inversePivots) {
  // Rows above the true upper bandwidth only receive fill-in: start them at zero.
  for (std::size_t j = 0; j < n; ++j) std::fill(columns[j], columns[j] + (smu - mu), 0.0);

  for (std::size_t k = 0; k < n; ++k) {
    double* diagK = columns[k] + smu;  // diagK[i - k] = A(i, k)
    const std::size_t lastRow = std::min(n - 1, k + ml);

    std::size_t l = k;  // pivot row: largest magnitude in column k on or below the diagonal
    double largest = std::abs(diagK[0]);
    for (std::size_t i = k + 1; i <= lastRow; ++i)
      if (std::abs(diagK[i - k]) > largest) {
        largest = std::abs(diagK[i - k]);
        l = i;
      }
    pivots[k] = l;
    if (diagK[l - k] == 0.0) return k + 1;
    if (l != k) std::swap(diagK[0], diagK[l - k]);

    const double inverse = 1.0 / diagK[0];
    inversePivots[k] = inverse;
    for (std::size_t i = k + 1; i <= lastRow; ++i) diagK[i - k] *= -inverse;  // -multipliers

    // Update columns k+1 .. k+smu with row k (after the interchange) times the multipliers.
    const std::size_t lastColumn = std::min(n - 1, k + smu);
    for (std::size_t j = k + 1; j <= lastColumn; ++j) {
      double* colJ = columns[j] + smu;  // colJ[i - j] = A(i, j), i - j may be negative
      const std::ptrdiff_t kj = static_cast<std::ptrdiff_t>(k) - static_cast<std::ptrdiff_t>(j);
      const std::ptrdiff_t lj = static_cast<std::ptrdiff_t>(l) - static_cast<std::ptrdiff_t>(j);
      const double akj = colJ[lj];
      if (l != k) {
        colJ[lj] = colJ[kj];
        colJ[kj] = akj;
      }
      if (akj == 0.0) continue;
      for (std::size_t i = k + 1; i <= lastRow; ++i)
        colJ[kj + static_cast<std::ptrdiff_t>(i - k)] += akj * diagK[i - k];
    }
  }
  return 0;
}

void solve(const double* const* columns, std::size_t n, std::size_t smu, std::size_t ml,
           const std::size_t* pivots, const double* inversePivots, double* b) {
  // Forward: apply the interchanges and the unit lower factor.
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const std::size_t l = pivots[k];
    const double m = b[l];
    if (l != k) {
      b[l] = b[k];
      b[k] = m;
    }
    const double* diagK = columns[k] + smu;
    const std::size_t lastRow = std::min(n - 1, k + ml);
    for (std::size_t i = k + 1; i <= lastRow; ++i) b[i] += m * diagK[i - k];
  }
  // Backward: U x = y, column by column.
  for (std::size_t k = n; k-- > 0;) {
    const double* diagK = columns[k] + smu;
    b[k] *= inversePivots[k];
    const double m = -b[k];
    const std::size_t firstRow = k >= smu ? k - smu : 0;
    for (std::size_t i = firstRow; i < k; ++i)
      b[i] += m * diagK[static_cast<std::ptrdiff_t>(i) - static_cast<std::ptrdiff_t>(k)];
  }
}

void solveMany(const double* const* columns, std::size_t n, std::size_t smu, std::size_t ml,
               const std::size_t* pivots, const double* inversePivots, double* B,
               std::size_t count) {
  // The same operations as solve(), column by column of B, interleaved row by row.
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const std::size_t l = pivots[k];
    const double* diagK = columns[k] + smu;
    const std::size_t lastRow = std::min(n - 1, k + ml);
    for (std::size_t r = 0; r < count; ++r) {
      double* b = B + r * n;
      const double m = b[l];
      if (l != k) {
        b[l] = b[k];
        b[k] = m;
      }
      for (std::size_t i = k + 1; i <= lastRow; ++i) b[i] += m * diagK[i - k];
    }
  }
  for (std::size_t k = n; k-- > 0;) {
    const double* diagK = columns[k] + smu;
    const std::size_t firstRow = k >= smu ? k - smu : 0;
    for (std::size_t r = 0; r < count; ++r) {
      double* b = B + r * n;
      b[k] *= inversePivots[k];
      const double m = -b[k];
      for (std::size_t i = firstRow; i < k; ++i)
        b[i] += m * diagK[static_cast<std::ptrdiff_t>(i) - static_cast<std::ptrdiff_t>(k)];
    }
  }
}

}  // namespace proscale::band
