#pragma once
// Activity coefficients of dissolved species. Concentrations are in mol/m^3 (SI); the ionic
// strength is computed on the molar scale, I = 1/2 sum c_i z_i^2 / c°, c° = 1000 mol/m^3
// (1 mol/L; equal to the molal scale for dilute aqueous solutions to within the solution's
// density). Theory and sources: docs/theory/solution-thermodynamics.md.
#include <memory>
#include <span>
#include <vector>

#include "core/Registry.h"

namespace proscale {

inline constexpr double kStandardConcentration = 1000.0;  // c° [mol/m^3] = 1 mol/L

/// I [mol/L] from concentrations [mol/m^3] and charges.
double ionicStrength(std::span<const double> c, std::span<const int> charges);

class ActivityModel {
 public:
  virtual ~ActivityModel() = default;
  /// ln(gamma_i) at ionic strength I [mol/L] and temperature T [K], and d ln(gamma_i)/dI.
  virtual void lnGamma(double ionicStrength, double T, std::span<const int> charges,
                       std::span<double> lnGamma, std::span<double> dLnGammaDI) const = 0;
};

/// gamma = 1: dilute or molecular solutes.
class IdealActivity final : public ActivityModel {
 public:
  void lnGamma(double, double, std::span<const int>, std::span<double> lnGamma,
               std::span<double> dLnGammaDI) const override;
};

/// Davies (1938): log10 gamma_i = -A(T) z_i^2 (sqrt(I)/(1 + sqrt(I)) - 0.3 I), I <~ 0.5 mol/L.
class DaviesActivity final : public ActivityModel {
 public:
  void lnGamma(double ionicStrength, double T, std::span<const int> charges,
               std::span<double> lnGamma, std::span<double> dLnGammaDI) const override;
  /// Debye-Hückel A [(mol/L)^-1/2] from water's permittivity and density at T.
  static double debyeHuckelA(double T);
  /// Relative permittivity of liquid water, Malmberg & Maryott (1956), 0-100 degC.
  static double waterPermittivity(double T);
};

using ActivityFactory = Factory<ActivityModel>;
const ActivityFactory& activityModels();

}  // namespace proscale
