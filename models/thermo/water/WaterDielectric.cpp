#include "models/thermo/water/WaterDielectric.h"

#include <cmath>
#include <sstream>

#include "core/Errors.h"
#include "models/thermo/water/Iapws95.h"

namespace proscale {
namespace {

// Table 1: N_k, i_k, j_k (k = 1..11); N_12 and q of the last term.
struct Term {
  double N, i, j;
};
constexpr Term kTerms[11] = {
    {0.978224486826, 1, 0.25},      {-0.957771379375, 1, 1},
    {0.237511794148, 1, 2.5},       {0.714692244396, 2, 1.5},
    {-0.298217036956, 3, 1.5},      {-0.108863472196, 3, 2.5},
    {0.949327488264e-1, 4, 2},      {-0.980469816509e-2, 5, 2},
    {0.165167634970e-4, 6, 5},      {0.937359795772e-4, 7, 0.5},
    {-0.123179218720e-9, 10, 10},
};
constexpr double kN12 = 0.196096504426e-2, kQ = 1.2, kT12 = 228.0;  // [K]

// The release's constants (N_A and k are CODATA 1986, as the release uses them).
constexpr double kDipole = 6.138e-30;         // [C m]
constexpr double kPolarizability = 1.636e-40;  // [C^2 J^-1 m^2]
constexpr double kAvogadro = 6.0221367e23;    // [1/mol]
constexpr double kBoltzmann = 1.380658e-23;   // [J/K]
constexpr double kEps0 = 8.854187817e-12;     // [C^2 J^-1 m^-1]
constexpr double kMolarMass = 0.018015268;    // [kg/mol]
constexpr double kTc = 647.096, kRhoc = 322.0;
constexpr double kPressureSlack = 1e-5;

std::string number(double x) {
  std::ostringstream out;
  out.precision(8);
  out << x;
  return out.str();
}

[[noreturn]] void outOfRange(const std::string& what) {
  throw RecoverableError("IAPWS 1997 dielectric constant: " + what +
                         " (range: 238-873 K, up to 1000 MPa)");
}

}  // namespace

namespace iapws1997 {

double harrisAlderG(double T, double rho) {
  const double delta = rho / kRhoc, tau = kTc / T;
  double g = 1.0;
  for (const Term& t : kTerms) g += t.N * std::pow(delta, t.i) * std::pow(tau, t.j);
  return g + kN12 * delta * std::pow(T / kT12 - 1.0, -kQ);
}

double dielectricConstantUnchecked(double T, double rho) {
  const double A = kAvogadro * kDipole * kDipole * rho * harrisAlderG(T, rho) /
                   (kMolarMass * kEps0 * kBoltzmann * T);
  const double B = kAvogadro * kPolarizability * rho / (3.0 * kMolarMass * kEps0);
  return (1.0 + A + 5.0 * B +
          std::sqrt(9.0 + 2.0 * A + 18.0 * B + A * A + 10.0 * A * B + 9.0 * B * B)) /
         (4.0 * (1.0 - B));
}

}  // namespace iapws1997

double waterDielectricConstant(double T, double rho) {
  if (!(T >= iapws1997::TminDielectric && T <= iapws1997::TmaxDielectric))
    outOfRange("T = " + number(T) + " K is outside 238-873 K");
  if (!(rho >= 0.0) || !std::isfinite(rho))
    outOfRange("rho = " + number(rho) + " kg/m^3 is not a density");
  const double p = rho > 0.0 ? iapws95FromTRho(T, rho).p : 0.0;
  if (!(p <= iapws1997::pmaxDielectric * (1.0 + kPressureSlack)))
    outOfRange("p(T, rho) = " + number(p / 1e6) + " MPa is above 1000 MPa");
  return iapws1997::dielectricConstantUnchecked(T, rho);
}

}  // namespace proscale
