#include "models/points/PrecipitationPoint.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <sstream>

#include "models/particles/GrowthFluctuations.h"
#include "models/thermo/WaterViscosity.h"
#include "models/thermo/water/Iapws95.h"

namespace proscale {

std::vector<ParamSpec> PrecipitationPoint::sections() {
  std::vector<ParamSpec> s{
      ParamSpec::section("solution", Solution::schema(), "The liquid phase.").isRequired(),
      ParamSpec::sectionList("reactions", ReactionNetwork::schema(),
                             "Liquid-phase reactions (optional)."),
      ParamSpec::section("solid", PrecipitatingSolid::schema(), "The precipitating solid.")
          .isRequired(),
      ParamSpec::typed("nucleation", nucleationLaws().family(), "Primary nucleation.").isRequired(),
      ParamSpec::typed("growth", growthLaws().family(), "Crystal growth.").isRequired(),
      ParamSpec::section("growth-inhibition", LangmuirInhibition::schema(),
                         "Growth inhibition by an adsorbing surface modifier (optional)."),
  };
  for (ParamSpec& p : interactionSections()) s.push_back(std::move(p));
  return s;
}

PrecipitationPoint::PrecipitationPoint(const Parameters& root, const PointConditions& at,
                                       double viscosity)
    : m_solution(root.section("solution")),
      m_reactions(root.has("reactions") ? ReactionNetwork(root.list("reactions"), m_solution.names())
                                        : ReactionNetwork()),
      m_solid(root.section("solid"), m_solution),
      m_nucleation(nucleationLaws().make(root.section("nucleation"))),
      m_growth(growthLaws().make(root.section("growth"))),
      m_fluctuations(root.section("growth").boolean("fluctuations")) {
  for (const char* law : {"nucleation", "growth"}) {
    const Parameters& p = root.section(law);
    if (!p.has("diffusivity")) continue;
    (p.has("diffusivity-pressure") ? m_stokesEinsteinHot : m_stokesEinstein) = true;
  }
  checkTemperature(root, at.temperature);
  if (m_solid.formula().size() > kMaxFormulaIons)
    throw root.section("solid").error(
        "formula", "at most " + std::to_string(kMaxFormulaIons) +
                       " dissolved species per formula unit are supported");
  readInteractions(root, liquid(at.temperature, viscosity), m_solid.shapeFactor(), m_kernel,
                   m_interactions);
  if (root.has("growth-inhibition"))
    m_inhibition.emplace(root.section("growth-inhibition"), m_solution.names());
}

std::vector<TemperatureRange> PrecipitationPoint::temperatureRanges() const {
  const Solubility& ksp = m_solid.solubility();
  const ActivityModel& activity = m_solution.activity();
  std::vector<TemperatureRange> ranges{
      {ksp.minTemperature(), ksp.maxTemperature(), "the range of solid.solubility"},
      {activity.minTemperature(), activity.maxTemperature(),
       "the water permittivity correlation behind the " + activity.name() + " equation"}};
  if (m_stokesEinstein)
    ranges.push_back({kWaterViscosityTmin, kWaterViscosityTmax,
                      "the water viscosity correlation of the Stokes-Einstein diffusivity"});
  if (m_stokesEinsteinHot)
    ranges.push_back({iapws95::Tmin, iapws95::Tmax,
                      "IAPWS-95 and the IAPWS 2008 viscosity of the Stokes-Einstein diffusivity"});
  return ranges;
}

PrecipitationRates PrecipitationPoint::rates(std::span<const double> c, double T) const {
  PrecipitationRates r;
  r.ss = m_solid.supersaturation(c, T);
  r.force.T = T;
  r.force.lnS = r.ss.lnS;
  r.force.c = r.ss.c;
  r.force.cSat = r.ss.cSat;
  r.force.molarVolume = m_solid.molarVolume();
  r.force.nu = m_solid.formulaCoefficientSum();
  r.force.ions = m_solid.formula().size();
  for (std::size_t f = 0; f < r.force.ions; ++f) {
    r.force.ionNu[f] = m_solid.formula()[f].second;
    r.force.ionC[f] = r.ss.ionC[f];  // free, floored as inside ln S
  }
  r.B = m_nucleation->rate(r.force);
  r.criticalDiameter = m_nucleation->criticalDiameter(r.force);
  r.birthDiameter = m_nucleation->birthDiameter(r.force);
  r.lowerEdgeDiameter = m_nucleation->lowerEdgeDiameter(r.force);
  if (m_inhibition) {  // G = G_0 (1 - alpha theta(c_m))
    const double cm = c[m_inhibition->modifier()];
    r.inhibition = m_inhibition->factor(cm);
    r.dLnInhibition = m_inhibition->dLnFactor(cm);
  }
  return r;
}

double PrecipitationPoint::lawSlope(const RateAndSlopes& rate, std::size_t a) {
  return a == 0 ? rate.dLnS : a == 1 ? rate.dLnC : rate.dLnIon[a - 2];
}

double PrecipitationPoint::argumentSlope(const PrecipitationRates& r, std::size_t a,
                                         std::size_t j) const {
  if (a == lawArguments())  // ln F, F the growth-inhibition factor of the modifier
    return j == m_inhibition->modifier() ? r.dLnInhibition : 0.0;
  if (a == 0) return r.ss.dLnS[j];
  if (a == 1) return r.ss.dLnC[j];
  return r.ss.dLnIon[(a - 2) * m_solution.size() + j];  // d ln(free c_f)/dc_j
}

RateAndSlopes PrecipitationPoint::growthRate(const PrecipitationRates& r, double L) const {
  return growthRate(r, r.force, L);
}

RateAndSlopes PrecipitationPoint::growthRate(const PrecipitationRates& r, const DrivingForce& f,
                                             double L) const {
  RateAndSlopes g = m_growth->rate(f, L);
  if (m_inhibition) g.scale(r.inhibition);
  return g;
}

RateAndSlopes PrecipitationPoint::sizeDiffusivity(const PrecipitationRates& r, double L,
                                                  const RateAndSlopes& G) const {
  auto growthAt = [&](const DrivingForce& f) { return growthRate(r, f, L); };
  RateAndSlopes D = exchangeRate(growthAt, r.force, m_growth->lnEquilibriumRatio(r.force, L), G);
  D.scale(sizeStepPerSpecies(r.force, L, m_solid.shapeFactor()));
  return D;
}

void PrecipitationPoint::fluidRates(std::span<const double> c, double T, double solidVolumeRate,
                                    std::span<double> dc) const {
  const double P = solidVolumeRate / m_solid.molarVolume();  // solid formation [mol/(m^3 s)]
  std::fill(dc.begin(), dc.end(), 0.0);
  m_reactions.addRates(c, T, dc);
  for (const auto& [j, nu] : m_solid.formula()) dc[j] -= nu * P;
}

void PrecipitationPoint::solidCoupling(std::span<double> perSolidVolume) const {
  std::fill(perSolidVolume.begin(), perSolidVolume.end(), 0.0);
  for (const auto& [j, nu] : m_solid.formula()) perSolidVolume[j] = -nu / m_solid.molarVolume();
}

void PrecipitationPoint::addFluidJacobian(std::span<const double> c, double T,
                                          BorderedBandJacobian& J) const {
  m_reactions.addJacobian(c, T, J);
}

PrecipitationRates PrecipitationPoint::initialRates() const {
  return rates(std::span<const double>(m_solution.initialConcentrations()),
               m_interactions.conditions.temperature);
}

double PrecipitationPoint::initialCriticalDiameter() const {
  const PrecipitationRates r = initialRates();
  return m_nucleation->criticalDiameter(r.force);
}

double PrecipitationPoint::initialGridBottom() const {
  const PrecipitationRates r = initialRates();
  return m_nucleation->lowerEdgeDiameter(r.force);
}

void PrecipitationPoint::checkNucleusSize(double nucleusSize, const Parameters& population,
                                          const std::string& problem) const {
  const PrecipitationRates r = initialRates();
  const double critical = initialCriticalDiameter();
  if (std::isfinite(critical) && nucleusSize > 2.0 * critical) {
    std::ostringstream msg;
    msg << problem << ": min-size " << nucleusSize * 1e9
        << " nm is more than twice the critical nucleus diameter " << critical * 1e9
        << " nm at the initial supersaturation " << std::exp(r.ss.lnS) << "; set min-size <= "
        << critical * 1e9 << " nm";
    throw population.error("min-size", msg.str());
  }
}

// Components z = (c_1..c_ns, solid); the moieties w span the left null space of the
// The kernel of the stoichiometric matrix whose columns are the reactions and the precipitation
// (-nu_f on the formula species, +1 on the solid), over (species, solid [mol/m^3]): w . z is
// constant in exact arithmetic for every column w.
static Eigen::MatrixXd moietyMatrix(const ReactionNetwork& reactions, const PrecipitatingSolid& solid,
                                    std::size_t ns) {
  const std::size_t nr = reactions.reactions().size();
  Eigen::MatrixXd S = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(ns + 1),
                                            static_cast<Eigen::Index>(nr + 1));
  for (std::size_t r = 0; r < nr; ++r)
    for (std::size_t i = 0; i < ns; ++i) S(i, r) = reactions.reactions()[r].netStoichiometry[i];
  for (const auto& [j, nu] : solid.formula()) S(j, nr) = -nu;
  S(ns, nr) = 1.0;
  return Eigen::FullPivLU<Eigen::MatrixXd>(S.transpose()).kernel();
}

std::vector<std::vector<double>> PrecipitationPoint::conservedMoieties() const {
  const std::size_t ns = m_solution.size();
  const Eigen::MatrixXd W = moietyMatrix(m_reactions, m_solid, ns);
  std::vector<std::vector<double>> moieties;
  for (Eigen::Index k = 0; k < W.cols(); ++k) {
    std::vector<double> w(W.col(k).data(), W.col(k).data() + W.rows());
    w[ns] /= m_solid.molarVolume();  // per mol of solid -> per m^3 of solid
    moieties.push_back(std::move(w));
  }
  return moieties;
}

double PrecipitationPoint::massBalanceError(std::span<const double> c, double solid,
                                            std::span<const double> c0, double solid0) const {
  const std::size_t ns = m_solution.size();
  const Eigen::MatrixXd W = moietyMatrix(m_reactions, m_solid, ns);
  Eigen::VectorXd z(ns + 1), z0(ns + 1);
  for (std::size_t i = 0; i < ns; ++i) {
    z(i) = c[i];
    z0(i) = c0[i];
  }
  z(ns) = solid;
  z0(ns) = solid0;
  double worst = 0.0;
  for (Eigen::Index k = 0; k < W.cols(); ++k) {
    const double scale = W.col(k).cwiseAbs().dot(z0.cwiseAbs());
    if (scale > 0.0) worst = std::max(worst, std::abs(W.col(k).dot(z - z0)) / scale);
  }
  return worst;
}

void PrecipitationPoint::addFluidBlocks(StateLayout& layout) const {
  layout.add("species", m_solution.size(), "mol/m^3", 1.0, m_solution.names());
  layout.setRole("species", {.nonNegative = true});
}

void PrecipitationPoint::initialFluid(std::span<double> c0) const {
  std::copy(m_solution.initialConcentrations().begin(), m_solution.initialConcentrations().end(),
            c0.begin());
}

ParticleProcesses PrecipitationPoint::processes(std::span<const double> c,
                                                const PointConditions& at,
                                                ArgumentSlopes* slopes) const {
  auto r = std::make_shared<const PrecipitationRates>(rates(c, at.temperature));
  const std::size_t base = lawArguments();
  ParticleProcesses p;
  p.growth = [this, r](double L) { return growthRate(*r, L); };
  p.sizeDependentGrowth = m_growth->sizeDependent();
  p.growthKey.assign(c.begin(), c.end());  // rates(c, T): the species and the temperature
  p.growthKey.push_back(at.temperature);
  if (m_fluctuations)
    p.sizeDiffusivity = [this, r](double L, const RateAndSlopes& G) {
      return sizeDiffusivity(*r, L, G);
    };
  p.nucleation = r->B;
  p.criticalDiameter = r->criticalDiameter;
  p.birthDiameter = r->birthDiameter;
  p.birthDiameterSlopes.value = r->birthDiameter;
  p.lowerEdgeDiameter = r->lowerEdgeDiameter;
  if (slopes && std::isfinite(r->birthDiameter)) {
    // Central differences in ln S and ln c (x_b depends on the rate-weighted barrier): the
    // diameter is smooth in both, and a step of 1e-6 leaves ~1e-10 relative error.
    auto birthAt = [&](double dLnS, double dLnC) {
      DrivingForce f = r->force;
      f.lnS += dLnS;
      f.c *= std::exp(dLnC);
      return m_nucleation->birthDiameter(f);
    };
    constexpr double h = 1e-6;
    const double dLnS = (birthAt(h, 0) - birthAt(-h, 0)) / (2 * h);
    const double dLnC = (birthAt(0, h) - birthAt(0, -h)) / (2 * h);
    // Within h of saturation L* has no value on one side (no births there either): no slope.
    p.birthDiameterSlopes.dLnS = std::isfinite(dLnS) ? dLnS : 0.0;
    p.birthDiameterSlopes.dLnC = std::isfinite(dLnC) ? dLnC : 0.0;
  }
  p.arguments = base + (m_inhibition ? 1 : 0);
  // d G/d ln F = G: the growth rate is proportional to the inhibition factor F.
  p.growthSlope = [base](const RateAndSlopes& g, std::size_t a) {
    return a < base ? lawSlope(g, a) : g.value;
  };
  p.nucleationSlope = [base](const RateAndSlopes& b, std::size_t a) {
    return a < base ? lawSlope(b, a) : 0.0;
  };
  if (slopes) {
    const std::size_t ns = m_solution.size();
    slopes->arguments = p.arguments;
    slopes->unknowns = ns;
    slopes->values.assign(p.arguments * ns, 0.0);
    for (std::size_t a = 0; a < p.arguments; ++a)
      for (std::size_t j = 0; j < ns; ++j) slopes->values[a * ns + j] = argumentSlope(*r, a, j);
  }
  return p;
}

void PrecipitationPoint::registerParameters(ParameterRegistry& registry) {
  m_nucleation->registerParameters(registry, "nucleation");
  m_growth->registerParameters(registry, "growth");
}

std::vector<SeriesColumn> PrecipitationPoint::fluidColumns() const {
  std::vector<SeriesColumn> cols{{"temperature", "K", "temperature"}};
  const std::string total = m_solution.pairing() ? " (total: free and in ion pairs)" : "";
  for (const auto& name : m_solution.names())
    cols.push_back({"c_" + name, "mol/m^3", "concentration of " + name + total});
  if (const IonPairing* pairs = m_solution.pairing())
    for (const auto& name : pairs->names())
      cols.push_back({"c_" + name, "mol/m^3", "concentration of the ion pair " + name});
  cols.push_back({"ionic_strength", "mol/L", "ionic strength I of the free species"});
  cols.push_back({"supersaturation", "-", "supersaturation ratio S of " + m_solid.name()});
  cols.push_back({"nucleation_rate", "1/m^3/s", "primary nucleation rate B"});
  cols.push_back({"critical_diameter", "m",
                  "diameter L* of the critical nucleus of the nucleation law; 0 while S <= 1 or "
                  "for a law without one"});
  cols.push_back({"growth_rate", "m/s", "growth rate G = dL/dt (at the mean diameter)"});
  return cols;
}

std::size_t PrecipitationPoint::fluidValues(std::span<const double> c, const PointConditions& at,
                                            double L, std::span<double> row) const {
  const PrecipitationRates r = rates(c, at.temperature);
  std::size_t k = 0;
  row[k++] = at.temperature;
  for (std::size_t i = 0; i < m_solution.size(); ++i) row[k++] = c[i];
  if (const IonPairing* pairs = m_solution.pairing())
    for (std::size_t p = 0; p < pairs->size(); ++p)
      row[k++] = m_solid.speciation().free[m_solution.size() + p];
  row[k++] = r.ss.ionicStrength;
  row[k++] = std::exp(r.ss.lnS);
  row[k++] = r.B.value;
  const double critical = m_nucleation->criticalDiameter(r.force);
  row[k++] = std::isfinite(critical) ? critical : 0.0;
  row[k++] = growthRate(r, L).value;
  return k;
}

std::vector<SeriesColumn> PrecipitationPoint::productColumns() const {
  return {{"solid_concentration", "mol/m^3", "solid formed per volume (incl. above the grid)"},
          {"mass_balance_error", "-", "largest relative drift of a conserved moiety"}};
}

std::size_t PrecipitationPoint::productValues(std::span<const double> c, double solidVolume,
                                              std::span<const double> c0, double solidVolume0,
                                              std::span<double> row) const {
  const double Vm = m_solid.molarVolume();
  row[0] = solidVolume / Vm;
  row[1] = massBalanceError(c, solidVolume / Vm, c0, solidVolume0 / Vm);
  return 2;
}

std::vector<Metric> PrecipitationPoint::metrics(std::span<const double> c, const PointConditions& at,
                                                double solidVolume, std::span<const double> c0,
                                                double solidVolume0, double vesselVolume) const {
  const PrecipitationRates r = rates(c, at.temperature);
  const double solid = solidVolume / m_solid.molarVolume();  // mol/m^3
  return {
      {"supersaturation", std::exp(r.ss.lnS), "-", "final supersaturation ratio"},
      {"ionic_strength", r.ss.ionicStrength, "mol/L", "final ionic strength of the free species"},
      {"solid_concentration", solid, "mol/m^3", "solid formed per volume of suspension"},
      {"solid_mass_concentration", solid * m_solid.molarMass(), "kg/m^3", "solid mass per volume"},
      {"product_mass", solid * m_solid.molarMass() * vesselVolume, "kg", "solid mass in the vessel"},
      {"mass_balance_error", massBalanceError(c, solid, c0, solidVolume0 / m_solid.molarVolume()),
       "-", "largest relative drift of a conserved moiety", true},
  };
}

// Threshold (docs/reference/outputs.md, "Self-checks"): the ionic strength must stay within
// the activity model's range (the initial one is checked on input, the final one here).
std::vector<SelfCheck> PrecipitationPoint::selfChecks(std::span<const double> c,
                                                      const PointConditions& at) const {
  const PrecipitationRates r = rates(c, at.temperature);
  std::vector<SelfCheck> checks;
  const ActivityModel& activity = m_solution.activity();
  checks.push_back({"ionic_strength_in_range", r.ss.ionicStrength, activity.maxIonicStrength(),
                    "mol/L", "final ionic strength against the " + activity.name() +
                                 " equation's range (max-ionic-strength)"});
  return checks;
}

}  // namespace proscale
