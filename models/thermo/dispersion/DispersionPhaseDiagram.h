#pragma once
// Fluid-fluid phase behaviour of a nanoparticle dispersion from its second virial coefficient:
// the "augmented van der Waals" free energy (Longuet-Higgins & Widom, Mol. Phys. 8 (1964) 549)
// of Carnahan-Starling hard spheres (Carnahan & Starling, J. Chem. Phys. 51 (1969) 635) of the
// effective diameter 2 a_eff plus a mean-field attraction whose strength is fixed by B2(T):
// the extended law of corresponding states of Noro & Frenkel, J. Chem. Phys. 113 (2000) 2941
// (and Vliegenthart & Lekkerkerker, J. Chem. Phys. 112 (2000) 5364: the critical point of
// short-range attractive particles lies near B2* = -1.5).
//
// phi = volume fraction of the effective particles (core + shell), v_p = 4/3 pi a_eff^3,
// f = beta F v_p / V (terms linear in phi dropped: they do not change the phase equilibria):
//   f(phi)     = phi (ln phi - 1) + phi (4 phi - 3 phi^2)/(1 - phi)^2 - alpha phi^2
//   beta mu    = f'  = ln phi + (8 phi - 9 phi^2 + 3 phi^3)/(1 - phi)^3 - 2 alpha phi
//   beta P v_p = phi f' - f = phi (1 + phi + phi^2 - phi^3)/(1 - phi)^3 - alpha phi^2
// Low-density limit: beta P / rho = 1 + (B2_HS - alpha v_p) rho, so B2 = B2_HS (1 - alpha/4):
//   alpha = 4 (1 - B2*),  B2* = B2 / B2_HS,  B2_HS = 4 v_p.
// Spinodal f'' = 0:  alpha_s(phi) = (1 + 4 phi + 4 phi^2 - 4 phi^3 + phi^4) / (2 phi (1 - phi)^4)
// Critical point: the minimum of alpha_s, d alpha_s/d phi = 0, i.e. the root in (0, 1) of
//   phi^5 - 5 phi^4 + 4 phi^3 + 20 phi^2 + 5 phi - 1 = 0:
//   phi_c = 0.1304, alpha_c = 10.60, B2*_c = -1.65, Z_c = beta P / rho = 0.3590.
// Binodal: mu(phi_1) = mu(phi_2), P(phi_1) = P(phi_2), phi_1 < spinodal < phi_2. Newton from
// the spinodal alone fails (its Jacobian, made of f'', vanishes there), so the pair is first
// bracketed: for a pressure between those of the two spinodal points each branch has one
// density (bisection), and mu_gas - mu_liquid rises monotonically with the pressure (d mu =
// dP / rho); bisection on ln P; then Newton on (ln phi_1, phi_2) polishes the pair.
//
// Limits: mean field (no critical fluctuations; the binodal is too narrow near T_c); the
// attraction is fitted only to B2 (the corresponding-states assumption, good for attractions
// short-ranged compared with the particle size); fluid phases only: the hard-sphere freezing
// (phi = 0.494) and, for short-range attraction, a fluid-solid transition that pre-empts the
// fluid-fluid one (Gast, Hall & Russel, J. Colloid Interface Sci. 96 (1983) 251) are not
// modelled; monodisperse particles; the Hansen parameters at 25 degC (chi ~ 1/T only).
#include <vector>

#include "models/thermo/dispersion/HansenDistance.h"

namespace proscale {

/// alpha = 4 (1 - B2*).
double csVdwAttraction(double reducedB2);

/// f, beta mu and beta P v_p of the model at phi in (0, 1).
double csVdwFreeEnergy(double alpha, double phi);
double csVdwChemicalPotential(double alpha, double phi);
double csVdwPressure(double alpha, double phi);
/// f'' [-].
double csVdwCurvature(double alpha, double phi);
/// alpha_s(phi): the attraction at which phi is on the spinodal.
double csVdwSpinodalAttraction(double phi);

struct CsVdwCriticalPoint {
  double phi = 0.0, alpha = 0.0, reducedB2 = 0.0, compressibility = 0.0;
};
CsVdwCriticalPoint csVdwCriticalPoint();

struct PhaseBoundary {
  bool twoPhase = false;  ///< alpha > alpha_c; the fields below are NaN otherwise
  double spinodalLow, spinodalHigh, binodalLow, binodalHigh;
};
/// Spinodal and binodal at attraction alpha. binodalLow is 0 when below 1e-300.
PhaseBoundary csVdwPhaseBoundary(double alpha);

enum class DispersionPhaseState { Stable, Metastable, Unstable };
const char* toString(DispersionPhaseState s);  // "stable", "metastable", "unstable"
/// Stable: one phase (outside the binodal or above T_c); metastable: between binodal and
/// spinodal; unstable: inside the spinodal.
DispersionPhaseState phaseState(const PhaseBoundary& b, double phi);

}  // namespace proscale
