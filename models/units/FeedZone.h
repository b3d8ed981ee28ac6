#pragma once
// Micromixing at a feed point: Bałdyga & Bourne's engulfment model (E-model) as a chain of
// slices of the feed zone (docs/theory/compartment-networks.md, "Feed zone").
//
// A fed element engulfs the fluid around it at the rate E = 0.058 (eps/nu)^(1/2) [1/s]
// (Bałdyga & Bourne, Chem. Eng. J. 42 (1989) 83): its volume grows as dV/da = E V with its
// age a, so its feed fraction falls as f(a) = e^(-E a) and its composition follows
//   dc/da = E (c_bulk - c) + r(c)
// (Bałdyga & Bourne, Turbulent Mixing and Chemical Reactions, Wiley 1999, ch. 7). A feed of
// flow Q_f makes a steady zone of such elements; the zone ends at the age tau where the feed is
// diluted D times (e^(E tau) = D) and passes its contents to the bulk. Cut into M slices of equal
// age Delta a = tau/M, slice k (ages a_(k-1) to a_k) at the design flow Q_d holds
//   V_k = Q_d (e^(E a_k) - e^(E a_(k-1))) / E,
// engulfs q_k = E V_k from the zone the feed enters (what the elements grow by) and passes on
//   Q_k = Q_f(t) + sum_(j<=k) q_j
// to the next slice (the last to the bulk). Each slice is an ideal zone of a compartment network,
// so the chain is the E-model's age integration by upwind finite volumes (first order in
// Delta a); at Q_f = Q_d a conserved tracer of the feed gives slice k exactly c_f e^(-E a_k).
// Below the design flow the same engulfment dilutes less feed (more mixing per fed volume);
// without feed the slices are flushed by engulfment and hold bulk fluid.
#include <cstddef>
#include <vector>

#include "core/Schema.h"

namespace proscale {

struct FeedZoneSlice {
  double volume = 0.0;    ///< V_k [m^3]
  double engulfed = 0.0;  ///< q_k = E V_k, flow from the bulk into the slice [m^3/s]
};

struct FeedZone {
  double engulfmentRate = 0.0;  ///< E [1/s]
  double lifetime = 0.0;        ///< tau = ln(D) / E [s]
  std::vector<FeedZoneSlice> slices;

  /// The `micromixing:` section of a feed into a compartment network.
  static ParamSpec section();

  /// The slices for a feed of design flow Q_d [m^3/s] at engulfment rate E [1/s] until the
  /// feed is diluted `dilution` times (> 1), in `count` slices of equal age.
  static FeedZone engulfment(double designFlow, double engulfmentRate, double dilution,
                             std::size_t count);

  double volume() const;      ///< sum of V_k [m^3]
  double engulfedFlow() const;  ///< sum of q_k [m^3/s]
};

}  // namespace proscale
