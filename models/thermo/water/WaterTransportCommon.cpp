#include "models/thermo/water/WaterTransportCommon.h"

#include <sstream>

#include "core/Errors.h"

namespace proscale::iapws_transport {
namespace {

constexpr double kPressureSlack = 1e-5;
constexpr double kXi0 = 0.13;  // [nm]
constexpr double kGamma0 = 0.06, kNu = 0.630, kGamma = 1.239;

std::string number(double x) {
  std::ostringstream out;
  out.precision(8);
  out << x;
  return out.str();
}

[[noreturn]] void outOfRange(const Range& r, const std::string& what) {
  throw RecoverableError(std::string(r.name) + ": " + what + " (range: " + r.text + ")");
}

}  // namespace

void checkTemperatureAndDensity(const Range& r, double T, double rho) {
  if (!(T >= r.Tmin && T <= r.Tmax))
    outOfRange(r, "T = " + number(T) + " K is outside " + number(r.Tmin) + "-" + number(r.Tmax) + " K");
  if (!(rho >= 0.0) || !std::isfinite(rho))
    outOfRange(r, "rho = " + number(rho) + " kg/m^3 is not a density");
}

void checkPressure(const Range& r, double T, double p) {
  if (!(p <= r.bands.back().pmax * (1.0 + kPressureSlack)))
    outOfRange(r, "p(T, rho) = " + number(p / 1e6) + " MPa is above " +
                      number(r.bands.back().pmax / 1e6) + " MPa");
  for (const PressureBand& band : r.bands)
    if (p <= band.pmax * (1.0 + kPressureSlack)) {
      if (T > band.Tmax)
        outOfRange(r, "T = " + number(T) + " K at p(T, rho) = " + number(p / 1e6) +
                          " MPa is above " + number(band.Tmax) + " K");
      return;
    }
}

void checkRange(const Range& r, double T, double rho) {
  checkTemperatureAndDensity(r, T, rho);
  checkPressure(r, T, rho > 0.0 ? iapws95FromTRho(T, rho).p : 0.0);
}

double correlationLength(double T, double rho, double drhodpAtT, double drhodpAtTR) {
  const double Tbar = T / iapws95::Tc, rhobar = rho / iapws95::rhoc;
  const double scale = iapws95::pc / iapws95::rhoc;
  const double deltaChi =
      rhobar * scale * (drhodpAtT - drhodpAtTR * kReducedReferenceTemperature / Tbar);
  if (!(deltaChi > 0.0)) return 0.0;
  return kXi0 * std::pow(deltaChi / kGamma0, kNu / kGamma);
}

}  // namespace proscale::iapws_transport
