#include "models/pbe/FixedPivotBreakage.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace proscale {

FixedPivotBreakage::FixedPivotBreakage(const SizeGrid& grid, const BreakageSettings& settings)
    : m_volumes(grid.volumes()) {
  const std::size_t n = m_volumes.size();
  for (double L : grid.pivots())  // x/x_ref = (L/L_ref)^3 for one shape factor
    m_selection.push_back(settings.selectionRate *
                          std::pow(L / settings.referenceDiameter, 3.0 * settings.exponent));
  m_columns.resize(n);
  std::vector<double> share;  // n_ik of column k, i = 0 ... k
  for (std::size_t k = 0; k < n; ++k) {
    share.assign(k + 1, 0.0);
    double lost = 0.0;  // daughters per breakage not held by the grid
    const double xk = m_volumes[k];
    auto x = [&](std::ptrdiff_t i) { return i < 0 ? 0.0 : m_volumes[static_cast<std::size_t>(i)]; };
    if (settings.daughters == DaughterDistribution::Binary) {
      // Two daughters of volume y/2: hat-function shares of the bracketing pivots.
      const double v = 0.5 * xk;
      if (v < m_volumes[0]) {
        share[0] += 2.0 * v / m_volumes[0];
        lost += 2.0 * (1.0 - v / m_volumes[0]);
      } else {
        const auto above = std::upper_bound(m_volumes.begin(), m_volumes.begin() + k + 1, v);
        const std::size_t l = static_cast<std::size_t>(above - m_volumes.begin()) - 1;
        const double eta = l < k ? (m_volumes[l + 1] - v) / (m_volumes[l + 1] - m_volumes[l]) : 1.0;
        share[l] += 2.0 * eta;
        if (eta < 1.0) share[l + 1] += 2.0 * (1.0 - eta);
      }
    } else {
      // b = 2/y: n_ik = (2/x_k) × integral of the hat of pivot i over (0, x_k), i.e.
      // (x_{i+1} - x_{i-1})/x_k for i < k, (x_k - x_{k-1})/x_k for i = k, with x_{-1} = 0; the
      // virtual pivot at 0 takes (2/x_k)(x_0/2) = x_0/x_k daughters.
      const auto K = static_cast<std::ptrdiff_t>(k);
      for (std::ptrdiff_t i = 0; i < K; ++i)
        share[static_cast<std::size_t>(i)] = (x(i + 1) - x(i - 1)) / xk;
      share[k] = (xk - x(K - 1)) / xk;
      lost = m_volumes[0] / xk;
    }
    Column& c = m_columns[k];
    for (std::size_t i = 0; i <= k; ++i) {
      if (share[i] == 0.0 && i != k) continue;
      c.rows.push_back(i);
      c.shares.push_back(share[i]);
      c.values.push_back(m_selection[k] * (share[i] - (i == k ? 1.0 : 0.0)));
    }
    c.lostShare = lost;
  }
}

double FixedPivotBreakage::fragments(std::size_t i, std::size_t k) const {
  if (i > k) return 0.0;
  const Column& c = m_columns[k];
  for (std::size_t m = 0; m < c.rows.size(); ++m)
    if (c.rows[m] == i) return c.shares[m];
  return 0.0;
}

BreakageLoss FixedPivotBreakage::rates(std::span<const double> N,
                                       std::span<double> dNdt_add) const {
  BreakageLoss loss;
  jacobianTimes(N, dNdt_add);  // linear: dN/dt = A N
  for (std::size_t k = 0; k < m_columns.size(); ++k) {
    loss.number += m_columns[k].lostShare * m_selection[k] * N[k];
    loss.events += m_selection[k] * N[k];
  }
  return loss;
}

void FixedPivotBreakage::addApproximateJacobian(BorderedBandJacobian& J) const {
  assert(J.shape().band == m_columns.size());
  for (std::size_t k = 0; k < m_columns.size(); ++k) {
    const Column& c = m_columns[k];
    for (std::size_t m = 0; m < c.rows.size(); ++m)
      if (J.inBand(c.rows[m], k)) J.B(c.rows[m], k) += c.values[m];
  }
}

void FixedPivotBreakage::jacobianTimes(std::span<const double> v, std::span<double> Av_add) const {
  for (std::size_t k = 0; k < m_columns.size(); ++k) {
    const Column& c = m_columns[k];
    for (std::size_t m = 0; m < c.rows.size(); ++m) Av_add[c.rows[m]] += c.values[m] * v[k];
  }
}

void FixedPivotBreakage::addOffBandJacobianTimes(std::span<const double> v, std::size_t lower,
                                                 std::size_t upper,
                                                 std::span<double> Av_add) const {
  for (std::size_t k = 0; k < m_columns.size(); ++k) {
    const Column& c = m_columns[k];
    for (std::size_t m = 0; m < c.rows.size(); ++m) {
      const std::size_t i = c.rows[m];
      if (k + lower >= i && i + upper >= k) continue;  // in the band: in J~
      Av_add[i] += c.values[m] * v[k];
    }
  }
}

void FixedPivotBreakage::addExactJacobianDense(Eigen::MatrixXd& J) const {
  assert(J.rows() == static_cast<Eigen::Index>(m_columns.size()) && J.cols() == J.rows());
  for (std::size_t k = 0; k < m_columns.size(); ++k) {
    const Column& c = m_columns[k];
    for (std::size_t m = 0; m < c.rows.size(); ++m)
      J(static_cast<Eigen::Index>(c.rows[m]), static_cast<Eigen::Index>(k)) += c.values[m];
  }
}

void FixedPivotBreakage::addLossGradient(std::span<double> dNumber) const {
  for (std::size_t k = 0; k < m_columns.size(); ++k)
    dNumber[k] += m_columns[k].lostShare * m_selection[k];
}

void FixedPivotBreakage::addEventsGradient(std::span<double> dEvents) const {
  for (std::size_t k = 0; k < m_selection.size(); ++k) dEvents[k] += m_selection[k];
}

SchemaPtr breakageSchema() {
  auto s = std::make_shared<Schema>(
      "breakage",
      "Particle breakage with selection S = s0 (x/x_ref)^alpha and binary or uniform daughters "
      "(fixed pivot, number and volume conserving; docs/theory/aggregation.md).");
  s->add(
      ParamSpec::real("selection-rate", dim::frequency, "Selection rate s0 at the reference size.")
          .unit("1/s")
          .isRequired()
          .atLeast(0));
  s->add(ParamSpec::real("reference-diameter", dim::length,
                         "Diameter L_ref at which S = s0 (x/x_ref = (L/L_ref)^3).")
             .unit("um")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("exponent", dim::none, "Exponent alpha on the volume ratio x/x_ref.")
             .defaultsTo("1")
             .atLeast(0));
  s->add(ParamSpec::choice("daughters", {"binary", "uniform"},
                           "binary: two equal halves; uniform: b(v|y) = 2/y.")
             .defaultsTo("binary"));
  return s;
}

BreakageSettings breakageSettingsFrom(const Parameters& section) {
  BreakageSettings s;
  s.selectionRate = section.real("selection-rate");
  s.referenceDiameter = section.real("reference-diameter");
  s.exponent = section.real("exponent");
  s.daughters = section.string("daughters") == "uniform" ? DaughterDistribution::Uniform
                                                         : DaughterDistribution::Binary;
  return s;
}

}  // namespace proscale
