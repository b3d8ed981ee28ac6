#pragma once
// Dynamic viscosity of liquid water at atmospheric pressure, 0-100 degC: Korson,
// Drost-Hansen & Millero, J. Phys. Chem. 73 (1969) 34, eq. (5) with log10:
//   log10(mu(t) / mu(20 degC)) = (A (20 - t) - B (t - 20)^2) / (t + C),
//   A = 1.1709, B = 0.001827, C = 89.93, mu(20 degC) = 1.0020 mPa s, t in degC.
// docs/theory/solution-thermodynamics.md.
namespace proscale {

/// mu_w [Pa s] at T [K].
double waterViscosity(double T);
/// The correlation's range [K].
inline constexpr double kWaterViscosityTmin = 273.15, kWaterViscosityTmax = 373.15;

}  // namespace proscale
