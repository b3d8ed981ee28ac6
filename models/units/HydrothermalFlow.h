#pragma once
// Continuous hydrothermal synthesis in a pipe: the mixing point (SupercriticalMixer.h), then
// plug flow through a pipe of diameter d and length L at the mixed temperature, then a quench
// at the outlet. In plug flow a fluid element is a batch that ages with its residence time,
//   t = z / u,   u = Q_mix / (pi d^2 / 4),   tau = L / u,
// so the pipe is the batch precipitation model (StirredVessel + the point's chemistry and
// population balance) run from the mixer (t = 0) to the quench (t = tau), at T_mix, with the
// mixed stream's concentrations and the water's viscosity at (T_mix, p). Assumptions (stated,
// checked where they can be): the pipe is adiabatic (well insulated) and isobaric; axial
// dispersion is negligible (turbulent pipes: Pe = u L / D_ax >> 100); the metal stream heats
// instantly against the residence time (the self-check `heat_up_fraction` fails when the
// mixer's t_99 exceeds 5 % of tau); the quench stops every rate. Theory:
// docs/theory/hydrothermal-synthesis.md.
#include <memory>
#include <vector>

#include "core/Parameters.h"
#include "core/Process.h"
#include "models/mixing/SupercriticalMixer.h"
#include "models/points/PointModel.h"
#include "models/units/StirredVessel.h"

namespace proscale {

class HydrothermalFlow final : public Process {
 public:
  /// The `pipe:` section.
  static ParamSpec pipeSection();
  /// The case's sections besides the point's: mixing, pipe.
  static std::vector<ParamSpec> sections(void (*addFeedKeys)(Schema&));
  using PointFactory = std::unique_ptr<PointModel> (*)(const Parameters& root);
  HydrothermalFlow(const Parameters& root, PointFactory makePoint);

  const MixedStream& mixed() const { return m_mixed; }
  double residenceTime() const { return m_tau; }   ///< tau [s]
  double velocity() const { return m_velocity; }   ///< u [m/s]

  System& system() override { return m_vessel->system(); }
  std::optional<double> endTime() const override { return m_tau; }
  std::vector<SeriesColumn> seriesColumns() const override;
  void series(double t, std::span<const double> y, std::span<double> row) const override;
  bool hasSizeDistribution() const override { return m_vessel->hasSizeDistribution(); }
  PsdHistory sizeClasses() const override { return m_vessel->sizeClasses(); }
  std::vector<double> numberPerClass(std::span<const double> y) const override {
    return m_vessel->numberPerClass(y);
  }
  std::vector<Metric> metrics(double t, std::span<const double> y) const override;
  std::vector<SelfCheck> selfChecks(double t, std::span<const double> y) const override;
  SettingsAdvice settingsAdvice(double t, std::span<const double> y) const override {
    return m_vessel->settingsAdvice(t, y);
  }
  RefinementPlan refinement() const override { return m_vessel->refinement(); }

 private:
  /// The batch's case: the user's, with the reactor, the initial concentrations and the end
  /// time that the mixer and the pipe give.
  /// Without `probe`, the concentrations are left as the case gives them.
  Parameters batchCase(const Parameters& root, const PointModel* probe) const;

  MixedStream m_mixed;
  double m_diameter = 0.0, m_length = 0.0, m_velocity = 0.0, m_tau = 0.0;
  Parameters m_batch;  ///< outlives m_vessel, which may keep references into it
  std::unique_ptr<StirredVessel> m_vessel;
};

}  // namespace proscale
