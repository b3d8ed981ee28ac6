#include "models/units/FeedZone.h"

#include <cmath>
#include <stdexcept>

namespace proscale {

ParamSpec FeedZone::section() {
  auto s = std::make_shared<Schema>(
      "micromixing",
      "Micromixing at the feed point by engulfment (Baldyga & Bourne's E-model): the feed "
      "enters a feed zone, a chain of slices carved out of the zone it feeds, that engulfs that "
      "zone's fluid at E = 0.058 (eps/nu)^(1/2) until the feed is diluted `dilution` times "
      "(docs/theory/compartment-networks.md, \"Feed zone\").");
  s->add(ParamSpec::choice("model", {"engulfment"}, "Micromixing model.").defaultsTo("engulfment"));
  s->add(ParamSpec::real("dissipation", dim::power / dim::mass,
                         "Local dissipation rate eps at the feed point (near an impeller's "
                         "discharge several times the tank's mean P/(rho V), at the surface a "
                         "fraction of it); default: the fed zone's, if network.stirred-tank "
                         "generated it (required otherwise).")
             .unit("W/kg")
             .above(0));
  s->add(ParamSpec::real("dilution", dim::none,
                         "Dilution of the feed, V_zone/V_fed = e^(E tau), at which the feed "
                         "zone ends and passes its contents to the zone it feeds.")
             .defaultsTo("100")
             .above(1)
             .atMost(1e6));
  s->add(ParamSpec::integer("slices", "Slices of equal age the feed zone is cut into (the "
                                      "E-model's age integration is first order in 1/slices; "
                                      "the semi-batch BaSO4 case needs 32 for the feed-position "
                                      "effect's direction): check by doubling.")
             .defaultsTo("32")
             .atLeast(1)
             .atMost(64));
  s->add(ParamSpec::real("density", dim::density, "Liquid density for nu = reactor.viscosity / "
                                                  "density.")
             .unit("kg/m^3")
             .defaultsTo("1000 kg/m^3")
             .above(0));
  return ParamSpec::section("micromixing", s,
                            "Micromixing of this feed in a feed zone (optional; without it the "
                            "feed mixes into its zone at once).")
      .onlyWhenGiven();
}

FeedZone FeedZone::engulfment(double designFlow, double engulfmentRate, double dilution,
                              std::size_t count) {
  if (!(designFlow > 0.0) || !(engulfmentRate > 0.0) || !(dilution > 1.0) || count == 0)
    throw std::invalid_argument("a feed zone needs a positive design flow and engulfment rate, "
                                "a dilution above 1 and at least one slice");
  FeedZone z;
  z.engulfmentRate = engulfmentRate;
  z.lifetime = std::log(dilution) / engulfmentRate;
  const double step = z.lifetime / static_cast<double>(count);
  for (std::size_t k = 1; k <= count; ++k) {
    // Q_d (e^(E a_k) - e^(E a_(k-1))) = Q_d e^(E a_(k-1)) (e^(E Delta a) - 1), without cancellation.
    const double growth = designFlow * std::exp(engulfmentRate * step * static_cast<double>(k - 1)) *
                          std::expm1(engulfmentRate * step);
    z.slices.push_back({growth / engulfmentRate, growth});
  }
  return z;
}

double FeedZone::volume() const {
  double v = 0.0;
  for (const FeedZoneSlice& s : slices) v += s.volume;
  return v;
}

double FeedZone::engulfedFlow() const {
  double q = 0.0;
  for (const FeedZoneSlice& s : slices) q += s.engulfed;
  return q;
}

}  // namespace proscale
