#include "models/units/StirredVessel.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/NumberFormat.h"
#include "models/mixing/JacketHeatTransfer.h"

namespace proscale {

ParamSpec StirredVessel::reactorSection(bool flows, bool requireTemperature, bool network) {
  auto s = std::make_shared<Schema>(
      "reactor", flows ? "Well-mixed vessel: batch, semi-batch or continuous (feeds, or MSMPR "
                         "with a residence time)."
                       : "Well-mixed batch vessel.");
  if (flows) {
    s->add(ParamSpec::real("residence-time", dim::time,
                           "Mean residence time tau = V/Q of a continuous vessel fed with its "
                           "initial (particle-free) contents, washout -n/tau (instead of feeds).")
               .unit("s")
               .above(0));
    VesselFlows::addReactorKeys(*s);
  }
  auto temperature = ParamSpec::real("temperature", dim::temperature,
                                     requireTemperature
                                         ? "Temperature of the suspension (initial, with a "
                                           "recipe or an energy balance)."
                                         : "Temperature (Brownian aggregation only).")
                         .unit("degC")
                         .above(0);
  s->add(requireTemperature ? temperature.isRequired() : temperature.defaultsTo("298.15 K"));
  if (requireTemperature) {
    s->add(Recipe::spec("temperature-recipe", dim::temperature, "degC", 0.0, true,
                        "Prescribed temperature in time, starting at reactor.temperature: hold, "
                        "linear or cubic (controlled cooling) segments."));
    s->add(EnergyBalance::section());  // a network's zones share its jacket by volume
    if (!network) s->add(StirredTank::stirrerSection());
  }
  s->add(ParamSpec::real("viscosity", dim::viscosity,
                         "Dynamic viscosity of the liquid (Brownian aggregation, a stirrer's "
                         "Reynolds number, a network's engulfment); water at 25 degC: 0.89 mPa s.")
             .unit("mPa s")
             .defaultsTo("0.89 mPa s")
             .above(0));
  if (!network)
    s->add(ParamSpec::real("volume", dim::volume,
                           "Suspension volume (initial, with feeds); scales the product mass.")
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

// The names of the fluid unknowns, from the point's blocks (first in the layout).
std::vector<std::string> StirredVessel::fluidNames() const {
  const std::size_t nf = m_point->fluidSize();
  std::vector<std::string> names;
  for (const StateBlock& b : m_layout.blocks())
    for (std::size_t i = 0; i < b.size && names.size() < nf; ++i)
      names.push_back(i < b.componentNames.size() ? b.componentNames[i]
                                                  : b.name + "_" + std::to_string(i));
  return names;
}

// The units of the fluid unknowns (per suspension volume: mol/m^3, a volume fraction m^3/m^3).
std::vector<std::string> StirredVessel::fluidUnits() const {
  const std::size_t nf = m_point->fluidSize();
  std::vector<std::string> units;
  for (const StateBlock& b : m_layout.blocks())
    for (std::size_t i = 0; i < b.size && units.size() < nf; ++i) units.push_back(b.unit);
  return units;
}

StirredVessel::StirredVessel(const Parameters& root, std::unique_ptr<PointModel> point,
                             std::optional<double> zoneVolume, double heatShare)
    : m_at(conditions(root)),
      m_volume(zoneVolume ? *zoneVolume : root.section("reactor").real("volume")),
      m_zone(zoneVolume.has_value()),
      m_endTime(root.section("output").real("end-time")),
      m_point(std::move(point)),
      m_particles(makeRepresentation(root.section("population"), *m_point, fedSeeds(root))) {
  const Parameters& reactor = root.section("reactor");
  const std::size_t nf = m_point->fluidSize();
  std::vector<double> c0(nf);
  m_point->initialFluid(c0);
  if (!m_zone) m_flows = VesselFlows(root, *m_point, c0, m_at.temperature, m_volume);
  if (reactor.has("temperature-recipe")) {
    if (reactor.has("energy-balance"))
      throw reactor.error("temperature-recipe",
                          "give either a temperature recipe or an energy balance, not both (the "
                          "balance computes the temperature; prescribe the jacket's with "
                          "energy-balance.jacket-temperature-recipe)");
    m_temperatureRecipe.emplace(reactor, "temperature-recipe");
    if (m_temperatureRecipe->value(0.0) != m_at.temperature)
      throw reactor.error("temperature-recipe",
                          "the recipe starts at " + formatNumber(m_temperatureRecipe->value(0.0) - 273.15) +
                              " degC, not at reactor.temperature " +
                              formatNumber(m_at.temperature - 273.15) + " degC");
  }
  if (reactor.has("stirrer") && !reactor.has("energy-balance"))
    throw reactor.error("stirrer", "the stirrer serves the energy balance (its U A and its "
                                   "power as heat): add reactor.energy-balance, or leave it out");
  if (reactor.has("energy-balance")) {
    std::optional<double> stirredUA;
    double power = 0.0;
    if (reactor.has("stirrer")) {
      // One liquid: the tank's density and heat capacity are the balance's, its viscosity the
      // vessel's (the stirrer section has no keys of its own for them).
      const Parameters& balance = reactor.section("energy-balance");
      const StirredTank tank(reactor.section("stirrer"), balance.real("density"),
                             reactor.real("viscosity"), balance.real("heat-capacity"));
      checkStirrerVolume(reactor, tank);
      power = tank.hydrodynamics().power;
      if (tank.jacket()) stirredUA = jacketHeatTransfer(tank).UA;
    }
    m_energy.emplace(reactor.section("energy-balance"), m_at.temperature, stirredUA, power,
                     heatShare);
  }
  checkTemperatures(root);

  // The representation tabulates the aggregation rates once, at the initial temperature: a
  // kernel that depends on T would be silently wrong along a recipe or an energy balance.
  const AggregationKernel* kernel = m_point->interactions().kernel;
  if ((m_temperatureRecipe || m_energy) && kernel != nullptr && kernel->dependsOnTemperature())
    throw root.section("aggregation").error(
        "type", "this aggregation kernel depends on the temperature (Brownian motion, DLVO), "
                "and its rates are tabulated at the initial temperature: with a temperature "
                "recipe or an energy balance they would be wrong; not supported yet");

  m_point->addFluidBlocks(m_layout);
  const std::vector<std::string> names = fluidNames();
  if (m_energy) m_temperatureIndex = m_layout.add("temperature", 1, "K", m_at.temperature, {"T"});
  if (carriesMixture()) {
    std::vector<double> scales(nf, 1.0);
    scales.push_back(1e-6);  // solid volume fraction
    std::vector<std::string> mixtureNames = names;
    mixtureNames.push_back("solid");
    m_mixtureIndex = m_layout.add("mixture", "mol/m^3 | m^3/m^3", scales, mixtureNames);
  }
  if (m_flows.hasOutflow() && nf > 0) {
    m_outflowIndex = m_layout.add("outflow", nf, "mol/m^3", 1.0, names);
    m_layout.setRole("outflow", {.accumulator = true});
  }
  m_particles->addBlocks(m_layout);

  m_y0.assign(m_layout.size(), 0.0);
  std::copy(c0.begin(), c0.end(), m_y0.begin());
  m_particles->initialState(m_y0);
  m_point->setInitialSolid(m_particles->solidVolume(m_y0), std::span<double>(m_y0).first(nf));
  if (m_energy) m_y0[m_temperatureIndex] = m_at.temperature;
  if (carriesMixture()) {
    std::copy(c0.begin(), c0.end(), m_y0.begin() + static_cast<std::ptrdiff_t>(m_mixtureIndex));
    m_y0[m_mixtureIndex + nf] = m_particles->solidVolume(m_y0);
  }
  for (std::size_t f = 0; f < m_flows.feeds().size(); ++f) {
    const std::string& name = m_flows.feeds()[f].name;
    if (!root.has("feeds") || !root.section("feeds").has(name)) continue;  // the MSMPR's own
    const Parameters& feed = root.section("feeds").section(name);
    if (feed.has("seeds")) m_flows.setSeeds(f, withSeeds(feed, m_flows.feeds()[f]));
  }
  m_coupling.resize(nf);
  m_point->solidCoupling(m_coupling);
  m_heatSlopes.assign(nf, 0.0);
  m_work.assign(m_layout.size(), 0.0);
  m_point->checkNucleusSize(m_particles->minimumNucleusSize(), root.section("population"),
                            m_particles->nucleusProblem());
  m_point->registerParameters(m_parameters);
  m_particles->registerParameters(m_parameters, m_point->interactions());

  m_stopTimes = m_flows.stopTimes(m_endTime);
  if (m_temperatureRecipe)
    for (double t : m_temperatureRecipe->switchTimes(m_endTime)) m_stopTimes.push_back(t);
  if (m_energy)
    for (double t : m_energy->stopTimes(m_endTime)) m_stopTimes.push_back(t);
  Recipe::sortUnique(m_stopTimes);
}

// A vessel whose temperature changes heads for the temperatures of its recipe, its feeds and
// its jacket: each must lie in the ranges of the point's correlations, or the run would
// extrapolate them without a word (a 400 degC jacket ran a BaSO4 vessel to 150 degC). An
// overshoot by reaction heat is the final state's self-check (temperature_in_range).
void StirredVessel::checkTemperatures(const Parameters& root) const {
  const std::vector<TemperatureRange> ranges = m_point->temperatureRanges();
  const Parameters& reactor = root.section("reactor");
  auto checkRecipe = [&](const Parameters& owner, const std::string& key, const Recipe& recipe) {
    requireWithin(ranges, recipe.minimum(m_endTime), owner, key, "the recipe reaches ");
    requireWithin(ranges, recipe.maximum(m_endTime), owner, key, "the recipe reaches ");
  };
  if (m_temperatureRecipe) checkRecipe(reactor, "temperature-recipe", *m_temperatureRecipe);
  const bool feeds = root.has("feeds");
  for (const FeedStream& f : m_flows.feeds()) {
    if (!feeds || !root.section("feeds").has(f.name)) continue;  // the MSMPR's own feed
    const Parameters& feed = root.section("feeds").section(f.name);
    if (!feed.has("temperature")) continue;
    if (!m_energy)
      throw feed.error("temperature",
                       "a feed's temperature counts only in an energy balance, and the vessel "
                       "has none (its temperature is reactor.temperature or its recipe): add "
                       "reactor.energy-balance, or leave the feed's temperature out");
    requireWithin(ranges, f.temperature, feed, "temperature");
  }
  if (!m_energy) return;
  const Parameters& balance = reactor.section("energy-balance");
  if (balance.has("jacket-temperature"))
    requireWithin(ranges, m_energy->jacketTemperature(0.0), balance, "jacket-temperature");
  if (balance.has("jacket-temperature-recipe"))
    checkRecipe(balance, "jacket-temperature-recipe", m_energy->jacket());
}

// Seeds enter the classes (or moments) and the mixture's solid at (Q_f/V) n_f; a point whose
// fluid carries the solid volume (a crystallizer's phi, for secondary nucleation) gets it in the
// feed's fluid as well, as the initial seeds in c0.
FeedStream StirredVessel::withSeeds(const Parameters& feed, FeedStream stream) const {
  stream.particles.assign(m_layout.size(), 0.0);
  stream.seedNumber = m_particles->fedParticles(feed, stream.particles);
  stream.seedVolume = m_particles->solidVolume(stream.particles);
  stream.particles[m_mixtureIndex + m_point->fluidSize()] = stream.seedVolume;
  m_point->setInitialSolid(stream.seedVolume, stream.fluid);
  return stream;
}

void StirredVessel::initialState(std::span<double> y0) const {
  std::copy(m_y0.begin(), m_y0.end(), y0.begin());
}

double StirredVessel::temperature(double t, std::span<const double> y) const {
  if (m_energy) return y[m_temperatureIndex];
  if (m_temperatureRecipe) return m_temperatureRecipe->value(t);
  return m_at.temperature;
}

std::span<const double> StirredVessel::mixture(std::span<const double> y) const {
  if (!carriesMixture()) return std::span<const double>(m_y0).first(m_point->fluidSize());
  return y.subspan(m_mixtureIndex, m_point->fluidSize() + 1);
}

void StirredVessel::rhs(double t, std::span<const double> y, std::span<double> ydot) {
  zoneRates(t, y, ydot, dilution(t));
  if (!m_flows.any()) return;
  const std::size_t nf = m_point->fluidSize();
  m_flows.addFed(t, ydot.first(nf));
  m_flows.addFed(t, ydot.subspan(m_mixtureIndex, nf));
  m_flows.addFedParticles(t, ydot);
}

void StirredVessel::zoneRates(double t, std::span<const double> y, std::span<double> ydot,
                              double D, std::optional<double> jacketTemperature) {
  const auto c = fluid(y);
  const PointConditions at = conditionsAt(t, y);
  const ParticleProcesses p = m_point->processes(c, at);
  const double solidVolumeRate = m_particles->rates(y, p, D, ydot);
  const auto dc = ydot.first(c.size());
  m_point->fluidRates(c, at.temperature, solidVolumeRate, dc);
  for (std::size_t j = 0; j < c.size(); ++j) dc[j] -= D * c[j];
  vesselRates(t, y, solidVolumeRate, ydot, D, jacketTemperature);
}

void StirredVessel::vesselRates(double t, std::span<const double> y, double solidVolumeRate,
                                std::span<double> ydot, double D,
                                std::optional<double> jacketTemperature) const {
  const std::size_t nf = m_point->fluidSize();
  const auto c = fluid(y);
  if (m_energy) {
    const double T = y[m_temperatureIndex];
    const double q =
        m_point->reactionHeat(c, T) + m_point->heatPerSolidVolume() * solidVolumeRate;
    const double Tj = jacketTemperature.value_or(m_energy->jacketTemperature(t));
    ydot[m_temperatureIndex] = m_flows.heatFed(t, T) + m_energy->rateWithJacketAt(Tj, T, volume(t), q);
    // A network's zone: its inflows replace the contents at D, bringing their own temperature
    // (added by the network): rho c_p V dT/dt = sum_in Q_s rho c_p (T_s - T) + ...
    if (m_zone) ydot[m_temperatureIndex] -= D * T;
  }
  if (!carriesMixture()) return;
  const auto r = mixture(y);
  const auto dr = ydot.subspan(m_mixtureIndex, nf + 1);
  for (std::size_t j = 0; j <= nf; ++j) dr[j] = -D * r[j];
  if (m_flows.hasOutflow() && nf > 0) {
    const double out = m_flows.outflow(t) / m_flows.volume(t);
    for (std::size_t j = 0; j < nf; ++j) ydot[m_outflowIndex + j] = out * c[j];
  }
}

// The representation fills its rows and reports the slopes of its rates in the point's
// arguments; here they are chained to the fluid columns (d/dc_m = sum_a d/da da/dc_m), and
// the fluid rows get the point's coupling times the solid-volume row, so that every conserved
// moiety w of (fluid, solid) has w^T J = 0 exactly and Newton keeps it to round-off. The
// temperature row gets the heat of formation the same way.
void StirredVessel::jacobian(double t, std::span<const double> y, std::span<const double>,
                             JacobianSink& sink) {
  zoneJacobian(t, y, sink.arrow(), dilution(t));
}

void StirredVessel::zoneJacobian(double t, std::span<const double> y, BorderedBandJacobian& J,
                                 double D) {
  const std::size_t nf = m_point->fluidSize(), n = y.size();
  const auto c = fluid(y);
  ArgumentSlopes da;
  const PointConditions at = conditionsAt(t, y);
  const ParticleProcesses p = m_point->processes(c, at, &da);
  J.setZero();
  m_particles->jacobian(y, p, D, J, m_slopes);
  m_point->addFluidJacobian(c, at.temperature, J);
  double heat = 0.0;  // d(dT/dt)/d(solid volume rate)
  if (m_energy) {
    std::fill(m_heatSlopes.begin(), m_heatSlopes.end(), 0.0);
    m_point->reactionHeat(c, at.temperature, m_heatSlopes);
    heat = m_point->heatPerSolidVolume() / m_energy->volumetricHeatCapacity();
  }
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
    if (m_energy)
      J.D(m_temperatureIndex, m) +=
          heat * dSolid + m_heatSlopes[m] / m_energy->volumetricHeatCapacity();
  }
  for (std::size_t col = nf; col < n; ++col) {
    const double v = m_slopes.dSolidVolumeDy[col];
    if (v == 0.0) continue;
    for (std::size_t j = 0; j < nf; ++j)
      if (m_coupling[j] != 0.0) J.add(j, col, m_coupling[j] * v);
    if (m_energy) J.add(m_temperatureIndex, col, heat * v);
  }
  for (std::size_t j = 0; j < nf; ++j) J.D(j, j) -= D;
  if (carriesMixture()) {
    for (std::size_t j = 0; j <= nf; ++j) J.D(m_mixtureIndex + j, m_mixtureIndex + j) = -D;
    if (m_flows.hasOutflow() && nf > 0) {
      const double out = m_flows.outflow(t) / m_flows.volume(t);
      for (std::size_t j = 0; j < nf; ++j) J.D(m_outflowIndex + j, j) = out;
    }
  }
  if (m_energy) {
    temperatureColumn(t, y, J);
    if (m_zone) J.D(m_temperatureIndex, m_temperatureIndex) -= D;  // the column is at D = 0
  }
}

// Every rate depends on T through the point's laws (solubility, activity, diffusivity), which
// give no slopes in T: a central difference with h = 1e-7 T (3e-5 K). The step must be small
// against the scale on which the rates vary, which near saturation is not that of K_sp(T) but
// of S - 1 (a 1e-4 excess moves by 30 % over 3e-3 K); round-off stays ~1e-16 |f| / h.
void StirredVessel::temperatureColumn(double t, std::span<const double> y,
                                      BorderedBandJacobian& J) {
  std::vector<double> shifted(y.begin(), y.end()), minus(y.size());
  const double h = 1e-7 * y[m_temperatureIndex];
  shifted[m_temperatureIndex] = y[m_temperatureIndex] + h;
  rhs(t, shifted, m_work);
  shifted[m_temperatureIndex] = y[m_temperatureIndex] - h;
  rhs(t, shifted, minus);
  for (std::size_t r = 0; r < y.size(); ++r) {
    const double d = (m_work[r] - minus[r]) / (2.0 * h);
    if (d != 0.0) J.add(r, m_temperatureIndex, d);
  }
}

// The stirrer's tank is the vessel: its liquid volume must be the vessel's (initial) volume.
void StirredVessel::checkStirrerVolume(const Parameters& reactor, const StirredTank& tank) const {
  const double tankVolume = tank.geometry().volume();
  if (std::abs(tankVolume - m_volume) <= 1e-6 * m_volume) return;
  const Parameters& stirrer = reactor.section("stirrer");
  throw stirrer.error(stirrer.has("volume") ? "volume" : "vessel-diameter",
                      "the stirred tank holds " + formatNumber(tankVolume * 1e3) +
                          " L, the vessel (reactor.volume) " + formatNumber(m_volume * 1e3) +
                          " L: give the stirrer the vessel's volume");
}

}  // namespace proscale
