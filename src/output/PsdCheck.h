#pragma once
// Consistency checks on a PsdHistory before any PSD file is written.
#include <filesystem>

#include "core/Results.h"

namespace proscale {

/// Throws Error ("cannot write '<target>': <what is inconsistent>") unless: there is at least
/// one class; faces has one entry more than pivots; faces are finite, >= 0 and strictly
/// increasing; each pivot lies within its class; times are finite and strictly increasing;
/// number has one row per time, each with one finite value per class, and number / dL is
/// finite.
void checkPsdHistory(const PsdHistory& psd, const std::filesystem::path& target);

}  // namespace proscale
