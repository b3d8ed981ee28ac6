#pragma once
// The case's `population:` section: size grid, growth scheme, moment cross-check, seeds.
#include <optional>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/pbe/FiniteVolumeGrowth.h"
#include "models/pbe/InitialDistribution.h"
#include "models/pbe/SizeGrid.h"

namespace proscale {

struct PopulationSettings {
  double minSize = 0.0, maxSize = 0.0;  ///< m
  std::size_t classes = 0;
  GridSpacing spacing = GridSpacing::Geometric;
  GrowthScheme scheme = GrowthScheme::VanLeer;
  bool moments = true;          ///< integrate the method of moments alongside as a cross-check
  double numberScale = 1e18;    ///< reference number density for tolerances [1/m^3]
  std::optional<SeedDistribution> seeds;

  static SchemaPtr schema();
  static PopulationSettings from(const Parameters& section);
};

}  // namespace proscale
