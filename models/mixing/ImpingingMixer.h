#pragma once
// A T- or Y-mixer in front of a tube (the classic continuous precipitation set-up): the feeds
// at the tube's inlet meet in a mixing zone of volume V_m, where the pressure drop dissipates
//   eps = dp Q / (rho V_m)                                   [W/kg]
// (the mean specific power input of the mixer; Schwarzer & Peukert, AIChE J. 50 (2004) 3234,
// for BaSO4 in a T-mixer), with dp measured (`pressure-drop`) or from a loss coefficient on the
// inlet jets' velocity head, dp = K rho u_j^2 / 2, u_j = Q_f / (pi d_j^2 / 4) the fastest
// inlet jet. The engulfed stream enters the mixed fluid at the engulfment rate of Baldyga &
// Bourne's E-model, E = 0.058 (eps / nu)^(1/2) (Baldyga & Bourne, Turbulent Mixing and Chemical
// Reactions, Wiley 1999, ch. 7; models/mixing/MixingTimes.h), so that the fraction engulfed
// after a time t in the tube is 1 - exp(-E t). Theory: docs/theory/tubular-reactors.md,
// "Mixers".
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

struct MixerFeed {
  std::string name;
  double flow = 0.0;  ///< [m^3/s]
};

class ImpingingMixer {
 public:
  /// The `tube.mixer` section.
  static ParamSpec section();
  /// From the validated section, the feeds at the tube's inlet (the engulfed one among them),
  /// the tube's diameter [m] and the liquid's viscosity [Pa s]. InputError for an engulfed feed
  /// that is not an inlet feed, or for both or neither of pressure-drop and loss-coefficient.
  ImpingingMixer(const Parameters& mixer, const std::vector<MixerFeed>& inletFeeds,
                 double tubeDiameter, double viscosity);

  const std::string& engulfedFeed() const { return m_engulfed; }
  double pressureDrop() const { return m_pressureDrop; }      ///< dp [Pa]
  double dissipation() const { return m_dissipation; }        ///< eps [W/kg]
  double engulfmentRate() const { return m_engulfment; }      ///< E [1/s]

 private:
  std::string m_engulfed;
  double m_pressureDrop = 0.0, m_dissipation = 0.0, m_engulfment = 0.0;
};

}  // namespace proscale
