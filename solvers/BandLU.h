#pragma once
// In-place LU factorization with partial pivoting of a band matrix, and the matching solve.
// Algorithm: band Gaussian elimination with row interchanges (LINPACK DGBFA/DGBSL; Golub & Van
// Loan, Matrix Computations, 4th ed., sec. 4.3), the same algorithm and storage as SUNDIALS'
// SUNDlsMat_bandGBTRF/GBTRS. It is implemented here because the Debian 12 SUNDIALS 6.4.1
// libraries are compiled without optimization (-O0): at n = 400, bandwidth 2+1, theirs took
// 17.7 us per factorization and 10.8 us per solve, this code 8.1 and 5.2 us (same machine).
//
// Storage (SUNDIALS band layout): columns[j] points to column j, which holds rows
// j - smu .. j + ml at offsets 0 .. smu + ml, i.e. entry (i, j) is columns[j][smu + i - j]. The
// stored upper bandwidth smu = mu + ml leaves room for the fill-in that row interchanges cause.
#include <cstddef>

namespace proscale::band {

/// Factors in place: multipliers below the diagonal, U on and above it (up to smu). Writes the
/// pivot row of each step to pivots[0..n) and 1 / U(k, k) to inversePivots[0..n). Returns 0,
/// or the 1-based index of the first column whose pivot is exactly zero.
std::size_t factor(double* const* columns, std::size_t n, std::size_t mu, std::size_t ml,
                   std::size_t smu, std::size_t* pivots, double* inversePivots);

/// Solves A x = b with the factors from factor(); b is overwritten by x.
void solve(const double* const* columns, std::size_t n, std::size_t smu, std::size_t ml,
           const std::size_t* pivots, const double* inversePivots, double* b);

/// Solves A X = B for `count` right-hand sides stored column after column (column r at
/// B + r * n), in one sweep: the independent columns hide each other's latency.
void solveMany(const double* const* columns, std::size_t n, std::size_t smu, std::size_t ml,
               const std::size_t* pivots, const double* inversePivots, double* B,
               std::size_t count);

}  // namespace proscale::band
