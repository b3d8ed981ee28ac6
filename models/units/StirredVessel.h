#pragma once
// The unit operation of a well-mixed, isothermal vessel: it owns the holdup (volume), the
// temperature, the outflow and the state vector, and holds one point model (the physics of its
// contents, models/points/) and one particle representation (models/representations/):
//
//   fluid:      dc/dt = point.fluidRates(c, solid volume rate) + D (c_feed - c)
//   particles:  representation.rates(y, point.processes(c), D = 1/tau)
//
// Batch without `reactor.residence-time` (D = 0); with it, a continuous vessel with a
// particle-free feed (MSMPR). Its feed is, for now, the point's initial fluid before the seeds
// (PointModel::initialFluid): every fluid unknown is a per-suspension-volume quantity that
// mixes linearly, so outflow and feed act on each one alike. Only models whose schema offers
// the residence time reach it (population-balance, no fluid; crystallization); general feeds
// (semi-batch, dosing, feed compositions of their own) come with the vessel's generalisation.
// State: the point's fluid blocks first (the Jacobian's border), then the representation's
// blocks.
#include <memory>

#include "core/Process.h"
#include "core/System.h"
#include "models/points/PointModel.h"
#include "models/representations/ParticleRepresentation.h"

namespace proscale {

class StirredVessel final : public Process, public System {
 public:
  /// The `reactor:` section: temperature, viscosity, volume and, if `outflow`, residence-time.
  /// Without `requireTemperature` it defaults to 25 degC (it then matters for Brownian
  /// aggregation only).
  static ParamSpec reactorSection(bool outflow, bool requireTemperature);
  /// The vessel's conditions from a validated `reactor:` section.
  static PointConditions conditions(const Parameters& root);
  static double viscosity(const Parameters& root);  ///< [Pa s]

  StirredVessel(const Parameters& root, std::unique_ptr<PointModel> point);

  // System
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override;
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override;
  BorderedBandShape jacobianShape() const override { return m_particles->jacobianShape(size()); }
  bool hasJacobian() const override { return true; }
  bool jacobianIsExact() const override { return m_particles->jacobianIsExact(); }
  void jacobian(double t, std::span<const double> y, std::span<const double> f,
                JacobianSink& J) override;
  ParameterRegistry& parameters() override { return m_parameters; }

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

  const PointModel& point() const { return *m_point; }
  const ParticleRepresentation& particles() const { return *m_particles; }

 private:
  std::span<const double> fluid(std::span<const double> y) const {
    return y.first(m_point->fluidSize());
  }

  PointConditions m_at;
  double m_volume = 0.0;    ///< suspension volume [m^3]
  double m_dilution = 0.0;  ///< D = Q/V = 1/tau [1/s]; 0 in batch
  std::unique_ptr<PointModel> m_point;
  std::unique_ptr<ParticleRepresentation> m_particles;
  StateLayout m_layout;
  ParameterRegistry m_parameters;
  std::vector<double> m_y0;
  std::vector<double> m_feed;      ///< fluid of the feed (continuous vessel) [the fluid's units]
  std::vector<double> m_coupling;  ///< d(dc_j/dt)/d(solid volume rate)
  RepresentationSlopes m_slopes;   ///< Jacobian work
};

}  // namespace proscale
