#include "models/thermo/PrecipitatingSolid.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/Constants.h"
#include "models/kinetics/Stoichiometry.h"

namespace proscale {
namespace {
// Concentrations below this floor [mol/m^3] are treated as the floor inside logarithms.
constexpr double kLogFloor = 1e-30;
}  // namespace

SchemaPtr PrecipitatingSolid::schema() {
  auto s = std::make_shared<Schema>("solid", "The precipitating solid.");
  s->add(ParamSpec::string("name", "Name of the solid, e.g. BaSO4.").isRequired());
  s->add(ParamSpec::string("formula",
                           "Dissolved species per formula unit, joined by ' + ', e.g. "
                           "'Ba+2 + SO4-2' or '2 Ag+ + CrO4-2'.")
             .isRequired());
  s->add(ParamSpec::real("molar-mass", dim::molarMass, "Molar mass of the formula unit.")
             .unit("g/mol")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("density", dim::density, "Density of the solid.")
             .unit("g/cm^3")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("shape-factor", dim::none,
                         "Volume shape factor k_v (particle volume = k_v L^3); pi/6 for spheres.")
             .defaultsTo("0.5235987755982988")
             .above(0));
  s->add(ParamSpec::typed("solubility", solubilityModels().family(),
                          "Solubility product K_sp(T).")
             .isRequired());
  return s;
}

PrecipitatingSolid::PrecipitatingSolid(const Parameters& p, const Solution& solution)
    : m_solution(solution),
      m_name(p.string("name")),
      m_molarMass(p.real("molar-mass")),
      m_molarVolume(p.real("molar-mass") / p.real("density")),
      m_shapeFactor(p.real("shape-factor")) {
  StoichiometricTerms terms;
  try {
    terms = parseTerms(p.string("formula"));
  } catch (const std::invalid_argument& e) {
    throw p.error("formula", e.what());
  }
  FormulaStoichiometry stoichiometry;
  int charge = 0;
  for (const auto& [species, nu] : terms) {
    if (!solution.contains(species))
      throw p.error("formula", "species '" + species + "' is not declared in solution.species");
    const std::size_t i = solution.index(species);
    m_formula.emplace_back(i, nu);
    m_nuSum += nu;
    stoichiometry.nu.push_back(nu);
    charge += static_cast<int>(std::lround(nu * solution.charges()[i]));
  }
  if (charge != 0)
    throw p.error("formula", "formula unit carries charge " + std::to_string(charge) +
                                 "; the solid must be neutral");
  m_solubility = solubilityModels().make(p.section("solubility"), stoichiometry);
  m_lnGamma.resize(solution.size());
  m_dLnGammaDI.resize(solution.size());
}

SupersaturationState PrecipitatingSolid::supersaturation(std::span<const double> c, double T) const {
  const auto& z = m_solution.charges();
  const double I = ionicStrength(c, z);
  m_solution.activity().lnGamma(I, T, z, m_lnGamma, m_dLnGammaDI);
  SupersaturationState s;
  s.dLnS.assign(c.size(), 0.0);
  s.dLnC.assign(c.size(), 0.0);
  double lnIap = -m_solubility->lnKsp(T), lnC = 0.0, dLnIapDI = 0.0;
  for (const auto& [i, nu] : m_formula) {
    const double ci = std::max(c[i], kLogFloor);
    lnIap += nu * (std::log(ci / kStandardConcentration) + m_lnGamma[i]);
    lnC += nu * std::log(ci / nu);
    dLnIapDI += nu * m_dLnGammaDI[i];
    if (c[i] > kLogFloor) {
      s.dLnS[i] += nu / (m_nuSum * ci);
      s.dLnC[i] += nu / (m_nuSum * ci);
    }
  }
  s.lnS = lnIap / m_nuSum;
  s.c = std::exp(lnC / m_nuSum);
  // dI/dc_j = z_j^2 / (2 c°) for c_j > 0
  for (std::size_t j = 0; j < c.size(); ++j)
    if (c[j] > 0.0 && z[j] != 0)
      s.dLnS[j] += dLnIapDI / m_nuSum * 0.5 * z[j] * z[j] / kStandardConcentration;
  return s;
}

}  // namespace proscale
