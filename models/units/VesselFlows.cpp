#include "models/units/VesselFlows.h"

#include <algorithm>

#include "core/NumberFormat.h"
#include "models/units/FeedZone.h"
#include "models/points/PointModel.h"

namespace proscale {
namespace {

std::string litres(double v) { return formatNumber(v * 1e3) + " L"; }

constexpr double kVolumeRoundOff = 1e-12;  // relative

// The first time in [0, end] at which the monotone V(t) exceeds vMax (bisection to 1e-9 end).
double overflowTime(const VesselFlows& flows, double vMax, double end) {
  double lo = 0.0, hi = end;
  while (hi - lo > 1e-9 * end) {
    const double mid = 0.5 * (lo + hi);
    (flows.volume(mid) > vMax ? hi : lo) = mid;
  }
  return hi;
}

}  // namespace

std::string flowKey(const Parameters& f) {
  std::vector<std::string> given;
  for (const char* key : {"flow", "flow-recipe", "mass-flow", "mass-flow-recipe"})
    if (f.has(key)) given.push_back(key);
  if (given.empty())
    throw f.error("flow", "the feed has no flow: give `flow` (constant) or `flow-recipe`, or a "
                          "mass flow: `mass-flow` or `mass-flow-recipe` with `density`");
  if (given.size() > 1)
    throw f.error(given[1], "give one of flow, flow-recipe, mass-flow and mass-flow-recipe; "
                            "this feed also has `" + given[0] + "`");
  return given.front();
}

FeedStream readFeed(const std::string& name, const Parameters& f, const PointModel& point,
                    double T0) {
  const std::string key = flowKey(f);
  const bool mass = key.starts_with("mass-");
  if (mass && !f.has("density"))
    throw f.error(key, "a mass flow needs the feed's density to become the volume flow the "
                       "balances use (Q_f = m_f / rho_f): give `density`");
  if (!mass && f.has("density"))
    throw f.error("density", "density only converts a mass flow (mass-flow, "
                             "mass-flow-recipe); this feed gives its volume flow, `" + key + "`");
  Recipe flow = key.ends_with("recipe") ? Recipe(f, key) : Recipe(f.real(key));
  if (mass) flow = flow.scaled(1.0 / f.real("density"));
  FeedStream s{name, std::move(flow), std::vector<double>(point.fluidSize(), 0.0),
               f.has("temperature") ? f.real("temperature") : T0, {}, 0.0, 0.0};
  point.feedFluid(f, s.fluid);
  return s;
}

ParamSpec VesselFlows::feedsSection(void (*addComposition)(Schema&), Target target) {
  auto s = std::make_shared<Schema>("feed", "A feed stream into the vessel.");
  if (target == Target::NetworkZone) {
    s->add(ParamSpec::string("zone", "The zone of the network the feed enters.").isRequired());
    s->add(FeedZone::section());
  }
  if (target == Target::TubePosition)
    s->add(ParamSpec::real("position", dim::length,
                           "Where the feed enters the tube, from its inlet: 0 m is the inlet "
                           "itself (Danckwerts), further down a side injection into the cell "
                           "there.")
               .unit("m")
               .defaultsTo("0 m")
               .atLeast(0));
  s->add(ParamSpec::real("flow", dim::volume / dim::time,
                         "Constant volume flow Q_f (or give flow-recipe).")
             .unit("mL/min")
             .atLeast(0));
  s->add(Recipe::spec("flow-recipe", dim::volume / dim::time, "mL/min", 0.0, false,
                      "Volume flow in time: segments from t = 0 without gaps (instead of flow)."));
  s->add(ParamSpec::real("mass-flow", dim::mass / dim::time,
                         "Constant mass flow m_f instead of a volume flow; the balances use "
                         "Q_f = m_f / density.")
             .unit("kg/h")
             .atLeast(0));
  s->add(Recipe::spec("mass-flow-recipe", dim::mass / dim::time, "kg/h", 0.0, false,
                      "Mass flow in time (instead of mass-flow), segments as in flow-recipe."));
  s->add(ParamSpec::real("density", dim::mass / dim::volume,
                         "Density rho_f of the feed stream, with mass-flow or mass-flow-recipe "
                         "only (the volume flow is m_f / rho_f).")
             .unit("kg/m^3")
             .above(0));
  s->add(ParamSpec::real("temperature", dim::temperature,
                         "Temperature of the feed, only with reactor.energy-balance; default: "
                         "the vessel's initial temperature.")
             .unit("degC")
             .above(0));
  if (addComposition != nullptr) addComposition(*s);
  s->add(ParamSpec::section("seeds", PopulationSettings::seedsSchema(true),
                            "Seed particles the feed carries: a number density per volume of "
                            "the stream in the vessel's representation (size classes only); "
                            "docs/theory/feeds-and-energy.md, \"Seeds in feeds\".")
             .onlyWhenGiven());
  return ParamSpec::sectionMap("feeds", s,
                               "Streams fed into the vessel by name (semi-batch, or continuous "
                               "with reactor.outflow: overflow); docs/theory/feeds-and-energy.md.");
}

void VesselFlows::addReactorKeys(Schema& reactor) {
  reactor.add(ParamSpec::choice("outflow", {"none", "overflow"},
                                "With feeds: none (semi-batch, the volume grows) or overflow "
                                "(continuous: the outflow equals the feeds, the volume stays).")
                  .defaultsTo("none"));
  reactor.add(ParamSpec::real("max-volume", dim::volume,
                              "Working volume of a semi-batch vessel: feeds that would fill it "
                              "beyond are an input error.")
                  .unit("L")
                  .above(0));
}

VesselFlows::VesselFlows(const Parameters& root, const PointModel& point,
                         std::span<const double> c0, double T0, double volume)
    : m_volume0(volume) {
  const Parameters& reactor = root.section("reactor");
  // Whatever the streams: contents above the working volume are wrong from the start.
  if (reactor.has("max-volume") && volume > reactor.real("max-volume"))
    throw reactor.error("volume", "the initial volume " + litres(volume) +
                                      " is above reactor.max-volume " +
                                      litres(reactor.real("max-volume")) +
                                      ": lower reactor.volume or raise reactor.max-volume");
  const bool hasFeeds = root.has("feeds") && !root.section("feeds").keys().empty();
  if (reactor.has("residence-time")) {
    if (hasFeeds)
      throw reactor.error("residence-time",
                          "give either residence-time (a feed of the initial composition) or "
                          "feeds with reactor.outflow: overflow (then tau = V / sum Q_f)");
    m_feeds.push_back({"feed", Recipe(volume / reactor.real("residence-time")),
                       std::vector<double>(c0.begin(), c0.end()), T0, {}, 0.0, 0.0});
    m_overflow = true;
    return;
  }
  if (!hasFeeds) return;
  m_overflow = reactor.string("outflow") == "overflow";
  const Parameters& feeds = root.section("feeds");
  for (const std::string& name : feeds.keys()) {
    const Parameters& f = feeds.section(name);
    m_feeds.push_back(readFeed(name, f, point, T0));
  }
  if (m_overflow || !reactor.has("max-volume")) return;
  // Filling exactly to max-volume is not an overflow: V(t) is a sum of exact integrals, so
  // allow its round-off (0.7 L + 50 mL/min x 10 min came to 1.2 L + 1e-19 m^3 and was refused).
  const double vMax = reactor.real("max-volume") * (1.0 + kVolumeRoundOff);
  const double end = root.section("output").real("end-time");
  if (this->volume(end) <= vMax) return;
  const double when = overflowTime(*this, vMax, end);
  const Parameters& first = feeds.section(feeds.keys().front());
  throw first.error(flowKey(first),
                    "the feeds fill the vessel to reactor.max-volume " +
                        litres(reactor.real("max-volume")) + " at t = " +
                        formatNumber(when) + " s and to " + litres(this->volume(end)) +
                        " by output.end-time: it overflows; lower the flows, shorten the "
                        "recipe, or set reactor.outflow: overflow");
}

double VesselFlows::inflow(double t) const {
  double q = 0.0;
  for (const FeedStream& f : m_feeds) q += f.flow.value(t);
  return q;
}

double VesselFlows::outflow(double t) const { return m_overflow ? inflow(t) : 0.0; }

double VesselFlows::fedVolume(double t) const {
  double v = 0.0;
  for (const FeedStream& f : m_feeds) v += f.flow.integral(t);
  return v;
}

double VesselFlows::volume(double t) const {
  return m_overflow ? m_volume0 : m_volume0 + fedVolume(t);
}

double VesselFlows::outflowVolume(double t) const { return m_overflow ? fedVolume(t) : 0.0; }

void VesselFlows::addFed(double t, std::span<double> dc) const {
  if (m_feeds.empty()) return;
  const double V = volume(t);
  for (const FeedStream& f : m_feeds) {
    const double share = f.flow.value(t) / V;
    if (share == 0.0) continue;
    for (std::size_t j = 0; j < dc.size(); ++j) dc[j] += share * f.fluid[j];
  }
}

void VesselFlows::addFedParticles(double t, std::span<double> ydot) const {
  if (m_feeds.empty()) return;
  const double V = volume(t);
  for (const FeedStream& f : m_feeds) {
    if (f.particles.empty()) continue;
    const double share = f.flow.value(t) / V;
    if (share == 0.0) continue;
    for (std::size_t k = 0; k < ydot.size(); ++k)
      if (f.particles[k] != 0.0) ydot[k] += share * f.particles[k];
  }
}

bool VesselFlows::anySeeds() const {
  return std::any_of(m_feeds.begin(), m_feeds.end(),
                     [](const FeedStream& f) { return !f.particles.empty(); });
}

double VesselFlows::fedSeedVolume(double t) const {
  double v = 0.0;
  for (const FeedStream& f : m_feeds) v += f.seedVolume * f.flow.integral(t);
  return v;
}

FedSeeds fedSeeds(const Parameters& root) {
  FedSeeds seeds;
  if (!root.has("feeds")) return seeds;
  const Parameters& feeds = root.section("feeds");
  for (const std::string& name : feeds.keys()) {
    const Parameters& f = feeds.section(name);
    if (!f.has("seeds")) continue;
    seeds.any = true;
    if (auto d = PopulationSettings::readSeeds(f.section("seeds")))
      seeds.distributions.push_back(*d);
  }
  return seeds;
}

double VesselFlows::heatFed(double t, double T) const {
  if (m_feeds.empty()) return 0.0;
  const double V = volume(t);
  double rate = 0.0;
  for (const FeedStream& f : m_feeds) rate += f.flow.value(t) / V * (f.temperature - T);
  return rate;
}

std::vector<double> VesselFlows::stopTimes(double end) const {
  std::vector<double> times;
  for (const FeedStream& f : m_feeds)
    for (double t : f.flow.switchTimes(end)) times.push_back(t);
  Recipe::sortUnique(times);
  return times;
}

}  // namespace proscale
