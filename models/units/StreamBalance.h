#pragma once
// The balances over a unit's streams (a stirred vessel's feeds and outflow, a compartment
// network's feeds and outlet): amounts of the fluid unknowns and of the solid volume fed, out,
// accumulated and present initially, and the balance of every conserved moiety over them,
// fed - out - accumulated = 0 but for the integration's error. The concentration-form
// equations keep the moieties against the `mixture` reference to round-off; these amounts
// close the chain to the streams. docs/theory/feeds-and-energy.md, "Balances reported".
#include <string>
#include <vector>

#include "core/Results.h"

namespace proscale {

struct StreamAmounts {
  /// Over (fluid unknowns, solid volume) [mol, or the unknown's unit times m^3; m^3 of solid].
  std::vector<double> fed, out, accumulated, initial;
  /// False when the particles do not track the solid volume that left (moments): then no
  /// moiety balance.
  bool solidKnown = true;
};

/// Metrics fed_<x>, out_<x>, accumulated_<x> and formed_<x> (= accumulated + out - fed: what
/// reactions and particle formation made) for every fluid unknown x of `names`; then, with
/// conserved moieties (weights over (fluid, solid)) and a known solid,
/// stream_balance_error (the largest |fed - out - accumulated| / (initial + fed) of a moiety)
/// and per moiety (named after its lead, MoietyNames.h) moiety_<lead>_fed, _out,
/// _accumulated and _balance. `units` are the fluid unknowns' (per volume).
void addStreamMetrics(const StreamAmounts& a, const std::vector<std::vector<double>>& moieties,
                      const std::vector<std::string>& names,
                      const std::vector<std::string>& units, std::vector<Metric>& m);

/// The unit of an amount from the unit per volume: mol/m^3 -> mol, else the unit times m^3.
std::string amountUnit(const std::string& perVolume);

}  // namespace proscale
