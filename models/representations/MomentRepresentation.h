#pragma once
// Particles carried by moments (population.method: qmom or moments), models/pbe/MomentPopulation:
//
//   dmu_k/dt = [QMOM or standard-moment source terms of growth G(L), nucleation B at
//              L0 = max(min-size, L*), aggregation and breakage] - D mu_k     [m^k/(m^3 s)]
//
// The solid volume formed is k_v dmu_3/dt before dilution (aggregation and breakage conserve
// k_v mu_3). Jacobian: the moment rows by forward differences at fixed processes (a small
// dense block); the slopes in the point model's arguments exactly, since the source terms are
// linear in G(.) and B at fixed moments (the shift of L0 with L*(S) is left out: it changes
// Newton's convergence, not the solution). State: budget (number nucleated) | moments.
// Theory: docs/theory/qmom.md.
#include "models/pbe/MomentPopulation.h"
#include "models/representations/ParticleRepresentation.h"

namespace proscale {

class MomentRepresentation final : public ParticleRepresentation {
 public:
  /// InputError at population.method if the standard method cannot close for the point's
  /// processes or the growth law has Gibbs-Thomson solubility (QMOM cannot represent complete
  /// dissolution), at population.moment-count when a fluid needs mu_3 and QMOM has 2 moments.
  MomentRepresentation(const Parameters& population, const PointModel& point);

  void addBlocks(StateLayout& layout) override;
  void initialState(std::span<double> y0) const override;
  double minimumNucleusSize() const override { return m_population.nucleusSize(); }
  std::string nucleusProblem() const override { return "nuclei are born too large"; }
  void registerParameters(ParameterRegistry& registry, const ParticleInteractions& with) override;
  /// Lets NonRealizableMoments (recoverable) propagate: the solver retries, then reports it;
  /// when the particles are dissolving (G < 0 at the nucleus size) its message says that QMOM
  /// cannot represent complete dissolution.
  double rates(std::span<const double> y, const ParticleProcesses& p, double dilution,
               std::span<double> ydot) const override;
  void jacobian(std::span<const double> y, const ParticleProcesses& p, double dilution,
                BorderedBandJacobian& J, RepresentationSlopes& slopes) const override;

  double solidVolume(std::span<const double> y) const override;
  double meanDiameter(std::span<const double> y) const override;
  std::vector<SeriesColumn> columns() const override;
  std::size_t values(std::span<const double> y, std::span<double> row) const override;
  std::vector<Metric> metrics(std::span<const double> y) const override;
  /// The number scale, when the case left it out: rerun with mu_0 when it is off by more than
  /// the band SizeClasses accepts (docs/theory/automatic-grid.md).
  SettingsAdvice settingsAdvice(std::span<const double> y) const override;
  /// number_scale_ratio (PopulationSettings::numberScaleCheck).
  std::vector<SelfCheck> selfChecks(std::span<const double> y) const override;

 private:
  /// dmu/dt of growth, nucleation, aggregation and breakage (no dilution) into dmu.
  void sources(std::span<const double> mu, const ParticleProcesses& p, std::span<double> dmu) const;
  std::span<const double> moments(std::span<const double> y) const {
    return y.subspan(m_mom, m_population.count());
  }

  MomentPopulation m_population;
  double m_shapeFactor;
  mutable QmomRates m_processes;  ///< aggregation and breakage set once; G and B per call
  std::optional<BreakageSettings> m_breakage;  ///< what m_processes.breakage was made from
  std::size_t m_nucleated = 0, m_mom = 0;
  bool m_autoNumberScale = false;
};

}  // namespace proscale
