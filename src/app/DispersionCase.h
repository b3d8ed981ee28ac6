#pragma once
// `model: dispersion`: a surface-modified nanoparticle as a pseudo-molecule in a list of solvents
// (models/thermo/dispersion/, docs/theory/pseudo-molecules.md). `proscale run` writes
// ranking.csv (per solvent: Hansen distance, RED, chi, B2/B2_HS, the Fuchs stability ratio W,
// the phase state at the case's conditions), phase_diagram.csv (spinodal and binodal over
// temperature in one solvent), phase_diagram.png/.svg and summary.json; `proscale describe
// dispersion CASE` prints the same without writing.
#include <ostream>
#include <string>
#include <vector>

#include "app/CommandLine.h"
#include "case/CaseDocument.h"
#include "core/Schema.h"
#include "models/thermo/dispersion/DispersionRanking.h"
#include "models/thermo/dispersion/HansenSolvents.h"
#include "models/thermo/dispersion/ParticleDispersion.h"

namespace proscale {

inline constexpr const char* kDispersionModel = "dispersion";

SchemaPtr dispersionSchema();

/// A validated dispersion case and its results.
struct DispersionStudy {
  std::string file, name;
  DispersionParticle particle;
  std::vector<HansenSolvent> solvents;
  double temperature = 298.15;   ///< [K]
  double volumeFraction = 0.01;  ///< of effective particles [-]
  HansenSolvent diagramSolvent;
  std::vector<double> diagramTemperatures;  ///< [K]

  std::vector<SolventRankingRow> ranking;
  std::vector<PhaseDiagramRow> diagram;
  double criticalTemperature = 0.0;  ///< [K], NaN when B2* does not cross B2*_c in the range
  std::vector<std::string> flags;    ///< unsourced or suspect inputs, for the summary

  /// Reads the validated case (InputError for an unknown solvent, a shell denser than its
  /// ligand, a diagram solvent not in the list) and computes the ranking and the diagram.
  static DispersionStudy run(const Parameters& root, const std::string& file);
};

/// `proscale run|check|outputs` of a dispersion case.
int runDispersion(const CommandLine& cl, const CaseDocument& document, std::ostream& out);
/// `proscale describe dispersion CASE`.
int describeDispersion(const std::string& caseFile, std::ostream& out);

}  // namespace proscale
