#pragma once
// `proscale correlate TABLE --response NAME --inputs A,B [--form power-law|quadratic]
// [--folds K] [-o DIR]`: a correlation (analysis/Correlation.h) fitted to a sweep's table
// (sweep.csv, or the directory that holds it), printed with its coefficients, standard errors,
// 95 % intervals, R^2, adjusted R^2 and cross-validated error, as text and LaTeX equations,
// and with -o written as correlation.yaml (docs/reference/outputs.md, "Correlation").
#include <iosfwd>

#include "app/CommandLine.h"

namespace proscale {

/// Exit code 0; InputError (exit 2) for a column the table lacks (with "did you mean"), runs
/// that did not complete, or values the form cannot take (how many and which runs).
int runCorrelate(const CommandLine& cl, std::ostream& out);

}  // namespace proscale
