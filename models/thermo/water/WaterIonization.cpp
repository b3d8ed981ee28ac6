#include "models/thermo/water/WaterIonization.h"

#include <cmath>
#include <sstream>
#include <string>

#include "core/Errors.h"

namespace proscale {
namespace {

struct BanduraLvovCoefficients {
  const char* release;
  double Tmax;                   // [K]
  double alpha0, alpha1, alpha2;  // Q
  double beta0, beta1, beta2;     // the density term
};

constexpr BanduraLvovCoefficients kR11_24 = {
    "IAPWS R11-24", 1273.15, -0.702132, 8681.05, -24145.1, 0.813876, -51.4471, -0.469920};
constexpr BanduraLvovCoefficients kR11_07 = {
    "IAPWS R11-07", 1073.15, -0.864671, 8659.19, -22786.2, 0.642044, -56.8534, -0.375754};

constexpr double kN = 6.0;                          // coordination number
constexpr double kGamma[4] = {0.61415, 48251.33, -67707.93, 10102100.0};  // pK_w^G
constexpr double kMolalMolarMass = 0.018015268;     // m0 M_w [-]

std::string number(double x) {
  std::ostringstream out;
  out.precision(8);
  out << x;
  return out.str();
}

double pKw(const BanduraLvovCoefficients& c, double T, double rhoSI) {
  if (!(T >= iapwsIonization::Tmin && T <= c.Tmax))
    throw RecoverableError(std::string(c.release) + " ionic product: T = " + number(T) +
                           " K is outside 273.15-" + number(c.Tmax) + " K");
  if (!(rhoSI >= 0.0 && rhoSI <= iapwsIonization::rhoMax))
    throw RecoverableError(std::string(c.release) + " ionic product: rho = " + number(rhoSI) +
                           " kg/m^3 is outside 0-1250 kg/m^3");
  const double rho = rhoSI / 1000.0;  // [g/cm^3]
  const double pKwGas = kGamma[0] + kGamma[1] / T + kGamma[2] / (T * T) + kGamma[3] / (T * T * T);
  const double Q = rho * std::exp(c.alpha0 + c.alpha1 / T + c.alpha2 * std::cbrt(rho * rho) / (T * T));
  return -2.0 * kN * (std::log10(1.0 + Q) - Q / (Q + 1.0) * rho * (c.beta0 + c.beta1 / T + c.beta2 * rho)) +
         pKwGas + 2.0 * std::log10(kMolalMolarMass);
}

}  // namespace

double waterPKw(double T, double rho) { return pKw(kR11_24, T, rho); }

double waterPKwIapws2007(double T, double rho) { return pKw(kR11_07, T, rho); }

}  // namespace proscale
