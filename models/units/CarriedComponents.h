#pragma once
// What a flow carries out of a zone vessel's state (a compartment network's zone, a tube's
// cell): every block but the budgets and the outflow -- the temperature too (one rho c_p: a
// stream carries its enthalpy as its temperature) -- and, of the budgets, what grew past the
// grid (still in the suspension). Particles brought in by a flow are taken off the receiver's
// washed-out budget, which so counts the net outflow of each zone.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace proscale {

class StirredVessel;

struct CarriedComponents {
  std::vector<std::size_t> transported;      ///< zone-local indices carried by flows
  std::optional<std::size_t> temperature;    ///< with an energy balance
  std::size_t border = 0;                    ///< where the size classes start (arrow border)
  bool classes = false;                      ///< the zone has size classes
  std::size_t washedNumber = 0, washedVolume = 0, lostNumber = 0;  ///< budget components
  std::vector<double> solidWeights;  ///< d(solid volume)/dy over the zone's state

  /// std::logic_error if a zone with size classes has no washed-out or lost budgets.
  static CarriedComponents of(const StirredVessel& zone);

  /// The particles (per m^3) in a zone-local vector (a state, a rate or a direction): the
  /// classes and what grew past the grid.
  double number(std::span<const double> v) const;
  /// Their solid volume [m^3/m^3].
  double solid(std::span<const double> v) const;
};

}  // namespace proscale
