#pragma once
// The verbs of a dispersion case (`model: dispersion`, DispersionStudy.h):
//   check    the keys, the inputs DispersionStudy judges and the tables computed, nothing
//            written (exit 2 on bad input);
//   outputs  the files `run` writes;
//   run      ranking.csv, phase_diagram.csv, phase_diagram.json -> phase_diagram.png/.svg
//            (python/proscale/phase_diagram.py), summary.json, and the ranked table printed;
// and `proscale describe dispersion CASE`: the same table and the diagram's summary, no files.
// Exit codes as RunCommand.h: 0; 2 bad input (also a diagram solvent whose pair potential is
// beyond B2's range, at phase-diagram.solvent or .from); 1 when the chart could not be drawn
// (the tables are written).
#include <iosfwd>
#include <string>

#include "app/CommandLine.h"
#include "case/CaseDocument.h"

namespace proscale {

int runDispersion(const CommandLine& cl, const CaseDocument& document, std::ostream& out);

int describeDispersion(const std::string& caseFile, std::ostream& out);

}  // namespace proscale
