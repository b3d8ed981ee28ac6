#pragma once
// Second virial coefficient of spherical particles with a pair potential V(r):
//   B2 = 2 pi ∫_0^∞ (1 - exp(-V(r)/kT)) r^2 dr
// (e.g. McQuarrie, Statistical Mechanics, 1976, ch. 12). With the gap h = r - 2a and a hard
// core V = +infinity for h <= h_c:
//   B2 = (2 pi / 3) (2a + h_c)^3 + 2 pi ∫_{h_c}^∞ (1 - exp(-V(h)/kT)) (2a + h)^2 dh
// The integral is taken in ln h on factor-2 panels from h_c (or in h on [0, l 2^-30] and in
// ln h above when h_c = 0), cut at the potential's breakpoints, adaptively (AdaptiveQuadrature.h,
// relative 1e-12); 1 - exp(-V) as -expm1(-V). It stops at h = 2 10^4 max(a, range, h_c): the
// remainder of an r^-6 tail is below 1e-12 (A/kT) a^3. A well deeper than ~700 kT makes B2
// (practically) -infinity: std::domain_error.
//
// Reduced: B2* = B2 / B2_HS, B2_HS = 4 v_p = (16 pi / 3) a_eff^3, the hard-sphere value of the
// effective particle (core + shell, a_eff = a + delta). B2* = 1 for hard spheres of radius
// a_eff; B2* < 0 net attraction (Noro & Frenkel, J. Chem. Phys. 113 (2000) 2941: B2* is the
// corresponding-states variable of short-range attractive particles).
#include "models/particles/StabilityRatio.h"

namespace proscale {

class DispersionPairPotential;

/// B2 [m^3] of spheres of radius a [m] with the reduced potential V (of the gap).
double secondVirialCoefficient(const ReducedPairPotential& V, double radius,
                               const PairPotentialScales& scales = {});

struct SecondVirialResult {
  double b2 = 0.0;          ///< B2 [m^3]
  double hardSphere = 0.0;  ///< B2_HS = 4 v_p of the effective particle [m^3]
  double reduced = 0.0;     ///< B2* = B2 / B2_HS [-]
};

SecondVirialResult secondVirial(const DispersionPairPotential& V);

}  // namespace proscale
