#pragma once
// The particle processes in the one form every particle representation takes (size classes,
// QMOM, standard moments), whatever point model produced them (a solution's chemistry,
// prescribed rates, later a melt or a furnace atmosphere).
//
// Rates come with their slopes in the point model's "arguments" a = 0 .. arguments-1: formally
// independent local variables (for a precipitating solution ln S, ln c, ln c_f and the log of
// the growth-inhibition factor; see models/particles/DrivingForce.h). A representation
// differentiates its own equations in the arguments; the point model chains the arguments to
// the vessel's unknowns (ArgumentSlopes), so neither needs the other's internals.
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"

#include "models/particles/AggregationKernels.h"
#include "models/particles/DrivingForce.h"
#include "models/pbe/FixedPivotBreakage.h"

namespace proscale {

/// Rates of nucleation and growth at one material point and one instant.
struct ParticleProcesses {
  /// G(L) [m/s] at diameter L (negative: dissolution), with its slopes in the arguments.
  std::function<RateAndSlopes(double L)> growth;
  bool sizeDependentGrowth = false;
  /// What growth and sizeDiffusivity depend on besides L (the fluid state and temperature),
  /// for a representation that keeps its face rates between calls: equal non-empty keys give
  /// equal rates as long as no model parameter was set in between (the representation
  /// forgets its rates on ParameterRegistry::onChange). Empty: no reuse.
  std::vector<double> growthKey;
  /// D_L(L) [m^2/s] of the molecular fluctuations of growth (size-space diffusion, Zeldovich-
  /// Frenkel; models/particles/GrowthFluctuations.h) given G at L, with slopes in the arguments
  /// as for growth; empty when the point model has none.
  std::function<RateAndSlopes(double L, const RateAndSlopes& G)> sizeDiffusivity;
  /// B [1/(m^3 s)] and its slopes.
  RateAndSlopes nucleation;
  /// L* [m]; NaN when the law has no critical size.
  double criticalDiameter = std::numeric_limits<double>::quiet_NaN();
  /// Where nuclei are born [m]: past the near-critical region, x_b L* (NucleationLaw::
  /// birthDiameter); NaN without a critical size (then at min-size).
  double birthDiameter = std::numeric_limits<double>::quiet_NaN();
  /// Its slopes in the arguments (value = birthDiameter), for Jacobians: nuclei are shared
  /// between the two classes around it, so the shares move with the state. Filled only when
  /// the point model is asked for slopes; zero slopes otherwise.
  RateAndSlopes birthDiameterSlopes;
  /// The lower edge of the near-critical region, x_lo L* [m] (NucleationLaw::
  /// lowerEdgeDiameter); NaN without a critical size.
  double lowerEdgeDiameter = std::numeric_limits<double>::quiet_NaN();
  /// Number of arguments, and a growth or nucleation rate's slope in argument a.
  std::size_t arguments = 0;
  std::function<double(const RateAndSlopes& growth, std::size_t a)> growthSlope;
  std::function<double(const RateAndSlopes& nucleation, std::size_t a)> nucleationSlope;

  /// Nuclei are born at max(min-size, x_b L*).
  double nucleusSize(double minSize) const {
    return birthDiameter > minSize ? birthDiameter : minSize;
  }
};

/// d(argument a)/d(fluid unknown j), row-major [a][j]; filled by the point model for Jacobians.
struct ArgumentSlopes {
  std::size_t arguments = 0, unknowns = 0;
  std::vector<double> values;
  double operator()(std::size_t a, std::size_t j) const { return values[a * unknowns + j]; }
};

/// What acts on the particles independently of the fluid state: their shape, aggregation and
/// breakage (constant for the run), and the liquid the Brownian kernels see.
struct ParticleInteractions {
  double shapeFactor = 0.0;  ///< k_v: particle volume k_v L^3 [-]
  /// Null without aggregation; owned by the point. Not const: a representation registers the
  /// kernel's constant as a parameter (ParticleRepresentation::registerParameters).
  AggregationKernel* kernel = nullptr;
  AggregationConditions conditions;           ///< temperature, viscosity
  std::optional<BreakageSettings> breakage;
};

/// A liquid at temperature T [K] with dynamic viscosity [Pa s], as the Brownian kernels see it.
inline AggregationConditions liquid(double temperature, double viscosity) {
  AggregationConditions c;
  c.temperature = temperature;
  c.viscosity = viscosity;
  return c;
}

/// The optional case sections `aggregation` and `breakage`, shared by every point model.
std::vector<ParamSpec> interactionSections();
/// Reads them into `into` (the kernel, if any, into `kernel`, which owns it); conditions are
/// the liquid's temperature [K] and viscosity [Pa s], shape factor k_v [-].
void readInteractions(const Parameters& root, const AggregationConditions& conditions,
                      double shapeFactor, std::unique_ptr<AggregationKernel>& kernel,
                      ParticleInteractions& into);

}  // namespace proscale
