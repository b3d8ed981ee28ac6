#include "models/thermo/Solubility.h"

#include <cmath>

#include "core/Constants.h"
#include "models/thermo/ActivityModel.h"

namespace proscale {

VantHoffSolubility::VantHoffSolubility(double kspRef, double Tref, double dissolutionEnthalpy)
    : m_lnKref(std::log(kspRef)), m_Tref(Tref), m_dH(dissolutionEnthalpy) {}

double VantHoffSolubility::lnKsp(double T) const {
  return m_lnKref - m_dH / constants::R * (1.0 / T - 1.0 / m_Tref);
}

namespace {
SchemaPtr vantHoffSchema() {
  auto s = std::make_shared<Schema>(
      "vant-hoff", "K_sp(T) = K_sp,ref exp(-dH/R (1/T - 1/T_ref)); dH = 0 gives a constant K_sp.");
  s->add(ParamSpec::real("ksp", dim::none,
                         "Solubility product at the reference temperature, activities on the "
                         "1 mol/L scale.")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("reference-temperature", dim::temperature, "Temperature of `ksp`.")
             .unit("K")
             .defaultsTo("25 degC")
             .above(0));
  s->add(ParamSpec::real("dissolution-enthalpy", dim::molarEnergy,
                         "Standard enthalpy of dissolution (van 't Hoff).")
             .unit("kJ/mol")
             .defaultsTo("0 J/mol"));
  return s;
}

SchemaPtr concentrationSchema() {
  auto s = std::make_shared<Schema>(
      "concentration",
      "Solubility given as the concentration of dissolved formula units in equilibrium, "
      "c_sat (ideal solution): K_sp = prod_i (nu_i c_sat / c°)^nu_i, independent of T.");
  s->add(ParamSpec::real("concentration", dim::concentration, "Equilibrium concentration c_sat.")
             .unit("mol/L")
             .isRequired()
             .above(0));
  return s;
}
}  // namespace

const SolubilityFactory& solubilityModels() {
  static const SolubilityFactory factory = [] {
    SolubilityFactory f("solubility", "Solubility product of the solid as a function of T.");
    f.add("vant-hoff", vantHoffSchema(), [](const Parameters& p, const FormulaStoichiometry&) {
      return std::make_unique<VantHoffSolubility>(p.real("ksp"), p.real("reference-temperature"),
                                                  p.real("dissolution-enthalpy"));
    });
    f.add("concentration", concentrationSchema(),
          [](const Parameters& p, const FormulaStoichiometry& formula) {
            double lnK = 0.0;
            for (double nu : formula.nu)
              lnK += nu * std::log(nu * p.real("concentration") / kStandardConcentration);
            return std::make_unique<VantHoffSolubility>(std::exp(lnK), 298.15, 0.0);
          });
    return f;
  }();
  return factory;
}

}  // namespace proscale
