#include "models/thermo/Solubility.h"

#include <cmath>

#include "core/Constants.h"
#include "models/thermo/ActivityModel.h"
#include "models/thermo/OxideSolubility.h"

namespace proscale {

VantHoffSolubility::VantHoffSolubility(double kspRef, double Tref, double dissolutionEnthalpy)
    : m_lnKref(std::log(kspRef)), m_Tref(Tref), m_dH(dissolutionEnthalpy) {}

double VantHoffSolubility::lnKsp(double T) const {
  return m_lnKref - m_dH / constants::R * (1.0 / T - 1.0 / m_Tref);
}

AnalyticSolubility::AnalyticSolubility(std::vector<double> coefficients, double Tmin, double Tmax)
    : m_A(std::move(coefficients)), m_Tmin(Tmin), m_Tmax(Tmax) {
  m_A.resize(6, 0.0);
}

double AnalyticSolubility::lnKsp(double T) const {
  const double log10K = m_A[0] + m_A[1] * T + m_A[2] / T + m_A[3] * std::log10(T) +
                        m_A[4] / (T * T) + m_A[5] * T * T;
  return log10K * std::log(10.0);
}

namespace {
SchemaPtr analyticSchema() {
  auto s = std::make_shared<Schema>(
      "analytic",
      "log10 K_sp = A1 + A2 T + A3/T + A4 log10 T + A5/T^2 + A6 T^2 (T in K), PHREEQC's "
      "analytical expression, within [min-temperature, max-temperature].");
  s->add(ParamSpec::realList("coefficients", dim::none,
                             "A1 ... A6 as printed in the source (trailing ones may be left out).")
             .isRequired());
  s->add(ParamSpec::real("min-temperature", dim::temperature, "Lowest temperature of the fit.")
             .unit("degC")
             .defaultsTo("0 degC")
             .above(0));
  s->add(ParamSpec::real("max-temperature", dim::temperature, "Highest temperature of the fit.")
             .unit("degC")
             .defaultsTo("100 degC")
             .above(0));
  return s;
}

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
    f.add("analytic", analyticSchema(), [](const Parameters& p, const FormulaStoichiometry&) {
      const auto& A = p.reals("coefficients");
      if (A.empty() || A.size() > 6)
        throw p.error("coefficients", "give 1 to 6 coefficients A1 ... A6");
      if (p.real("min-temperature") >= p.real("max-temperature"))
        throw p.error("max-temperature", "must be above min-temperature");
      return std::make_unique<AnalyticSolubility>(A, p.real("min-temperature"),
                                                  p.real("max-temperature"));
    });
    f.add("concentration", concentrationSchema(),
          [](const Parameters& p, const FormulaStoichiometry& formula) {
            double lnK = 0.0;
            for (double nu : formula.nu)
              lnK += nu * std::log(nu * p.real("concentration") / kStandardConcentration);
            return std::make_unique<VantHoffSolubility>(std::exp(lnK), 298.15, 0.0);
          });
    addOxideSolubilityModels(f);  // `water-density`, `born` (OxideSolubility.h)
    return f;
  }();
  return factory;
}

}  // namespace proscale
