#pragma once
// The point model of the `population-balance` model: a particle population under prescribed
// kinetics, the classical crystallizer description of Randolph & Larson (Theory of Particulate
// Processes, 2nd ed., 1988, ch. 3-4) where nucleation and growth rates are measured or fitted
// rather than computed from a solution's chemistry:
//   G(L) = G0 (1 + a L)        [m/s]   (a = 0: size-independent; G0 < 0: dissolution)
//   B    = B0 at L0 = min-size [1/(m^3 s)]
// plus optional aggregation and breakage. No fluid unknowns: the rates do not depend on the
// state, so the processes have no arguments. Theory: docs/theory/population-balance-model.md.
#include <memory>
#include <vector>

#include "core/Schema.h"
#include "models/points/PointModel.h"

namespace proscale {

class PrescribedPoint final : public PointModel {
 public:
  /// The case sections read here: particles, aggregation, breakage.
  static std::vector<ParamSpec> sections();
  /// Feeds carry no fluid here (a feed only dilutes the particles).
  static void addFeedKeys(Schema&) {}
  /// `at` and `viscosity` [Pa s]: the liquid the Brownian aggregation kernels see.
  PrescribedPoint(const Parameters& root, const PointConditions& at, double viscosity);

  const ParticleInteractions& interactions() const override { return m_interactions; }
  bool sizeDependentGrowth() const override { return m_growthSizeCoefficient != 0.0; }
  ParticleProcesses processes(std::span<const double> c, const PointConditions& at,
                              ArgumentSlopes* slopes) const override;
  void registerParameters(ParameterRegistry& registry) override;

  double growth(double L) const { return m_growthRate * (1.0 + m_growthSizeCoefficient * L); }

 private:
  double m_growthRate = 0.0;             ///< G0 [m/s]
  double m_growthSizeCoefficient = 0.0;  ///< a [1/m]
  double m_nucleationRate = 0.0;         ///< B0 [1/(m^3 s)]
  std::unique_ptr<AggregationKernel> m_kernel;
  ParticleInteractions m_interactions;
};

}  // namespace proscale
