#pragma once
// `proscale describe water|solvent|dispersion`: material properties without a case file.
#include <ostream>

#include "app/CommandLine.h"

namespace proscale {

/// Prints the description asked for to `out`; UsageError for missing or unreadable arguments,
/// InputError for a state outside a model's range or an unknown solvent (exit code 2).
int runDescribe(const CommandLine& cl, std::ostream& out);

}  // namespace proscale
