#include "models/thermo/water/WaterViscosity2008.h"

#include <cmath>

#include "core/Errors.h"
#include "models/thermo/water/Iapws95.h"
#include "models/thermo/water/WaterTransportCommon.h"

namespace proscale {
namespace {

// Reference constants (release eqs. 1-4): IAPWS-95's critical point.
constexpr double kTc = iapws95::Tc;
constexpr double kMuStar = 1e-6;  // [Pa s]

// Table 1: H_i of eq. 11.
constexpr double kH[4] = {1.67752, 2.20462, 0.6366564, -0.241605};

// Table 2: H_ij of eq. 12, row i = 0..5 (powers of 1/Tbar - 1), column j = 0..6 (powers of
// rhobar - 1); the release lists the 21 nonzero ones, the rest are zero.
constexpr double kHij[6][7] = {
    {5.20094e-1, 2.22531e-1, -2.81378e-1, 1.61913e-1, -3.25372e-2, 0.0, 0.0},
    {8.50895e-2, 9.99115e-1, -9.06851e-1, 2.57399e-1, 0.0, 0.0, 0.0},
    {-1.08374, 1.88797, -7.72479e-1, 0.0, 0.0, 0.0, 0.0},
    {-2.89555e-1, 1.26613, -4.89837e-1, 0.0, 6.98452e-2, 0.0, -4.35673e-3},
    {0.0, 0.0, -2.57040e-1, 0.0, 0.0, 8.72102e-3, 0.0},
    {0.0, 1.20573e-1, 0.0, 0.0, 0.0, 0.0, -5.93264e-4},
};

// Table 3: critical-region constants.
constexpr double kXmu = 0.068;       // x_mu, critical exponent of the viscosity
constexpr double kQc = 1.0 / 1.9;    // q_C [1/nm]
constexpr double kQd = 1.0 / 1.1;    // q_D [1/nm]

// The pressure bands of the range of validity: up to pmax, T <= Tmax.
constexpr iapws_transport::PressureBand kBands[] = {
    {300e6, 1173.15}, {350e6, 873.15}, {500e6, 433.15}, {1000e6, 373.15}};
const iapws_transport::Range kRange{
    "IAPWS 2008 viscosity",
    "251.165-1173.15 K up to 300 MPa, 873.15 K to 350 MPa, 433.15 K to 500 MPa, 373.15 K to "
    "1000 MPa",
    iapws2008::TminViscosity, iapws2008::TmaxViscosity, kBands};

// Y of eqs. 15-19 at correlation length xi [nm].
double enhancementY(double xi) {
  const double qcXi = kQc * xi, qdXi = kQd * xi;
  if (xi <= 0.3817016416) {  // eq. 15 (the series form, for small xi)
    return 0.2 * qcXi * std::pow(qdXi, 5) *
           (1.0 - qcXi + qcXi * qcXi - 765.0 / 504.0 * qdXi * qdXi);
  }
  const double psiD = std::acos(1.0 / std::sqrt(1.0 + qdXi * qdXi));                 // eq. 17
  const double w = std::sqrt(std::fabs((qcXi - 1.0) / (qcXi + 1.0))) * std::tan(psiD / 2);  // eq. 18
  const double L = qcXi > 1.0 ? std::log((1.0 + w) / (1.0 - w)) : 2.0 * std::atan(std::fabs(w));  // eq. 19
  return std::sin(3.0 * psiD) / 12.0 - std::sin(2.0 * psiD) / (4.0 * qcXi) +
         (1.0 - 1.25 * qcXi * qcXi) / (qcXi * qcXi) * std::sin(psiD) -
         ((1.0 - 1.5 * qcXi * qcXi) * psiD -
          std::pow(std::fabs(qcXi * qcXi - 1.0), 1.5) * L) /
             (qcXi * qcXi * qcXi);  // eq. 16
}

}  // namespace

namespace iapws2008 {

void checkViscosityRange(double T, double rho) { iapws_transport::checkRange(kRange, T, rho); }

double viscosityDilute(double T) {
  const double Tbar = T / kTc;
  double sum = 0.0, power = 1.0;
  for (double Hi : kH) {
    sum += Hi / power;
    power *= Tbar;
  }
  return 100.0 * std::sqrt(Tbar) / sum;
}

double viscosityDensityFactor(double T, double rho) {
  return iapws_transport::backgroundFactor(T, rho, kHij);  // eq. 12
}

double viscosityCriticalFactor(double T, double rho, double drhodpAtT, double drhodpAtTR) {
  const double xi = iapws_transport::correlationLength(T, rho, drhodpAtT, drhodpAtTR);  // eqs. 20-21
  if (xi == 0.0) return 1.0;                       // Y = 0
  return std::exp(kXmu * enhancementY(xi));        // eq. 14
}

double viscosityWithCritical(double T, double rho, double drhodpAtT, double drhodpAtTR) {
  return kMuStar * viscosityDilute(T) * viscosityDensityFactor(T, rho) *
         viscosityCriticalFactor(T, rho, drhodpAtT, drhodpAtTR);
}

double compressibilityAtReferenceTemperature(double rho) {
  return 1.0 / iapws95FromTRho(iapws_transport::kReducedReferenceTemperature * iapws95::Tc, rho).dpdrho;
}

}  // namespace iapws2008

double waterViscosityIapws2008(double T, double rho) {
  iapws_transport::checkTemperatureAndDensity(kRange, T, rho);
  if (rho == 0.0) return kMuStar * iapws2008::viscosityDilute(T);  // mu1 = mu2 = 1
  const WaterState state = iapws95FromTRho(T, rho);
  iapws_transport::checkPressure(kRange, T, state.p);
  return iapws2008::viscosityWithCritical(
      T, rho, 1.0 / state.dpdrho, iapws2008::compressibilityAtReferenceTemperature(rho));
}

double waterViscosityIapws2008NoCritical(double T, double rho) {
  iapws2008::checkViscosityRange(T, rho);
  return kMuStar * iapws2008::viscosityDilute(T) * iapws2008::viscosityDensityFactor(T, rho);
}

}  // namespace proscale
