// What a compartment network reports: the residence-time distribution of its flows (exact,
// from the tracer balances), every zone's columns, metrics and checks under the zone's name,
// and the outlet zone's product. The equations are in CompartmentNetwork.cpp.
#include <Eigen/Dense>
#include <unsupported/Eigen/MatrixFunctions>

#include "models/units/CompartmentNetwork.h"

namespace proscale {

// The tracer balances dC/dt = A C of the zones, for a unit pulse split between the feeds in
// proportion to their flows at t = 0: A_zz = -D_z, A_zs = Q_sz / V_z. E(t) = Q_out C_outlet(t),
// and its moments int t^k E dt = k! Q_out e_outlet^T (-A)^-(k+1) C(0).
void CompartmentNetwork::buildResidenceTime() {
  const std::size_t Z = m_zones.size();
  double qOut = 0.0;
  for (const ZoneFeed& f : m_feeds) qOut += f.stream.flow.value(0.0);
  if (qOut <= 0.0 || !m_overflow) return;
  Eigen::MatrixXd A = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(Z), static_cast<Eigen::Index>(Z));
  Eigen::VectorXd c0 = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(Z));
  for (std::size_t z = 0; z < Z; ++z) A(static_cast<Eigen::Index>(z), static_cast<Eigen::Index>(z)) = -dilution(z, 0.0);
  for (const Link& l : m_links)
    A(static_cast<Eigen::Index>(l.to), static_cast<Eigen::Index>(l.from)) += flow(l, 0.0) / m_zones[l.to].volume;
  for (const ZoneFeed& f : m_feeds)
    c0(static_cast<Eigen::Index>(f.zone)) += f.stream.flow.value(0.0) / qOut / m_zones[f.zone].volume;
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(-A);
  const Eigen::VectorXd x1 = lu.solve(c0), x2 = lu.solve(x1), x3 = lu.solve(x2);
  const auto o = static_cast<Eigen::Index>(m_outlet);
  const double m0 = qOut * x1(o), m1 = qOut * x2(o), m2 = 2.0 * qOut * x3(o);
  m_rtdMean = m1 / m0;
  m_rtdVariance = m2 / m0 - m_rtdMean * m_rtdMean;
  m_tracerMatrix.assign(A.data(), A.data() + A.size());  // column-major
  m_tracerStart.assign(c0.data(), c0.data() + c0.size());
}

double CompartmentNetwork::residenceTimeDensity(double t) const {
  if (m_tracerStart.empty()) return 0.0;
  const auto Z = static_cast<Eigen::Index>(m_zones.size());
  const Eigen::Map<const Eigen::MatrixXd> A(m_tracerMatrix.data(), Z, Z);
  const Eigen::Map<const Eigen::VectorXd> c0(m_tracerStart.data(), Z);
  double qOut = 0.0;
  for (const ZoneFeed& f : m_feeds) qOut += f.stream.flow.value(0.0);
  const Eigen::MatrixXd propagator = (A * t).exp();
  return qOut * (propagator * c0)(static_cast<Eigen::Index>(m_outlet));
}

std::vector<SeriesColumn> CompartmentNetwork::seriesColumns() const {
  std::vector<SeriesColumn> cols{{"time", "s", "time"}};
  for (const Zone& z : m_zones) {
    const std::vector<SeriesColumn> own = z.vessel->seriesColumns();
    for (std::size_t k = 1; k < own.size(); ++k)
      cols.push_back({z.name + "." + own[k].name, own[k].unit, own[k].doc + " in zone " + z.name});
  }
  if (!m_tracerStart.empty())
    cols.push_back({"rtd_E", "1/s", "residence-time density E(t) of the network (tracer pulse into "
                                    "the feeds at t = 0)"});
  const StirredVessel& zone = *m_zones.front().vessel;
  const std::vector<std::string> names = zone.fluidNames(), units = zone.fluidUnits();
  for (const ZoneFeed& f : m_feeds) {
    cols.push_back({"flow_" + f.stream.name, "m^3/s",
                    "volume flow of the feed '" + f.stream.name + "' into zone " +
                        m_zones[f.zone].name});
    for (std::size_t j = 0; j < names.size(); ++j)
      if (f.stream.fluid[j] != 0.0)
        cols.push_back({"feed_" + f.stream.name + "_c_" + names[j], units[j],
                        "concentration of " + names[j] + " in feed " + f.stream.name});
  }
  if (!m_feeds.empty())
    cols.push_back({"outflow", "m^3/s", "volume flow out of the network (its composition is "
                                        "the outlet zone's, " + m_zones[m_outlet].name + ")"});
  return cols;
}

void CompartmentNetwork::series(double t, std::span<const double> y, std::span<double> row) const {
  row[0] = t;
  std::size_t k = 1;
  std::vector<double> own;
  for (std::size_t z = 0; z < m_zones.size(); ++z) {
    gather(z, y);
    own.assign(m_zones[z].vessel->seriesColumns().size(), 0.0);
    m_zones[z].vessel->series(t, m_zones[z].y, own);
    for (std::size_t j = 1; j < own.size(); ++j) row[k++] = own[j];
  }
  if (!m_tracerStart.empty()) row[k++] = residenceTimeDensity(t);
  for (const ZoneFeed& f : m_feeds) {
    row[k++] = f.stream.flow.value(t);
    for (double c : f.stream.fluid)
      if (c != 0.0) row[k++] = c;
  }
  if (!m_feeds.empty()) row[k++] = outflow(t);
}

std::vector<double> CompartmentNetwork::numberPerClass(std::span<const double> y) const {
  gather(m_outlet, y);
  return outlet().numberPerClass(m_zones[m_outlet].y);
}

std::vector<Metric> CompartmentNetwork::metrics(double t, std::span<const double> y) const {
  gather(m_outlet, y);
  std::vector<Metric> m = outlet().metrics(t, m_zones[m_outlet].y);
  for (std::size_t z = 0; z < m_zones.size(); ++z) {
    if (z == m_outlet) continue;
    gather(z, y);
    for (Metric& x : m_zones[z].vessel->metrics(t, m_zones[z].y)) {
      if (x.name == "final_time") continue;
      x.name = m_zones[z].name + "." + x.name;
      x.doc += " (zone " + m_zones[z].name + ")";
      m.push_back(std::move(x));
    }
  }
  if (m_tank) {
    m.push_back({"tank_pumping_flow", m_tank->pumpingFlow, "m^3/s",
                 "pumping flow N_Q N D^3 of the stirred-tank template, each way between impeller "
                 "and bulk"});
    m.push_back({"tank_mean_dissipation", m_tank->meanDissipation, "W/kg",
                 "mean dissipation rate P / (rho V) of the stirred-tank template"});
    m.push_back({"tank_reynolds", m_tank->reynolds, "-", "impeller Reynolds number rho N D^2 / mu"});
    for (const TemplateZone& z : m_tank->zones) {
      m.push_back({z.name + ".dissipation", z.dissipation, "W/kg",
                   "dissipation rate of zone " + z.name + " (stirred-tank template)"});
      m.push_back({z.name + ".zone_volume", z.volume, "m^3",
                   "volume of zone " + z.name + " as the template generates it (a feed zone "
                   "fed into it is carved out of it)"});
    }
  }
  if (!m_tracerStart.empty()) {
    m.push_back({"rtd_mean", m_rtdMean, "s", "mean residence time of the network (tracer)"});
    m.push_back({"rtd_variance", m_rtdVariance, "s^2", "variance of the residence-time distribution"});
  }
  if (m_feeds.empty()) return m;
  double outflowVolume = 0.0;
  for (const ZoneFeed& f : m_feeds) {
    m.push_back({"fed_volume_" + f.stream.name, f.stream.flow.integral(t), "m^3",
                 "volume fed by the feed '" + f.stream.name + "'"});
    if (m_overflow) outflowVolume += f.stream.flow.integral(t);
  }
  m.push_back({"outflow_volume", outflowVolume, "m^3",
               "volume that left the network by the outlet's overflow"});
  const StirredVessel& zone = *m_zones.front().vessel;
  addStreamMetrics(streamAmounts(t, y), zone.point().conservedMoieties(), zone.fluidNames(),
                   zone.fluidUnits(), m);
  return m;
}

// Fed: the feeds' fluid and seeds; out: the `outflow` block times the outlet's volume;
// accumulated: every zone's contents now minus initially (the solid volume from the weights
// that also count what flows carry).
StreamAmounts CompartmentNetwork::streamAmounts(double t, std::span<const double> y) const {
  const std::size_t nf = m_zones.front().vessel->point().fluidSize(), n = nf + 1;
  StreamAmounts a{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0),
                  std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  a.solidKnown = m_zoneBand > 0;
  for (const ZoneFeed& f : m_feeds) {
    const double fed = f.stream.flow.integral(t);
    for (std::size_t j = 0; j < nf; ++j) a.fed[j] += f.stream.fluid[j] * fed;
    for (std::size_t k = 0; k < f.stream.particles.size(); ++k)
      a.fed[nf] += m_carried.solidWeights[k] * f.stream.particles[k] * fed;
  }
  for (std::size_t j = 0; j < m_outflowSize; ++j)
    a.out[j] = volume(m_outlet, t) * y[m_outflowIndex + j];
  for (std::size_t z = 0; z < m_zones.size(); ++z) {
    const double V0 = volume(z, 0.0), V = volume(z, t);
    for (std::size_t k = 0; k < m_zoneBorder + m_zoneBand; ++k) {
      const std::size_t g = global(z, k);
      if (k < nf) {
        a.initial[k] += V0 * m_y0[g];
        a.accumulated[k] += V * y[g] - V0 * m_y0[g];
      }
      a.initial[nf] += V0 * m_carried.solidWeights[k] * m_y0[g];
      a.accumulated[nf] += m_carried.solidWeights[k] * (V * y[g] - V0 * m_y0[g]);
    }
  }
  return a;
}

std::vector<SelfCheck> CompartmentNetwork::selfChecks(double t, std::span<const double> y) const {
  std::vector<SelfCheck> checks;
  for (std::size_t z = 0; z < m_zones.size(); ++z) {
    gather(z, y);
    for (SelfCheck& c : m_zones[z].vessel->selfChecks(t, m_zones[z].y)) {
      c.name = m_zones[z].name + "." + c.name;
      checks.push_back(std::move(c));
    }
  }
  return checks;
}

SettingsAdvice CompartmentNetwork::settingsAdvice(double t, std::span<const double> y) const {
  gather(m_outlet, y);
  return outlet().settingsAdvice(t, m_zones[m_outlet].y);
}

}  // namespace proscale
