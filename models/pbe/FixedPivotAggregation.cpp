#include "models/pbe/FixedPivotAggregation.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <stdexcept>

namespace proscale {

FixedPivotAggregation::FixedPivotAggregation(const SizeGrid& grid, const AggregationKernel& kernel,
                                             const AggregationConditions& conditions)
    : m_volumes(grid.volumes()),
      m_pivots(grid.pivots()),
      m_kernel(kernel),
      m_conditions(conditions) {
  const std::size_t n = m_volumes.size();
  if (n > (1u << 20)) throw std::invalid_argument("fixed-pivot aggregation: too many classes");
  m_pairs.reserve(n * (n + 1) / 2);
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t k = j; k < n; ++k) {
      const double v = m_volumes[j] + m_volumes[k];
      // lower = the last pivot with x_lower <= v (v >= 2 x_0 > x_0, so it exists).
      const auto above = std::upper_bound(m_volumes.begin(), m_volumes.end(), v);
      std::size_t lower = static_cast<std::size_t>(above - m_volumes.begin()) - 1;
      double eta = 1.0;
      if (lower + 1 < n)
        eta = (m_volumes[lower + 1] - v) / (m_volumes[lower + 1] - m_volumes[lower]);
      else if (v != m_volumes[n - 1])
        lower = n;  // beyond the last pivot: lost
      m_pairs.push_back({static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(k),
                         static_cast<std::uint32_t>(lower), eta, 0.0});
    }
  setConditions(conditions);
}

void FixedPivotAggregation::setConditions(const AggregationConditions& conditions) {
  m_conditions = conditions;
  // A size-independent stability ratio is evaluated once, not per pair (a DLVO quadrature).
  const StabilitySetting& stability = m_kernel.stability();
  const double T = conditions.temperature;
  const double commonW =
      stability.sizeIndependent() ? stability.ratio(m_pivots.front(), m_pivots.front(), T) : 0.0;
  for (Pair& p : m_pairs) {
    const double W = commonW > 0.0 ? commonW : stability.ratio(m_pivots[p.j], m_pivots[p.k], T);
    double beta = 0.0;  // W = +inf: no aggregation
    if (!std::isinf(W))
      beta = m_kernel.collisionRate(m_pivots[p.j], m_pivots[p.k], m_volumes[p.j], m_volumes[p.k],
                                    conditions) / W;
    p.rate = p.j == p.k ? 0.5 * beta : beta;
  }
}

double FixedPivotAggregation::kernel(std::size_t j, std::size_t k) const {
  if (j > k) std::swap(j, k);
  const std::size_t n = m_volumes.size();
  // Pairs are stored row by row (j, k >= j): row j starts after sum_{i<j} (n - i) entries.
  const Pair& p = m_pairs[j * n - j * (j - 1) / 2 + (k - j)];
  return p.j == p.k ? 2.0 * p.rate : p.rate;
}

AggregationLoss FixedPivotAggregation::rates(std::span<const double> N,
                                             std::span<double> dNdt_add) const {
  const std::size_t n = m_volumes.size();
  AggregationLoss loss;
  // Classes with fewer than kNegligible particles per m^3 (the far tails) take no part: their
  // products would be subnormal numbers, which cost ~100x a normal multiply, and they change
  // no result above 1e-200 relative. Skipping whole pairs keeps the operator conservative.
  m_significant.resize(n);
  for (std::size_t i = 0; i < n; ++i) m_significant[i] = std::abs(N[i]) > kNegligible;
  for (const Pair& p : m_pairs) {
    if (!m_significant[p.j] || !m_significant[p.k]) continue;
    const double r = p.rate * N[p.j] * N[p.k];  // aggregation events per m^3 and second
    dNdt_add[p.j] -= r;
    dNdt_add[p.k] -= r;
    if (p.lower == n) {
      loss.number += r;
      loss.volume += r * (m_volumes[p.j] + m_volumes[p.k]);
      continue;
    }
    dNdt_add[p.lower] += p.eta * r;
    if (p.eta < 1.0) dNdt_add[p.lower + 1] += (1.0 - p.eta) * r;
  }
  return loss;
}

// r = rate N_j N_k; dr/dN_j = rate N_k, dr/dN_k = rate N_j (j = k: dr/dN_j = 2 rate N_j), and
// the pair adds -r to classes j and k, eta r to `lower`, (1 - eta) r to lower + 1.
template <class Add>
void FixedPivotAggregation::forEachPartial(const Pair& p, std::span<const double> N,
                                           Add&& add) const {
  const std::size_t n = m_volumes.size();
  auto column = [&](std::size_t c, double dr) {
    add(p.j, c, -dr);
    add(p.k, c, -dr);
    if (p.lower == n) return;
    add(p.lower, c, p.eta * dr);
    if (p.eta < 1.0) add(p.lower + 1, c, (1.0 - p.eta) * dr);
  };
  if (p.j == p.k) {
    column(p.j, 2.0 * p.rate * N[p.j]);
  } else {
    column(p.j, p.rate * N[p.k]);
    column(p.k, p.rate * N[p.j]);
  }
}

void FixedPivotAggregation::addApproximateJacobian(std::span<const double> N,
                                                   BorderedBandJacobian& J) const {
  assert(J.shape().band == m_volumes.size());
  for (const Pair& p : m_pairs)
    forEachPartial(p, N, [&](std::size_t i, std::size_t m, double value) {
      if (J.inBand(i, m)) J.B(i, m) += value;
    });
}

void FixedPivotAggregation::jacobianTimes(std::span<const double> N, std::span<const double> v,
                                          std::span<double> Jv_add) const {
  const std::size_t n = m_volumes.size();
  for (const Pair& p : m_pairs) {
    const double dr = p.rate * (N[p.j] * v[p.k] + N[p.k] * v[p.j]);  // j = k: 2 rate N_j v_j
    Jv_add[p.j] -= dr;
    Jv_add[p.k] -= dr;
    if (p.lower == n) continue;
    Jv_add[p.lower] += p.eta * dr;
    if (p.eta < 1.0) Jv_add[p.lower + 1] += (1.0 - p.eta) * dr;
  }
}

void FixedPivotAggregation::addExactJacobianDense(std::span<const double> N,
                                                  Eigen::MatrixXd& J) const {
  assert(J.rows() == static_cast<Eigen::Index>(m_volumes.size()) && J.cols() == J.rows());
  for (const Pair& p : m_pairs)
    forEachPartial(p, N, [&](std::size_t i, std::size_t m, double value) {
      J(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(m)) += value;
    });
}

void FixedPivotAggregation::addLossGradient(std::span<const double> N, std::span<double> dNumber,
                                            std::span<double> dVolume) const {
  const std::size_t n = m_volumes.size();
  for (const Pair& p : m_pairs) {
    if (p.lower != n) continue;
    const double v = m_volumes[p.j] + m_volumes[p.k];
    const double dj = p.j == p.k ? 2.0 * p.rate * N[p.j] : p.rate * N[p.k];
    dNumber[p.j] += dj;
    dVolume[p.j] += dj * v;
    if (p.j == p.k) continue;
    dNumber[p.k] += p.rate * N[p.j];
    dVolume[p.k] += p.rate * N[p.j] * v;
  }
}

}  // namespace proscale
