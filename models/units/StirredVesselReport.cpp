// What a stirred vessel reports: its time-series columns (the point's, the particles', the
// product's, the streams' and the heat's), its summary metrics with the amounts over the
// streams, and its self-checks. The equations are in StirredVessel.cpp.
#include <algorithm>
#include <cmath>
#include <limits>

#include "models/units/StirredVessel.h"

namespace proscale {

std::vector<SeriesColumn> StirredVessel::seriesColumns() const {
  std::vector<SeriesColumn> cols{{"time", "s", "time"}};
  for (auto& c : m_point->fluidColumns()) cols.push_back(std::move(c));
  for (auto& c : m_particles->columns()) cols.push_back(std::move(c));
  for (auto& c : m_point->productColumns()) cols.push_back(std::move(c));
  if (m_flows.any()) {
    cols.push_back({"volume", "m^3", "suspension volume V"});
    const std::vector<std::string> names = fluidNames(), units = fluidUnits();
    for (const FeedStream& f : m_flows.feeds()) {
      cols.push_back({"flow_" + f.name, "m^3/s", "volume flow of the feed '" + f.name + "'"});
      for (std::size_t j = 0; j < names.size(); ++j)
        if (f.fluid[j] != 0.0)
          cols.push_back({"feed_" + f.name + "_c_" + names[j], units[j],
                          "concentration of " + names[j] + " in feed " + f.name});
    }
    cols.push_back({"outflow", "m^3/s",
                    "volume flow out (its composition is the contents')"});
  }
  if (m_energy) {
    cols.push_back({"jacket_temperature", "K", "jacket temperature T_j"});
    cols.push_back({"heat_removed", "W", "heat taken out through the jacket, UA (T - T_j)"});
  }
  return cols;
}

void StirredVessel::series(double t, std::span<const double> y, std::span<double> row) const {
  const auto c = fluid(y);
  const auto reference = mixture(y);
  const std::size_t nf = c.size();
  const double solid0 = carriesMixture() ? reference[nf] : m_particles->solidVolume(m_y0);
  row[0] = t;
  std::size_t k = 1;
  k += m_point->fluidValues(c, conditionsAt(t, y), m_particles->meanDiameter(y), row.subspan(k));
  k += m_particles->values(y, row.subspan(k));
  k += m_point->productValues(c, m_particles->solidVolume(y), reference.first(nf), solid0,
                              row.subspan(k));
  if (m_flows.any()) {
    row[k++] = m_flows.volume(t);
    for (const FeedStream& f : m_flows.feeds()) {
      row[k++] = f.flow.value(t);
      for (std::size_t j = 0; j < nf; ++j)
        if (f.fluid[j] != 0.0) row[k++] = f.fluid[j];
    }
    row[k++] = m_flows.outflow(t);
  }
  if (m_energy) {
    row[k++] = m_energy->jacketTemperature(t);
    row[k++] = m_energy->heatRemoved(t, y[m_temperatureIndex]);
  }
}

// A closed vessel whose particles deplete the fluid must have reached its end state: the solid
// formation rate at the final time t, times t, against the solid formed -- the fraction by which
// the product would still change over another run as long. Threshold 1e-2 (docs/reference/
// outputs.md, "Self-checks"); ripening passes (its solid barely changes while sizes do).
std::vector<SelfCheck> StirredVessel::selfChecks(double t, std::span<const double> y) const {
  std::vector<SelfCheck> checks = m_particles->selfChecks(y);
  for (SelfCheck& c : m_point->selfChecks(fluid(y), conditionsAt(t, y))) checks.push_back(std::move(c));
  if (m_energy) {
    // Threshold 0, as the input checks: how far the balance took the final temperature
    // outside the point's correlations (reaction or crystallization heat) [K].
    const double T = y[m_temperatureIndex];
    double outside = 0.0;
    for (const TemperatureRange& r : m_point->temperatureRanges())
      outside = std::max({outside, r.lowest - T, T - r.highest});
    if (std::isnan(T)) outside = std::numeric_limits<double>::infinity();
    checks.push_back({"temperature_in_range", outside, 0.0, "K",
                      "how far the final temperature of the energy balance lies outside the "
                      "ranges of the chemistry's correlations (they were extrapolated)"});
  }
  const double solid = m_particles->solidVolume(y);
  if (!carriesMixture() && !m_temperatureRecipe && !m_energy && m_point->depletes()) {
    double still = 0.0;  // nothing formed yet, or no time elapsed: nothing to judge
    if (solid > 0.0 && t > 0.0) {
      std::vector<double> ydot(y.size());
      const ParticleProcesses p = m_point->processes(fluid(y), m_at);
      still = std::abs(m_particles->rates(y, p, 0.0, ydot)) * t / solid;
    }
    checks.push_back({"solid_still_forming", still, 1e-2, "-",
                      "solid formation rate x end time / solid formed: the batch had not reached "
                      "its end state (still supersaturated); extend output.end-time"});
  }
  return checks;
}

std::vector<Metric> StirredVessel::metrics(double t, std::span<const double> y) const {
  const auto c = fluid(y);
  const std::size_t nf = c.size();
  const auto reference = mixture(y);
  const double solid0 = carriesMixture() ? reference[nf] : m_particles->solidVolume(m_y0);
  const double V = m_flows.any() ? m_flows.volume(t) : m_volume;
  std::vector<Metric> m{{"final_time", t, "s", "time of the reported state"}};
  for (Metric& x : m_particles->metrics(y)) m.push_back(std::move(x));
  for (Metric& x : m_point->metrics(c, conditionsAt(t, y), m_particles->solidVolume(y),
                                    reference.first(nf), solid0, V))
    m.push_back(std::move(x));
  if (m_energy) m.push_back({"temperature", y[m_temperatureIndex], "K", "final temperature"});
  if (!m_flows.any()) return m;
  m.push_back({"volume", V, "m^3", "final suspension volume"});
  m.push_back({"outflow_volume", m_flows.outflowVolume(t), "m^3", "volume that left by overflow"});
  for (std::size_t f = 0; f < m_flows.feeds().size(); ++f)
    m.push_back({"fed_volume_" + m_flows.feeds()[f].name, m_flows.fedVolume(f, t), "m^3",
                 "volume fed by the feed '" + m_flows.feeds()[f].name + "'"});
  if (m_flows.anySeeds()) {
    double number = 0.0;
    for (std::size_t f = 0; f < m_flows.feeds().size(); ++f)
      number += m_flows.feeds()[f].seedNumber * m_flows.fedVolume(f, t);
    m.push_back({"fed_seed_number", number, "-", "seed particles fed by all feeds"});
    m.push_back({"fed_seed_volume", m_flows.fedSeedVolume(t), "m^3",
                 "particle volume of the seeds fed by all feeds"});
  }
  // Amounts over all streams: fed, out, accumulated, formed; the moieties' balances (not for a
  // point without conserved moieties, prescribed rates, or particles that do not track what
  // was washed out, moments).
  addStreamMetrics(streamAmounts(t, y), m_point->conservedMoieties(), fluidNames(), fluidUnits(),
                   m);
  return m;
}

StreamAmounts StirredVessel::streamAmounts(double t, std::span<const double> y) const {
  const std::size_t nf = m_point->fluidSize();
  const double V = m_flows.volume(t);
  const double washed = m_particles->solidVolumeWashedOut(y);
  StreamAmounts a{std::vector<double>(nf + 1, 0.0), std::vector<double>(nf + 1, 0.0),
                  std::vector<double>(nf + 1), std::vector<double>(nf + 1)};
  for (std::size_t f = 0; f < m_flows.feeds().size(); ++f)
    for (std::size_t j = 0; j < nf; ++j)
      a.fed[j] += m_flows.feeds()[f].fluid[j] * m_flows.fedVolume(f, t);
  for (std::size_t j = 0; j < nf; ++j) {
    if (m_flows.hasOutflow()) a.out[j] = V * y[m_outflowIndex + j];
    a.initial[j] = m_volume * m_y0[j];
    a.accumulated[j] = V * y[j] - a.initial[j];
  }
  a.fed[nf] = m_flows.fedSeedVolume(t);
  a.out[nf] = m_flows.hasOutflow() ? V * washed : 0.0;
  a.solidKnown = !(m_flows.hasOutflow() && std::isnan(washed));
  a.initial[nf] = m_volume * m_particles->solidVolume(m_y0);
  a.accumulated[nf] = V * m_particles->solidVolume(y) - a.initial[nf];
  return a;
}

}  // namespace proscale
