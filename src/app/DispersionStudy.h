#pragma once
// `model: dispersion`: a surface-modified nanoparticle as a pseudo-molecule in a list of
// solvents (models/thermo/dispersion/, docs/theory/pseudo-molecules.md section 8). This file
// holds the case's keys and the glue to the models; the verbs and the files are in
// DispersionCommand.cpp.
//
// Per solvent (rankSolvents, DispersionRanking.h): the Hansen distance R_a and RED = R_a/R_0 of
// ligand and solvent, chi = V_1 R_a^2 / (4RT), the reduced second virial coefficient
// B2* = B2/B2_HS of the effective (core + shell) particle, the Fuchs stability ratio W of the
// cores and the phase state at the case's (T, phi); best dispersing first (B2* descending).
// In one solvent over a temperature range (dispersionPhaseDiagram): chi, B2*, the spinodal and
// binodal of the augmented van der Waals model, and the critical temperature where B2* crosses
// B2*_c = -1.65 (DispersionPhaseDiagram.h).
//
// Inputs that cannot be judged before the tables are computed are judged here, so that `check`
// finds them: an unknown solvent (at its list item, with the known names), a shell denser than
// the bulk ligand, a contact gap beyond twice the shell, temperatures outside the pair
// potential's 173.15-647.15 K, a diagram solvent that is not among the case's solvents.
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/thermo/dispersion/DispersionRanking.h"
#include "models/thermo/dispersion/HansenSolvents.h"
#include "models/thermo/dispersion/ParticleDispersion.h"

namespace proscale {

inline constexpr const char* kDispersionModel = "dispersion";

SchemaPtr dispersionSchema();

/// A validated dispersion case.
struct DispersionStudy {
  std::string name, file;
  DispersionParticle particle;
  /// How A_132 was obtained: "given", or the combining rule with A_11 and A_33.
  std::string hamakerOrigin;
  std::vector<HansenSolvent> solvents;  ///< in the case's order
  double temperature = 298.15;          ///< [K]
  double volumeFraction = 0.01;         ///< of the effective (core + shell) particles [-]
  /// The diagram's solvent as named in the case; empty: the best-ranked one.
  std::string diagramSolvent;
  std::vector<double> diagramTemperatures;  ///< [K], ascending
  /// Unsourced or suspect inputs ("ligand decanoic acid: Hansen parameters unsourced").
  std::vector<std::string> flags;

  /// From the validated root; InputError at the offending key (or list item) for the inputs
  /// listed in this file's header.
  static DispersionStudy fromParameters(const Parameters& root, const std::string& file);
};

/// The tables of a dispersion case.
struct DispersionOutcome {
  std::vector<SolventRankingRow> ranking;  ///< best dispersing first
  HansenSolvent diagramSolvent;
  std::vector<PhaseDiagramRow> diagram;
  /// [K]; NaN when B2* does not cross B2*_c within the diagram's range.
  double criticalTemperature = 0.0;
  /// Without a crossing: true when the whole range is one phase, false when two phases.
  bool onePhaseThroughout = true;
};

/// Computes the ranking and the diagram. A pair potential whose well is deeper than ~700 kT
/// (B2 beyond the double range, SecondVirial.h) ranks its solvent last with B2* = -infinity
/// and state "unstable"; at a diagram temperature it is a RecoverableError naming the
/// solvent and the temperature.
DispersionOutcome runDispersionStudy(const DispersionStudy& study);

}  // namespace proscale
