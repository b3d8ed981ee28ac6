#include "models/ProcessModels.h"

#include "models/reactors/BatchPrecipitation.h"

namespace proscale {

const std::map<std::string, ProcessModelEntry>& processModels() {
  static const std::map<std::string, ProcessModelEntry> models{
      {"batch-precipitation",
       {"Isothermal stirred batch vessel: reactions, precipitation, nucleation, growth and the "
        "population balance (docs/theory/batch-precipitation.md).",
        &BatchPrecipitation::sections,
        [](const Parameters& root) { return std::make_unique<BatchPrecipitation>(root); }}},
  };
  return models;
}

}  // namespace proscale
