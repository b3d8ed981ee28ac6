#pragma once
// Molecular fluctuations of growth: the size-space diffusivity of the Zeldovich-Frenkel
// (Fokker-Planck) equation, the continuum limit of the Becker-Doring attachment-detachment
// chain, in the size coordinate L:
//
//   J = G n - (D_L / a) d(a n)/dL,   a = dL/dg = v_m / (3 k_v L^2),   D_L = a E / nu,
//   E = G / ln(S / S_eq(L))                                                   [m/s]
//
// g the formula units in a particle, v_m = V_m / N_A. D_L follows from the growth law by
// detailed balance (fluctuation-dissipation: the equilibrium distribution n_eq ~ exp(-dG/kT)
// carries no flux), so no new constant enters. Near the critical size the drift G vanishes and
// the diffusion decides which near-critical particles ripen away: without it the size grid
// does (docs/theory/growth.md "Molecular fluctuations"; Kashchiev, Nucleation (2000) ch. 10).
#include <functional>

#include "models/particles/DrivingForce.h"

namespace proscale {

/// E = G / x, x = ln S - ln S_eq(L), with its slopes in the arguments (ln S, ln c, ln c_f).
/// `growthAt(f)` is G at the same size for a driving force f (only ln S changes); G is its
/// value at f. Within |x| < 1e-4 of equilibrium E is interpolated linearly between x = -1e-4
/// and 1e-4 (E is smooth there: G/x -> dG/dx), which keeps it finite at the critical size.
/// A law that gives G of the other sign than x (none shipped) gets E = 0.
RateAndSlopes exchangeRate(const std::function<RateAndSlopes(const DrivingForce&)>& growthAt,
                           const DrivingForce& f, double lnEquilibriumRatio,
                           const RateAndSlopes& G);

/// a / nu = v_m / (3 k_v L^2 nu) [m]: the change of diameter per formula unit, per dissolved
/// species (each species attaches on its own, so a formula unit takes nu steps of 1/nu).
double sizeStepPerSpecies(const DrivingForce& f, double L, double shapeFactor);

}  // namespace proscale
