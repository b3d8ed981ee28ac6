#include "models/units/StirredVessel.h"

#include <algorithm>

namespace proscale {

ParamSpec StirredVessel::reactorSection(bool outflow, bool requireTemperature) {
  auto s = std::make_shared<Schema>(
      "reactor", outflow ? "Well-mixed vessel: batch, or continuous with a particle-free feed "
                           "(MSMPR)."
                         : "Well-mixed, isothermal batch vessel.");
  if (outflow)
    s->add(ParamSpec::real("residence-time", dim::time,
                           "Mean residence time tau = V/Q of a continuous vessel (washout "
                           "-n/tau); absent: batch.")
               .unit("s")
               .above(0));
  auto temperature = ParamSpec::real("temperature", dim::temperature,
                                     requireTemperature
                                         ? "Temperature of the suspension."
                                         : "Temperature (Brownian aggregation only).")
                         .unit("degC")
                         .above(0);
  s->add(requireTemperature ? temperature.isRequired() : temperature.defaultsTo("298.15 K"));
  s->add(ParamSpec::real("viscosity", dim::viscosity,
                         "Dynamic viscosity of the liquid (Brownian aggregation); water at "
                         "25 degC: 0.89 mPa s.")
             .unit("mPa s")
             .defaultsTo("0.89 mPa s")
             .above(0));
  s->add(ParamSpec::real("volume", dim::volume, "Suspension volume (scales the product mass).")
             .unit("L")
             .defaultsTo("1 L")
             .above(0));
  return ParamSpec::section("reactor", s, "The vessel.").isRequired();
}

PointConditions StirredVessel::conditions(const Parameters& root) {
  return {root.section("reactor").real("temperature")};
}

double StirredVessel::viscosity(const Parameters& root) {
  return root.section("reactor").real("viscosity");
}

StirredVessel::StirredVessel(const Parameters& root, std::unique_ptr<PointModel> point)
    : m_at(conditions(root)),
      m_volume(root.section("reactor").real("volume")),
      m_point(std::move(point)),
      m_particles(makeRepresentation(root.section("population"), *m_point)) {
  const Parameters& reactor = root.section("reactor");
  if (reactor.has("residence-time")) m_dilution = 1.0 / reactor.real("residence-time");
  m_point->addFluidBlocks(m_layout);
  m_particles->addBlocks(m_layout);
  m_y0.assign(m_layout.size(), 0.0);
  m_point->initialFluid(m_y0);
  m_feed.assign(m_y0.begin(), m_y0.begin() + static_cast<std::ptrdiff_t>(m_point->fluidSize()));
  m_particles->initialState(m_y0);
  m_point->setInitialSolid(m_particles->solidVolume(m_y0), std::span<double>(m_y0).first(m_feed.size()));
  m_coupling.resize(m_point->fluidSize());
  m_point->solidCoupling(m_coupling);
  m_point->checkNucleusSize(m_particles->minimumNucleusSize(), root.section("population"),
                            m_particles->nucleusProblem());
  m_point->registerParameters(m_parameters);
  m_particles->registerParameters(m_parameters, m_point->interactions());
}

void StirredVessel::initialState(std::span<double> y0) const {
  std::copy(m_y0.begin(), m_y0.end(), y0.begin());
}

void StirredVessel::rhs(double, std::span<const double> y, std::span<double> ydot) {
  const auto c = fluid(y);
  const ParticleProcesses p = m_point->processes(c, m_at);
  const double solidVolumeRate = m_particles->rates(y, p, m_dilution, ydot);
  m_point->fluidRates(c, solidVolumeRate, ydot.first(c.size()));
  // Continuous vessel: outflow and a feed of the initial fluid (minimal until the vessel's
  // feeds are generalised): dc/dt += D (c_feed - c).
  for (std::size_t j = 0; j < c.size(); ++j) ydot[j] += m_dilution * (m_feed[j] - c[j]);
}

// The representation fills its rows and reports the slopes of its rates in the point's
// arguments; here they are chained to the fluid columns (d/dc_m = sum_a d/da da/dc_m), and
// the fluid rows get the point's coupling times the solid-volume row, so that every conserved
// moiety w of (fluid, solid) has w^T J = 0 exactly and Newton keeps it to round-off.
void StirredVessel::jacobian(double, std::span<const double> y, std::span<const double>,
                             JacobianSink& sink) {
  BorderedBandJacobian& J = sink.arrow();
  const std::size_t nf = m_point->fluidSize(), n = y.size();
  const auto c = fluid(y);
  ArgumentSlopes da;
  const ParticleProcesses p = m_point->processes(c, m_at, &da);
  J.setZero();
  m_particles->jacobian(y, p, m_dilution, J, m_slopes);
  m_point->addFluidJacobian(c, J);
  for (std::size_t j = 0; j < nf; ++j) J.D(j, j) -= m_dilution;  // outflow of the fluid
  for (std::size_t m = 0; m < nf; ++m) {
    double dSolid = 0.0;
    for (std::size_t a = 0; a < p.arguments; ++a) {
      const double s = da(a, m);
      if (s == 0.0) continue;
      dSolid += m_slopes.dSolidVolume[a] * s;
      const auto& column = m_slopes.dRates[a];
      for (std::size_t r = nf; r < n; ++r)
        if (column[r] != 0.0) J.add(r, m, column[r] * s);
    }
    for (std::size_t j = 0; j < nf; ++j)
      if (m_coupling[j] != 0.0) J.D(j, m) += m_coupling[j] * dSolid;
  }
  for (std::size_t col = nf; col < n; ++col) {
    const double v = m_slopes.dSolidVolumeDy[col];
    if (v == 0.0) continue;
    for (std::size_t j = 0; j < nf; ++j)
      if (m_coupling[j] != 0.0) J.add(j, col, m_coupling[j] * v);
  }
}

std::vector<SeriesColumn> StirredVessel::seriesColumns() const {
  std::vector<SeriesColumn> cols{{"time", "s", "time"}};
  for (auto& c : m_point->fluidColumns()) cols.push_back(std::move(c));
  for (auto& c : m_particles->columns()) cols.push_back(std::move(c));
  for (auto& c : m_point->productColumns()) cols.push_back(std::move(c));
  return cols;
}

void StirredVessel::series(double t, std::span<const double> y, std::span<double> row) const {
  const auto c = fluid(y);
  row[0] = t;
  std::size_t k = 1;
  k += m_point->fluidValues(c, m_at, m_particles->meanDiameter(y), row.subspan(k));
  k += m_particles->values(y, row.subspan(k));
  m_point->productValues(c, m_particles->solidVolume(y), fluid(m_y0),
                         m_particles->solidVolume(m_y0), row.subspan(k));
}

// A closed vessel whose particles deplete the fluid must have reached its end state: the solid
// formation rate at the final time t, times t, against the solid formed -- the fraction by which
// the product would still change over another run as long. Threshold 1e-2 (docs/reference/
// outputs.md, "Self-checks"); ripening passes (its solid barely changes while sizes do).
std::vector<SelfCheck> StirredVessel::selfChecks(double t, std::span<const double> y) const {
  std::vector<SelfCheck> checks = m_particles->selfChecks(y);
  for (SelfCheck& c : m_point->selfChecks(fluid(y), m_at)) checks.push_back(std::move(c));
  const double solid = m_particles->solidVolume(y);
  if (m_dilution == 0.0 && m_point->depletes()) {
    double still = 0.0;  // nothing formed yet, or no time elapsed: nothing to judge
    if (solid > 0.0 && t > 0.0) {
      std::vector<double> ydot(y.size());
      const ParticleProcesses p = m_point->processes(fluid(y), m_at);
      still = std::abs(m_particles->rates(y, p, m_dilution, ydot)) * t / solid;
    }
    checks.push_back({"solid_still_forming", still, 1e-2, "-",
                      "solid formation rate x end time / solid formed: the batch had not reached "
                      "its end state (still supersaturated); extend output.end-time"});
  }
  return checks;
}

std::vector<Metric> StirredVessel::metrics(double t, std::span<const double> y) const {
  std::vector<Metric> m{{"final_time", t, "s", "time of the reported state"}};
  for (Metric& x : m_particles->metrics(y)) m.push_back(std::move(x));
  for (Metric& x : m_point->metrics(fluid(y), m_at, m_particles->solidVolume(y), fluid(m_y0),
                                    m_particles->solidVolume(m_y0), m_volume))
    m.push_back(std::move(x));
  return m;
}

}  // namespace proscale
