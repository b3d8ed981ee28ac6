#pragma once
// The Debye-Hückel constant of water, shared by the Davies and Bromley equations.
// docs/theory/solution-thermodynamics.md.
namespace proscale {

/// Relative permittivity of liquid water, Malmberg & Maryott (1956), 0-100 degC.
double waterPermittivity(double T);
/// Debye-Hückel A [(mol/L)^-1/2, log10 basis] from water's permittivity and density at T [K].
double debyeHuckelA(double T);
/// The temperature range [K] of the permittivity correlation.
inline constexpr double kDebyeHuckelTmin = 273.15, kDebyeHuckelTmax = 373.15;

}  // namespace proscale
