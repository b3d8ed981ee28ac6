#pragma once
// `check`, `run` and `outputs` of a study file (`model: scale-up-study`, or `parameter-sweep`):
// the study's keys are validated, every process run it implies is loaded (bad input exits 2
// before anything runs), and `run` writes its tables (docs/reference/outputs.md).
#include <iosfwd>

#include "app/CommandLine.h"
#include "case/CaseDocument.h"

namespace proscale {

/// Exit code as RunCommand.h: 0, 3 (a process run incomplete), 4 (a run suspect), 128 + signal.
int runStudy(const CommandLine& cl, const CaseDocument& document, std::ostream& out);

/// The same for a parameter sweep (`model: parameter-sweep`, SweepCommand.cpp).
int runSweep(const CommandLine& cl, const CaseDocument& document, std::ostream& out);

/// The same for an inverse design (`model: inverse-design`, DesignCommand.cpp); 5 when no run
/// met every target.
int runDesign(const CommandLine& cl, const CaseDocument& document, std::ostream& out);

/// The same for a global sensitivity study (`model: global-sensitivity`, SensitivityCommand.cpp).
int runSensitivity(const CommandLine& cl, const CaseDocument& document, std::ostream& out);

}  // namespace proscale
