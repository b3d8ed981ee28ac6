#include "models/mixing/ImpingingMixer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "models/mixing/MixingTimes.h"

namespace proscale {

ParamSpec ImpingingMixer::section() {
  auto s = std::make_shared<Schema>(
      "mixer", "A T- or Y-mixer where the inlet feeds meet (docs/theory/tubular-reactors.md, "
               "\"Mixers\").");
  s->add(ParamSpec::choice("type", {"t-mixer", "y-mixer"},
                           "The mixer's shape (its pressure drop or loss coefficient carries it "
                           "into the model).")
             .isRequired());
  s->add(ParamSpec::string("engulfed", "The inlet feed engulfed by the others (the E-model's "
                                       "feed stream).")
             .isRequired());
  s->add(ParamSpec::real("inlet-diameter", dim::length, "Diameter d_j of the inlet channels.")
             .unit("mm")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("pressure-drop", dim::pressure,
                         "Measured pressure drop dp over the mixer (or give loss-coefficient).")
             .unit("Pa")
             .above(0));
  s->add(ParamSpec::real("loss-coefficient", dim::none,
                         "K of dp = K rho u_j^2 / 2 on the fastest inlet jet (or give "
                         "pressure-drop); of order 1 for tees (Idelchik, Handbook of Hydraulic "
                         "Resistance, ch. 7).")
             .above(0));
  s->add(ParamSpec::real("mixing-zone-length", dim::length,
                         "Length of the mixing zone along the outlet channel, V_m = (pi/4) d^2 "
                         "times it; default: one tube diameter.")
             .unit("mm")
             .above(0));
  s->add(ParamSpec::real("density", dim::density, "Liquid density rho (dp, nu = mu / rho).")
             .unit("kg/m^3")
             .defaultsTo("1000 kg/m^3")
             .above(0));
  return ParamSpec::section("mixer", s, "A mixer in front of the tube; absent: the inlet feeds "
                                        "enter mixed.")
      .onlyWhenGiven();
}

ImpingingMixer::ImpingingMixer(const Parameters& mixer, const std::vector<MixerFeed>& inletFeeds,
                               double tubeDiameter, double viscosity)
    : m_engulfed(mixer.string("engulfed")) {
  if (std::none_of(inletFeeds.begin(), inletFeeds.end(),
                   [&](const MixerFeed& f) { return f.name == m_engulfed; }))
    throw mixer.error("engulfed", "'" + m_engulfed + "' is not a feed at the tube's inlet "
                                                     "(position 0 m)");
  if (inletFeeds.size() < 2)
    throw mixer.error("engulfed", "a mixer needs two feeds or more at the tube's inlet");
  if (mixer.has("pressure-drop") == mixer.has("loss-coefficient"))
    throw mixer.error(mixer.has("pressure-drop") ? "loss-coefficient" : "pressure-drop",
                      "give either pressure-drop or loss-coefficient");
  const double rho = mixer.real("density");
  double total = 0.0, fastest = 0.0;
  const double jetArea = std::numbers::pi / 4.0 * std::pow(mixer.real("inlet-diameter"), 2);
  for (const MixerFeed& f : inletFeeds) {
    total += f.flow;
    fastest = std::max(fastest, f.flow / jetArea);
  }
  m_pressureDrop = mixer.has("pressure-drop")
                       ? mixer.real("pressure-drop")
                       : mixer.real("loss-coefficient") * rho * fastest * fastest / 2.0;
  const double length = mixer.has("mixing-zone-length") ? mixer.real("mixing-zone-length") : tubeDiameter;
  const double volume = std::numbers::pi / 4.0 * tubeDiameter * tubeDiameter * length;  // V_m
  m_dissipation = m_pressureDrop * total / (rho * volume);
  m_engulfment = proscale::engulfmentRate(m_dissipation, viscosity / rho);
}

}  // namespace proscale
