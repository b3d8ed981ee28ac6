#pragma once
// Global sensitivity of a scalar result to d inputs, each given on the unit interval (the
// caller maps [0, 1) to its range):
//
//  * Morris elementary effects (Morris, Technometrics 33 (1991) 161; Campolongo, Cariboni &
//    Saltelli, Environ. Model. Softw. 22 (2007) 1509): r one-at-a-time trajectories on a p-level
//    grid, step Delta = p / (2 (p - 1)); EE_i = (f(x + Delta e_i) - f(x)) / Delta; mu*_i the mean
//    of |EE_i| (importance), sigma_i their standard deviation (interactions, nonlinearity).
//    r (d + 1) evaluations.
//  * Sobol indices by the Saltelli scheme (Saltelli et al., Comput. Phys. Commun. 181 (2010)
//    259): two independent sample matrices A and B of N points and, for each i, A_B^(i) (A with
//    column i from B); with V the variance of f over A and B,
//      S_i  = (1/N) sum_j f(B)_j (f(A_B^(i))_j - f(A)_j) / V            (first order, ibid. eq. (b))
//      ST_i = (1/(2N)) sum_j (f(A)_j - f(A_B^(i))_j)^2 / V              (total, Jansen 1999)
//    N (d + 2) evaluations; intervals by resampling the N rows with replacement (percentile
//    bootstrap, Efron & Tibshirani 1993 ch. 13).
// Samples come from std::mt19937_64 bits as in LatinHypercube.h: a seed gives the same numbers
// on every machine. Theory: docs/theory/studies.md.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace proscale {

/// f at a point of the unit cube [0, 1)^d.
using UnitCubeFunction = std::function<double(const std::vector<double>&)>;

struct MorrisEffects {
  std::vector<double> muStar, mu, sigma;  ///< per input: mean |EE|, mean EE, std of EE
  std::size_t evaluations = 0;
};

/// r trajectories on a p-level grid (p even, >= 2). std::invalid_argument for d = 0, r < 2 or
/// a p that is odd or below 2.
MorrisEffects morrisEffects(std::size_t d, std::size_t r, std::size_t levels,
                            const UnitCubeFunction& f, std::uint64_t seed);

struct SobolIndices {
  std::vector<double> first, total;                    ///< S_i, ST_i
  std::vector<double> firstLow, firstHigh, totalLow, totalHigh;  ///< the intervals
  double variance = 0.0;                               ///< V
  std::size_t evaluations = 0;
};

/// N base samples (N (d + 2) evaluations), `resamples` bootstrap resamples for intervals of
/// the given confidence. std::invalid_argument for d = 0, N < 2, or a result of zero variance.
SobolIndices sobolIndices(std::size_t d, std::size_t N, const UnitCubeFunction& f,
                          std::uint64_t seed, std::size_t resamples = 200, double confidence = 0.95);

}  // namespace proscale
