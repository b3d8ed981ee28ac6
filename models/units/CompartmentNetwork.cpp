#include "models/units/CompartmentNetwork.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

#include "core/NumberFormat.h"
#include "models/mixing/MixingTimes.h"
#include "models/units/FeedZone.h"

namespace proscale {
namespace {

std::string litresPerMinute(double q) { return formatNumber(q * 6e4) + " L/min"; }

}  // namespace

ParamSpec CompartmentNetwork::section() {
  auto zone = std::make_shared<Schema>("zone", "An ideal, well-mixed zone of constant volume.");
  zone->add(ParamSpec::real("volume", dim::volume, "Volume of the zone.").unit("L").isRequired().above(0));
  auto flow = std::make_shared<Schema>("flow", "A one-way flow from one zone to another.");
  flow->add(ParamSpec::string("from", "The zone the flow leaves.").isRequired());
  flow->add(ParamSpec::string("to", "The zone the flow enters.").isRequired());
  flow->add(ParamSpec::real("flow", dim::volume / dim::time, "Constant volume flow.")
                .unit("L/min")
                .defaultsTo("0 L/min")
                .atLeast(0));
  flow->add(ParamSpec::string("follows", "A feed whose flow this flow carries on, in time, on top "
                                         "of `flow` (a feed zone passing its feed on)."));
  auto exchange = std::make_shared<Schema>("exchange", "Equal flows both ways between two zones.");
  exchange->add(ParamSpec::stringList("between", "The two zones.").isRequired());
  exchange->add(ParamSpec::real("flow", dim::volume / dim::time,
                                "Volume flow each way (or give engulfment-dissipation).")
                    .unit("L/min")
                    .atLeast(0));
  exchange->add(ParamSpec::real("engulfment-dissipation", dim::power / dim::mass,
                                "Micromixing of the first zone (a feed zone) with the second by "
                                "engulfment at the local dissipation rate eps: flow each way "
                                "E V_first, E = 0.058 (eps/nu)^(1/2) (Baldyga & Bourne), nu = "
                                "reactor.viscosity / density.")
                    .unit("W/kg")
                    .above(0));
  exchange->add(ParamSpec::real("density", dim::density, "Liquid density for nu (engulfment).")
                    .unit("kg/m^3")
                    .defaultsTo("1000 kg/m^3")
                    .above(0));
  auto s = std::make_shared<Schema>(
      "network", "Zones of constant volume connected by flows (docs/theory/compartment-networks.md).");
  s->add(ParamSpec::sectionMap("zones", zone, "The zones by name (or give stirred-tank)."));
  s->add(StirredTankTemplate::section());
  s->add(ParamSpec::sectionList("flows", flow, "One-way flows between zones (recycle allowed)."));
  s->add(ParamSpec::sectionList("exchange", exchange, "Two-way exchange flows between zones."));
  s->add(ParamSpec::string("outlet", "The zone the product leaves from (its outflow is what the "
                                     "feeds bring in), or where it collects (outflow: none).")
             .isRequired());
  s->add(ParamSpec::choice("outflow", {"overflow", "none"},
                           "overflow: the outlet zone sends out what the feeds bring in; none: "
                           "semi-batch, the outlet zone's volume grows by the feeds.")
             .defaultsTo("overflow"));
  return ParamSpec::section("network", s, "The compartment network.").isRequired();
}

CompartmentNetwork::CompartmentNetwork(const Parameters& root, const PointFactory& makePoint) {
  const Parameters& network = root.section("network");
  readZones(root, network);
  m_outlet = zoneIndex(network, "outlet", network.string("outlet"));
  m_overflow = network.string("outflow") == "overflow";
  if (root.has("feeds")) {
    const std::unique_ptr<PointModel> point = makePoint();
    const Parameters& feeds = root.section("feeds");
    for (const std::string& name : feeds.keys()) {
      const Parameters& f = feeds.section(name);
      if (f.has("temperature") && !root.section("reactor").has("energy-balance"))
        throw f.error("temperature", "a feed's temperature counts only in an energy balance "
                                     "(reactor.energy-balance): leave it out or add one");
      m_feeds.push_back({readFeed(name, f, *point, StirredVessel::conditions(root).temperature),
                         zoneIndex(f, "zone", f.string("zone"))});
    }
    addFeedZones(root);  // before the zones' vessels: the feed zones take volume from them
  }
  // The jacket's U A (and a stirrer's heat) is shared by the zones in proportion to volume.
  double total = 0.0;
  for (const Zone& z : m_zones) total += z.volume;
  for (Zone& z : m_zones)
    z.vessel = std::make_unique<StirredVessel>(root, makePoint(), z.volume, z.volume / total);
  for (ZoneFeed& feed : m_feeds)  // the zones are alike: the seeds as amounts of a zone's state
    if (const Parameters& f = root.section("feeds").section(feed.stream.name); f.has("seeds"))
      feed.stream = m_zones.front().vessel->withSeeds(f, feed.stream);
  readLinks(root, network);
  checkVolumeBalance(network);
  buildLayout();
  buildResidenceTime();
  shareParameters();
  const double end = root.section("output").real("end-time");
  m_stopTimes = m_zones.front().vessel->stopTimes();
  for (const ZoneFeed& f : m_feeds)
    for (double t : f.stream.flow.switchTimes(end)) m_stopTimes.push_back(t);
  Recipe::sortUnique(m_stopTimes);
}

std::size_t CompartmentNetwork::zoneIndex(const Parameters& at, const std::string& key,
                                      const std::string& name) const {
  for (std::size_t z = 0; z < m_zones.size(); ++z)
    if (m_zones[z].name == name) return z;
  throw at.error(key, "'" + name + "' is not a zone of network.zones");
}

void CompartmentNetwork::readZones(const Parameters& root, const Parameters& network) {
  if (network.has("zones") == network.has("stirred-tank"))
    throw network.error(network.has("zones") ? "stirred-tank" : "zones",
                        "give either zones or stirred-tank (the template's zones: impeller, "
                        "bulk)");
  if (network.has("stirred-tank")) {
    m_tank = StirredTankTemplate::from(network.section("stirred-tank"),
                                       StirredVessel::viscosity(root));
    for (const TemplateZone& z : m_tank->zones)
      m_zones.push_back({z.name, z.volume, nullptr, z.dissipation, {}, {}});
    return;
  }
  const Parameters& zones = network.section("zones");
  if (zones.keys().empty()) throw network.error("zones", "a network needs at least one zone");
  for (const std::string& name : zones.keys())
    m_zones.push_back({name, zones.section(name).real("volume"), nullptr, std::nullopt, {}, {}});
}

// Each feed with `micromixing:` enters the first slice of its feed zone (models/units/
// FeedZone.h) instead of its zone; the slices are carved out of that zone, engulf its fluid and
// pass the feed on to it. Sized on the feed's largest flow up to the end of the run.
void CompartmentNetwork::addFeedZones(const Parameters& root) {
  const double viscosity = StirredVessel::viscosity(root);
  const double end = root.section("output").real("end-time");
  const Parameters& feeds = root.section("feeds");
  for (std::size_t f = 0; f < m_feeds.size(); ++f) {
    const std::string& name = m_feeds[f].stream.name;
    const Parameters& feed = feeds.section(name);
    if (!feed.has("micromixing")) continue;
    const Parameters& mm = feed.section("micromixing");
    const double design = m_feeds[f].stream.flow.maximum(end);
    if (!(design > 0.0))
      throw feed.error("micromixing", "feed '" + name + "' never flows before output.end-time: "
                                      "its feed zone would be empty");
    const std::size_t bulk = m_feeds[f].zone;
    if (!mm.has("dissipation") && !m_zones[bulk].dissipation)
      throw feed.error("micromixing", "give its dissipation: zone '" + m_zones[bulk].name +
                                          "' has none (only the zones of network.stirred-tank "
                                          "carry one)");
    const double eps = mm.has("dissipation") ? mm.real("dissipation") : *m_zones[bulk].dissipation;
    // One liquid: the template's eps was found with its density, the engulfment's nu = mu/rho
    // must use the same one (both keys default to 1000 kg/m^3; a changed one alone is wrong).
    if (m_tank) {
      const double tankDensity = root.section("network").section("stirred-tank").real("density");
      if (mm.real("density") != tankDensity)
        throw mm.error("density", "the liquid density here (" + formatNumber(mm.real("density")) +
                                      " kg/m^3) differs from network.stirred-tank.density (" +
                                      formatNumber(tankDensity) + " kg/m^3): give both the same");
    }
    const double E = engulfmentRate(eps, viscosity / mm.real("density"));
    const FeedZone zone = FeedZone::engulfment(design, E, mm.real("dilution"),
                                               static_cast<std::size_t>(mm.integer("slices")));
    if (zone.volume() >= m_zones[bulk].volume)
      throw feed.error("micromixing",
                       "the feed zone of '" + name + "' (" + formatNumber(zone.volume() * 1e3) +
                           " L at " + litresPerMinute(design) + ", E = " + formatNumber(E) +
                           " 1/s) would take all of zone '" + m_zones[bulk].name + "' (" +
                           formatNumber(m_zones[bulk].volume * 1e3) +
                           " L): give a higher dissipation or a lower dilution");
    m_zones[bulk].volume -= zone.volume();
    double passed = 0.0;  // constant part of the flow a slice passes on: sum of q_j so far
    for (std::size_t k = 0; k < zone.slices.size(); ++k) {
      const std::string slice = name + "-feedzone-" + std::to_string(k + 1);
      for (const Zone& z : m_zones)
        if (z.name == slice)
          throw feed.error("micromixing", "zone '" + slice + "' of network.zones has the name "
                                          "of this feed's feed zone: rename it");
      m_zones.push_back({slice, zone.slices[k].volume, nullptr, std::nullopt, {}, {}});
      const std::size_t index = m_zones.size() - 1;
      m_feedZoneLinks.push_back({bulk, index, zone.slices[k].engulfed, std::nullopt});
      passed += zone.slices[k].engulfed;
      const bool last = k + 1 == zone.slices.size();
      m_feedZoneLinks.push_back({index, last ? bulk : index + 1, passed, f});
    }
    m_feeds[f].zone = m_zones.size() - zone.slices.size();
  }
}

void CompartmentNetwork::readLinks(const Parameters& root, const Parameters& network) {
  const double viscosity = StirredVessel::viscosity(root);
  if (m_tank) {  // the template's zones: impeller (0) and bulk (1), the pumping flow both ways
    m_links.push_back({0, 1, m_tank->pumpingFlow, std::nullopt});
    m_links.push_back({1, 0, m_tank->pumpingFlow, std::nullopt});
  }
  if (network.has("flows"))
    for (const Parameters& f : network.list("flows")) {
      const std::size_t from = zoneIndex(f, "from", f.string("from"));
      const std::size_t to = zoneIndex(f, "to", f.string("to"));
      if (from == to) throw f.error("to", "a flow from a zone to itself changes nothing");
      Link link{from, to, f.real("flow"), std::nullopt};
      if (f.has("follows")) {
        const std::string& feed = f.string("follows");
        for (std::size_t k = 0; k < m_feeds.size(); ++k)
          if (m_feeds[k].stream.name == feed) link.follows = k;
        if (!link.follows) throw f.error("follows", "'" + feed + "' is not a feed of this case");
      }
      m_links.push_back(link);
    }
  m_links.insert(m_links.end(), m_feedZoneLinks.begin(), m_feedZoneLinks.end());
  if (network.has("exchange"))
    for (const Parameters& e : network.list("exchange")) {
      const std::vector<std::string>& pair = e.strings("between");
      if (pair.size() != 2 || pair[0] == pair[1])
        throw e.error("between", "name two different zones");
      const std::size_t a = zoneIndex(e, "between", pair[0]), b = zoneIndex(e, "between", pair[1]);
      if (e.has("flow") == e.has("engulfment-dissipation"))
        throw e.error("flow", "give either flow or engulfment-dissipation");
      const double q = e.has("flow") ? e.real("flow")
                                     : engulfmentRate(e.real("engulfment-dissipation"),
                                                      viscosity / e.real("density")) *
                                           m_zones[a].volume;
      m_links.push_back({a, b, q, std::nullopt});
      m_links.push_back({b, a, q, std::nullopt});
    }
}

// Constant volumes: every zone sends what it receives; the outlet zone sends the rest out (or
// keeps it, semi-batch). Checked for the constant flows and, separately, for each feed's part,
// so that it holds whatever the feeds' recipes do (a feed of constant flow counts with the
// constant flows unless a flow follows it).
void CompartmentNetwork::checkVolumeBalance(const Parameters& network) const {
  std::vector<bool> followed(m_feeds.size(), false);
  for (const Link& l : m_links)
    if (l.follows) followed[*l.follows] = true;
  const auto separate = [&](std::size_t f) {
    return followed[f] || !m_feeds[f].stream.flow.isConstant();
  };
  for (std::size_t source = 0; source <= m_feeds.size(); ++source) {  // m_feeds.size(): constant
    const bool constant = source == m_feeds.size();
    if (!constant && !separate(source)) continue;
    const double scale = constant ? 1.0 : m_feeds[source].stream.flow.maximum(1e300);
    for (std::size_t z = 0; z < m_zones.size(); ++z) {
      double in = 0.0, out = 0.0;
      for (const Link& l : m_links) {
        const double q = constant ? l.flow : (l.follows == source ? scale : 0.0);
        if (l.to == z) in += q;
        if (l.from == z) out += q;
      }
      if (!constant && m_feeds[source].zone == z) in += scale;
      if (constant)
        for (std::size_t f = 0; f < m_feeds.size(); ++f)
          if (m_feeds[f].zone == z && !separate(f)) in += m_feeds[f].stream.flow.value(0.0);
      const bool isOutlet = z == m_outlet;
      const double tolerance = 1e-9 * std::max(in, out);
      if (isOutlet ? out <= in + tolerance : std::abs(in - out) <= tolerance) continue;
      const std::string what =
          constant ? "" : " of feed '" + m_feeds[source].stream.name + "' (flows that follow it)";
      throw network.error(network.has("flows")          ? "flows"
                          : network.has("stirred-tank") ? "stirred-tank"
                                                        : "zones",
                          "zone '" + m_zones[z].name + "' receives " + litresPerMinute(in) + what +
                              " and sends " + litresPerMinute(out) +
                              (isOutlet ? ": the outlet cannot send more than it receives"
                                        : ": with constant volumes every zone but the outlet "
                                          "sends what it receives"));
    }
  }
}

void CompartmentNetwork::buildLayout() {
  const StateLayout& zone = m_zones.front().vessel->layout();
  m_zoneBand = zone.has("psd") ? zone.block("psd").size : 0;
  m_zoneBorder = zone.size() - m_zoneBand;
  if (m_zoneBand > 0 && zone.block("psd").offset != m_zoneBorder)
    throw std::logic_error("a zone's size classes must be its last block");
  const std::size_t Z = m_zones.size();
  for (const Zone& z : m_zones)
    for (const StateBlock& b : zone.blocks()) {
      if (b.name == "psd") continue;
      const std::string name = z.name + "." + b.name;
      if (!b.componentScales.empty())
        m_layout.add(name, b.unit, b.componentScales, b.componentNames);
      else
        m_layout.add(name, b.size, b.unit, b.scale, b.componentNames);
      m_layout.setRole(name, b.role);
    }
  // What left the outlet by overflow, per volume of the outlet zone (an accumulator, as a
  // continuous vessel's): the fluid unknowns and, with size classes, the solid volume.
  const std::size_t nf = m_zones.front().vessel->point().fluidSize();
  if (m_overflow && nf > 0) {
    std::vector<std::string> names = m_zones.front().vessel->fluidNames();
    std::vector<double> scales(nf, 1.0);
    if (m_zoneBand > 0) {
      names.push_back("solid");
      scales.push_back(1e-6);  // a solid volume fraction, as the zones' mixture block's
    }
    m_outflowIndex = m_layout.add("outflow", "mol/m^3 | m^3/m^3", scales, names);
    m_outflowSize = names.size();
    m_layout.setRole("outflow", {.accumulator = true});
  }
  m_bandStart = Z * m_zoneBorder + m_outflowSize;
  if (m_zoneBand > 0) {
    const StateBlock& psd = zone.block("psd");
    m_layout.add("psd", Z * m_zoneBand, psd.unit, psd.scale);
    m_layout.setRole("psd", psd.role);
  }
  const BorderedBandShape local = m_zones.front().vessel->jacobianShape();
  m_shape = {m_bandStart, Z * m_zoneBand, Z * local.lower + (Z - 1), Z * local.upper + (Z - 1)};
  if (m_zoneBand == 0) m_shape = {m_bandStart, 0, 0, 0};
  m_zoneJacobian = std::make_unique<BorderedBandJacobian>(local);
  for (Zone& z : m_zones) {
    z.y.assign(zone.size(), 0.0);
    z.ydot.assign(zone.size(), 0.0);
  }
  m_carried = CarriedComponents::of(*m_zones.front().vessel);  // what flows carry
  m_y0.assign(m_layout.size(), 0.0);
  for (std::size_t z = 0; z < Z; ++z) {
    m_zones[z].vessel->initialState(m_zones[z].y);
    for (std::size_t k = 0; k < zone.size(); ++k) m_y0[global(z, k)] = m_zones[z].y[k];
  }
}

void CompartmentNetwork::shareParameters() {
  // Every zone has its own point model and representation built from the same case: one
  // parameter of the network is that parameter in every zone (a study or a sensitivity that
  // set it in one zone only would simulate another process).
  const ParameterRegistry& first = m_zones.front().vessel->parameters();
  for (std::size_t i = 0; i < first.size(); ++i) {
    ModelParameter p = first.at(i);
    p.set = [this, i](double value) {
      for (Zone& z : m_zones) z.vessel->parameters().set(i, value);
    };
    m_parameters.add(std::move(p));
  }
}

void CompartmentNetwork::initialState(std::span<double> y0) const {
  std::copy(m_y0.begin(), m_y0.end(), y0.begin());
}

void CompartmentNetwork::gather(std::size_t z, std::span<const double> y) const {
  std::vector<double>& local = m_zones[z].y;
  for (std::size_t k = 0; k < local.size(); ++k) local[k] = y[global(z, k)];
}

double CompartmentNetwork::flow(const Link& l, double t) const {
  return l.flow + (l.follows ? m_feeds[*l.follows].stream.flow.value(t) : 0.0);
}

double CompartmentNetwork::volume(std::size_t z, double t) const {
  if (m_overflow || z != m_outlet) return m_zones[z].volume;
  double fed = 0.0;  // semi-batch: everything fed collects in the outlet zone
  for (const ZoneFeed& f : m_feeds) fed += f.stream.flow.integral(t);
  return m_zones[z].volume + fed;
}

double CompartmentNetwork::dilution(std::size_t z, double t) const {
  double in = 0.0;
  for (const Link& l : m_links)
    if (l.to == z) in += flow(l, t);
  for (const ZoneFeed& f : m_feeds)
    if (f.zone == z) in += f.stream.flow.value(t);
  return in / volume(z, t);
}

void CompartmentNetwork::addFlowTerms(double t, std::vector<double> Zone::*from,
                                      std::vector<double> Zone::*into) {
  for (const Link& l : m_links) {
    const double a = flow(l, t) / volume(l.to, t);
    const std::vector<double>& source = m_zones[l.from].*from;
    std::vector<double>& to = m_zones[l.to].*into;
    for (std::size_t k : m_carried.transported) to[k] += a * source[k];
    if (m_zoneBand == 0) continue;
    // brought in: the budget counts the net outflow
    to[m_carried.washedNumber] -= a * m_carried.number(source);
    to[m_carried.washedVolume] -= a * m_carried.solid(source);
  }
}

void CompartmentNetwork::rhs(double t, std::span<const double> y, std::span<double> ydot) {
  const std::size_t Z = m_zones.size();
  for (std::size_t z = 0; z < Z; ++z) {
    gather(z, y);
    m_zones[z].vessel->zoneRates(t, m_zones[z].y, m_zones[z].ydot, dilution(z, t));
  }
  addFlowTerms(t, &Zone::y, &Zone::ydot);
  const StateLayout& zone = m_zones.front().vessel->layout();
  const std::size_t nf = m_zones.front().vessel->point().fluidSize();
  const std::size_t mixture = zone.block("mixture").offset;
  for (const ZoneFeed& f : m_feeds) {
    const double a = f.stream.flow.value(t) / volume(f.zone, t);
    std::vector<double>& to = m_zones[f.zone].ydot;
    for (std::size_t j = 0; j < nf; ++j) {
      to[j] += a * f.stream.fluid[j];
      to[mixture + j] += a * f.stream.fluid[j];
    }
    for (std::size_t k = 0; k < f.stream.particles.size(); ++k) to[k] += a * f.stream.particles[k];
    if (m_carried.temperature) to[*m_carried.temperature] += a * f.stream.temperature;
  }
  for (std::size_t z = 0; z < Z; ++z)
    for (std::size_t k = 0; k < m_zones[z].ydot.size(); ++k) ydot[global(z, k)] = m_zones[z].ydot[k];
  outflowRates(t, y, ydot);
}

double CompartmentNetwork::outflow(double t) const {
  if (!m_overflow) return 0.0;
  double q = 0.0;
  for (const ZoneFeed& f : m_feeds) q += f.stream.flow.value(t);
  return q;
}

void CompartmentNetwork::outflowRates(double t, std::span<const double> y,
                                      std::span<double> ydot) const {
  if (m_outflowSize == 0) return;
  const double a = outflow(t) / volume(m_outlet, t);
  const std::size_t nf = m_zones.front().vessel->point().fluidSize();
  for (std::size_t j = 0; j < nf; ++j) ydot[m_outflowIndex + j] = a * y[global(m_outlet, j)];
  if (m_outflowSize == nf) return;
  double solid = 0.0;
  for (std::size_t k = 0; k < m_carried.solidWeights.size(); ++k)
    if (m_carried.solidWeights[k] != 0.0) solid += m_carried.solidWeights[k] * y[global(m_outlet, k)];
  ydot[m_outflowIndex + nf] = a * solid;
}

}  // namespace proscale
