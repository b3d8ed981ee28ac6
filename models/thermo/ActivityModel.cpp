#include "models/thermo/ActivityModel.h"

#include <algorithm>
#include <cmath>

namespace proscale {

double ionicStrength(std::span<const double> c, std::span<const int> charges) {
  double sum = 0.0;
  for (std::size_t i = 0; i < c.size(); ++i)
    sum += std::max(c[i], 0.0) * charges[i] * charges[i];
  return 0.5 * sum / kStandardConcentration;
}

void IdealActivity::lnGamma(double, double, std::span<const int>, std::span<double> lnGamma,
                            std::span<double> dLnGammaDI) const {
  std::fill(lnGamma.begin(), lnGamma.end(), 0.0);
  std::fill(dLnGammaDI.begin(), dLnGammaDI.end(), 0.0);
}

double DaviesActivity::waterPermittivity(double T) {
  // Malmberg & Maryott, J. Res. Natl. Bur. Stand. 56 (1956) 1-8, eq. for 0-100 degC.
  const double t = T - 273.15;
  return 87.740 - 0.40008 * t + 9.398e-4 * t * t - 1.410e-6 * t * t * t;
}

double DaviesActivity::debyeHuckelA(double T) {
  // A = 1.82483e6 sqrt(rho_w [g/cm^3]) / (eps_r T)^(3/2)  (Robinson & Stokes, Electrolyte
  // Solutions, 2nd ed., 1959, ch. 7). rho_w = 0.997 g/cm^3 (25 degC) is kept constant: its
  // variation over 0-100 degC changes A by < 2 %.
  const double eps = waterPermittivity(T);
  return 1.82483e6 * std::sqrt(0.997) / std::pow(eps * T, 1.5);
}

void DaviesActivity::lnGamma(double I, double T, std::span<const int> charges,
                             std::span<double> lnGamma, std::span<double> dLnGammaDI) const {
  const double A = debyeHuckelA(T);
  const double s = std::sqrt(std::max(I, 0.0));
  const double f = s / (1.0 + s) - 0.3 * I;
  // df/dI = 1 / (2 sqrt(I) (1 + sqrt(I))^2) - 0.3; floor sqrt(I) to keep it finite at I = 0.
  const double sf = std::max(s, 1e-8);
  const double dfdI = 1.0 / (2.0 * sf * (1.0 + sf) * (1.0 + sf)) - 0.3;
  for (std::size_t i = 0; i < charges.size(); ++i) {
    const double z2 = static_cast<double>(charges[i] * charges[i]);
    lnGamma[i] = -std::log(10.0) * A * z2 * f;
    dLnGammaDI[i] = -std::log(10.0) * A * z2 * dfdI;
  }
}

const ActivityFactory& activityModels() {
  static const ActivityFactory factory = [] {
    ActivityFactory f("activity", "Activity coefficients of the dissolved species.");
    f.add("ideal", std::make_shared<Schema>("ideal", "gamma = 1 for every species."),
          [](const Parameters&) { return std::make_unique<IdealActivity>(); });
    f.add("davies",
          std::make_shared<Schema>("davies",
                                   "Davies (1938) equation with A(T) from water's permittivity; "
                                   "valid to an ionic strength of about 0.5 mol/L."),
          [](const Parameters&) { return std::make_unique<DaviesActivity>(); });
    return f;
  }();
  return factory;
}

}  // namespace proscale
