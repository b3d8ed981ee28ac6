#include "models/units/TubularReactor.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "core/NumberFormat.h"
#include "models/units/WallTemperatureProfile.h"

namespace proscale {
namespace {

// A front spread by dispersion over the tube has the width sigma = L (2/Pe)^(1/2) at the
// outlet (the standard deviation of the Taylor-Aris residence-time distribution for large Pe,
// Levenspiel ch. 13); the high-resolution scheme needs a few cells across it.
constexpr double kCellsPerFrontWidth = 3.0;
// First-order upwind adds a numerical dispersion u dz / 2 (Hundsdorfer & Verwer ch. III.1):
// it may add at most this fraction to the physical one.
constexpr double kUpwindDispersionShare = 0.1;

}  // namespace

ParamSpec TubularReactor::section() {
  auto s = std::make_shared<Schema>(
      "tube", "A tube with axial convection and dispersion, divided into equal cells "
              "(docs/theory/tubular-reactors.md).");
  s->add(ParamSpec::real("length", dim::length, "Length L of the tube.").unit("m").isRequired().above(0));
  s->add(ParamSpec::real("diameter", dim::length, "Inner diameter of the tube.")
             .unit("mm")
             .isRequired()
             .above(0));
  s->add(ParamSpec::integer("cells", "Number N of equal cells along the tube.")
             .defaultsTo("100")
             .atLeast(3));
  s->add(ParamSpec::real("dispersion", dim::diffusivity,
                         "Axial dispersion coefficient D_ax (0: plug flow), or give peclet.")
             .unit("m^2/s")
             .atLeast(0));
  s->add(ParamSpec::real("peclet", dim::none,
                         "Peclet number Pe = u L / D_ax with the velocity u at the outlet at "
                         "t = 0 (instead of dispersion).")
             .above(0));
  s->add(ParamSpec::choice("scheme", {"van-leer", "minmod", "van-albada", "upwind"},
                           "Reconstruction of the convected values at the cell faces: the slope "
                           "limiters of the size grid (second order) or first-order upwind.")
             .defaultsTo("van-leer"));
  s->add(WallTemperatureProfile::spec());
  s->add(ImpingingMixer::section());
  return ParamSpec::section("tube", s, "The tube.").isRequired();
}

TubularReactor::TubularReactor(const Parameters& root, const PointFactory& makePoint) {
  const Parameters& tube = root.section("tube");
  m_cells = static_cast<std::size_t>(tube.integer("cells"));
  m_length = tube.real("length");
  m_area = std::numbers::pi / 4.0 * std::pow(tube.real("diameter"), 2);
  const double dz = m_length / static_cast<double>(m_cells);
  // One cell's physics serves them all: the cells differ only by their states. Each gets
  // 1/N of the jacket's U A.
  m_cell = std::make_unique<StirredVessel>(root, makePoint(), m_area * dz,
                                           1.0 / static_cast<double>(m_cells));
  m_carried = CarriedComponents::of(*m_cell);
  readFeeds(root, m_cell->point());
  if (tube.has("dispersion") == tube.has("peclet"))
    throw tube.error(tube.has("dispersion") ? "peclet" : "dispersion",
                     "give either dispersion or peclet");
  m_dispersion = tube.has("dispersion")
                     ? tube.real("dispersion")
                     : faceFlow(m_cells, 0.0) / m_area * m_length / tube.real("peclet");
  checkResolution(tube);
  addMixer(root);
  readWall(root);
  m_transport = std::make_unique<AxialTransport>(m_cells, dz, m_area, m_dispersion,
                                                 schemeNamed(tube.string("scheme")));
  m_y0.assign(m_cell->layout().size(), 0.0);
  m_cell->initialState(m_y0);
  m_work.assign(m_y0.size(), 0.0);
  const double end = root.section("output").real("end-time");
  m_stopTimes = m_cell->stopTimes();
  for (const TubeFeed& f : m_feeds)
    for (double t : f.stream.flow.switchTimes(end)) m_stopTimes.push_back(t);
  Recipe::sortUnique(m_stopTimes);
  buildGridLayout();
}

void TubularReactor::readFeeds(const Parameters& root, const PointModel& point) {
  const Parameters& feeds = root.section("feeds");
  const StateLayout& cell = m_cell->layout();
  const std::size_t nf = point.fluidSize();
  const std::size_t mixture = cell.block("mixture").offset;
  bool inlet = false;
  for (const std::string& name : feeds.keys()) {
    const Parameters& f = feeds.section(name);
    if (f.has("temperature") && !root.section("reactor").has("energy-balance"))
      throw f.error("temperature", "a feed's temperature counts only in an energy balance "
                                   "(reactor.energy-balance): leave it out or add one");
    const double z = f.real("position");
    if (z >= m_length)
      throw f.error("position", "the tube ends at " + formatNumber(m_length) +
                                    " m: a feed must enter before its outlet");
    TubeFeed feed{readFeed(name, f, point, StirredVessel::conditions(root).temperature), z == 0.0,
                  {}, {}};
    if (f.has("seeds")) feed.stream = m_cell->withSeeds(f, feed.stream);
    const std::size_t at =
        std::min(m_cells - 1, static_cast<std::size_t>(z / m_length * static_cast<double>(m_cells)));
    feed.cells = {{at, 1.0}};
    // What one m^3 of the stream brings, as components of a cell's state (as a network's zone
    // receives a feed): its fluid (also into the mixture), its seeds, its temperature.
    feed.carried.assign(cell.size(), 0.0);
    for (std::size_t k = 0; k < feed.stream.particles.size(); ++k) feed.carried[k] = feed.stream.particles[k];
    for (std::size_t j = 0; j < nf; ++j) {
      feed.carried[j] += feed.stream.fluid[j];
      feed.carried[mixture + j] += feed.stream.fluid[j];
    }
    if (m_carried.temperature) feed.carried[*m_carried.temperature] = feed.stream.temperature;
    inlet = inlet || (feed.inlet && feed.stream.flow.value(0.0) > 0.0);
    m_feeds.push_back(std::move(feed));
  }
  if (!inlet) {
    const Parameters& first = feeds.section(feeds.keys().front());
    throw first.error("position", "a tube needs a feed at its inlet (position 0 m) that flows at "
                                  "t = 0: the flow through the tube starts there");
  }
  m_faceFlow.assign(m_cells + 1, 0.0);
}

void TubularReactor::checkResolution(const Parameters& tube) const {
  if (m_dispersion == 0.0) return;  // plug flow: nothing to resolve but the fronts themselves
  const double u = faceFlow(m_cells, 0.0) / m_area;
  const double peclet = u * m_length / m_dispersion;
  const bool upwind = tube.string("scheme") == "upwind";
  const double needed = upwind ? u * m_length / (2.0 * kUpwindDispersionShare * m_dispersion)
                               : kCellsPerFrontWidth * std::sqrt(peclet / 2.0);
  if (static_cast<double>(m_cells) >= needed) return;
  const std::string key = tube.has("cells") ? "cells" : tube.has("peclet") ? "peclet" : "dispersion";
  const double width = m_length * std::sqrt(2.0 / peclet);
  throw tube.error(key, "at Pe = u L / D_ax = " + formatNumber(peclet) + ", " +
                            std::to_string(m_cells) + " cells cannot resolve the tube: " +
                            (upwind ? "first-order upwind adds a numerical dispersion u dz / 2 "
                                      "that must stay below " +
                                          formatNumber(kUpwindDispersionShare) + " D_ax"
                                    : "a front spread by dispersion is L (2/Pe)^(1/2) = " +
                                          formatNumber(width) + " m wide at the outlet and needs " +
                                          formatNumber(kCellsPerFrontWidth) + " cells across it") +
                            "; give cells: " + std::to_string(static_cast<long>(std::ceil(needed))) +
                            " or more");
}

// The engulfed feed enters the mixed fluid at the rate E: by the time t(z) = z A / Q the fluid
// takes to reach z (Q all the inlet feeds' flow at t = 0) the fraction 1 - exp(-E t(z)) has,
// each cell getting the difference across it, the last cell of the profile (where less than
// 1e-9 remains) the rest.
void TubularReactor::addMixer(const Parameters& root) {
  const Parameters& tube = root.section("tube");
  if (!tube.has("mixer")) return;
  std::vector<MixerFeed> inlet;
  double q = 0.0;
  for (const TubeFeed& f : m_feeds)
    if (f.inlet) {
      inlet.push_back({f.stream.name, f.stream.flow.value(0.0)});
      q += f.stream.flow.value(0.0);
    }
  const Parameters& mixer = tube.section("mixer");
  m_mixer.emplace(mixer, inlet, tube.real("diameter"), StirredVessel::viscosity(root));
  const double dz = m_length / static_cast<double>(m_cells);
  const double E = m_mixer->engulfmentRate(), perCell = E * dz * m_area / q;  // E t per cell
  if (perCell > 1.0 / kCellsPerFrontWidth)
    throw mixer.error("engulfed",
                      "the mixer engulfs its feed over " + formatNumber(q / (E * m_area)) +
                          " m of tube (u / E, E = " + formatNumber(E) + " 1/s), less than " +
                          formatNumber(kCellsPerFrontWidth) + " cells of " + formatNumber(dz) +
                          " m: give tube.cells: " +
                          std::to_string(static_cast<long>(std::ceil(kCellsPerFrontWidth * perCell *
                                                                    static_cast<double>(m_cells)))) +
                          " or more, or a shorter tube");
  for (TubeFeed& f : m_feeds) {
    if (f.stream.name != m_mixer->engulfedFeed()) continue;
    f.inlet = false;
    f.cells.clear();
    double before = 0.0;
    for (std::size_t i = 0; i < m_cells; ++i) {
      const double after = 1.0 - std::exp(-perCell * static_cast<double>(i + 1));
      if (1.0 - after < 1e-9 || i + 1 == m_cells) {
        f.cells.emplace_back(i, 1.0 - before);
        break;
      }
      f.cells.emplace_back(i, after - before);
      before = after;
    }
    if (1.0 - before > 1e-3 && f.cells.back().first + 1 == m_cells)
      throw mixer.error("engulfed", "the tube ends before the mixer has engulfed its feed (" +
                                        formatNumber(1.0 - before) + " of it left): a longer tube");
  }
}

void TubularReactor::readWall(const Parameters& root) {
  const Parameters& tube = root.section("tube");
  if (!tube.has("wall-temperature")) return;
  const Parameters& reactor = root.section("reactor");
  if (!reactor.has("energy-balance"))
    throw tube.error("wall-temperature", "a wall temperature acts through an energy balance: "
                                         "add reactor.energy-balance with the tube's ua");
  const Parameters& balance = reactor.section("energy-balance");
  for (const char* key : {"jacket-temperature", "jacket-temperature-recipe"})
    if (balance.has(key))
      throw balance.error(key, "the tube's wall-temperature gives the jacket temperature: "
                               "leave this out");
  m_wall = WallTemperatureProfile(tube, m_length).cellMeans(m_cells, m_length);
}

double TubularReactor::enteredBefore(const TubeFeed& f, std::size_t face) const {
  if (f.inlet) return 1.0;  // through the inlet face
  double entered = 0.0;
  for (const auto& [cell, share] : f.cells)
    if (cell < face) entered += share;
  return entered;
}

double TubularReactor::faceFlow(std::size_t f, double t) const {
  double q = 0.0;
  for (const TubeFeed& feed : m_feeds) q += enteredBefore(feed, f) * feed.stream.flow.value(t);
  return q;
}

void TubularReactor::faceFlows(double t) const {
  std::fill(m_faceFlow.begin(), m_faceFlow.end(), 0.0);  // increments, then summed up
  for (const TubeFeed& feed : m_feeds) {
    const double q = feed.stream.flow.value(t);
    if (feed.inlet) m_faceFlow[0] += q;
    else
      for (const auto& [cell, share] : feed.cells) m_faceFlow[cell + 1] += share * q;
  }
  for (std::size_t f = 1; f <= m_cells; ++f) m_faceFlow[f] += m_faceFlow[f - 1];
}

void TubularReactor::initialNode(std::size_t, std::span<double> y0) const {
  std::copy(m_y0.begin(), m_y0.end(), y0.begin());
}

double TubularReactor::transportRate(const NodeWindow& y, std::size_t i, std::size_t k,
                                     double slopes[4]) const {
  double c[4] = {0.0, 0.0, 0.0, 0.0};
  for (std::size_t o = 0; o < 4; ++o) {
    const std::size_t j = i + o;  // cell i - 2 + o
    if (j >= 2 && j - 2 < m_cells) c[o] = y.node(j - 2)[k];
  }
  return m_transport->rate(i, c, m_faceFlow[i], m_faceFlow[i + 1], slopes);
}

void TubularReactor::nodeRates(double t, const NodeWindow& y, std::size_t first, std::size_t last,
                               std::span<double> f) {
  const std::size_t dof = nodeLayout().size();
  faceFlows(t);
  const double V = m_transport->cellVolume();
  for (std::size_t i = first; i < last; ++i) {
    const std::span<double> fi = f.subspan((i - first) * dof, dof);
    m_cell->zoneRates(t, y.node(i), fi, 0.0,
                      m_wall.empty() ? std::nullopt : std::optional<double>(m_wall[i]));
    std::fill(m_work.begin(), m_work.end(), 0.0);
    for (std::size_t k : m_carried.transported) m_work[k] = transportRate(y, i, k, nullptr);
    for (std::size_t k : m_carried.transported) fi[k] += m_work[k];
    if (m_carried.classes) {  // what transport takes out of the cell, net
      fi[m_carried.washedNumber] -= m_carried.number(m_work);
      fi[m_carried.washedVolume] -= m_carried.solid(m_work);
    }
    for (const TubeFeed& feed : m_feeds)
      for (const auto& [cell, share] : feed.cells)
        if (cell == i) {
          const double a = share * feed.stream.flow.value(t) / V;
          for (std::size_t k = 0; k < dof; ++k) fi[k] += a * feed.carried[k];
        }
  }
}

void TubularReactor::nodeJacobian(double t, const NodeWindow& y, std::size_t i,
                                  BorderedBandJacobian& J) {
  m_cell->zoneJacobian(t, y.node(i), J, 0.0);
  faceFlows(t);
  m_slopes.resize(m_carried.transported.size());
  m_slopesNode = i;
  for (std::size_t c = 0; c < m_carried.transported.size(); ++c) {
    const std::size_t k = m_carried.transported[c];
    double* s = m_slopes[c].data();
    transportRate(y, i, k, s);
    J.add(k, k, s[2]);
    if (!m_carried.classes) continue;
    if (k >= m_carried.border || k == m_carried.lostNumber) J.add(m_carried.washedNumber, k, -s[2]);
    if (m_carried.solidWeights[k] != 0.0)
      J.add(m_carried.washedVolume, k, -m_carried.solidWeights[k] * s[2]);
  }
}

void TubularReactor::neighbourJacobian(double t, const NodeWindow& y, std::size_t i, int offset,
                                       std::vector<NodeCoupling>& entries) {
  if (offset < -2 || offset > 1) return;  // transport reaches two cells up, one down
  if (m_slopesNode != i || m_slopes.size() != m_carried.transported.size()) {
    BorderedBandJacobian block(nodeJacobianShape());  // not after nodeJacobian(i): its slopes
    nodeJacobian(t, y, i, block);
  }
  const auto o = static_cast<std::size_t>(offset + 2);
  for (std::size_t c = 0; c < m_carried.transported.size(); ++c) {
    const std::size_t k = m_carried.transported[c];
    const double* s = m_slopes[c].data();
    if (s[o] == 0.0) continue;
    entries.push_back({k, k, s[o]});
    if (!m_carried.classes) continue;
    if (k >= m_carried.border || k == m_carried.lostNumber)
      entries.push_back({m_carried.washedNumber, k, -s[o]});
    if (m_carried.solidWeights[k] != 0.0)
      entries.push_back({m_carried.washedVolume, k, -m_carried.solidWeights[k] * s[o]});
  }
}

}  // namespace proscale
