#include "models/reactors/BatchPrecipitation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace proscale {
namespace {
std::size_t classCount(const Parameters& root) {
  return static_cast<std::size_t>(root.section("population").integer("classes"));
}
}  // namespace

std::vector<ParamSpec> BatchPrecipitation::sections() {
  std::vector<ParamSpec> s = PrecipitationChemistry::sections();
  s.push_back(ParamSpec::section("population", PopulationSettings::schema(),
                                 "Population balance discretisation.")
                  .isRequired());
  return s;
}

BatchPrecipitation::BatchPrecipitation(const Parameters& root)
    : m_chem(root),
      m_population(PopulationSettings::from(root.section("population"))),
      m_grid(m_population.minSize, m_population.maxSize, classCount(root), m_population.spacing,
             m_chem.solid().shapeFactor()),
      m_fv(m_grid, m_population.scheme) {
  if (!m_population.sectional())
    throw std::invalid_argument("BatchPrecipitation: population.method is not sectional");
  if (m_chem.aggregationKernel())
    m_aggregation.emplace(m_grid, *m_chem.aggregationKernel(), m_chem.aggregationConditions());
  if (m_chem.breakage()) m_breakage.emplace(m_grid, *m_chem.breakage());
  if (m_population.moments) {
    if ((m_aggregation || m_breakage))
      throw root.section("population")
          .error("moments", "the method of moments is a cross-check of nucleation and growth "
                            "only; set moments: false with aggregation or breakage");
    if (m_chem.growth().sizeDependent())
      throw root.section("population")
          .error("moments", "the method of moments does not close for size-dependent growth; "
                            "set moments: false");
    m_moments = true;
  }
  const Solution& solution = m_chem.solution();
  m_layout.add("species", solution.size(), "mol/m^3", 1.0, solution.names());
  // Tolerance scales: number budgets in number-scale units; moments with the nucleus size, so
  // that the relative tolerance governs them.
  const double Ns = m_population.numberScale;
  m_budget = m_layout.add("budget", "mol/m^3 | 1/m^3", {1.0, Ns, Ns, Ns, Ns, Ns},
                          {"solid_lost_top", "number_lost_top", "number_dissolved",
                           "number_nucleated", "number_merged", "number_broken"});
  if (m_moments) {
    std::vector<std::string> names;
    std::vector<double> scales;
    for (std::size_t k = 0; k < MomentEquations::kCount; ++k) {
      names.push_back("mu" + std::to_string(k));
      scales.push_back(Ns * std::pow(m_grid.faces().front(), static_cast<double>(k)));
    }
    m_mom = m_layout.add("moments", "m^k/m^3", scales, names);
  }
  m_psd = m_layout.add("psd", m_grid.size(), "1/m^3", Ns);
  m_y0.assign(m_layout.size(), 0.0);
  std::copy(solution.initialConcentrations().begin(), solution.initialConcentrations().end(),
            m_y0.begin());
  auto N0 = std::span<double>(m_y0).subspan(m_psd, m_grid.size());
  if (m_population.seeds) fillSeeds(m_grid, *m_population.seeds, N0);
  if (m_moments)
    for (std::size_t i = 0; i < m_grid.size(); ++i)
      for (std::size_t k = 0; k < MomentEquations::kCount; ++k)
        m_y0[m_mom + k] += std::pow(m_grid.pivots()[i], static_cast<double>(k)) * N0[i];
  m_dNdArgument.assign(m_chem.argumentCount(), std::vector<double>(m_grid.size()));
  m_dNdLnF.resize(m_grid.size());
  m_faceG.resize(m_grid.size() + 1);
  m_faceRates.resize(m_grid.size() + 1);
  m_faceWeights.resize(m_grid.size() + 1);
  // Nuclei are born at or above min-size, the first class's lower face.
  m_chem.checkNucleusSize(m_grid.faces().front(), root.section("population"),
                          "the grid cannot resolve the nucleus");
}

void BatchPrecipitation::initialState(std::span<double> y0) const {
  std::copy(m_y0.begin(), m_y0.end(), y0.begin());
}

BorderedBandShape BatchPrecipitation::jacobianShape() const {
  return {m_psd, m_grid.size(), m_fv.lowerBandwidth(), m_fv.upperBandwidth()};
}

PrecipitationRates BatchPrecipitation::rates(std::span<const double> c) const {
  const PrecipitationRates r = m_chem.rates(c);
  const auto& faces = m_grid.faces();
  for (std::size_t k = 0; k < faces.size(); ++k) {
    m_faceRates[k] = k > 0 && !m_chem.growth().sizeDependent()
                         ? m_faceRates[0]
                         : m_chem.growthRate(r, faces[k]);  // inhibition included
    m_faceG[k] = m_faceRates[k].value;
  }
  return r;
}

std::size_t BatchPrecipitation::birthClass(const PrecipitationRates& r) const {
  const auto& faces = m_grid.faces();
  if (!(r.criticalDiameter > faces.front())) return 0;
  const auto above = std::lower_bound(faces.begin(), faces.end(), r.criticalDiameter);
  return std::min(static_cast<std::size_t>(above - faces.begin()), m_grid.size() - 1);
}

void BatchPrecipitation::rhs(double, std::span<const double> y, std::span<double> ydot) {
  const std::size_t ns = m_chem.solution().size(), n = m_grid.size();
  const auto c = y.first(ns);
  const auto N = y.subspan(m_psd, n);
  auto dN = ydot.subspan(m_psd, n);
  const PrecipitationRates r = rates(c);
  const double B = r.B.value;
  const BoundaryFluxes out = m_fv.rates(N, m_faceG, dN);
  const std::size_t born = birthClass(r);
  dN[born] += B;
  const auto& x = m_grid.volumes();
  double solidVolumeRate = x[n - 1] * out.numberOutTop;
  for (std::size_t i = 0; i < n; ++i) solidVolumeRate += x[i] * dN[i];
  const double P = solidVolumeRate / m_chem.solid().molarVolume();
  m_chem.speciesRates(c, P, ydot.first(ns));

  AggregationLoss lost;  // aggregates formed beyond the last class, aggregation events
  if (m_aggregation) lost = m_aggregation->rates(N, dN);
  BreakageLoss fragments;  // fragments below the grid, breakage events
  if (m_breakage) fragments = m_breakage->rates(N, dN);
  const double merged = lost.events, broken = fragments.events, fragmentsLost = fragments.number;
  ydot[m_budget + kSolidLostTop] =
      (x[n - 1] * out.numberOutTop + lost.volume) / m_chem.solid().molarVolume();
  ydot[m_budget + kNumberMerged] = merged;
  ydot[m_budget + kNumberBroken] = broken;
  ydot[m_budget + kNumberLostTop] = out.numberOutTop + lost.number;
  ydot[m_budget + kNumberDissolved] = out.numberOutBottom + fragmentsLost;
  ydot[m_budget + kNumberNucleated] = B;
  if (m_moments)
    MomentEquations(m_grid.faces()[born]).rates(y.subspan(m_mom, 5), m_faceG[0], B,
                                                ydot.subspan(m_mom, 5));
}

void BatchPrecipitation::jacobian(double, std::span<const double> y, std::span<const double>,
                                  JacobianSink& sink) {
  BorderedBandJacobian& J = sink.arrow();
  const std::size_t ns = m_chem.solution().size(), n = m_grid.size();
  const auto c = y.first(ns);
  const auto N = y.subspan(m_psd, n);
  const auto& x = m_grid.volumes();
  const PrecipitatingSolid& solid = m_chem.solid();
  const double Vm = solid.molarVolume();
  const auto& inhibition = m_chem.inhibition();
  const PrecipitationRates r = rates(c);
  const std::size_t born = birthClass(r);
  J.setZero();

  // Band block and the rows that integrate over classes (consumption, budget).
  m_fv.addJacobian(N, m_faceG, J);
  const double top = m_fv.topOutflowSlope(m_faceG[n]), bottom = m_fv.bottomOutflowSlope(m_faceG[0]);
  for (std::size_t m = 0; m < n; ++m) {
    double dP = m + 1 == n ? x[n - 1] * top : 0.0;  // d(P V_m)/dN_m
    const std::size_t lo = m >= J.shape().upper ? m - J.shape().upper : 0;
    const std::size_t hi = std::min(n - 1, m + J.shape().lower);
    for (std::size_t i = lo; i <= hi; ++i) dP += x[i] * J.B(i, m);
    for (const auto& [j, nu] : solid.formula()) J.R(j, m) = -nu * dP / Vm;
  }
  J.R(m_budget + kSolidLostTop, n - 1) = x[n - 1] * top / Vm;
  J.R(m_budget + kNumberLostTop, n - 1) = top;
  J.R(m_budget + kNumberDissolved, 0) = bottom;
  if (m_aggregation) addAggregationJacobian(N, J);
  if (m_breakage) addBreakageJacobian(J);

  // Columns of the species, through the arguments a of the rate laws (ln S, ln c, ln c_f):
  // dN/da at fixed N is the growth term with the face rates replaced by dG_k/da (the scheme
  // is linear in G for given flow directions).
  auto solidRate = [&](const std::vector<double>& dN, const BoundaryFluxes& out) {
    double v = x[n - 1] * out.numberOutTop;  // d(P V_m)/da
    for (std::size_t i = 0; i < n; ++i) v += x[i] * dN[i];
    return v;
  };
  const std::size_t na = m_chem.argumentCount();
  std::vector<BoundaryFluxes> outA(na);
  std::vector<double> dPdA(na, 0.0);
  std::vector<bool> used(na, false);
  for (std::size_t a = 0; a < na; ++a) {
    for (std::size_t k = 0; k <= n; ++k)
      m_faceWeights[k] = PrecipitationChemistry::rateSlope(m_faceRates[k], a);
    used[a] = std::any_of(m_faceWeights.begin(), m_faceWeights.end(),
                          [](double w) { return w != 0.0; });
    if (!used[a]) continue;
    outA[a] = m_fv.weightedRates(N, m_faceG, m_faceWeights, m_dNdArgument[a]);
    dPdA[a] = solidRate(m_dNdArgument[a], outA[a]);
  }
  // d(dN/dt)/d ln(inhibition factor) at fixed N is the growth term itself.
  const BoundaryFluxes outF = m_fv.rates(N, m_faceG, m_dNdLnF);
  const double dPdLnF = solidRate(m_dNdLnF, outF);

  std::array<double, MomentEquations::kCount> momG{}, momB{};
  if (m_moments) MomentEquations(m_grid.faces()[born]).slopes(y.subspan(m_mom, 5), momG, momB);

  std::vector<double> da(na);
  for (std::size_t m = 0; m < ns; ++m) {
    bool any = false;
    for (std::size_t a = 0; a < na; ++a) {
      da[a] = used[a] ? m_chem.argumentSlope(r, a, m) : 0.0;
      any = any || da[a] != 0.0;
    }
    const double q = inhibition && m == inhibition->modifier() ? r.dLnInhibition : 0.0;
    const double dB = m_chem.speciesSlope(r.B, r, m);
    if (!any && q == 0.0 && dB == 0.0) continue;
    auto column = J.borderColumn(m);
    for (std::size_t i = 0; i < n; ++i) column[i] = m_dNdLnF[i] * q;
    double dP = dPdLnF * q + x[born] * dB, dTop = outF.numberOutTop * q,
           dBottom = outF.numberOutBottom * q;
    for (std::size_t a = 0; a < na; ++a) {
      if (da[a] == 0.0) continue;
      const auto& dN = m_dNdArgument[a];
      for (std::size_t i = 0; i < n; ++i) column[i] += dN[i] * da[a];
      dP += dPdA[a] * da[a];
      dTop += outA[a].numberOutTop * da[a];
      dBottom += outA[a].numberOutBottom * da[a];
    }
    column[born] += dB;
    for (const auto& [j, nu] : solid.formula()) J.D(j, m) -= nu * dP / Vm;
    J.D(m_budget + kSolidLostTop, m) = x[n - 1] * dTop / Vm;
    J.D(m_budget + kNumberLostTop, m) = dTop;
    J.D(m_budget + kNumberDissolved, m) = dBottom;
    J.D(m_budget + kNumberNucleated, m) = dB;
    if (m_moments) {
      const double dG = m_chem.speciesSlope(m_faceRates[0], r, m) + m_faceG[0] * q;
      for (std::size_t k = 0; k < MomentEquations::kCount; ++k)
        J.D(m_mom + k, m) = momG[k] * dG + momB[k] * dB;
    }
  }
  m_chem.reactions().addJacobian(c, J);
  if (m_moments)
    for (std::size_t k = 1; k < MomentEquations::kCount; ++k)
      J.D(m_mom + k, m_mom + k - 1) = static_cast<double>(k) * m_faceG[0];
}

void BatchPrecipitation::addAggregationJacobian(std::span<const double> N,
                                                BorderedBandJacobian& J) const {
  // Band part of the aggregation Jacobian (the preconditioner); the budget rows exactly.
  const std::size_t n = N.size();
  m_aggregation->addApproximateJacobian(N, J);
  std::vector<double> dMerged(n, 0.0), dNumber(n, 0.0), dVolume(n, 0.0);
  m_aggregation->addMergedGradient(N, dMerged);
  m_aggregation->addLossGradient(N, dNumber, dVolume);
  for (std::size_t m = 0; m < n; ++m) {
    J.R(m_budget + kNumberMerged, m) = dMerged[m];
    J.R(m_budget + kNumberLostTop, m) += dNumber[m];
    J.R(m_budget + kSolidLostTop, m) += dVolume[m] / m_chem.solid().molarVolume();
  }
}

void BatchPrecipitation::addBreakageJacobian(BorderedBandJacobian& J) const {
  // Band part of the (constant, upper-triangular) breakage matrix for the preconditioner;
  // budget rows exactly; lost fragments count as dissolved below the grid.
  const std::size_t n = m_grid.size();
  m_breakage->addApproximateJacobian(J);
  std::vector<double> dCreated(n, 0.0), dLost(n, 0.0);
  m_breakage->addEventsGradient(dCreated);
  m_breakage->addLossGradient(dLost);
  for (std::size_t m = 0; m < n; ++m) {
    J.R(m_budget + kNumberBroken, m) = dCreated[m];
    J.R(m_budget + kNumberDissolved, m) += dLost[m];
  }
}

}  // namespace proscale
