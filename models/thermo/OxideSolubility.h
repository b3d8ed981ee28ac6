#pragma once
// Oxide solubility in hot and supercritical water, where the solvent's density and dielectric
// constant, not T alone, set the solubility (docs/theory/oxide-solubility.md).
//
// DensitySolubility, the density model (Chrastil, J. Phys. Chem. 86 (1982) 3016, ln S =
// k ln rho + a/T + b, for solids in supercritical fluids; the log rho_w form of equilibrium
// constants in water of Marshall & Franck, J. Phys. Chem. Ref. Data 10 (1981) 295):
//   log10(c* / c°_src) = a + b log10(rho_w / rho_unit) + c / T,
//   rho_w = rho_IAPWS-95(T, p) at the case's pressure p, rho_unit = 1 kg/m^3 or 1 g/cm^3.
// BornSolubility, a non-solvation part with constant enthalpy plus the Born solvation term of
// Helgeson, Kirkham & Flowers (Am. J. Sci. 281 (1981) 1249), Delta G_s = Delta omega (1/eps - 1)
// and constant omega (Tanger & Helgeson, Am. J. Sci. 288 (1988) 19, without the g-function),
// non-solvation heat capacity neglected:
//   ln K(T, p) = ln K_ref - (Delta H_n / R)(1/T - 1/T_ref)
//                - (Delta omega / R) [ (1/eps(T, rho_w) - 1)/T - (1/eps_ref - 1)/T_ref ],
//   eps_ref = eps(T_ref, rho_w(T_ref, p_ref)), eps by the IAPWS 1997 static dielectric constant.
//
// Convention (the Solubility interface): K_sp is dimensionless on the c° = 1 mol/L scale,
// K_sp = prod_i (nu_i c*/c°)^nu_i over the formula's dissolved species (as `concentration`),
// so a molecular solute such as CeO2(aq) or ZnO(aq) (nu = 1) has K_sp = c*/c°. Sources in
// molality are converted with c [mol/L] = m [mol/kg] * rho_w [kg/L] (dilute solution: the
// solution's density is the water's), which matters in supercritical water (rho_w ~ 0.1-0.4).
// SI units: K, Pa, kg/m^3, J/mol.
#include <limits>
#include <utility>

#include "models/thermo/Solubility.h"

namespace proscale {

/// The concentration scale a correlation was written on.
enum class ConcentrationScale { Molarity, Molality };

/// Where a water-dependent correlation may be used: its source's temperatures and water
/// densities, at the case's pressure, inside the IAPWS-95 range proscale uses.
struct WaterCorrelationRange {
  double Tmin = 0.0, Tmax = 0.0;  ///< [K]
  double rhoMin = 0.0;            ///< [kg/m^3]
  double rhoMax = std::numeric_limits<double>::infinity();
};

/// The temperatures [K] at which water at pressure p [Pa] has rho_w within [rhoMin, rhoMax],
/// intersected with [Tmin, Tmax] and the IAPWS-95 range (rho_w falls with T along an isobar;
/// bisection). first > second when the interval is empty.
std::pair<double, double> waterCorrelationTemperatures(double p, const WaterCorrelationRange& r);

/// log10(c*/c°_src) = a + b log10(rho_w / rho_unit) + c/T.
struct DensityCorrelation {
  double a = 0.0;
  double b = 0.0;
  double c = 0.0;            ///< [K]
  double densityUnit = 1e3;  ///< rho_unit [kg/m^3]: 1e3 for g/cm^3, 1 for kg/m^3
  ConcentrationScale scale = ConcentrationScale::Molality;
};

class DensitySolubility final : public Solubility {
 public:
  /// p [Pa] the (constant) pressure of the water; formula.nu the dissolved species per formula
  /// unit. Throws std::invalid_argument when the range is empty at p.
  DensitySolubility(DensityCorrelation k, double p, WaterCorrelationRange range,
                    FormulaStoichiometry formula);
  /// Throws RecoverableError outside [minTemperature, maxTemperature] or rho_w outside the range.
  double lnKsp(double T) const override;
  double minTemperature() const override { return m_T.first; }
  double maxTemperature() const override { return m_T.second; }
  /// The correlation itself, log10(c*/c°_src), at T [K] and water density rho [kg/m^3].
  double log10Correlation(double T, double rho) const;
  /// c* [mol/m^3] at T and the model's pressure.
  double solubility(double T) const;
  double pressure() const { return m_p; }

 private:
  double waterDensity(double T) const;

  DensityCorrelation m_k;
  double m_p;
  WaterCorrelationRange m_range;
  FormulaStoichiometry m_formula;
  std::pair<double, double> m_T;
};

/// ln K(T_ref, p_ref), Delta H_n, Delta omega of the Born form.
struct BornCorrelation {
  double lnKref = 0.0;          ///< ln K at (T_ref, p_ref), on the source's scale
  double Tref = 298.15;         ///< [K]
  double pref = 0.1e6;          ///< [Pa] (HKF's reference pressure is 1 bar)
  double enthalpy = 0.0;        ///< non-solvation enthalpy Delta H_n [J/mol]
  double bornCoefficient = 0.0; ///< Delta omega [J/mol] (products minus reactants)
  ConcentrationScale scale = ConcentrationScale::Molality;
};

class BornSolubility final : public Solubility {
 public:
  BornSolubility(BornCorrelation k, double p, WaterCorrelationRange range,
                 FormulaStoichiometry formula);
  double lnKsp(double T) const override;
  double minTemperature() const override { return m_T.first; }
  double maxTemperature() const override { return m_T.second; }
  /// ln K on the source's scale at T [K], water density rho [kg/m^3] and dielectric eps.
  double lnKSource(double T, double eps) const;
  double referenceDielectric() const { return m_epsRef; }
  double pressure() const { return m_p; }

 private:
  BornCorrelation m_k;
  double m_p;
  WaterCorrelationRange m_range;
  FormulaStoichiometry m_formula;
  std::pair<double, double> m_T;
  double m_epsRef;
};

/// Parameter sets (docs/theory/oxide-solubility.md, "Parameters").
namespace oxide_solubility {
/// ZnO(s) = ZnO(aq) (the neutral hydroxo complex, pH-independent solubility, molality), fitted
/// here to Thermoddem V1.10 (Zincite + ZnO(aq) of Akinfiev & Tagirov 2014), 25-300 degC at
/// 0.1 MPa / saturation, rho_w 712-997 kg/m^3 (range 710-998 kg/m^3); source table
/// tests/models/data/zno_solubility_thermoddem_psat.csv, fit residual at most 0.067 in log10.
/// Beyond that range an extrapolation.
inline constexpr DensityCorrelation kZincOxideDensity{-0.249030, 9.351429, -2282.1361, 1e3,
                                                      ConcentrationScale::Molality};
inline constexpr BornCorrelation kZincOxideBorn{-18.187794, 298.15, 0.1e6, 630875.4, 587756.5,
                                                ConcentrationScale::Molality};
inline constexpr WaterCorrelationRange kZincOxideSourceRange{298.15, 573.15, 710.0, 998.0};
/// CeO2(s) = CeO2(aq): an ESTIMATE, not a fit to cerium data. a is set so that c* = 1.5552e-8
/// mol/kg at 25 degC and 0.1 MPa (rho_w = 997.047 kg/m^3): the total dissolved Ce over CeO2 of
/// the ECHA registration dossier for cerium, computed with the FACT database, pH ~8.9, trust C;
/// b and c are ZnO's.
inline constexpr DensityCorrelation kCeriaDensityEstimate{-0.141881, 9.351429, -2282.1361, 1e3,
                                                          ConcentrationScale::Molality};
}  // namespace oxide_solubility

/// Registers `water-density` and `born` in the solubility factory (called by solubilityModels).
void addOxideSolubilityModels(SolubilityFactory& factory);

}  // namespace proscale
