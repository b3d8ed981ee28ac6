#include "models/reactors/SectionalPopulationBalance.h"

#include <algorithm>
#include <cmath>

#include "models/pbe/PsdStatistics.h"

namespace proscale {

SectionalPopulationBalance::SectionalPopulationBalance(const Parameters& root)
    : m_rates(PrescribedRates::from(root)),
      m_population(PopulationSettings::from(root.section("population"))),
      m_grid(m_population.minSize, m_population.maxSize, m_population.classes,
             m_population.spacing, m_rates.shapeFactor),
      m_fv(m_grid, m_population.scheme) {
  const std::size_t n = m_grid.size();
  if (m_rates.kernel) m_aggregation.emplace(m_grid, *m_rates.kernel, m_rates.conditions);
  if (m_rates.breakage) m_breakage.emplace(m_grid, *m_rates.breakage);
  const double Ns = m_population.numberScale, Vs = Ns * m_grid.volumes()[n / 2];
  m_layout.add("budget", "1/m^3 | m^3/m^3", {Ns, Ns, Ns, Ns, Ns, Ns, Vs, Vs, Vs},
               {"number_nucleated", "number_washed_out", "number_lost_top", "number_dissolved",
                "number_merged", "number_broken", "volume_grown", "volume_washed_out",
                "volume_lost_top"});
  m_psd = m_layout.add("psd", n, "1/m^3", Ns);
  m_y0.assign(m_layout.size(), 0.0);
  if (m_population.seeds)
    fillSeeds(m_grid, *m_population.seeds, std::span<double>(m_y0).subspan(m_psd, n));
  m_faceG.resize(n + 1);
  for (std::size_t k = 0; k <= n; ++k) m_faceG[k] = m_rates.growth(m_grid.faces()[k]);
}

void SectionalPopulationBalance::initialState(std::span<double> y0) const {
  std::copy(m_y0.begin(), m_y0.end(), y0.begin());
}

BorderedBandShape SectionalPopulationBalance::jacobianShape() const {
  return {m_psd, m_grid.size(), m_fv.lowerBandwidth(), m_fv.upperBandwidth()};
}

void SectionalPopulationBalance::rhs(double, std::span<const double> y, std::span<double> ydot) {
  const std::size_t n = m_grid.size();
  const auto N = y.subspan(m_psd, n);
  auto dN = ydot.subspan(m_psd, n);
  auto budget = ydot.first(kBudgetSize);
  const auto& x = m_grid.volumes();

  const BoundaryFluxes out = m_fv.rates(N, m_faceG, dN);
  dN[0] += m_rates.nucleationRate;
  double grown = x[n - 1] * out.numberOutTop;  // volume made by growth and nucleation
  for (std::size_t i = 0; i < n; ++i) grown += x[i] * dN[i];
  budget[kNucleated] = m_rates.nucleationRate;
  budget[kVolumeGrown] = grown;
  budget[kLostTop] = out.numberOutTop;
  budget[kVolumeLostTop] = x[n - 1] * out.numberOutTop;
  budget[kDissolved] = out.numberOutBottom;
  budget[kWashedOut] = budget[kVolumeWashedOut] = budget[kMerged] = budget[kBroken] = 0.0;

  if (m_rates.continuous()) {
    const double D = 1.0 / m_rates.residenceTime;
    for (std::size_t i = 0; i < n; ++i) {
      dN[i] -= D * N[i];
      budget[kWashedOut] += D * N[i];
      budget[kVolumeWashedOut] += D * x[i] * N[i];
    }
  }
  if (m_aggregation) {
    const AggregationLoss lost = m_aggregation->rates(N, dN);
    budget[kMerged] = lost.events;  // each event removes one particle
    budget[kLostTop] += lost.number;
    budget[kVolumeLostTop] += lost.volume;
  }
  if (m_breakage) {
    const BreakageLoss fragments = m_breakage->rates(N, dN);
    budget[kBroken] = fragments.events;  // each event adds one particle
    budget[kDissolved] += fragments.number;
  }
}

void SectionalPopulationBalance::jacobian(double, std::span<const double> y,
                                          std::span<const double>, JacobianSink& sink) {
  BorderedBandJacobian& J = sink.arrow();
  const std::size_t n = m_grid.size();
  const auto N = y.subspan(m_psd, n);
  const auto& x = m_grid.volumes();
  J.setZero();
  m_fv.addJacobian(N, m_faceG, J);
  const double top = m_fv.topOutflowSlope(m_faceG[n]);
  for (std::size_t m = 0; m < n; ++m) {  // volume_grown row: sum_i x_i d(growth_i)/dN_m
    double dGrown = m + 1 == n ? x[n - 1] * top : 0.0;
    const std::size_t lo = m >= J.shape().upper ? m - J.shape().upper : 0;
    const std::size_t hi = std::min(n - 1, m + J.shape().lower);
    for (std::size_t i = lo; i <= hi; ++i) dGrown += x[i] * J.B(i, m);
    J.R(kVolumeGrown, m) = dGrown;
  }
  J.R(kLostTop, n - 1) = top;
  J.R(kVolumeLostTop, n - 1) = x[n - 1] * top;
  J.R(kDissolved, 0) = m_fv.bottomOutflowSlope(m_faceG[0]);
  if (m_rates.continuous()) {
    const double D = 1.0 / m_rates.residenceTime;
    for (std::size_t i = 0; i < n; ++i) {
      J.B(i, i) -= D;
      J.R(kWashedOut, i) = D;
      J.R(kVolumeWashedOut, i) = D * x[i];
    }
  }
  if (m_aggregation) {  // banded part for the preconditioner; budget rows exactly
    m_aggregation->addApproximateJacobian(N, J);
    std::vector<double> dMerged(n, 0.0), dNumber(n, 0.0), dVolume(n, 0.0);
    m_aggregation->addMergedGradient(N, dMerged);
    m_aggregation->addLossGradient(N, dNumber, dVolume);
    for (std::size_t m = 0; m < n; ++m) {
      J.R(kMerged, m) = dMerged[m];
      J.R(kLostTop, m) += dNumber[m];
      J.R(kVolumeLostTop, m) += dVolume[m];
    }
  }
  if (m_breakage) {
    m_breakage->addApproximateJacobian(J);
    std::vector<double> dCreated(n, 0.0), dLost(n, 0.0);
    m_breakage->addEventsGradient(dCreated);
    m_breakage->addLossGradient(dLost);
    for (std::size_t m = 0; m < n; ++m) {
      J.R(kBroken, m) = dCreated[m];
      J.R(kDissolved, m) += dLost[m];
    }
  }
}

double SectionalPopulationBalance::numberBalanceError(std::span<const double> y) const {
  double onGrid = 0.0, seeded = 0.0;
  for (std::size_t i = 0; i < m_grid.size(); ++i) {
    onGrid += y[m_psd + i];
    seeded += m_y0[m_psd + i];
  }
  const double in = seeded + y[kNucleated] + y[kBroken];
  const double out = onGrid + y[kWashedOut] + y[kLostTop] + y[kDissolved] + y[kMerged];
  return in > 0.0 ? std::abs(out - in) / in : 0.0;
}

double SectionalPopulationBalance::volumeBalanceError(std::span<const double> y) const {
  double onGrid = 0.0, seeded = 0.0, made = 0.0;
  for (std::size_t i = 0; i < m_grid.size(); ++i) {
    onGrid += m_grid.volumes()[i] * y[m_psd + i];
    seeded += m_grid.volumes()[i] * m_y0[m_psd + i];
  }
  made = seeded + y[kVolumeGrown];
  const double out = onGrid + y[kVolumeWashedOut] + y[kVolumeLostTop];
  const double scale = std::max(std::abs(seeded) + std::abs(y[kVolumeGrown]), 1e-300);
  return made != 0.0 || out != 0.0 ? std::abs(out - made) / scale : 0.0;
}

}  // namespace proscale
