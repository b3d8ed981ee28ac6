#pragma once
// A schema shaped like a precipitation model's: sections, a typed family, named and listed
// sections, and every value type, used by the case-layer tests.
#include <string>
#include <vector>

#include "case/CaseDocument.h"
#include "core/Schema.h"

namespace proscale::test {

/// Root schema: model, reactor (required), solution.species (map), nucleation (typed, default
/// classical), growth (typed, no default), reactions (list), numerics (all defaults),
/// seeds (list of lengths), output (has a required key), yield (dimensionless, 0..1).
SchemaPtr caseSchema();

/// A minimal valid case for caseSchema() (reactor.volume is the only required value).
inline const char* kMinimalCase = "model: batch\nreactor:\n  volume: 2 L\n";

/// Validates `yaml` (file name "case.yaml") and returns the first error's what(), or "valid".
std::string firstError(const std::string& yaml, const std::vector<Override>& overrides = {});

/// Every problem found, as what() strings in reporting order.
std::vector<std::string> allErrors(const std::string& yaml, const std::vector<Override>& overrides = {});

}  // namespace proscale::test
