#pragma once
// The unit operation of a well-mixed vessel: it owns the holdup (volume), the temperature, the
// streams and the state vector, and holds one point model (the physics of its contents,
// models/points/) and one particle representation (models/representations/):
//
//   fluid:        dc/dt = point.fluidRates(c, T, solid volume rate) + sum_f (Q_f/V)(c_f - c)
//   particles:    representation.rates(y, point.processes(c, T), D = Q_in/V)
//   temperature:  fixed, a recipe T(t), or an energy balance (EnergyBalance.h)
//
// Batch without streams; semi-batch or continuous with `feeds` (VesselFlows.h); the MSMPR of
// `reactor.residence-time` is one feed of the initial fluid composition. State: the point's
// fluid blocks first, then `temperature` (energy balance), `mixture` (with streams: the
// contents as they would be without reactions and particle formation -- the reference of the
// conserved moieties) and `outflow` (continuous: what left per volume, an accumulator), all in
// the Jacobian's border; then the representation's blocks. In zone mode (a compartment
// network's zone) the network supplies dilution and inflows. Reporting (columns, metrics,
// self-checks, the balances over streams): StirredVesselReport.cpp. Theory:
// docs/theory/feeds-and-energy.md.
#include <memory>
#include <optional>

#include "core/Process.h"
#include "core/System.h"
#include "models/mixing/StirredTank.h"
#include "models/points/PointModel.h"
#include "models/representations/ParticleRepresentation.h"
#include "models/units/EnergyBalance.h"
#include "models/units/Recipe.h"
#include "models/units/StreamBalance.h"
#include "models/units/VesselFlows.h"

namespace proscale {

class StirredVessel final : public Process, public System {
 public:
  /// The `reactor:` section. With `flows`: residence-time, outflow and max-volume, and, when
  /// the temperature matters (`requireTemperature`), temperature-recipe and energy-balance.
  /// Without `requireTemperature` the temperature defaults to 25 degC (it then matters for
  /// Brownian aggregation only).
  /// In a compartment network (`network`) the section holds the temperature, its recipe or an
  /// energy balance, and the viscosity: volumes, streams and the stirrer are the network's.
  static ParamSpec reactorSection(bool flows, bool requireTemperature, bool network = false);
  /// The vessel's initial conditions from a validated `reactor:` section.
  static PointConditions conditions(const Parameters& root);
  static double viscosity(const Parameters& root);  ///< [Pa s]

  /// A vessel as the case describes it; with `zoneVolume` [m^3] instead a zone of a compartment
  /// network (CompartmentNetwork.h): no streams of its own (the network's dilution and inflows
  /// come through zoneRates and zoneJacobian), but a `mixture` block for its moieties.
  /// `heatShare`: the zone's part of the jacket's U A (its volume fraction of the network).
  StirredVessel(const Parameters& root, std::unique_ptr<PointModel> point,
                std::optional<double> zoneVolume = std::nullopt, double heatShare = 1.0);

  /// The rates with dilution D [1/s] (outflow and inflows' share of -D y) and no fed terms: a
  /// zone's own physics; rhs() adds the vessel's feeds, a network the zone's inflows.
  /// `jacketTemperature` [K]: the zone's own, where its place sets it (a tube's wall profile);
  /// the energy balance's otherwise.
  void zoneRates(double t, std::span<const double> y, std::span<double> ydot, double D,
                 std::optional<double> jacketTemperature = std::nullopt);
  /// Its Jacobian (J zeroed here).
  void zoneJacobian(double t, std::span<const double> y, BorderedBandJacobian& J, double D);

  // System
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override;
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override;
  BorderedBandShape jacobianShape() const override { return m_particles->jacobianShape(size()); }
  bool hasJacobian() const override { return true; }
  bool jacobianIsExact() const override { return m_particles->jacobianIsExact(); }
  bool hasJacobianRemainder() const override { return m_particles->hasJacobianRemainder(); }
  void addJacobianRemainderTimes(double, std::span<const double> y, std::span<const double> v,
                                 std::span<double> Jv) override {
    m_particles->addJacobianRemainderTimes(y, v, Jv);
  }
  void jacobian(double t, std::span<const double> y, std::span<const double> f,
                JacobianSink& J) override;
  ParameterRegistry& parameters() override { return m_parameters; }
  std::vector<double> stopTimes() const override { return m_stopTimes; }

  // Process
  System& system() override { return *this; }
  std::vector<SeriesColumn> seriesColumns() const override;
  void series(double t, std::span<const double> y, std::span<double> row) const override;
  bool hasSizeDistribution() const override { return m_particles->hasSizeDistribution(); }
  PsdHistory sizeClasses() const override { return m_particles->sizeClasses(); }
  std::vector<double> numberPerClass(std::span<const double> y) const override {
    return m_particles->numberPerClass(y);
  }
  std::vector<Metric> metrics(double t, std::span<const double> y) const override;
  std::vector<SelfCheck> selfChecks(double t, std::span<const double> y) const override;
  SettingsAdvice settingsAdvice(double /*t*/, std::span<const double> y) const override {
    return m_particles->settingsAdvice(y);
  }
  RefinementPlan refinement() const override { return m_particles->refinement(); }

  /// The feed `stream` read from the validated section `feed` with the seeds of its `seeds`
  /// key as amounts of this vessel's state (FeedStream::particles); InputError at the seeds'
  /// keys when they do not fit the representation or its grid.
  FeedStream withSeeds(const Parameters& feed, FeedStream stream) const;

  const PointModel& point() const { return *m_point; }
  /// With reactor.energy-balance: its jacket's U A (this zone's share) and temperature.
  const std::optional<EnergyBalance>& energyBalance() const { return m_energy; }
  /// The names of the fluid unknowns (the point's blocks' components).
  std::vector<std::string> fluidNames() const;
  /// Their units (per suspension volume: mol/m^3, a volume fraction m^3/m^3).
  std::vector<std::string> fluidUnits() const;
  const ParticleRepresentation& particles() const { return *m_particles; }

 private:
  std::span<const double> fluid(std::span<const double> y) const {
    return y.first(m_point->fluidSize());
  }
  double temperature(double t, std::span<const double> y) const;
  bool carriesMixture() const { return m_flows.any() || m_zone; }
  double dilution(double t) const { return m_flows.any() ? m_flows.dilution(t) : 0.0; }
  double volume(double t) const { return m_flows.any() ? m_flows.volume(t) : m_volume; }
  PointConditions conditionsAt(double t, std::span<const double> y) const {
    return {temperature(t, y)};
  }
  /// Contents without reactions and formation (fluid, then solid volume): the moieties' reference.
  std::span<const double> mixture(std::span<const double> y) const;
  /// Writes the rows of the vessel's own blocks (temperature, mixture, outflow).
  void vesselRates(double t, std::span<const double> y, double solidVolumeRate,
                   std::span<double> ydot, double D, std::optional<double> jacketTemperature) const;
  void checkStirrerVolume(const Parameters& reactor, const StirredTank& tank) const;
  /// Amounts over the streams up to t of (fluid unknowns, solid volume) [mol or m^3].
  StreamAmounts streamAmounts(double t, std::span<const double> y) const;
  /// InputError where a temperature the vessel heads for (its recipe's, a feed's, the jacket's)
  /// lies outside the point's temperature ranges, or a feed's temperature has no energy balance.
  void checkTemperatures(const Parameters& root) const;
  /// d(dy/dt)/dT by a central difference (the point's laws give no slopes in T).
  void temperatureColumn(double t, std::span<const double> y, BorderedBandJacobian& J);

  PointConditions m_at;          ///< the initial conditions
  double m_volume = 0.0;         ///< initial suspension volume [m^3]
  bool m_zone = false;           ///< a zone of a compartment network
  double m_endTime = 0.0;        ///< output.end-time [s]
  std::unique_ptr<PointModel> m_point;
  std::unique_ptr<ParticleRepresentation> m_particles;
  VesselFlows m_flows;
  std::optional<Recipe> m_temperatureRecipe;
  std::optional<EnergyBalance> m_energy;
  StateLayout m_layout;
  std::size_t m_temperatureIndex = 0, m_mixtureIndex = 0, m_outflowIndex = 0;
  ParameterRegistry m_parameters;
  std::vector<double> m_y0;
  std::vector<double> m_coupling;  ///< d(dc_j/dt)/d(solid volume rate)
  std::vector<double> m_stopTimes;
  RepresentationSlopes m_slopes;   ///< Jacobian work
  std::vector<double> m_work, m_heatSlopes;
};

}  // namespace proscale
