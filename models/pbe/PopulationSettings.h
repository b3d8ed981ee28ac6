#pragma once
// The case's `population:` section: the method (size classes or moments), the size grid,
// growth scheme, moment cross-check, seeds.
#include <limits>
#include <optional>
#include <vector>

#include "core/Parameters.h"
#include "core/Results.h"
#include "core/Schema.h"
#include "models/pbe/FiniteVolumeGrowth.h"
#include "models/pbe/InitialDistribution.h"
#include "models/pbe/SizeGrid.h"

namespace proscale {

/// How the population is represented: size classes (finite volumes + fixed pivot), the
/// standard method of moments (closed for size-independent growth and nucleation only) or the
/// quadrature method of moments (docs/theory/qmom.md).
enum class PopulationMethod { Sectional, Moments, Qmom };

/// Seeds that feeds bring into the vessel (VesselFlows.h): whether any feed carries particles
/// (the size classes then keep a fed budget) and the distributions given by parameters (the
/// automatic grid reaches below and above them as it does for population.seeds).
struct FedSeeds {
  bool any = false;
  std::vector<SeedDistribution> distributions;
};

struct PopulationSettings {
  PopulationMethod method = PopulationMethod::Sectional;
  std::size_t momentCount = 6;  ///< QMOM: 2n moments for n quadrature nodes
  /// QMOM: relative uncertainty of the moments below which a quadrature level counts as
  /// degenerate (InversionOptions::degeneracyTolerance).
  double realizabilityTolerance = 1e-6;
  double minSize = 0.0, maxSize = 0.0;  ///< m
  std::size_t classes = 0;
  /// Settings the case left to the tool (keys absent or set by the tool's own reruns): the
  /// grid's top, its class count, the number scale. See SizeClasses::settingsAdvice.
  bool autoMinSize = false, autoMaxSize = false, autoClasses = false, autoNumberScale = false;
  /// Automatic class count: classes across the d10..d90 span of the volume distribution.
  double resolution = 20.0;
  /// Rerun at twice the classes and compare (the grid_refinement_change self-check).
  bool verifyGrid = false;
  GridSpacing spacing = GridSpacing::Geometric;
  GrowthScheme scheme = GrowthScheme::VanLeer;
  bool moments = true;          ///< sectional: integrate the method of moments alongside as a cross-check
  double numberScale = 1e18;    ///< reference number density for tolerances [1/m^3]
  std::optional<SeedDistribution> seeds;
  FedSeeds fed;
  /// qmom / moments: initial moments mu_0, mu_1, ... [m^k/m^3] given instead of seeds.
  std::vector<double> initialMoments;

  /// The automatic grid's first guess: 1 nm..10 um-like ranges at 40 classes per decade
  /// (the old fixed default, 200 classes over 1 nm..50 um, had 42).
  static constexpr double kFirstClassesPerDecade = 40.0;
  static constexpr double kFirstMaxSize = 10e-6;        ///< m, without seeds
  static constexpr double kFirstNumberScale = 1e18;     ///< 1/m^3

  /// An automatic number scale is kept while it lies within [1e-6, 10] x the particle number
  /// density N of the run, and set to N otherwise: the absolute tolerance of a class is then
  /// solver.atol x N, below any class that carries the distribution. Smaller scales buy
  /// nothing but steps (docs/theory/automatic-grid.md); a scale that lets classes undershoot
  /// past the negative_classes check is divided by kNumberScaleCut (the band's lower end is
  /// six such cuts below N, so cuts and the band never undo each other within the runs allowed).
  static constexpr double kNumberScaleCut = 10.0;
  static bool numberScaleFits(double scale, double numberDensity) {
    return !(numberDensity > 0.0) || (scale <= 10.0 * numberDensity && scale >= 1e-6 * numberDensity);
  }

  /// The number_scale_ratio self-check: number scale / the population's size (the largest of
  /// the particles on the grid, seeded and nucleated). Above 10 the classes' absolute tolerance
  /// exceeds 1e-7 of the whole population, enough to bend the coupled solution unseen: the
  /// moment cross-check rides on the same supersaturation (calcite at 5 mM, 40 degC: N 50 %
  /// high at a ratio 1e5, every other check passed).
  static SelfCheck numberScaleCheck(double scale, double population);

  static SchemaPtr schema();
  /// The keys of a seed distribution (log-normal or exponential-volume); a feed's (`fed`) also
  /// takes `distribution: table`, number densities per class on the vessel's grid.
  static SchemaPtr seedsSchema(bool fed);
  /// The distribution of a validated seeds section given by parameters (InputError at its
  /// keys for a missing one); nullopt for a table.
  static std::optional<SeedDistribution> readSeeds(const Parameters& seeds);
  /// The section's settings; without min-size the grid starts at `gridBottom` (the point
  /// model's lower edge of the near-critical region at its initial state, NaN if none) or
  /// below the seeds (the initial and the fed ones), whichever is lower.
  static PopulationSettings from(const Parameters& section,
                                 double gridBottom = std::numeric_limits<double>::quiet_NaN(),
                                 const FedSeeds& fed = {});
  bool sectional() const { return method == PopulationMethod::Sectional; }
};

}  // namespace proscale
