#include "models/mixing/MixingTimes.h"

#include <cmath>

namespace proscale {

BlendTime blendTime(double powerNumber, double reynolds, double speed, double vesselToImpeller,
                    double heightToDiameter, double homogeneity) {
  const double geometry = vesselToImpeller * vesselToImpeller * std::sqrt(heightToDiameter);
  const double group = std::cbrt(powerNumber) * reynolds;  // N_P^(1/3) Re
  BlendTime b;
  b.turbulent = group >= 6370.0;
  const double theta95 = b.turbulent ? 5.20 / std::cbrt(powerNumber) * geometry / speed
                                     : 183.0 * 183.0 / (group * std::cbrt(powerNumber)) *
                                           geometry / speed;
  b.seconds = theta95 * std::log(1.0 - homogeneity) / std::log(0.05);
  return b;
}

double inertialConvectiveTime(double feedFlow, double velocity, double dissipation, double A) {
  return A * std::cbrt(feedFlow / (velocity * dissipation));  // A (Lambda_c^2/eps)^(1/3)
}

double turbulentDispersionTime(double feedFlow, double velocity, double turbulentDiffusivity) {
  return feedFlow / (velocity * turbulentDiffusivity);
}

double turbulentDiffusivity(double kineticEnergy, double dissipation, double schmidtTurbulent) {
  return kCmu * kineticEnergy * kineticEnergy / (schmidtTurbulent * dissipation);
}

double engulfmentRate(double dissipation, double kinematicViscosity) {
  return kEngulfment * std::sqrt(dissipation / kinematicViscosity);
}

double engulfmentTime(double dissipation, double kinematicViscosity) {
  return 1.0 / engulfmentRate(dissipation, kinematicViscosity);
}

double iemExchangeTime(double kineticEnergy, double dissipation, double Cphi) {
  return 2.0 * kineticEnergy / (Cphi * dissipation);
}

double minimumFeedTime(double feedVolume, double velocity, double dissipation,
                       double kinematicViscosity, double A) {
  const double tE = engulfmentTime(dissipation, kinematicViscosity);
  const double ratio = tE / A;
  return feedVolume / (velocity * dissipation * ratio * ratio * ratio);
}

}  // namespace proscale
