#pragma once
// The case's `population:` section: the method (size classes or moments), the size grid,
// growth scheme, moment cross-check, seeds.
#include <optional>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/pbe/FiniteVolumeGrowth.h"
#include "models/pbe/InitialDistribution.h"
#include "models/pbe/SizeGrid.h"

namespace proscale {

/// How the population is represented: size classes (finite volumes + fixed pivot), the
/// standard method of moments (closed for size-independent growth and nucleation only) or the
/// quadrature method of moments (docs/theory/qmom.md).
enum class PopulationMethod { Sectional, Moments, Qmom };

struct PopulationSettings {
  PopulationMethod method = PopulationMethod::Sectional;
  std::size_t momentCount = 6;  ///< QMOM: 2n moments for n quadrature nodes
  /// QMOM: relative uncertainty of the moments below which a quadrature level counts as
  /// degenerate (InversionOptions::degeneracyTolerance).
  double realizabilityTolerance = 1e-6;
  double minSize = 0.0, maxSize = 0.0;  ///< m
  std::size_t classes = 0;
  GridSpacing spacing = GridSpacing::Geometric;
  GrowthScheme scheme = GrowthScheme::VanLeer;
  bool moments = true;          ///< sectional: integrate the method of moments alongside as a cross-check
  double numberScale = 1e18;    ///< reference number density for tolerances [1/m^3]
  std::optional<SeedDistribution> seeds;
  /// qmom / moments: initial moments mu_0, mu_1, ... [m^k/m^3] given instead of seeds.
  std::vector<double> initialMoments;

  static SchemaPtr schema();
  static PopulationSettings from(const Parameters& section);
  bool sectional() const { return method == PopulationMethod::Sectional; }
};

}  // namespace proscale
