#include "models/thermo/OxideSolubility.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "core/Constants.h"
#include "core/Errors.h"
#include "models/thermo/ActivityModel.h"
#include "models/thermo/water/Iapws95.h"
#include "models/thermo/water/WaterDielectric.h"
#include "models/thermo/water/WaterTable.h"

namespace proscale {
namespace {

/// rho_w [kg/m^3] at (T, p) through the fast path (WaterTable.h: IAPWS-95 to 1e-6 outside a
/// +-0.2 K x +-0.2 MPa band around the critical point): the solubility is evaluated at every
/// right-hand side. A state on the saturation line to round-off takes the liquid (the
/// correlations are written for the liquid or the supercritical fluid).
double densityAt(double T, double p) {
  return WaterTable::shared().at(T, p, WaterPhase::Liquid).rho;
}

std::string rangeText(const char* model, double T, double p, std::pair<double, double> range) {
  std::ostringstream s;
  s << model << " solubility: T = " << T << " K is outside " << range.first << "-"
    << range.second << " K, the correlation's range (its temperatures and water densities) at p = "
    << p / 1e6 << " MPa";
  return s.str();
}

void checkDensity(const char* model, double T, double rho, const WaterCorrelationRange& r) {
  if (rho >= r.rhoMin * (1.0 - 1e-9) && rho <= r.rhoMax * (1.0 + 1e-9)) return;
  std::ostringstream s;
  s << model << " solubility: water density " << rho << " kg/m^3 at T = " << T
    << " K is outside the correlation's " << r.rhoMin << "-" << r.rhoMax << " kg/m^3";
  throw RecoverableError(s.str());
}

/// sum_i nu_i ln(nu_i c / c°) for c [mol/L] given as ln(c / (1 mol/L)).
double lnKspOfConcentration(double lnC, const FormulaStoichiometry& formula) {
  double lnK = 0.0;
  for (double nu : formula.nu) lnK += nu * (std::log(nu) + lnC);
  return lnK;
}

double totalNu(const FormulaStoichiometry& formula) {
  double n = 0.0;
  for (double nu : formula.nu) n += nu;
  return n;
}

std::pair<double, double> checkedRange(double p, const WaterCorrelationRange& r,
                                       const char* model) {
  const auto T = waterCorrelationTemperatures(p, r);
  if (!(T.first <= T.second)) {
    std::ostringstream s;
    s << model << " solubility: no temperature in " << r.Tmin << "-" << r.Tmax
      << " K gives a water density within " << r.rhoMin << "-" << r.rhoMax << " kg/m^3 at p = "
      << p / 1e6 << " MPa";
    throw std::invalid_argument(s.str());
  }
  return T;
}

}  // namespace

std::pair<double, double> waterCorrelationTemperatures(double p, const WaterCorrelationRange& r) {
  double lo = std::max(r.Tmin, iapws95::Tmin), hi = std::min(r.Tmax, iapws95::Tmax);
  if (!(lo <= hi) || !(p > 0.0) || p > iapws95::pmax) return {1.0, 0.0};
  // rho_w falls with T along an isobar: the T where it crosses a bound, by bisection, keeping
  // the end that satisfies the bound.
  auto crossing = [p](double a, double b, double rhoBound) {
    for (int i = 0; i < 200 && b - a > 1e-10 * b; ++i) {
      const double mid = 0.5 * (a + b);
      (densityAt(mid, p) > rhoBound ? a : b) = mid;
    }
    return std::make_pair(a, b);  // rho(a) > bound >= rho(b)
  };
  if (std::isfinite(r.rhoMax) && densityAt(lo, p) > r.rhoMax) {
    if (densityAt(hi, p) > r.rhoMax) return {1.0, 0.0};
    lo = crossing(lo, hi, r.rhoMax).second;
  }
  if (r.rhoMin > 0.0 && densityAt(hi, p) < r.rhoMin) {
    if (densityAt(lo, p) < r.rhoMin) return {1.0, 0.0};
    hi = crossing(lo, hi, r.rhoMin).first;
  }
  return {lo, hi};
}

DensitySolubility::DensitySolubility(DensityCorrelation k, double p, WaterCorrelationRange range,
                                     FormulaStoichiometry formula)
    : m_k(k), m_p(p), m_range(range), m_formula(std::move(formula)),
      m_T(checkedRange(p, range, "water-density")) {}

double DensitySolubility::log10Correlation(double T, double rho) const {
  return m_k.a + m_k.b * std::log10(rho / m_k.densityUnit) + m_k.c / T;
}

double DensitySolubility::waterDensity(double T) const {
  if (!(T >= m_T.first && T <= m_T.second))
    throw RecoverableError(rangeText("water-density", T, m_p, m_T));
  const double rho = densityAt(T, m_p);
  checkDensity("water-density", T, rho, m_range);
  return rho;
}

double DensitySolubility::solubility(double T) const {
  const double rho = waterDensity(T);
  const double toMolar = m_k.scale == ConcentrationScale::Molality ? rho / 1000.0 : 1.0;
  return std::pow(10.0, log10Correlation(T, rho)) * toMolar * kStandardConcentration;
}

double DensitySolubility::lnKsp(double T) const {
  const double rho = waterDensity(T);
  double lnC = log10Correlation(T, rho) * std::log(10.0);  // ln(c*/c°_src)
  if (m_k.scale == ConcentrationScale::Molality) lnC += std::log(rho / 1000.0);
  return lnKspOfConcentration(lnC, m_formula);
}

BornSolubility::BornSolubility(BornCorrelation k, double p, WaterCorrelationRange range,
                               FormulaStoichiometry formula)
    : m_k(k), m_p(p), m_range(range), m_formula(std::move(formula)),
      m_T(checkedRange(p, range, "born")),
      m_epsRef(waterDielectricConstant(k.Tref, densityAt(k.Tref, k.pref))) {}

double BornSolubility::lnKSource(double T, double eps) const {
  const double R = constants::R;
  return m_k.lnKref - m_k.enthalpy / R * (1.0 / T - 1.0 / m_k.Tref) -
         m_k.bornCoefficient / R * ((1.0 / eps - 1.0) / T - (1.0 / m_epsRef - 1.0) / m_k.Tref);
}

double BornSolubility::lnKsp(double T) const {
  if (!(T >= m_T.first && T <= m_T.second))
    throw RecoverableError(rangeText("born", T, m_p, m_T));
  const double rho = densityAt(T, m_p);
  checkDensity("born", T, rho, m_range);
  double lnK = lnKSource(T, waterDielectricConstant(T, rho));
  if (m_k.scale == ConcentrationScale::Molality) lnK += totalNu(m_formula) * std::log(rho / 1000.0);
  return lnK;
}

namespace {

void addWaterKeys(Schema& s) {
  s.add(ParamSpec::real("pressure", dim::pressure,
                        "Pressure of the water, where rho_w = rho_IAPWS-95(T, p) is evaluated "
                        "(no default: the solubility near the critical point depends on it).")
            .unit("MPa")
            .isRequired()
            .above(0)
            .atMost(iapws95::pmax));
  s.add(ParamSpec::choice("concentration-scale", {"molality", "molarity"},
                          "The source's concentration scale: mol/kg water (converted with "
                          "c = m rho_w) or mol/L.")
            .isRequired());
  s.add(ParamSpec::real("min-temperature", dim::temperature,
                        "Lowest temperature of the source's data (with max-temperature, "
                        "min-density and max-density, the correlation's range).")
            .unit("degC")
            .isRequired()
            .above(0));
  s.add(ParamSpec::real("max-temperature", dim::temperature,
                        "Highest temperature of the source's data (at most 800 degC, the "
                        "IAPWS-95 range proscale uses).")
            .unit("degC")
            .isRequired()
            .above(0));
  s.add(ParamSpec::real("min-density", dim::density,
                        "Lowest water density of the source's data (optional; without it only "
                        "the temperatures bound the range).")
            .unit("kg/m^3")
            .above(0));
  s.add(ParamSpec::real("max-density", dim::density, "Highest water density of the source's data.")
            .unit("kg/m^3")
            .above(0));
}

WaterCorrelationRange rangeFrom(const Parameters& p) {
  WaterCorrelationRange r;
  r.Tmin = p.real("min-temperature");
  r.Tmax = p.real("max-temperature");
  if (r.Tmin >= r.Tmax) throw p.error("max-temperature", "must be above min-temperature");
  if (p.has("min-density")) r.rhoMin = p.real("min-density");
  if (p.has("max-density")) r.rhoMax = p.real("max-density");
  if (r.rhoMin >= r.rhoMax) throw p.error("max-density", "must be above min-density");
  return r;
}

ConcentrationScale scaleFrom(const Parameters& p) {
  return p.string("concentration-scale") == "molality" ? ConcentrationScale::Molality
                                                       : ConcentrationScale::Molarity;
}

SchemaPtr densitySchema() {
  auto s = std::make_shared<Schema>(
      "water-density",
      "Density model log10(c*/c°) = a + b log10(rho_w/rho_unit) + c/T (Chrastil 1982; "
      "docs/theory/oxide-solubility.md), rho_w by IAPWS-95 at `pressure`; c* the dissolved "
      "formula units, K_sp = prod_i (nu_i c*/c°)^nu_i.");
  s->add(ParamSpec::real("a", dim::none, "Constant a.").isRequired());
  s->add(ParamSpec::real("b", dim::none, "Density exponent b.").isRequired());
  s->add(ParamSpec::real("c", dim::none, "c of c/T, in K.").isRequired());
  s->add(ParamSpec::choice("density-unit", {"g/cm^3", "kg/m^3"},
                           "The unit rho_w is divided by, as the source defines it.")
             .isRequired());
  addWaterKeys(*s);
  return s;
}

SchemaPtr bornSchema() {
  auto s = std::make_shared<Schema>(
      "born",
      "ln K = ln K_ref - dH_n/R (1/T - 1/T_ref) "
      "- d_omega/R [(1/eps - 1)/T - (1/eps_ref - 1)/T_ref] "
      "(Born solvation term of HKF 1981 with constant omega; docs/theory/oxide-solubility.md), "
      "eps by IAPWS 1997 at rho_w(T, `pressure`).");
  s->add(ParamSpec::real("ksp", dim::none,
                         "K of the formula's dissolution at (reference-temperature, "
                         "reference-pressure), on the source's concentration scale.")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("reference-temperature", dim::temperature, "Temperature of `ksp`.")
             .unit("K")
             .defaultsTo("25 degC")
             .above(0));
  s->add(ParamSpec::real("reference-pressure", dim::pressure,
                         "Pressure of `ksp` (default 0.1 MPa: HKF's standard-state pressure, "
                         "1 bar); sets eps_ref.")
             .unit("MPa")
             .defaultsTo("0.1 MPa")
             .above(0));
  s->add(ParamSpec::real("dissolution-enthalpy", dim::molarEnergy,
                         "Non-solvation enthalpy dH_n of the dissolution (the total at T_ref "
                         "minus d_omega (1/eps - 1 + T Y) there).")
             .unit("kJ/mol")
             .defaultsTo("0 J/mol"));
  s->add(ParamSpec::real("born-coefficient", dim::molarEnergy,
                         "d_omega, the Born coefficients of the products minus the reactants "
                         "(HKF's omega; positive when ions are formed).")
             .unit("kJ/mol")
             .isRequired());
  addWaterKeys(*s);
  return s;
}

std::unique_ptr<Solubility> makeDensity(const Parameters& p, const FormulaStoichiometry& formula) {
  DensityCorrelation k;
  k.a = p.real("a");
  k.b = p.real("b");
  k.c = p.real("c");
  k.densityUnit = p.string("density-unit") == "g/cm^3" ? 1e3 : 1.0;
  k.scale = scaleFrom(p);
  try {
    return std::make_unique<DensitySolubility>(k, p.real("pressure"), rangeFrom(p), formula);
  } catch (const std::invalid_argument& e) {
    throw p.error("pressure", e.what());
  }
}

std::unique_ptr<Solubility> makeBorn(const Parameters& p, const FormulaStoichiometry& formula) {
  BornCorrelation k;
  k.lnKref = std::log(p.real("ksp"));
  k.Tref = p.real("reference-temperature");
  k.pref = p.real("reference-pressure");
  k.enthalpy = p.real("dissolution-enthalpy");
  k.bornCoefficient = p.real("born-coefficient");
  k.scale = scaleFrom(p);
  try {
    return std::make_unique<BornSolubility>(k, p.real("pressure"), rangeFrom(p), formula);
  } catch (const std::invalid_argument& e) {
    throw p.error("pressure", e.what());
  }
}

}  // namespace

void addOxideSolubilityModels(SolubilityFactory& f) {
  f.add("water-density", densitySchema(), makeDensity);
  f.add("born", bornSchema(), makeBorn);
}

}  // namespace proscale
