#pragma once
// The case sections of the `population-balance` model: a particle population under prescribed
// kinetics, the classical crystallizer description of Randolph & Larson (Theory of Particulate
// Processes, 2nd ed., 1988, ch. 3-4) where nucleation and growth rates are measured or fitted
// rather than computed from a solution's chemistry:
//   G(L) = G0 (1 + a L)        [m/s]   (a = 0: size-independent; G0 < 0: dissolution)
//   B    = B0 at L0 = min-size [1/(m^3 s)]
// in a batch vessel or, with a residence time tau, a continuous well-mixed vessel with a
// particle-free feed (MSMPR: washout -n/tau), plus optional aggregation and breakage.
// Theory: docs/theory/population-balance-model.md.
#include <memory>
#include <optional>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/particles/AggregationKernels.h"
#include "models/pbe/FixedPivotBreakage.h"
#include "models/pbe/Qmom.h"

namespace proscale {

struct PrescribedRates {
  double growthRate = 0.0;       ///< G0 [m/s]
  double growthSizeCoefficient = 0.0;  ///< a [1/m]
  double nucleationRate = 0.0;   ///< B0 [1/(m^3 s)]
  double shapeFactor = 0.0;      ///< k_v: particle volume k_v L^3 [-]
  double residenceTime = 0.0;    ///< tau [s]; 0 = batch
  AggregationConditions conditions;  ///< temperature and viscosity (Brownian kernels)
  std::unique_ptr<AggregationKernel> kernel;  ///< null without aggregation
  std::optional<BreakageSettings> breakage;

  /// The case sections (reactor, particles, aggregation, breakage, population).
  static std::vector<ParamSpec> sections();
  static PrescribedRates from(const Parameters& root);

  double growth(double L) const { return growthRate * (1.0 + growthSizeCoefficient * L); }
  bool sizeDependentGrowth() const { return growthSizeCoefficient != 0.0; }
  bool continuous() const { return residenceTime > 0.0; }
  /// The processes in the form the moment methods take (nucleus size L0). Refers to *this.
  QmomRates momentRates(double nucleusSize) const;
};

}  // namespace proscale
