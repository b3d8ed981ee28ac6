#pragma once
// Hansen solubility parameters: distance, relative energy difference, Flory-Huggins chi, and a
// group-contribution estimate of a ligand's parameters.
//
//   R_a^2 = 4 (dD1 - dD2)^2 + (dP1 - dP2)^2 + (dH1 - dH2)^2            [MPa]
//   RED   = R_a / R_0     (R_0: interaction radius of the solute/ligand; RED < 1 "soluble")
//   chi   = V_1 R_a^2 / (4 R T)      (+ 0.34 optionally)
// C. M. Hansen, Hansen Solubility Parameters: A User's Handbook, 2nd ed., CRC Press 2007,
// ch. 1 (R_a, RED) and ch. 2 (chi from R_a; chi/chi_c = RED^2). V_1 is the
// solvent's molar volume [m^3/mol], the parameters in MPa^0.5 (1 MPa = 1e6 J/m^3).
//
// The entropic constant. The Hildebrand-Scatchard form chi = 0.34 + V_1 (d1 - d2)^2 / (RT)
// (Blanks & Prausnitz, Ind. Eng. Chem. Fundam. 3 (1964) 1) adds an empirical 0.34 for polymer
// solutions. The default is WITHOUT it (ChiEntropicTerm::None): Hansen's handbook (ch. 2) uses
// chi = V_1 R_a^2 / (4RT) so that RED^2 = chi / chi_c, i.e. the Hansen sphere's boundary RED = 1
// is the critical chi; adding 0.34 would break that correspondence and move a perfect match
// (R_a = 0) to chi = 0.34. The option is kept for comparison with Hildebrand-based estimates.
//
// Group contribution (Hoftyzer-Van Krevelen; D. W. Van Krevelen & K. te Nijenhuis, Properties
// of Polymers, 4th ed., Elsevier 2009, ch. 7, Table 7.10):
//   dD = sum F_d,i / V,   dP = sqrt(sum F_p,i^2) / V,   dH = sqrt(sum E_h,i / V)
// with F_d, F_p in (J cm^3)^0.5/mol, E_h in J/mol and V in cm^3/mol giving MPa^0.5.
// Molar volume by Fedors' increments (R. F. Fedors, Polym. Eng. Sci. 14 (1974) 147),
// cm^3/mol: CH3 33.5, CH2 16.1, COOH 28.5.
#include <string>
#include <vector>

namespace proscale {

/// Hansen solubility parameters [MPa^0.5].
struct HansenParameters {
  double dispersion = 0.0;      ///< delta_D
  double polar = 0.0;           ///< delta_P
  double hydrogenBonding = 0.0; ///< delta_H
};

/// R_a^2 [MPa] between two sets of parameters (Hansen 2007, ch. 1).
double hansenDistanceSquared(const HansenParameters& a, const HansenParameters& b);
/// R_a [MPa^0.5].
double hansenDistance(const HansenParameters& a, const HansenParameters& b);
/// RED = R_a / R_0; R_0 > 0 [MPa^0.5] is the interaction radius of the solute (ligand).
double relativeEnergyDifference(const HansenParameters& solute, const HansenParameters& solvent,
                                double interactionRadius);

enum class ChiEntropicTerm { None, Constant034 };

/// Flory-Huggins chi [-] = V_1 R_a^2 / (4 R T) (+ 0.34); V_1 the solvent molar volume [m^3/mol],
/// T [K]. The Hansen parameters are those at 25 degC: their own temperature dependence is not
/// modelled (chi ~ 1/T only).
double floryHugginsChi(const HansenParameters& solute, const HansenParameters& solvent,
                       double solventMolarVolume, double temperature,
                       ChiEntropicTerm entropic = ChiEntropicTerm::None);

/// One structural group of the Hoftyzer-Van Krevelen method and its count in the molecule.
struct HansenGroup {
  std::string name;
  double dispersionF = 0.0;  ///< F_d [(J cm^3)^0.5 / mol]
  double polarF = 0.0;       ///< F_p [(J cm^3)^0.5 / mol]
  double hydrogenE = 0.0;    ///< E_h [J/mol]
  double fedorsVolume = 0.0; ///< Fedors molar-volume increment [cm^3/mol]
  int count = 0;
};

/// Van Krevelen Table 7.10 / Fedors (1974) entries for the groups of a saturated fatty acid.
HansenGroup hvkMethyl(int count);    // -CH3: F_d 420, F_p 0, E_h 0; V 33.5
HansenGroup hvkMethylene(int count); // -CH2-: F_d 270, F_p 0, E_h 0; V 16.1
HansenGroup hvkCarboxyl(int count);  // -COOH: F_d 530, F_p 420, E_h 10000; V 28.5

/// Sum of the groups' Fedors volume increments [cm^3/mol].
double fedorsMolarVolume(const std::vector<HansenGroup>& groups);

/// Hoftyzer-Van Krevelen estimate [MPa^0.5] for groups and a molar volume V [cm^3/mol].
HansenParameters hoftyzerVanKrevelen(const std::vector<HansenGroup>& groups,
                                     double molarVolumeCm3PerMol);

/// Decanoic acid CH3-(CH2)8-COOH by Hoftyzer-Van Krevelen with the Fedors volume
/// (V = 33.5 + 8 x 16.1 + 28.5 = 190.8 cm^3/mol): dD = 3110/190.8 = 16.30,
/// dP = 420/190.8 = 2.20, dH = sqrt(10000/190.8) = 7.24 MPa^0.5. An ESTIMATE (the method's
/// stated accuracy is about +-10 %, Van Krevelen ch. 7), not a measured value; the table of
/// measured solvents (HansenSolvents.h) does not contain decanoic acid.
HansenParameters decanoicAcidHansenEstimate();
/// Its molar volume [m^3/mol] (Fedors increments, 190.8 cm^3/mol).
double decanoicAcidMolarVolumeEstimate();
/// The provenance string to carry with the estimate.
inline constexpr const char* kDecanoicAcidHansenSource =
    "estimate: Hoftyzer-Van Krevelen group contribution (Van Krevelen & te Nijenhuis 2009, "
    "Table 7.10) with Fedors (1974) molar volume";

}  // namespace proscale
