#include "models/thermo/water/Water.h"

#include <cmath>
#include <limits>
#include <sstream>

#include "core/Errors.h"
#include "models/thermo/water/WaterConductivity2011.h"
#include "models/thermo/water/WaterDielectric.h"
#include "models/thermo/water/WaterIonization.h"
#include "models/thermo/water/WaterTable.h"
#include "models/thermo/water/WaterViscosity2008.h"

namespace proscale {

WaterPoint waterAt(double T, double p) {
  const auto x = WaterTable::shared().at(T, p);
  return {T, p, x.rho, x.h, x.cp};
}

// Newton on h(T) - h = 0 along the isobar with cp = dh/dT, kept inside the bracket [lo, hi]
// that the iterates narrow (h increases with T at fixed p: cp > 0), bisecting when a step
// leaves it. The pseudo-critical cp peak makes plain Newton overshoot; the bracket does not.
double waterTemperatureFromEnthalpy(double h, double p) {
  double lo = iapws95::Tmin, hi = iapws95::Tmax;
  const double hLo = waterAt(lo, p).h, hHi = waterAt(hi, p).h;
  if (!(h >= hLo && h <= hHi)) {
    std::ostringstream msg;
    msg << "water at p = " << p * 1e-6 << " MPa: h = " << h * 1e-3
        << " kJ/kg is outside the range " << hLo * 1e-3 << "-" << hHi * 1e-3
        << " kJ/kg of 0-800 degC";
    throw RecoverableError(msg.str());
  }
  double T = lo + (hi - lo) * (h - hLo) / (hHi - hLo);
  for (int it = 0; it < 100; ++it) {
    const WaterPoint w = waterAt(T, p);
    const double r = w.h - h;
    if (r > 0.0) hi = T; else lo = T;
    if (std::abs(r) <= 1e-12 * std::abs(h) + 1e-9 || hi - lo < 1e-12 * T) return T;
    double next = T - r / w.cp;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    T = next;
  }
  return T;
}

double waterViscosityAt(double T, double p) {
  return waterViscosityIapws2008(T, iapws95FromTP(T, p).rho);
}

namespace {
WaterDescription describeState(const WaterState& state, const char* entry) {
  WaterDescription d;
  d.state = state;
  const double T = state.T;
  d.viscosity = waterViscosityIapws2008(T, d.state.rho);
  d.conductivity = waterConductivityIapws2011(T, d.state.rho);
  // The dielectric release covers 238-873 K: above, no value (NaN, printed as n/a).
  d.dielectric = T <= iapws1997::TmaxDielectric ? waterDielectricConstant(T, d.state.rho)
                                      : std::numeric_limits<double>::quiet_NaN();
  d.pKw = waterPKw(T, d.state.rho);
  if (T < iapws95::Tc) d.saturationPressure = iapws95Saturation(T).p;
  d.equations = std::string("IAPWS-95 (R6-95(2018)) ") + entry +
      "; viscosity IAPWS R12-08 (2008); thermal "
      "conductivity IAPWS R15-11 (2011); static dielectric constant IAPWS R8-97 (1997); "
      "ionic product IAPWS R11-24 (2024)";
  return d;
}
}  // namespace

WaterDescription describeWater(double T, double p) {
  return describeState(iapws95FromTP(T, p), "from (T, p) by Newton in density");
}

WaterDescription describeWaterTRho(double T, double rho) {
  if (!(T >= iapws95::Tmin && T <= iapws95::Tmax) || !(rho > 0.0 && rho <= 1400.0)) {
    std::ostringstream msg;
    msg << "water at (T, rho): T = " << T << " K, rho = " << rho
        << " kg/m^3 is outside 273.15-1073.15 K x (0, 1400] kg/m^3";
    throw RecoverableError(msg.str());
  }
  return describeState(iapws95FromTRho(T, rho), "at (T, rho)");
}

}  // namespace proscale
