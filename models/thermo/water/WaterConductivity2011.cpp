#include "models/thermo/water/WaterConductivity2011.h"

#include <cmath>
#include <string>

#include "core/Errors.h"
#include "models/thermo/water/Iapws95.h"
#include "models/thermo/water/WaterTransportCommon.h"
#include "models/thermo/water/WaterViscosity2008.h"

namespace proscale {
namespace {

constexpr double kTc = iapws95::Tc, kRhoc = iapws95::rhoc;
constexpr double kLambdaStar = 1e-3;  // [W/(m K)]
constexpr double kMuStar = 1e-6;      // [Pa s]
constexpr double kR = 461.51805;      // [J/(kg K)], the release's R (0.46151805 kJ/(kg K))

// Table 1: L_k of eq. 16.
constexpr double kL[5] = {2.443221e-3, 1.323095e-2, 6.770357e-3, -3.454586e-3, 4.096266e-4};

// Table 2: L_ij of eq. 17, row i = 0..4 (powers of 1/Tbar - 1), column j = 0..5 (powers of
// rhobar - 1).
constexpr double kLij[5][6] = {
    {1.60397357, -0.646013523, 0.111443906, 0.102997357, -0.0504123634, 0.00609859258},
    {2.33771842, -2.78843778, 1.53616167, -0.463045512, 0.0832827019, -0.00719201245},
    {2.19650529, -4.54580785, 3.55777244, -1.40944978, 0.275418278, -0.0205938816},
    {-1.21051378, 1.60812989, -0.621178141, 0.0716373224, 0.0, 0.0},
    {-2.7203370, 4.57586331, -3.18369245, 1.1168348, -0.19268305, 0.012913842},
};

// Critical-region constants (release Table 3 and eqs. 18-22).
constexpr double kLambda = 177.8514;
constexpr double kQd = 1.0 / 0.40;  // [1/nm]
constexpr double kPi = 3.14159265358979323846;

constexpr iapws_transport::PressureBand kBands[] = {
    {100e6, 1173.15}, {250e6, 874.0}, {687e6, 573.0}, {785e6, 403.0}, {1000e6, 348.0}};
const iapws_transport::Range kRange{
    "IAPWS 2011 thermal conductivity",
    "251.165-1173.15 K up to 100 MPa, 874 K to 250 MPa, 573 K to 687 MPa, 403 K to 785 MPa, "
    "348 K to 1000 MPa",
    iapws2011::TminConductivity, iapws2011::TmaxConductivity, kBands};

}  // namespace

namespace iapws2011 {

void checkConductivityRange(double T, double rho) { iapws_transport::checkRange(kRange, T, rho); }

double conductivityDilute(double T) {
  const double Tbar = T / kTc;
  double sum = 0.0, power = 1.0;
  for (double Lk : kL) {
    sum += Lk / power;
    power *= Tbar;
  }
  return std::sqrt(Tbar) / sum;
}

double conductivityDensityFactor(double T, double rho) {
  return iapws_transport::backgroundFactor(T, rho, kLij);  // eq. 17
}

double conductivityCriticalEnhancement(double T, double rho, double cp, double cv,
                                       double drhodpAtT, double drhodpAtTR, double mu) {
  const double Tbar = T / kTc, rhobar = rho / kRhoc;
  const double xi = iapws_transport::correlationLength(T, rho, drhodpAtT, drhodpAtTR);  // eqs. 21-22
  const double y = kQd * xi;                                                              // eq. 20
  if (y < 1.2e-7) return 0.0;
  const double kappaInv = cv / cp;
  const double Z = 2.0 / (kPi * y) *
                   (((1.0 - kappaInv) * std::atan(y) + kappaInv * y) -
                    (1.0 - std::exp(-1.0 / (1.0 / y + y * y / (3.0 * rhobar * rhobar)))));  // eq. 19
  return kLambda * rhobar * (cp / kR) * Tbar / (mu / kMuStar) * Z;  // eq. 18
}

}  // namespace iapws2011

double waterConductivityIapws2011(double T, double rho) {
  iapws_transport::checkTemperatureAndDensity(kRange, T, rho);
  const double background =
      iapws2011::conductivityDilute(T) * iapws2011::conductivityDensityFactor(T, rho);
  if (rho == 0.0) return kLambdaStar * background;  // lambda1 = 1, lambda2 = 0
  const WaterState state = iapws95FromTRho(T, rho);
  iapws_transport::checkPressure(kRange, T, state.p);
  const double drhodp = 1.0 / state.dpdrho;
  const double drhodpR = iapws2008::compressibilityAtReferenceTemperature(rho);
  const double mu = iapws2008::viscosityWithCritical(T, rho, drhodp, drhodpR);
  const double lambda = kLambdaStar * (background + iapws2011::conductivityCriticalEnhancement(
                                                         T, rho, state.cp, state.cv, drhodp,
                                                         drhodpR, mu));
  // At the critical point itself IAPWS-95's cp and cv are infinite and lambda2 diverges.
  if (!std::isfinite(lambda))
    throw RecoverableError("IAPWS 2011 thermal conductivity: lambda diverges at T = " +
                           std::to_string(T) + " K, rho = " + std::to_string(rho) +
                           " kg/m^3 (the critical point)");
  return lambda;
}

double waterConductivityIapws2011NoCritical(double T, double rho) {
  iapws2011::checkConductivityRange(T, rho);
  return kLambdaStar * iapws2011::conductivityDilute(T) *
         iapws2011::conductivityDensityFactor(T, rho);
}

}  // namespace proscale
