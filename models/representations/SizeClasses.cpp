#include "models/representations/SizeClasses.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "models/pbe/MomentEquations.h"
#include "models/points/PointModel.h"

namespace proscale {

SizeClasses::SizeClasses(const Parameters& population, const PointModel& point)
    : m_settings(PopulationSettings::from(population, point.initialCriticalDiameter())),
      m_grid(m_settings.minSize, m_settings.maxSize, m_settings.classes, m_settings.spacing,
             point.interactions().shapeFactor),
      m_fv(m_grid, m_settings.scheme) {
  const ParticleInteractions& with = point.interactions();
  if (with.kernel) m_aggregation.emplace(m_grid, *with.kernel, with.conditions);
  if (with.breakage) {
    m_breakageSettings = *with.breakage;
    m_breakage.emplace(m_grid, *m_breakageSettings);
  }
  // The moment cross-check closes for size-independent growth without aggregation or
  // breakage. Left at its default it is on where it closes; asked for explicitly where it
  // cannot, it is an input error.
  if (m_settings.moments) {
    const char* why = m_aggregation || m_breakage
                          ? "the method of moments is a cross-check of nucleation and growth "
                            "only; set moments: false with aggregation or breakage"
                      : point.sizeDependentGrowth()
                          ? "the method of moments does not close for size-dependent growth; "
                            "set moments: false"
                          : nullptr;
    if (why && !population.isDefault("moments")) throw population.error("moments", why);
    m_moments = why == nullptr;
  }
  const std::size_t n = m_grid.size();
  m_faceG.resize(n + 1);
  m_faceRates.resize(n + 1);
  m_faceWeights.resize(n + 1);
}

void SizeClasses::addBlocks(StateLayout& layout) {
  const std::size_t n = m_grid.size();
  const double Ns = m_settings.numberScale, Vs = Ns * m_grid.volumes()[n / 2];
  m_budget = layout.add("budget", "1/m^3 | m^3/m^3", {Ns, Ns, Ns, Ns, Ns, Ns, Vs, Vs, Vs},
                        {"number_nucleated", "number_washed_out", "number_lost_top",
                         "number_dissolved", "number_merged", "number_broken", "volume_grown",
                         "volume_washed_out", "volume_lost_top"});
  layout.setRole("budget", {.accumulator = true});
  if (m_moments) {
    // Tolerance scales with the nucleus size, so that the relative tolerance governs them.
    std::vector<std::string> names;
    std::vector<double> scales;
    for (std::size_t k = 0; k < MomentEquations::kCount; ++k) {
      names.push_back("mu" + std::to_string(k));
      scales.push_back(Ns * std::pow(m_grid.faces().front(), static_cast<double>(k)));
    }
    m_mom = layout.add("moments", "m^k/m^3", scales, names);
    layout.setRole("moments", {.nonNegative = true});
  }
  m_psd = layout.add("psd", n, "1/m^3", Ns);
  layout.setRole("psd", {.nonNegative = true});
  m_y0.assign(layout.size(), 0.0);
  auto N0 = std::span<double>(m_y0).subspan(m_psd, n);
  if (m_settings.seeds) fillSeeds(m_grid, *m_settings.seeds, N0);
  if (m_moments)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t k = 0; k < MomentEquations::kCount; ++k)
        m_y0[m_mom + k] += std::pow(m_grid.pivots()[i], static_cast<double>(k)) * N0[i];
}

void SizeClasses::initialState(std::span<double> y0) const {
  std::copy(m_y0.begin() + static_cast<std::ptrdiff_t>(m_budget), m_y0.end(),
            y0.begin() + static_cast<std::ptrdiff_t>(m_budget));
}

BorderedBandShape SizeClasses::jacobianShape(std::size_t) const {
  return {m_psd, m_grid.size(), m_fv.lowerBandwidth(), m_fv.upperBandwidth()};
}

void SizeClasses::faceRates(const ParticleProcesses& p) const {
  const auto& faces = m_grid.faces();
  for (std::size_t k = 0; k < faces.size(); ++k) {
    m_faceRates[k] = k > 0 && !p.sizeDependentGrowth ? m_faceRates[0] : p.growth(faces[k]);
    m_faceG[k] = m_faceRates[k].value;
  }
}

std::size_t SizeClasses::birthClass(const ParticleProcesses& p) const {
  const auto& faces = m_grid.faces();
  if (!(p.birthDiameter > faces.front())) return 0;
  // The class that holds the birth diameter, or the next one when that class reaches below L*
  // (where a nucleus would dissolve).
  const auto holding = std::upper_bound(faces.begin(), faces.end(), p.birthDiameter) - 1;
  auto i = static_cast<std::size_t>(holding - faces.begin());
  if (faces[i] < p.criticalDiameter) ++i;
  return std::min(i, m_grid.size() - 1);
}

double SizeClasses::rates(std::span<const double> y, const ParticleProcesses& p, double D,
                          std::span<double> ydot) const {
  const std::size_t n = m_grid.size();
  const auto N = psd(y);
  auto dN = ydot.subspan(m_psd, n);
  auto budget = ydot.subspan(m_budget, kBudgetSize);
  const auto& x = m_grid.volumes();
  faceRates(p);
  const BoundaryFluxes out = m_fv.rates(N, m_faceG, dN);
  const std::size_t born = birthClass(p);
  const double B = p.nucleation.value;
  dN[born] += B;
  double grown = x[n - 1] * out.numberOutTop;  // volume made by growth and nucleation
  for (std::size_t i = 0; i < n; ++i) grown += x[i] * dN[i];
  budget[kNucleated] = B;
  budget[kVolumeGrown] = grown;
  budget[kLostTop] = out.numberOutTop;
  budget[kVolumeLostTop] = x[n - 1] * out.numberOutTop;
  budget[kDissolved] = out.numberOutBottom;
  budget[kWashedOut] = budget[kVolumeWashedOut] = budget[kMerged] = budget[kBroken] = 0.0;
  if (D > 0.0)
    for (std::size_t i = 0; i < n; ++i) {
      dN[i] -= D * N[i];
      budget[kWashedOut] += D * N[i];
      budget[kVolumeWashedOut] += D * x[i] * N[i];
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
  if (m_moments) {
    auto dmu = ydot.subspan(m_mom, MomentEquations::kCount);
    MomentEquations(m_grid.faces()[born]).rates(y.subspan(m_mom, MomentEquations::kCount),
                                                m_faceG[0], B, dmu);
    for (std::size_t k = 0; k < dmu.size(); ++k) dmu[k] -= D * y[m_mom + k];
  }
  return grown;
}

void SizeClasses::jacobian(std::span<const double> y, const ParticleProcesses& p, double D,
                           BorderedBandJacobian& J, RepresentationSlopes& slopes) const {
  const std::size_t n = m_grid.size(), size = y.size(), na = p.arguments;
  const auto N = psd(y);
  const auto& x = m_grid.volumes();
  faceRates(p);
  const std::size_t born = birthClass(p);
  slopes.dRates.assign(na, std::vector<double>(size, 0.0));
  slopes.dSolidVolume.assign(na, 0.0);
  slopes.dSolidVolumeDy.assign(size, 0.0);

  // Band block, and the rows that integrate over classes: the volume grown (= the solid
  // volume rate) and the particles leaving the grid.
  m_fv.addJacobian(N, m_faceG, J);
  const double top = m_fv.topOutflowSlope(m_faceG[n]), bottom = m_fv.bottomOutflowSlope(m_faceG[0]);
  for (std::size_t m = 0; m < n; ++m) {
    double dGrown = m + 1 == n ? x[n - 1] * top : 0.0;
    const std::size_t lo = m >= J.shape().upper ? m - J.shape().upper : 0;
    const std::size_t hi = std::min(n - 1, m + J.shape().lower);
    for (std::size_t i = lo; i <= hi; ++i) dGrown += x[i] * J.B(i, m);
    J.R(m_budget + kVolumeGrown, m) = dGrown;
    slopes.dSolidVolumeDy[m_psd + m] = dGrown;
  }
  J.R(m_budget + kLostTop, n - 1) = top;
  J.R(m_budget + kVolumeLostTop, n - 1) = x[n - 1] * top;
  J.R(m_budget + kDissolved, 0) = bottom;
  if (D > 0.0)
    for (std::size_t i = 0; i < n; ++i) {
      J.B(i, i) -= D;
      J.R(m_budget + kWashedOut, i) = D;
      J.R(m_budget + kVolumeWashedOut, i) = D * x[i];
    }
  if (m_aggregation) addAggregationJacobian(N, J);
  if (m_breakage) addBreakageJacobian(J);
  if (m_moments)
    for (std::size_t k = 0; k < MomentEquations::kCount; ++k) {
      if (k > 0) J.D(m_mom + k, m_mom + k - 1) = static_cast<double>(k) * m_faceG[0];
      J.D(m_mom + k, m_mom + k) -= D;
    }

  // Slopes in the arguments: at fixed N the growth term is linear in the face rates for given
  // flow directions, so d(dN/dt)/da is the growth term with G_k replaced by dG_k/da.
  std::array<double, MomentEquations::kCount> momG{}, momB{};
  if (m_moments)
    MomentEquations(m_grid.faces()[born]).slopes(y.subspan(m_mom, MomentEquations::kCount), momG, momB);
  std::vector<double> dN(n);
  for (std::size_t a = 0; a < na; ++a) {
    for (std::size_t k = 0; k <= n; ++k) m_faceWeights[k] = p.growthSlope(m_faceRates[k], a);
    const double dB = p.nucleationSlope(p.nucleation, a);
    const bool grows = std::any_of(m_faceWeights.begin(), m_faceWeights.end(),
                                   [](double w) { return w != 0.0; });
    if (!grows && dB == 0.0) continue;
    BoundaryFluxes out;
    if (grows) out = m_fv.weightedRates(N, m_faceG, m_faceWeights, dN);
    else std::fill(dN.begin(), dN.end(), 0.0);
    dN[born] += dB;
    double dGrown = x[n - 1] * out.numberOutTop;
    for (std::size_t i = 0; i < n; ++i) dGrown += x[i] * dN[i];
    auto& column = slopes.dRates[a];
    std::copy(dN.begin(), dN.end(), column.begin() + static_cast<std::ptrdiff_t>(m_psd));
    column[m_budget + kNucleated] = dB;
    column[m_budget + kVolumeGrown] = dGrown;
    column[m_budget + kLostTop] = out.numberOutTop;
    column[m_budget + kVolumeLostTop] = x[n - 1] * out.numberOutTop;
    column[m_budget + kDissolved] = out.numberOutBottom;
    if (m_moments)
      for (std::size_t k = 0; k < MomentEquations::kCount; ++k)
        column[m_mom + k] = momG[k] * m_faceWeights[0] + momB[k] * dB;
    slopes.dSolidVolume[a] = dGrown;
  }
}

void SizeClasses::addAggregationJacobian(std::span<const double> N, BorderedBandJacobian& J) const {
  // Band part of the aggregation Jacobian (the preconditioner); the budget rows exactly.
  const std::size_t n = N.size();
  m_aggregation->addApproximateJacobian(N, J);
  std::vector<double> dMerged(n, 0.0), dNumber(n, 0.0), dVolume(n, 0.0);
  m_aggregation->addMergedGradient(N, dMerged);
  m_aggregation->addLossGradient(N, dNumber, dVolume);
  for (std::size_t m = 0; m < n; ++m) {
    J.R(m_budget + kMerged, m) = dMerged[m];
    J.R(m_budget + kLostTop, m) += dNumber[m];
    J.R(m_budget + kVolumeLostTop, m) += dVolume[m];
  }
}

void SizeClasses::addBreakageJacobian(BorderedBandJacobian& J) const {
  // Band part of the (constant, upper-triangular) breakage matrix for the preconditioner;
  // budget rows exactly; fragments below the grid count as dissolved.
  const std::size_t n = m_grid.size();
  m_breakage->addApproximateJacobian(J);
  std::vector<double> dCreated(n, 0.0), dLost(n, 0.0);
  m_breakage->addEventsGradient(dCreated);
  m_breakage->addLossGradient(dLost);
  for (std::size_t m = 0; m < n; ++m) {
    J.R(m_budget + kBroken, m) = dCreated[m];
    J.R(m_budget + kDissolved, m) += dLost[m];
  }
}

void SizeClasses::registerParameters(ParameterRegistry& registry, const ParticleInteractions& with) {
  // The pair table holds the kernel's values: rebuilt when its constant changes.
  if (with.kernel && m_aggregation)
    with.kernel->registerParameters(registry, "aggregation", [this] {
      m_aggregation->setConditions(m_aggregation->conditions());
    });
  // The per-class selection rates and fragment tables come from s0.
  if (m_breakage)
    registry.bind("breakage.selection-rate", "1/s", m_breakageSettings->selectionRate,
                  "selection rate s0 at the reference size",
                  [this] { m_breakage.emplace(m_grid, *m_breakageSettings); });
}

}  // namespace proscale
