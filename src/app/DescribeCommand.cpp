// `proscale describe` (DescribeCommand.h): water by the IAPWS releases, solvents by their
// Hansen parameters, a dispersion case's pseudo-molecule results.
#include "app/DescribeCommand.h"

#include <cmath>
#include <iomanip>
#include <sstream>
#include <string>

#include "core/Errors.h"
#include "core/Units.h"
#include "models/thermo/dispersion/HansenSolvents.h"
#include "models/thermo/water/Water.h"
#include "app/DispersionCommand.h"
#include "app/RunCommand.h"

namespace proscale {
namespace {

/// The SI value of `text` (an option's quantity), which must have dimension `d`.
double quantityOption(const std::string& option, const std::string& text, Dimension d,
                      const std::string& example) {
  if (text.empty()) throw UsageError(option + " is required (e.g. " + option + " \"" + example + "\")");
  Quantity q;
  try {
    q = parseQuantity(text);
  } catch (const UnitError& e) {
    throw UsageError(option + ": " + e.what());
  }
  if (!q.hasUnit || q.dimension != d)
    throw UsageError(option + ": '" + text + "' needs a unit of " + d.toString() + " (e.g. \"" +
                     example + "\")");
  return q.value;
}

std::string line(const std::string& name, double value, const std::string& unit, int digits = 6) {
  std::ostringstream s;
  s << "  " << std::left << std::setw(30) << name << std::setprecision(digits) << value << " "
    << unit << "\n";
  return s.str();
}

int describeWaterState(const CommandLine& cl, std::ostream& out) {
  const DescribeOptions& o = cl.describe;
  const double T = quantityOption("--T", o.temperature, dim::temperature, "400 degC");
  const bool byDensity = !o.density.empty();
  if (byDensity && !o.pressure.empty()) throw UsageError("give --p or --rho, not both");
  WaterDescription d;
  try {
    if (byDensity) {
      const double rho = quantityOption("--rho", o.density, dim::density, "322 kg/m^3");
      d = describeWaterTRho(T, rho);
    } else {
      d = describeWater(T, quantityOption("--p", o.pressure, dim::pressure, "25 MPa"));
    }
  } catch (const RecoverableError& e) {
    throw InputError(SourceMark{"describe water", 0, 0}, byDensity ? "--T, --rho" : "--T, --p", e.what());
  }
  const WaterState& s = d.state;
  out << "water at T = " << std::setprecision(6) << s.T << " K (" << s.T - 273.15 << " degC), p = "
      << s.p * 1e-6 << " MPa: " << phaseName(s.phase) << "\n";
  out << line("density", s.rho, "kg/m^3", 9) << line("specific enthalpy", s.h * 1e-3, "kJ/kg", 9)
      << line("specific entropy", s.s * 1e-3, "kJ/(kg K)", 9)
      << line("isobaric heat capacity", s.cp * 1e-3, "kJ/(kg K)")
      << line("isochoric heat capacity", s.cv * 1e-3, "kJ/(kg K)")
      << line("speed of sound", s.w, "m/s") << line("viscosity", d.viscosity * 1e6, "uPa s")
      << line("thermal conductivity", d.conductivity * 1e3, "mW/(m K)")
      << line("dielectric constant", d.dielectric, "-") << line("pK_w", d.pKw, "(K_w in (mol/kg)^2)");
  if (d.saturationPressure > 0.0)
    out << line("saturation pressure", d.saturationPressure * 1e-6, "MPa");
  out << "equations: " << d.equations << "\n";
  return kSuccess;
}

int describeSolvent(const std::string& name, std::ostream& out) {
  HansenSolvent s;
  try {
    s = hansenSolvent(name);
  } catch (const std::invalid_argument& e) {
    throw InputError(SourceMark{"describe solvent", 0, 0}, "solvent", e.what());
  }
  out << s.name << " (Hansen solubility parameters at 25 degC)\n"
      << line("delta_D (dispersion)", s.parameters.dispersion, "MPa^0.5")
      << line("delta_P (polar)", s.parameters.polar, "MPa^0.5")
      << line("delta_H (hydrogen bonding)", s.parameters.hydrogenBonding, "MPa^0.5")
      << line("delta_t (total)", std::sqrt(s.parameters.dispersion * s.parameters.dispersion +
                                           s.parameters.polar * s.parameters.polar +
                                           s.parameters.hydrogenBonding * s.parameters.hydrogenBonding),
              "MPa^0.5")
      << line("molar volume", s.molarVolume * 1e6, "cm^3/mol");
  if (!s.flag().empty()) out << "flag: " << s.flag() << "\n";
  out << (s.source.rfind("Source:", 0) == 0 ? "" : "source: ") << s.source << "\n";
  return kSuccess;
}

}  // namespace

int runDescribe(const CommandLine& cl, std::ostream& out) {
  const std::string& what = cl.describe.what;
  if (what == "water") return describeWaterState(cl, out);
  if (cl.describe.target.empty())
    throw UsageError("describe " + what + " needs " +
                     (what == "solvent" ? "the solvent's name" : "the dispersion case file"));
  if (what == "solvent") return describeSolvent(cl.describe.target, out);
  return describeDispersion(cl.describe.target, out);
}

}  // namespace proscale
