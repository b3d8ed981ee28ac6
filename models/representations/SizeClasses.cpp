#include "models/representations/SizeClasses.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "models/pbe/MomentEquations.h"
#include "models/points/PointModel.h"

namespace proscale {
namespace {
// A class-to-class difference below this fraction of population.number-scale is flat to the
// van Albada slope: the default absolute tolerance of a class (solver.atol 1e-8 times the
// number scale), the size of the Newton iteration's noise.
constexpr double kFlatFraction = 1e-8;
}  // namespace

SizeClasses::SizeClasses(const Parameters& population, const PointModel& point,
                         const FedSeeds& fed)
    : m_settings(PopulationSettings::from(population, point.initialGridBottom(), fed)),
      m_grid(m_settings.minSize, m_settings.maxSize, m_settings.classes, m_settings.spacing,
             point.interactions().shapeFactor),
      m_fv(m_grid, m_settings.scheme, kFlatFraction * m_settings.numberScale),
      m_diffusion(m_grid, point.sizeDiffusionForm()) {
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
    m_momentsCompareVolume = !point.growthFluctuates();
  }
  const std::size_t n = m_grid.size();
  m_faceG.resize(n + 1);
  m_faceRates.resize(n + 1);
  m_faceWeights.resize(n + 1);
  m_faceD.assign(n + 1, 0.0);
  m_faceDRates.resize(n + 1);
  m_faceDWeights.assign(n + 1, 0.0);
}

void SizeClasses::addBlocks(StateLayout& layout) {
  const std::size_t n = m_grid.size();
  const double Ns = m_settings.numberScale, Vs = Ns * m_grid.volumes()[n / 2];
  std::vector<double> budgetScales{Ns, Ns, Ns, Ns, Ns, Ns, Vs, Vs, Vs, Ns};
  std::vector<std::string> budgetNames{"number_nucleated", "number_washed_out", "number_lost_top",
                                 "number_dissolved", "number_merged", "number_broken",
                                 "volume_grown", "volume_washed_out", "volume_lost_top",
                                 "number_born_unresolved"};
  if (m_settings.fed.any) {
    budgetScales.insert(budgetScales.end(), {Ns, Vs});
    budgetNames.insert(budgetNames.end(), {"number_fed", "volume_fed"});
  }
  m_budget = layout.add("budget", "1/m^3 | m^3/m^3", budgetScales, budgetNames);
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
  // The Jacobian is evaluated at the state of the right-hand side just before it (CVODE's
  // Newton iterate): the same fluid, the same face rates (the growth roots are most of a
  // right-hand side's cost).
  if (!p.growthKey.empty() && p.growthKey == m_faceKey) return;
  m_faceKey.clear();  // kept only once every face is done (a growth law may throw)
  const auto& faces = m_grid.faces();
  for (std::size_t k = 0; k < faces.size(); ++k) {
    m_faceRates[k] = k > 0 && !p.sizeDependentGrowth ? m_faceRates[0] : p.growth(faces[k]);
    m_faceG[k] = m_faceRates[k].value;
  }
  m_diffuses = static_cast<bool>(p.sizeDiffusivity);
  if (m_diffuses)
    for (std::size_t k = 1; k + 1 < faces.size(); ++k) {
      m_faceDRates[k] = p.sizeDiffusivity(faces[k], m_faceRates[k]);
      m_faceD[k] = m_faceDRates[k].value;
    }
  m_faceKey = p.growthKey;
}

SizeClasses::BirthShares SizeClasses::birthShares(const ParticleProcesses& p) const {
  const auto& faces = m_grid.faces();
  const auto& pivots = m_grid.pivots();
  const std::size_t n = m_grid.size();
  const double Lb = p.birthDiameter;
  if (!(Lb > pivots.front())) return {};  // no critical size, or below the first pivot
  if (Lb >= pivots.back()) return {n - 1, 0.0, 0.0};
  const auto i = static_cast<std::size_t>(std::upper_bound(pivots.begin(), pivots.end(), Lb) -
                                          pivots.begin()) - 1;
  if (faces[i] < p.criticalDiameter) return {i + 1, 0.0, 0.0};
  const double h = pivots[i + 1] - pivots[i];
  return {i, (Lb - pivots[i]) / h, 1.0 / h};
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
  if (m_diffuses) m_diffusion.addRates(N, m_faceD, dN);
  const BirthShares born = birthShares(p);
  const double B = p.nucleation.value;
  dN[born.lower] += (1.0 - born.upper) * B;
  if (born.upper > 0.0) dN[born.lower + 1] += born.upper * B;
  double grown = x[n - 1] * out.numberOutTop;  // volume made by growth and nucleation
  for (std::size_t i = 0; i < n; ++i) grown += x[i] * dN[i];
  budget[kNucleated] = B;
  budget[kBornUnresolved] = unresolvedWeight(p) * B;
  budget[kVolumeGrown] = grown;
  budget[kLostTop] = out.numberOutTop;
  budget[kVolumeLostTop] = x[n - 1] * out.numberOutTop;
  budget[kDissolved] = out.numberOutBottom;
  budget[kWashedOut] = budget[kVolumeWashedOut] = budget[kMerged] = budget[kBroken] = 0.0;
  if (m_settings.fed.any) ydot[m_budget + kFed] = ydot[m_budget + kVolumeFed] = 0.0;  // the vessel's
  if (D > 0.0) {
    for (std::size_t i = 0; i < n; ++i) {
      dN[i] -= D * N[i];
      budget[kWashedOut] += D * N[i];
      budget[kVolumeWashedOut] += D * x[i] * N[i];
    }
    // Particles that grew past the grid are still in the suspension: they leave with it.
    for (const auto& [lost, washed] : {std::pair{kLostTop, kWashedOut},
                                       std::pair{kVolumeLostTop, kVolumeWashedOut}}) {
      budget[lost] -= D * y[m_budget + lost];
      budget[washed] += D * y[m_budget + lost];
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
  if (m_moments) {
    auto dmu = ydot.subspan(m_mom, MomentEquations::kCount);
    MomentEquations(born.diameter(m_grid)).rates(y.subspan(m_mom, MomentEquations::kCount),
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
  const BirthShares born = birthShares(p);
  const double B = p.nucleation.value;
  slopes.dRates.assign(na, std::vector<double>(size, 0.0));
  slopes.dSolidVolume.assign(na, 0.0);
  slopes.dSolidVolumeDy.assign(size, 0.0);

  // Band block, and the rows that integrate over classes: the volume grown (= the solid
  // volume rate) and the particles leaving the grid.
  m_fv.addJacobian(N, m_faceG, J);
  if (m_diffuses) m_diffusion.addJacobian(m_faceD, J);
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
  if (D > 0.0) {
    for (std::size_t i = 0; i < n; ++i) {
      J.B(i, i) -= D;
      J.R(m_budget + kWashedOut, i) = D;
      J.R(m_budget + kVolumeWashedOut, i) = D * x[i];
    }
    for (const auto& [lost, washed] : {std::pair{kLostTop, kWashedOut},
                                       std::pair{kVolumeLostTop, kVolumeWashedOut}}) {
      J.D(m_budget + lost, m_budget + lost) -= D;
      J.D(m_budget + washed, m_budget + lost) += D;
    }
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
    MomentEquations(born.diameter(m_grid)).slopes(y.subspan(m_mom, MomentEquations::kCount), momG, momB);
  std::vector<double> dN(n);
  for (std::size_t a = 0; a < na; ++a) {
    for (std::size_t k = 0; k <= n; ++k) m_faceWeights[k] = p.growthSlope(m_faceRates[k], a);
    if (m_diffuses)
      for (std::size_t k = 1; k < n; ++k) m_faceDWeights[k] = p.growthSlope(m_faceDRates[k], a);
    const double dB = p.nucleationSlope(p.nucleation, a);
    // d(share)/da: the births move between the two classes with L_b.
    const double dShare =
        born.dUpper > 0.0 && B != 0.0 ? born.dUpper * p.nucleationSlope(p.birthDiameterSlopes, a) : 0.0;
    auto nonZero = [](const std::vector<double>& w) {
      return std::any_of(w.begin(), w.end(), [](double v) { return v != 0.0; });
    };
    const bool grows = nonZero(m_faceWeights);
    const bool diffuses = m_diffuses && nonZero(m_faceDWeights);
    if (!grows && !diffuses && dB == 0.0 && dShare * B == 0.0) continue;
    BoundaryFluxes out;
    if (grows) out = m_fv.weightedRates(N, m_faceG, m_faceWeights, dN);
    else std::fill(dN.begin(), dN.end(), 0.0);
    if (diffuses) m_diffusion.addRates(N, m_faceDWeights, dN);
    dN[born.lower] += (1.0 - born.upper) * dB - dShare * B;
    if (born.dUpper > 0.0) dN[born.lower + 1] += born.upper * dB + dShare * B;
    double dGrown = x[n - 1] * out.numberOutTop;
    for (std::size_t i = 0; i < n; ++i) dGrown += x[i] * dN[i];
    auto& column = slopes.dRates[a];
    std::copy(dN.begin(), dN.end(), column.begin() + static_cast<std::ptrdiff_t>(m_psd));
    column[m_budget + kNucleated] = dB;
    // The weight's own slope (non-zero only within 5 % of the edge) is left out: this row
    // feeds nothing back, and only a self-check reads it.
    column[m_budget + kBornUnresolved] = unresolvedWeight(p) * dB;
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

void SizeClasses::addJacobianRemainderTimes(std::span<const double> y, std::span<const double> v,
                                            std::span<double> Jv) const {
  // The off-band entries of aggregation and breakage (their budget rows are exact in J~).
  const std::size_t n = m_grid.size();
  const auto vN = v.subspan(m_psd, n);
  const auto out = Jv.subspan(m_psd, n);
  const std::size_t lower = m_fv.lowerBandwidth(), upper = m_fv.upperBandwidth();
  if (m_aggregation) m_aggregation->addOffBandJacobianTimes(psd(y), vN, lower, upper, out);
  if (m_breakage) m_breakage->addOffBandJacobianTimes(vN, lower, upper, out);
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
  registry.onChange([this] { m_faceKey.clear(); });  // the growth law may have changed
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
