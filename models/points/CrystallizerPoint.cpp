#include "models/points/CrystallizerPoint.h"

#include <cmath>
#include <sstream>

namespace proscale {
namespace {

SchemaPtr solutionSchema() {
  auto s = std::make_shared<Schema>("solution", "The solute, its solubility and the driving force.");
  s->add(ParamSpec::real("concentration", dim::concentration,
                         "Initial solute concentration c0, mol per m^3 of suspension; in a "
                         "continuous vessel also the feed's. Give it or mass-ratio.")
             .unit("mol/L")
             .atLeast(0));
  s->add(ParamSpec::real("mass-ratio", dim::none,
                         "Initial solute content as a mass ratio X0 [kg solute / kg solvent], "
                         "instead of concentration: c0 = X0 w / M with w = density / (1 + X0) "
                         "the solvent mass per m^3; needs density.")
             .atLeast(0));
  s->add(ParamSpec::real("density", dim::density,
                         "Density of the initial solution; converts mass ratios (mass-ratio, a "
                         "solvent-mass-polynomial solubility) to mol per m^3 through the solvent "
                         "mass per m^3, w = density - c0 M, constant in a batch.")
             .unit("g/cm^3")
             .above(0));
  s->add(ParamSpec::typed("solubility", soluteSolubilities().family(),
                          "Solubility c*(T[, w]) in the same basis as the concentration.")
             .isRequired());
  s->add(ParamSpec::choice("supersaturation", {"ratio", "relative", "log"},
                           "The driving force sigma the kinetics are written in: ratio S = c/c*, "
                           "relative s = (c - c*)/c*, log ln S.")
             .defaultsTo("relative"));
  s->add(ParamSpec::real("antisolvent-fraction", dim::none,
                         "Antisolvent mass fraction w of the solvent mixture (solute-free), "
                         "constant; used by an antisolvent-table solubility.")
             .defaultsTo("0")
             .atLeast(0)
             .atMost(1));
  return s;
}

SchemaPtr solidSchema() {
  auto s = std::make_shared<Schema>("solid", "The crystals.");
  s->add(ParamSpec::real("molar-mass", dim::molarMass, "Molar mass M of the solute.")
             .unit("g/mol")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("density", dim::density, "Crystal density rho_c.")
             .unit("g/cm^3")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("shape-factor", dim::none,
                         "Volume shape factor k_v (crystal volume = k_v L^3); pi/6 for spheres, "
                         "1 for cubes of edge L.")
             .defaultsTo("0.5235987755982988")
             .above(0));
  return s;
}

/// A rate of the kinetics in the form the representations take (see the header).
RateAndSlopes asRate(const SigmaRate& r) {
  RateAndSlopes out;
  out.value = r.value;
  out.dLnS = r.dSigma;
  out.dLnC = r.dPhi;
  return out;
}

}  // namespace

std::vector<ParamSpec> CrystallizerPoint::sections() {
  std::vector<ParamSpec> s{
      ParamSpec::section("solution", solutionSchema(), "The liquid phase.").isRequired(),
      ParamSpec::section("solid", solidSchema(), "The crystallizing solid.").isRequired(),
      ParamSpec::section("nucleation", EmpiricalNucleation::schema(),
                         "Primary and secondary nucleation (absent: none)."),
      ParamSpec::section("growth", EmpiricalGrowth::schema(),
                         "Growth, dissolution and growth-rate dispersion.")
          .isRequired(),
  };
  for (ParamSpec& p : interactionSections()) s.push_back(std::move(p));
  return s;
}

CrystallizerPoint::CrystallizerPoint(const Parameters& root, const PointConditions& at,
                                     double viscosity)
    : m_fraction(root.section("solution").real("antisolvent-fraction")),
      m_kind(supersaturationKind(root.section("solution").string("supersaturation"))),
      m_solubility(soluteSolubilities().make(root.section("solution").section("solubility"))),
      m_molarMass(root.section("solid").real("molar-mass")),
      m_density(root.section("solid").real("density")),
      m_nucleation(root.section("nucleation"), m_density),
      m_growth(root.section("growth")) {
  readBasis(root.section("solution"));
  checkTemperature(root, at.temperature);
  checkSolubility(root.section("solution"), at.temperature);
  // The moment methods carry no size-space diffusion: they would drop it silently.
  if (m_growth.dispersion() > 0.0 && root.section("population").string("method") != "sectional")
    throw root.section("growth").error(
        "dispersion", "growth-rate dispersion is carried on size classes only; set "
                      "population.method: sectional, or leave dispersion out");
  readInteractions(root, liquid(at.temperature, viscosity), root.section("solid").real("shape-factor"),
                   m_kernel, m_interactions);
}

// c0 from `concentration` or from `mass-ratio` and `density`; the solvent mass per volume w
// (constant: the model's volume and solvent are fixed in a batch); a solubility per mass of
// solvent becomes c* = X* w / M. Conventions: docs/theory/crystallizer-chemistry.md.
void CrystallizerPoint::readBasis(const Parameters& solution) {
  const bool byConcentration = solution.has("concentration"), byRatio = solution.has("mass-ratio");
  if (byConcentration == byRatio)
    throw solution.error(byRatio ? "mass-ratio" : "concentration",
                         byRatio ? "give either concentration or mass-ratio, not both"
                                 : "give the initial solute concentration (or mass-ratio)");
  const bool hasDensity = solution.has("density");
  if (byRatio && !hasDensity)
    throw solution.error("mass-ratio", "a mass ratio needs the solution's density (density)");
  if (m_solubility->perSolventMass() && !hasDensity)
    throw solution.section("solubility")
        .error("type", "a solubility per mass of solvent needs solution.density");
  if (byRatio) {
    const double X0 = solution.real("mass-ratio"), rho = solution.real("density");
    m_solventPerVolume = rho / (1.0 + X0);
    m_c0 = X0 * m_solventPerVolume / m_molarMass;
  } else {
    m_c0 = solution.real("concentration");
    if (hasDensity) {
      m_solventPerVolume = solution.real("density") - m_c0 * m_molarMass;
      if (!(m_solventPerVolume > 0.0))
        throw solution.error("density", "is not above the solute's mass concentration c0 M (" +
                                            std::to_string(m_c0 * m_molarMass) + " kg/m^3)");
    }
  }
  if (m_solubility->perSolventMass())
    m_solubility = std::make_unique<ScaledSoluteSolubility>(std::move(m_solubility),
                                                            m_solventPerVolume / m_molarMass);
}

// The antisolvent fraction inside a table's fractions, and c* > 0 at the vessel's temperature
// (checkTemperature has checked T against the law's range).
void CrystallizerPoint::checkSolubility(const Parameters& solution, double T) const {
  const SoluteSolubility& law = *m_solubility;
  if (law.dependsOnFraction() &&
      !(m_fraction >= law.minFraction() && m_fraction <= law.maxFraction())) {
    std::ostringstream msg;
    msg << m_fraction << " is outside the antisolvent fractions of solution.solubility ("
        << law.minFraction() << " to " << law.maxFraction() << ")";
    throw solution.error("antisolvent-fraction", msg.str());
  }
  const double cStar = law.at(T, m_fraction);
  if (!(cStar > 0.0)) {
    std::ostringstream msg;
    msg << "the solubility at " << T - 273.15 << " degC is " << cStar
        << " mol/m^3; it must be positive";
    throw solution.error("solubility", msg.str());
  }
}

CrystallizerRates CrystallizerPoint::rates(std::span<const double> c, double T) const {
  CrystallizerRates r;
  r.cStar = m_solubility->at(T, m_fraction);
  r.s = Supersaturation::of(m_kind, c[0], r.cStar);
  r.phi = c[1];
  r.temperature = T;
  r.primary = m_nucleation.primary(r.s, T);
  r.secondary = m_nucleation.secondary(r.s, r.phi, T);
  return r;
}

void CrystallizerPoint::addFluidBlocks(StateLayout& layout) const {
  layout.add("solute", 1, "mol/m^3", 1.0, {"solute"});
  layout.setRole("solute", {.nonNegative = true});
  // Tolerance scale V_m x 1 mol/m^3: the solid volume of the solute's own tolerance scale.
  layout.add("solids", 1, "m^3/m^3", molarVolume(), {"solid_volume_fraction"});
  layout.setRole("solids", {.nonNegative = true});
}

void CrystallizerPoint::initialFluid(std::span<double> c0) const {
  c0[0] = m_c0;
  c0[1] = 0.0;  // a particle-free liquid: the vessel adds the seeds (setInitialSolid)
}

void CrystallizerPoint::setInitialSolid(double solidVolume, std::span<double> c0) const {
  c0[1] = solidVolume;
}

ParticleProcesses CrystallizerPoint::processes(std::span<const double> c, const PointConditions& at,
                                               ArgumentSlopes* slopes) const {
  auto r = std::make_shared<const CrystallizerRates>(rates(c, at.temperature));
  ParticleProcesses p;
  p.growth = [this, r](double L) { return asRate(m_growth.rate(r->s, L, r->temperature)); };
  p.sizeDependentGrowth = m_growth.sizeDependent();
  p.growthKey.assign(c.begin(), c.end());  // rates(c, T): the fluid unknowns and temperature
  p.growthKey.push_back(at.temperature);
  if (const double Dg = m_growth.dispersion(); Dg > 0.0)
    p.sizeDiffusivity = [Dg](double, const RateAndSlopes&) { return RateAndSlopes{.value = Dg}; };
  const SigmaRate B{r->primary.value + r->secondary.value,
                    r->primary.dSigma + r->secondary.dSigma, r->secondary.dPhi};
  p.nucleation = asRate(B);
  p.arguments = 2;  // sigma, phi
  p.growthSlope = p.nucleationSlope = [](const RateAndSlopes& rate, std::size_t a) {
    return a == 0 ? rate.dLnS : rate.dLnC;
  };
  if (slopes) *slopes = ArgumentSlopes{2, 2, {r->s.dC, 0.0, 0.0, 1.0}};
  return p;
}

void CrystallizerPoint::fluidRates(std::span<const double>, double, double solidVolumeRate,
                                   std::span<double> dc) const {
  dc[0] = -solidVolumeRate / molarVolume();
  dc[1] = solidVolumeRate;
}

void CrystallizerPoint::solidCoupling(std::span<double> perSolidVolume) const {
  perSolidVolume[0] = -1.0 / molarVolume();
  perSolidVolume[1] = 1.0;
}

void CrystallizerPoint::registerParameters(ParameterRegistry& registry) {
  m_nucleation.registerParameters(registry, "nucleation");
  m_growth.registerParameters(registry, "growth");
}

std::vector<SeriesColumn> CrystallizerPoint::fluidColumns() const {
  return {{"temperature", "K", "temperature"},
          {"solute_concentration", "mol/m^3", "solute concentration c (per m^3 of suspension)"},
          {"solubility", "mol/m^3", "solubility c* at the temperature"},
          {"supersaturation", "-", "driving force sigma in the case's definition"},
          {"primary_nucleation_rate", "1/m^3/s", "primary nucleation rate B_p"},
          {"secondary_nucleation_rate", "1/m^3/s", "secondary nucleation rate B_s"},
          {"growth_rate", "m/s", "growth rate G = dL/dt (at the mean diameter)"},
          {"suspension_density", "kg/m^3", "M_T = rho_c phi, crystal mass per suspension volume"}};
}

std::size_t CrystallizerPoint::fluidValues(std::span<const double> c, const PointConditions& at,
                                           double L, std::span<double> row) const {
  const CrystallizerRates r = rates(c, at.temperature);
  row[0] = at.temperature;
  row[1] = c[0];
  row[2] = r.cStar;
  row[3] = r.s.sigma;
  row[4] = r.primary.value;
  row[5] = r.secondary.value;
  row[6] = m_growth.rate(r.s, L, at.temperature).value;
  row[7] = m_density * c[1];
  return 8;
}

double CrystallizerPoint::massBalanceError(std::span<const double> c, double solidVolume,
                                           std::span<const double> c0) const {
  const double scale = c0[0] * molarVolume() + c0[1];
  return scale > 0.0 ? std::abs(c[1] - solidVolume) / scale : 0.0;
}

std::vector<SeriesColumn> CrystallizerPoint::productColumns() const {
  return {{"mass_balance_error", "-",
           "|phi - solid volume of the particles| / (c0 V_m + phi0): the fluid's account of the "
           "solid against the size distribution's"}};
}

std::size_t CrystallizerPoint::productValues(std::span<const double> c, double solidVolume,
                                             std::span<const double> c0, double,
                                             std::span<double> row) const {
  row[0] = massBalanceError(c, solidVolume, c0);
  return 1;
}

std::vector<Metric> CrystallizerPoint::metrics(std::span<const double> c, const PointConditions& at,
                                               double solidVolume, std::span<const double> c0,
                                               double, double vesselVolume) const {
  const CrystallizerRates r = rates(c, at.temperature);
  std::vector<Metric> m{
      {"yield", c0[0] > 0.0 ? (c0[0] - c[0]) / c0[0] : 0.0, "-",
       "fraction of the initial (feed) solute crystallized, (c0 - c)/c0"},
      {"solute_concentration", c[0], "mol/m^3", "final solute concentration c"},
      {"solubility", r.cStar, "mol/m^3", "final solubility c*"},
      {"supersaturation", r.s.sigma, "-", "final driving force sigma (case's definition)"},
      {"suspension_density", m_density * c[1], "kg/m^3", "M_T = rho_c phi"},
      {"product_mass", m_density * c[1] * vesselVolume, "kg", "crystal mass in the vessel"},
      {"mass_balance_error", massBalanceError(c, solidVolume, c0), "-",
       "|phi - solid volume of the particles| / (c0 V_m + phi0)"},
  };
  if (m_solventPerVolume > 0.0) {
    const double toRatio = m_molarMass / m_solventPerVolume;
    m.push_back({"solute_mass_ratio", c[0] * toRatio, "kg/kg",
                 "final solute content per mass of solvent, X = c M / w"});
    m.push_back({"solubility_mass_ratio", r.cStar * toRatio, "kg/kg",
                 "final solubility per mass of solvent, X* = c* M / w"});
  }
  return m;
}

void CrystallizerPoint::addFeedKeys(Schema& feed) {
  feed.add(ParamSpec::real("concentration", dim::concentration,
                           "Solute concentration of the feed (particle-free).")
               .unit("mol/L")
               .defaultsTo("0 mol/L")
               .atLeast(0));
}

void CrystallizerPoint::feedFluid(const Parameters& feed, std::span<double> c) const {
  c[0] = feed.real("concentration");
  c[1] = 0.0;
}

}  // namespace proscale
