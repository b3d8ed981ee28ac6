#pragma once
// A surface-modified nanoparticle as a "pseudo-molecule": an inorganic core of radius a with a
// grafted ligand shell (thickness delta, grafting density sigma, ligand molar volume V_L and
// Hansen parameters), van der Waals attraction between the cores (Hamaker constant A_132 of
// core-solvent-core) and optionally a screened double layer on the core surface.
//
// Shell segment volume fraction (uniform shell, the ligand's bulk molecular volume
// v_L = V_L / N_A filling the shell between a and a + delta):
//   phi_s = 4 pi a^2 sigma v_L / (4/3 pi ((a + delta)^3 - a^3))
//         = 3 a^2 sigma v_L / ((a + delta)^3 - a^3)      (-> sigma v_L / delta for delta << a)
// Effective (core + shell) radius a_eff = a + delta; its volume v_p = 4/3 pi a_eff^3.
// Contact gap (closest approach of the cores): the two shells squeezed to the ligand's bulk
// density at the point of contact, h_c = 2 sigma v_L (flat-layer estimate; the pair potential is
// +infinity below it). Without it the unretarded van der Waals term (-A a / (12 h) as h -> 0)
// makes B2 = -infinity for any A > 0.
//
// Hamaker constant by the combining rule (Israelachvili, Intermolecular and Surface Forces,
// 3rd ed., 2011, ch. 13): A_132 ~ (sqrt(A_11) - sqrt(A_33))^2 for
// particles 1 in medium 3 (identical particles, A_22 = A_11).
#include <string>

#include "models/particles/StabilityRatio.h"
#include "models/thermo/dispersion/HansenDistance.h"

namespace proscale {

struct LigandShell {
  std::string name;               ///< e.g. "decanoic acid"
  HansenParameters parameters;    ///< Hansen parameters [MPa^0.5]
  std::string source;             ///< of the parameters; "" = unsourced
  double interactionRadius = 0.0; ///< R_0 [MPa^0.5] (for RED)
  double thickness = 0.0;         ///< delta [m]
  double graftingDensity = 0.0;   ///< sigma [1/m^2]
  double molarVolume = 0.0;       ///< V_L [m^3/mol]
};

struct DispersionParticle {
  double coreRadius = 0.0;        ///< a [m]
  double hamakerConstant = 0.0;   ///< A_132 [J], >= 0 (between the cores across the solvent)
  LigandShell shell;
  /// Double layer on the core surface (DLVO pieces of StabilityRatio.h): none when its
  /// surfacePotential is 0; its hamakerConstant is ignored (A_132 above is used).
  DlvoParameters doubleLayer{0.0, 0.0, 1.0, 2.0, 1.0, DoubleLayerModel::Superposition};
  double contactGapOverride = -1.0;  ///< h_c [m] if >= 0, else 2 sigma v_L
};

/// Checks the description (sizes > 0, sigma v_L < delta so that phi_s < 1); throws
/// std::invalid_argument naming the quantity.
void validate(const DispersionParticle& p);

/// phi_s [-] of the shell (above).
double shellSegmentFraction(const DispersionParticle& p);
/// a + delta [m].
double effectiveRadius(const DispersionParticle& p);
/// h_c [m] (above).
double contactGap(const DispersionParticle& p);
/// Volume fraction of the cores for a volume fraction phi of the effective particles.
double coreVolumeFraction(const DispersionParticle& p, double effectiveVolumeFraction);

/// (sqrt(A_11) - sqrt(A_33))^2 [J] (Israelachvili 2011, ch. 13).
double combinedHamakerConstant(double particleHamaker, double mediumHamaker);

}  // namespace proscale
