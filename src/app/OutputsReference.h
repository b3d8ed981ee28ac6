#pragma once
// `proscale outputs CASE.yaml`: what a run of this case writes -- every timeseries.csv column,
// summary.json metric and self-check with its unit and meaning -- generated from the model the
// case builds. docs/reference/output-columns.md is this output for the shipped cases (a test
// keeps it equal, and compares it with the files of real runs).
#include <string>

#include "app/CaseRun.h"

namespace proscale {
std::string outputsReferenceMarkdown(LoadedCase& c);
}
