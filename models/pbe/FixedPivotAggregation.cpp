#include "models/pbe/FixedPivotAggregation.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <stdexcept>

namespace proscale {
namespace {

// rates() and addApproximateJacobian() are compiled twice on x86-64 with GCC and glibc, for
// AVX2 and for the baseline ISA, and the loader picks one per machine (an ifunc); both give
// the same bits (no FMA, no reordered sums). Elsewhere they are compiled once.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__)
#define PROSCALE_SIMD_CLONES __attribute__((target_clones("avx2", "default")))
#define PROSCALE_INLINE __attribute__((always_inline)) inline
#else
#define PROSCALE_SIMD_CLONES
#define PROSCALE_INLINE inline
#endif

// The passes of rates(), each one contiguous loop over the pairs p = 0 .. count - 1 of a run
// (pair (j, j + m) for j = first + p); __restrict lets the compiler vectorise them (within one
// pass the output overlaps no input).

// r_p = rate_p N_j N_k, and the first parent's death: sum_j -= r_p.
PROSCALE_INLINE void pairRates(const double* __restrict rate, const double* __restrict Nj,
                               const double* __restrict Nk, double* __restrict r,
                               double* __restrict sumJ, std::size_t count) {
  for (std::size_t p = 0; p < count; ++p) {
    r[p] = rate[p] * Nj[p] * Nk[p];
    sumJ[p] -= r[p];
  }
}

// The same with one rate common to the diagonal (a constant kernel: no rate table is read).
PROSCALE_INLINE void pairRates(double rate, const double* __restrict Nj,
                               const double* __restrict Nk, double* __restrict r,
                               double* __restrict sumJ, std::size_t count) {
  for (std::size_t p = 0; p < count; ++p) {
    r[p] = rate * Nj[p] * Nk[p];
    sumJ[p] -= r[p];
  }
}

// The derivative of a pair's rate along v: dr_p = rate_p (N_j v_k + N_k v_j), and the first
// parent's share of it: sum_j -= dr_p (J v; on the diagonal m = 0 this is 2 rate N_j v_j).
PROSCALE_INLINE void pairSlopes(const double* __restrict rate, const double* __restrict Nj,
                                const double* __restrict Nk, const double* __restrict vj,
                                const double* __restrict vk, double* __restrict r,
                                double* __restrict sumJ, std::size_t count) {
  for (std::size_t p = 0; p < count; ++p) {
    r[p] = rate[p] * (Nj[p] * vk[p] + Nk[p] * vj[p]);
    sumJ[p] -= r[p];
  }
}

PROSCALE_INLINE void pairSlopes(double rate, const double* __restrict Nj,
                                const double* __restrict Nk, const double* __restrict vj,
                                const double* __restrict vk, double* __restrict r,
                                double* __restrict sumJ, std::size_t count) {
  for (std::size_t p = 0; p < count; ++p) {
    r[p] = rate * (Nj[p] * vk[p] + Nk[p] * vj[p]);
    sumJ[p] -= r[p];
  }
}

// The second parent's death: sumK_p -= r_p.
PROSCALE_INLINE void subtract(double* __restrict sumK, const double* __restrict r,
                              std::size_t count) {
  for (std::size_t p = 0; p < count; ++p) sumK[p] -= r[p];
}

// Births of a run whose aggregates land at `lower` = k + offset and lower + 1, offset >= 1:
// eta_p r_p to lower_p and (1 - eta_p) r_p to lower_p + 1 = lower_{p+1}, so that position
// lower_p receives eta_p r_p + (1 - eta_{p-1}) r_{p-1} (one pass, count + 1 positions).
PROSCALE_INLINE void spreadShares(double* __restrict sumLower, const double* __restrict eta,
                                  const double* __restrict r, std::size_t count) {
  sumLower[0] += eta[0] * r[0];
  for (std::size_t p = 1; p < count; ++p)
    sumLower[p] += eta[p] * r[p] + (1.0 - eta[p - 1]) * r[p - 1];
  sumLower[count] += (1.0 - eta[count - 1]) * r[count - 1];
}

// A run with offset 0 (the aggregate lands between its larger parent k and k + 1; most pairs
// with j << k): the death -r_p at k and the births eta_p r_p at k, (1 - eta_p) r_p at k + 1
// together move w_p = (1 - eta_p) r_p from k to k + 1, so that position k_p receives
// w_{p-1} - w_p (one pass instead of three).
PROSCALE_INLINE void moveUpperShares(double* __restrict sumK, const double* __restrict eta,
                                     const double* __restrict r, std::size_t count) {
  sumK[0] -= (1.0 - eta[0]) * r[0];
  for (std::size_t p = 1; p < count; ++p)
    sumK[p] += (1.0 - eta[p - 1]) * r[p - 1] - (1.0 - eta[p]) * r[p];
  sumK[count] += (1.0 - eta[count - 1]) * r[count - 1];
}

// out_p += factor a_p b_p (entries of the approximate Jacobian).
PROSCALE_INLINE void addProducts(double* __restrict out, double factor,
                                 const double* __restrict a, const double* __restrict b,
                                 std::size_t count) {
  for (std::size_t p = 0; p < count; ++p) out[p] += factor * a[p] * b[p];
}

// Birth entries of a run: dr_p = factor rate_p N_p; eta_p dr_p to outLower and, unless it is
// null (outside the band), (1 - eta_p) dr_p to outUpper (the next row: another diagonal of
// the band copy).
PROSCALE_INLINE void addShareEntries(double* __restrict outLower, double factor,
                                     const double* __restrict eta, const double* __restrict rate,
                                     const double* __restrict N, std::size_t count,
                                     double* __restrict outUpper) {
  for (std::size_t p = 0; p < count; ++p) outLower[p] += eta[p] * (factor * rate[p] * N[p]);
  if (outUpper == nullptr) return;
  for (std::size_t p = 0; p < count; ++p)
    outUpper[p] += (1.0 - eta[p]) * (factor * rate[p] * N[p]);
}

}  // namespace

FixedPivotAggregation::FixedPivotAggregation(const SizeGrid& grid, const AggregationKernel& kernel,
                                             const AggregationConditions& conditions)
    : m_volumes(grid.volumes()),
      m_pivots(grid.pivots()),
      m_kernel(kernel),
      m_conditions(conditions) {
  const std::size_t n = m_volumes.size();
  if (n > (1u << 20)) throw std::invalid_argument("fixed-pivot aggregation: too many classes");
  const std::size_t pairs = n * (n + 1) / 2;
  m_rate.assign(pairs, 0.0);
  m_eta.assign(pairs, 1.0);
  m_diagonalStart.resize(n + 1);
  m_runStart.reserve(n + 1);
  m_firstLost.resize(n);
  m_diagonalRate.assign(n, 0.0);
  std::size_t start = 0;
  for (std::size_t m = 0; m < n; ++m) {
    m_diagonalStart[m] = start;
    m_runStart.push_back(m_runs.size());
    const std::size_t length = n - m;  // pairs (j, j + m), j < n - m
    m_firstLost[m] = length;
    for (std::size_t j = 0; j < length; ++j) {
      const std::size_t k = j + m;
      const double v = m_volumes[j] + m_volumes[k];
      // lower = the last pivot with x_lower <= v (v >= 2 x_0 > x_0, so it exists).
      const auto above = std::upper_bound(m_volumes.begin(), m_volumes.end(), v);
      std::size_t lower = static_cast<std::size_t>(above - m_volumes.begin()) - 1;
      double eta = 1.0;
      if (lower + 1 < n)
        eta = (m_volumes[lower + 1] - v) / (m_volumes[lower + 1] - m_volumes[lower]);
      else if (v != m_volumes[n - 1])
        lower = n;  // beyond the last pivot: lost
      m_eta[start + j] = eta;
      if (lower == n) {
        if (m_firstLost[m] == length) m_firstLost[m] = j;
        continue;
      }
      // v grows with j along a diagonal, so the lost pairs are its tail.
      if (m_firstLost[m] != length)
        throw std::logic_error("fixed-pivot aggregation: pivot volumes are not ascending");
      const auto offset = static_cast<std::uint32_t>(lower - k);
      const auto jj = static_cast<std::uint32_t>(j);
      if (m_runs.size() > m_runStart.back() && m_runs.back().offset == offset)
        m_runs.back().end = jj + 1;
      else
        m_runs.push_back({jj, jj + 1, offset});
    }
    start += length;
  }
  m_diagonalStart[n] = start;
  m_runStart.push_back(m_runs.size());
  setConditions(conditions);
}

void FixedPivotAggregation::setConditions(const AggregationConditions& conditions) {
  m_conditions = conditions;
  m_bandN.clear();  // the cached band part holds the old kernel
  // A size-independent stability ratio is evaluated once, not per pair (a DLVO quadrature).
  const StabilitySetting& stability = m_kernel.stability();
  const double T = conditions.temperature;
  const double commonW =
      stability.sizeIndependent() ? stability.ratio(m_pivots.front(), m_pivots.front(), T) : 0.0;
  const std::size_t n = m_volumes.size();
  for (std::size_t m = 0; m < n; ++m) {
    const std::size_t start = m_diagonalStart[m];
    bool common = true;
    for (std::size_t j = 0; j + m < n; ++j) {
      const std::size_t k = j + m;
      const double W = commonW > 0.0 ? commonW : stability.ratio(m_pivots[j], m_pivots[k], T);
      double beta = 0.0;  // W = +inf: no aggregation
      if (!std::isinf(W))
        beta = m_kernel.collisionRate(m_pivots[j], m_pivots[k], m_volumes[j], m_volumes[k],
                                      conditions) / W;
      const double rate = m == 0 ? 0.5 * beta : beta;
      m_rate[start + j] = rate;
      common = common && rate == m_rate[start];
    }
    m_diagonalRate[m] = common ? m_rate[start] : 0.0;
  }
}

// Of the pairs (j, j + m), j in [jb, je), with rates r[j] whose first parent's death is already
// in sum: the second parent's death and the births, run by run, the deaths of all pairs
// [dead, je) not yet counted in as long passes as possible (runs with offset 0 count them
// themselves). Pairs lost beyond the grid only die.
PROSCALE_INLINE void FixedPivotAggregation::spreadPairs(std::size_t m, std::size_t jb,
                                                        std::size_t je, const double* r,
                                                        double* sum) const {
  const double* eta = m_eta.data() + m_diagonalStart[m];
  const std::size_t inside = std::min(m_firstLost[m], je);
  std::size_t dead = jb;
  for (std::size_t q = m_runStart[m]; q < m_runStart[m + 1]; ++q) {
    const Run& run = m_runs[q];
    if (run.begin >= inside) break;
    const std::size_t b = std::max<std::size_t>(run.begin, jb);
    const std::size_t e = std::min<std::size_t>(run.end, inside);
    if (b >= e) continue;
    if (run.offset == 0) {
      subtract(sum + dead + m, r + dead, b - dead);
      moveUpperShares(sum + b + m, eta + b, r + b, e - b);
      dead = e;
    } else {
      spreadShares(sum + b + m + run.offset, eta + b, r + b, e - b);
    }
  }
  subtract(sum + dead + m, r + dead, je - dead);
}

std::pair<std::size_t, std::size_t> FixedPivotAggregation::significantClasses(
    std::span<const double> N) const {
  // Classes with fewer than kNegligible particles per m^3 (the far tails) take no part: their
  // products would be subnormal numbers, which cost ~100x a normal multiply, and they change
  // no result above 1e-200 relative. Zeroing them removes whole pairs, which keeps the
  // operator conservative; pairs with a parent outside the range of significant classes are
  // not visited at all.
  const std::size_t n = m_volumes.size();
  m_significantN.resize(n);
  m_sum.assign(n + 1, 0.0);
  m_pairRate.resize(n);
  std::size_t first = n, end = 0;  // the significant classes lie in [first, end)
  for (std::size_t i = 0; i < n; ++i) {
    const bool significant = std::abs(N[i]) > kNegligible;
    m_significantN[i] = significant ? N[i] : 0.0;
    if (significant) {
      first = std::min(first, i);
      end = i + 1;
    }
  }
  return {first, end};
}

PROSCALE_SIMD_CLONES
AggregationLoss FixedPivotAggregation::rates(std::span<const double> N,
                                             std::span<double> dNdt_add) const {
  const std::size_t n = m_volumes.size();
  AggregationLoss loss;
  const auto [first, end] = significantClasses(N);
  if (first == n) return loss;
  const double* Ns = m_significantN.data();
  double* sum = m_sum.data();     // dN/dt by aggregation; sum[n] only receives zero shares
  double* r = m_pairRate.data();  // r[j]: events of pair (j, j + m) per m^3 and second
  for (std::size_t m = 0; first + m < end; ++m) {  // diagonal m: pairs (j, j + m)
    const std::size_t jb = first, je = end - m, count = je - jb;
    const std::size_t start = m_diagonalStart[m];
    if (m_diagonalRate[m] != 0.0)
      pairRates(m_diagonalRate[m], Ns + jb, Ns + jb + m, r + jb, sum + jb, count);
    else
      pairRates(m_rate.data() + start + jb, Ns + jb, Ns + jb + m, r + jb, sum + jb, count);
    spreadPairs(m, jb, je, r, sum);
    for (std::size_t j = jb; j < je; ++j) loss.events += r[j];
    for (std::size_t j = std::max(m_firstLost[m], jb); j < je; ++j) {  // lost beyond the grid
      loss.number += r[j];
      loss.volume += r[j] * (m_volumes[j] + m_volumes[j + m]);
    }
  }
  for (std::size_t i = 0; i < n; ++i) dNdt_add[i] += sum[i];
  return loss;
}

template <class Visit>
void FixedPivotAggregation::forEachPair(Visit&& visit) const {
  const std::size_t n = m_volumes.size();
  for (std::size_t m = 0; m < n; ++m) {
    std::size_t q = m_runStart[m];
    const std::size_t start = m_diagonalStart[m];
    for (std::size_t j = 0; j + m < n; ++j) {
      std::size_t lower = n;
      if (j < m_firstLost[m]) {
        while (m_runs[q].end <= j) ++q;
        lower = j + m + m_runs[q].offset;
      }
      visit(j, j + m, lower, m_eta[start + j], m_rate[start + j]);
    }
  }
}

// r = rate N_j N_k; dr/dN_j = rate N_k, dr/dN_k = rate N_j (j = k: dr/dN_j = 2 rate N_j), and
// the pair adds -r to classes j and k, eta r to `lower`, (1 - eta) r to lower + 1.
template <class Add>
void FixedPivotAggregation::forEachPartial(std::size_t j, std::size_t k, std::size_t lower,
                                           double eta, double rate, std::span<const double> N,
                                           Add&& add) const {
  const std::size_t n = m_volumes.size();
  auto column = [&](std::size_t c, double dr) {
    add(j, c, -dr);
    add(k, c, -dr);
    if (lower == n) return;
    add(lower, c, eta * dr);
    if (eta < 1.0) add(lower + 1, c, (1.0 - eta) * dr);
  };
  if (j == k) {
    column(j, 2.0 * rate * N[j]);
  } else {
    column(j, rate * N[k]);
    column(k, rate * N[j]);
  }
}

void FixedPivotAggregation::addApproximateJacobian(std::span<const double> N,
                                                   BorderedBandJacobian& J) const {
  const std::size_t n = m_volumes.size();
  assert(J.shape().band == n);
  const std::size_t lower = J.shape().lower, upper = J.shape().upper;
  const std::vector<double>& band = cachedBand(N, lower, upper);
  for (std::size_t o = 0; o < lower + upper + 1; ++o)
    for (std::size_t c = 0; c < n; ++c) {
      const std::size_t row = c + o - upper;  // wraps around for rows above 0: not written
      const double value = band[o * n + c];
      if (value != 0.0 && row < n) J.B(row, c) += value;
    }
}

const std::vector<double>& FixedPivotAggregation::cachedBand(std::span<const double> N,
                                                            std::size_t lower,
                                                            std::size_t upper) const {
  // A Krylov solve multiplies several v at one N, after the Jacobian at that N: the band is
  // rebuilt only when N (or the kernel, setConditions) changed.
  if (!(m_bandN.size() == N.size() && std::equal(N.begin(), N.end(), m_bandN.begin()) &&
        m_bandLower == lower && m_bandUpper == upper)) {
    m_band = bandByDiagonals(N, lower, upper);
    m_bandN.assign(N.begin(), N.end());
    m_bandLower = lower;
    m_bandUpper = upper;
  }
  return m_band;
}

PROSCALE_SIMD_CLONES
std::vector<double> FixedPivotAggregation::bandByDiagonals(std::span<const double> N,
                                                           std::size_t lower,
                                                           std::size_t upper) const {
  const std::size_t n = m_volumes.size();
  // forEachPartial restricted to the band, a diagonal m of pairs at a time. Pair (j, k = j + m)
  // has entries in column j (dr/dN_j = rate N_k) and in column k (dr/dN_k = rate N_j) at rows
  // j, k (deaths) and lower = k + offset, lower + 1 (births); j = k: one column,
  // dr/dN_j = 2 rate N_j. They are summed in a local copy of the band stored by diagonals,
  // entry (c + o, c) at (upper + o) n + c, so that every loop below is contiguous.
  std::vector<double> band((lower + upper + 1) * n, 0.0);
  // Sub-diagonal o <= lower (o = 0: the diagonal); nullptr beyond the band.
  auto diagonal = [&](std::size_t o) {
    return o <= lower ? band.data() + (upper + o) * n : nullptr;
  };
  const double* Nd = N.data();
  for (std::size_t m = 0; m < n; ++m) {
    const double* rate = m_rate.data() + m_diagonalStart[m];
    const double* eta = m_eta.data() + m_diagonalStart[m];
    const std::size_t count = n - m;
    // Deaths: -dr at rows j and k of both columns.
    if (m == 0) {
      addProducts(diagonal(0), -4.0, rate, Nd, count);  // twice -2 rate N_j
    } else {
      addProducts(diagonal(0), -1.0, rate, Nd + m, count);  // (j, j)
      addProducts(diagonal(0) + m, -1.0, rate, Nd, count);  // (k, k)
      if (m <= lower) addProducts(diagonal(m), -1.0, rate, Nd + m, count);  // (k, j)
      if (m <= upper) addProducts(band.data() + (upper - m) * n + m, -1.0, rate, Nd, count);
    }
    // Births: eta dr at row lower, (1 - eta) dr at lower + 1, where within the band. A pair
    // landing exactly on the last pivot (eta = 1) adds 0 at row n, which is not copied.
    for (std::size_t q = m_runStart[m]; q < m_runStart[m + 1]; ++q) {
      const Run& run = m_runs[q];
      const std::size_t d = run.offset, b = run.begin, length = run.end - run.begin;
      if (d > lower) continue;  // row lower is column k + d, column j + m + d
      const double twice = m == 0 ? 2.0 : 1.0;  // dr/dN_k = twice rate N_j
      double* next = diagonal(d + 1);
      addShareEntries(diagonal(d) + b + m, twice, eta + b, rate + b, Nd + b, length,
                      next ? next + b + m : nullptr);
      if (m == 0 || m + d > lower) continue;
      next = diagonal(m + d + 1);
      addShareEntries(diagonal(m + d) + b, 1.0, eta + b, rate + b, Nd + b + m, length,
                      next ? next + b : nullptr);
    }
  }
  return band;
}

PROSCALE_SIMD_CLONES
void FixedPivotAggregation::jacobianTimes(std::span<const double> N, std::span<const double> v,
                                          std::span<double> Jv_add) const {
  // rates() differentiated along v: the same passes with r_p replaced by dr_p. A pair takes
  // part when either parent is significant, so diagonal m visits j in [first - m, end).
  const std::size_t n = m_volumes.size();
  const auto [first, end] = significantClasses(N);
  if (first == n) return;
  const double* Ns = m_significantN.data();
  double* sum = m_sum.data();
  double* r = m_pairRate.data();
  for (std::size_t m = 0; m < n; ++m) {
    const std::size_t jb = first > m ? first - m : 0, je = std::min(end, n - m);
    if (jb >= je) continue;
    const std::size_t count = je - jb;
    const double* vd = v.data();
    if (m_diagonalRate[m] != 0.0)
      pairSlopes(m_diagonalRate[m], Ns + jb, Ns + jb + m, vd + jb, vd + jb + m, r + jb, sum + jb,
                 count);
    else
      pairSlopes(m_rate.data() + m_diagonalStart[m] + jb, Ns + jb, Ns + jb + m, vd + jb,
                 vd + jb + m, r + jb, sum + jb, count);
    spreadPairs(m, jb, je, r, sum);
  }
  for (std::size_t i = 0; i < n; ++i) Jv_add[i] += sum[i];
}

void FixedPivotAggregation::addOffBandJacobianTimes(std::span<const double> N,
                                                    std::span<const double> v, std::size_t lower,
                                                    std::size_t upper,
                                                    std::span<double> Jv_add) const {
  const std::size_t n = m_volumes.size();
  std::vector<double> Jv(n, 0.0);
  jacobianTimes(N, v, Jv);
  const std::vector<double>& band = cachedBand(N, lower, upper);
  for (std::size_t o = 0; o < lower + upper + 1; ++o)
    for (std::size_t c = 0; c < n; ++c) {
      const std::size_t row = c + o - upper;  // wraps around above row 0: skipped
      if (row < n) Jv[row] -= band[o * n + c] * v[c];
    }
  for (std::size_t i = 0; i < n; ++i) Jv_add[i] += Jv[i];
}

void FixedPivotAggregation::addExactJacobianDense(std::span<const double> N,
                                                  Eigen::MatrixXd& J) const {
  assert(J.rows() == static_cast<Eigen::Index>(m_volumes.size()) && J.cols() == J.rows());
  forEachPair([&](std::size_t j, std::size_t k, std::size_t lower, double eta, double rate) {
    forEachPartial(j, k, lower, eta, rate, N, [&](std::size_t i, std::size_t m, double value) {
      J(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(m)) += value;
    });
  });
}

void FixedPivotAggregation::addLossGradient(std::span<const double> N, std::span<double> dNumber,
                                            std::span<double> dVolume) const {
  const std::size_t n = m_volumes.size();
  for (std::size_t m = 0; m < n; ++m)
    for (std::size_t j = m_firstLost[m]; j + m < n; ++j) {
      const std::size_t k = j + m;
      const double rate = m_rate[m_diagonalStart[m] + j];
      const double v = m_volumes[j] + m_volumes[k];
      const double dj = j == k ? 2.0 * rate * N[j] : rate * N[k];
      dNumber[j] += dj;
      dVolume[j] += dj * v;
      if (j == k) continue;
      dNumber[k] += rate * N[j];
      dVolume[k] += rate * N[j] * v;
    }
}

PROSCALE_SIMD_CLONES
void FixedPivotAggregation::addMergedGradient(std::span<const double> N,
                                              std::span<double> dMerged) const {
  // sum_k beta_mk N_k, a diagonal (j, j + m) of the rate table at a time: beta_{j,j+m} N_{j+m}
  // to j and beta_{j,j+m} N_j to j + m; on m = 0 the table holds beta_jj / 2.
  const std::size_t n = classes();
  const double* Nd = N.data();
  double* out = dMerged.data();
  for (std::size_t m = 0; m < n; ++m) {
    const double* rate = m_rate.data() + m_diagonalStart[m];
    const std::size_t count = n - m;
    if (m == 0) {
      addProducts(out, 2.0, rate, Nd, count);
      continue;
    }
    addProducts(out, 1.0, rate, Nd + m, count);
    addProducts(out + m, 1.0, rate, Nd, count);
  }
}

}  // namespace proscale
