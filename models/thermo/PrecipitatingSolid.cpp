#include "models/thermo/PrecipitatingSolid.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/Constants.h"
#include "models/kinetics/Stoichiometry.h"

namespace proscale {
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
  s->add(ParamSpec::real("crystallization-enthalpy", dim::molarEnergy,
                         "Enthalpy of crystallization Delta H_c per mole of solid formed "
                         "(negative: heat released); used by an energy balance "
                         "(reactor.energy-balance).")
             .unit("kJ/mol")
             .defaultsTo("0 J/mol"));
  return s;
}

PrecipitatingSolid::PrecipitatingSolid(const Parameters& p, const Solution& solution)
    : m_solution(solution),
      m_name(p.string("name")),
      m_molarMass(p.real("molar-mass")),
      m_molarVolume(p.real("molar-mass") / p.real("density")),
      m_shapeFactor(p.real("shape-factor")),
      m_crystallizationEnthalpy(p.real("crystallization-enthalpy")) {
  const ResolvedFormula formula =
      resolveFormula(p, "formula", solution.names(), solution.charges());
  FormulaStoichiometry stoichiometry;
  for (const auto& [i, nu] : formula.terms) {
    m_formula.emplace_back(i, nu);
    m_nuSum += nu;
    stoichiometry.nu.push_back(nu);
  }
  if (formula.charge != 0)
    throw p.error("formula", "formula unit carries charge " + std::to_string(formula.charge) +
                                 "; the solid must be neutral");
  m_solubility = solubilityModels().make(p.section("solubility"), stoichiometry);
}

SupersaturationState PrecipitatingSolid::supersaturation(std::span<const double> c, double T) const {
  const std::size_t n = c.size(), nf = m_formula.size();
  m_solution.speciate(c, T, m_speciation);
  const Speciation& sp = m_speciation;
  SupersaturationState s;
  s.dLnS.assign(n, 0.0);
  s.dLnC.assign(n, 0.0);
  s.ionC.assign(nf, 0.0);
  s.dLnIon.assign(nf * n, 0.0);
  const double lnK = m_solubility->lnKsp(T);
  double lnIap = -lnK, lnC = 0.0, lnNuProduct = 0.0;  // lnNuProduct = ln prod_f nu_f^nu_f
  for (std::size_t f = 0; f < nf; ++f) {
    const auto& [i, nu] = m_formula[f];
    const double ci = std::max(sp.free[i], kConcentrationFloor);
    s.ionC[f] = ci;
    lnIap += nu * (std::log(ci / kStandardConcentration) + sp.lnGamma[i]);
    lnC += nu * std::log(ci / nu);
    lnNuProduct += nu * std::log(nu);
    for (std::size_t j = 0; j < n; ++j) {
      const double dLnFree = sp.free[i] > kConcentrationFloor ? sp.dLnFreeAt(i, j) : 0.0;
      s.dLnIon[f * n + j] = dLnFree;
      s.dLnC[j] += nu / m_nuSum * dLnFree;
      s.dLnS[j] += nu / m_nuSum * (dLnFree + sp.dLnGammaAt(i, j));
    }
  }
  s.lnS = lnIap / m_nuSum;
  s.c = std::exp(lnC / m_nuSum);
  s.cSat = std::exp((lnK - lnNuProduct) / m_nuSum) * kStandardConcentration;
  s.ionicStrength = sp.ionicStrength;
  return s;
}

}  // namespace proscale
