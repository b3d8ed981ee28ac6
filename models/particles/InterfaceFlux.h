#pragma once
// The flux of formula units to (or from) a particle across a diffusion layer, from the
// individual ion concentrations: each formula species f arrives at nu_f J = k_d (c_f - c_f,s),
// so the interface holds c_f,s = c_f - nu_f u with u = J / k_d [mol/m^3]. Source of the
// formulation: Nielsen, J. Cryst. Growth 67 (1984) 289 (coupled transport of the lattice
// ions); equations in docs/theory/growth.md.
//
// * Diffusion control: the interface is in equilibrium with the particle,
//     Q(u) = (prod_f ((c_f - nu_f u)/nu_f)^nu_f)^(1/nu) = c_eq,
//   c_eq = c S_eq(L) / S the mean concentration of formula units in equilibrium with the
//   particle at the bulk activity coefficients. With an excess of one ion the minor ion limits
//   the flux; for a 1:1 salt the root is the smaller root of a quadratic.
// * Diffusion and surface integration in series: k_d u = J_int(S_s),
//   S_s = Q(u) / c_eq the supersaturation at the interface, J_int = G_int(S_s) / (2 V_m).
// Each root comes with its slopes in ln c_eq and ln c_f, for the Jacobian.
#include <array>

#include "models/particles/DrivingForce.h"

namespace proscale {

struct InterfaceFlux {
  double u = 0.0;       ///< J / k_d [mol/m^3] (> 0: growth, < 0: dissolution)
  double dLnCeq = 0.0;  ///< du / d(ln c_eq)
  std::array<double, kMaxFormulaIons> dLnIon{};  ///< du / d(ln c_f)
};

/// Surface-integration rate of a face, G_int(S_s) = k_r (S_s - 1)^g [m/s] (antisymmetric
/// below saturation: -k_r (1 - S_s)^g).
struct IntegrationLaw {
  double rateConstant = 0.0;  ///< k_r [m/s]
  double order = 2.0;         ///< g >= 1
  double rate(double Ss) const;
  double slope(double Ss) const;  ///< dG_int/dS_s
};

/// Diffusion control at the interface: the root of Q(u) = c_eq.
InterfaceFlux diffusionControlledFlux(const DrivingForce& f, double cEq);
/// Diffusion (mass-transfer coefficient kd [m/s]) and integration in series.
InterfaceFlux mixedControlFlux(const DrivingForce& f, double cEq, double kd,
                               const IntegrationLaw& law);

}  // namespace proscale
