#pragma once
// The temperatures a point model's correlations hold for, and the one check and message every
// user of them shares (the point at its initial temperature, the vessel along its recipes,
// feeds and jacket).
#include <string>
#include <vector>

#include "core/Parameters.h"

namespace proscale {

/// A range of temperatures [K] over which a correlation of the point holds; `what` names it for
/// messages ("the range of solid.solubility").
struct TemperatureRange {
  double lowest = 0.0, highest = 0.0;
  std::string what;
};

/// InputError at `owner.key` when T [K] lies outside one of `ranges`: "<T> degC is outside
/// <what> (<lo> to <hi> degC)", or with a `lead` ("the recipe reaches ") "<lead><T> degC,
/// outside <what> (...)".
void requireWithin(const std::vector<TemperatureRange>& ranges, double T, const Parameters& owner,
                   const std::string& key, const std::string& lead = "");

}  // namespace proscale
