#pragma once
// summary.json: the run's status, case, metrics and solver statistics in one small JSON
// object (layout in docs/reference/outputs.md). Written with output/JsonWriter.h and replaced
// atomically.
#include <filesystem>

#include "core/Results.h"

namespace proscale {

/// Non-finite metric values and times are written as null (the rest of the file is still
/// written). Throws Error when two metrics share a name or the file cannot be written.
void writeSummaryJson(const std::filesystem::path& target, const RunSummary& summary);

}  // namespace proscale
