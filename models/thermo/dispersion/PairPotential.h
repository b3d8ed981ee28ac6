#pragma once
// Pair potential V(h) of two equal ligand-capped nanoparticles (ParticleDispersion.h) in a
// solvent, h = r - 2a the gap between the cores' surfaces, in units of kT:
//
//   V = +infinity                          h <= h_c (contact gap: compressed shells)
//   V = V_vdW + V_mix + V_el + V_dl        h > h_c
//
// V_vdW: unretarded Hamaker sphere-sphere attraction between the cores (Hamaker, Physica 4
//   (1937) 1058), the expression of StabilityRatio.h (dlvoPotential with psi0 = 0):
//   V_vdW = -A_132/6 [2a^2/(r^2 - 4a^2) + 2a^2/r^2 + ln((r^2 - 4a^2)/r^2)]
// V_mix, V_el: steric interaction of the ligand shells, Vincent, Edwards, Emmett & Jones,
//   Colloids Surf. 18 (1986) 261 (Derjaguin approximation for spheres of radius a; Napper,
//   Polymeric Stabilization of Colloidal Dispersions, Academic Press 1983, ch. 10-11):
//   mixing (Flory-Huggins, uniform segment fraction phi_s in each shell):
//     delta <= h < 2 delta:  V_mix/kT = (4 pi a / v_1) phi_s^2 (1/2 - chi) (delta - h/2)^2
//     h < delta:             V_mix/kT = (4 pi a / v_1) phi_s^2 (1/2 - chi) delta^2
//                                       (h/(2 delta) - 1/4 - ln(h/delta))
//   elastic (loss of chain conformations on compression), h < delta, x = h/delta:
//     V_el/kT = (2 pi a phi_s delta^2 / v_L) [x ln(x ((3 - x)/2)^2) - 6 ln((3 - x)/2)
//                                             + 3 (1 - x)]
//   with v_1 = V_1/N_A the solvent's and v_L = V_L/N_A the ligand's molecular volume (Vincent's
//   rho_p / M_w per molecule is 1/v_L). V_mix and its slope are continuous at h = delta and
//   h = 2 delta; V_mix is attractive for chi > 1/2 (poor solvent for the ligand).
//   chi from the Hansen parameters of ligand and solvent (HansenDistance.h).
// V_dl: screened double layer between the cores (StabilityRatio.h: Derjaguin or linear
//   superposition), only when the particle's double layer has a surface potential.
#include <vector>

#include "models/particles/StabilityRatio.h"
#include "models/thermo/dispersion/HansenSolvents.h"
#include "models/thermo/dispersion/ParticleDispersion.h"

namespace proscale {

/// The terms of V/kT at one gap.
struct PairPotentialTerms {
  double vanDerWaals = 0.0, mixing = 0.0, elastic = 0.0, doubleLayer = 0.0;
  double total() const { return vanDerWaals + mixing + elastic + doubleLayer; }
};

/// Temperatures [K] where the potential is evaluated (those of the DLVO ratio, StabilityRatio.h:
/// a liquid solvent from -100 degC to 374 degC). Outside: RecoverableError.
class DispersionPairPotential {
 public:
  DispersionPairPotential(const DispersionParticle& particle, const HansenSolvent& solvent,
                          double temperature, ChiEntropicTerm entropic = ChiEntropicTerm::None);

  /// V/kT at the gap h [m]; +infinity for h <= the contact gap.
  double operator()(double gap) const;
  /// The terms at h > contact gap.
  PairPotentialTerms terms(double gap) const;

  double chi() const { return m_chi; }
  double temperature() const { return m_temperature; }
  double contactGap() const { return m_contactGap; }
  double coreRadius() const { return m_particle.coreRadius; }
  double effectiveRadius() const;
  /// Contact gap, length scales and breakpoints (delta, 2 delta) for the quadratures.
  PairPotentialScales scales() const;
  /// A copy of this potential as a callable of the gap.
  ReducedPairPotential reduced() const;

 private:
  DispersionParticle m_particle;
  double m_temperature, m_chi, m_contactGap;
  double m_mixing;   // (4 pi a / v_1) phi_s^2 (1/2 - chi) [1/m^2]
  double m_elastic;  // 2 pi a phi_s / v_L [1/m^2]
  bool m_hasDoubleLayer;
};

}  // namespace proscale
