#include "models/ProcessModels.h"

#include "models/reactors/BatchPrecipitation.h"
#include "models/reactors/MomentBatchPrecipitation.h"
#include "models/reactors/MomentPopulationBalance.h"
#include "models/reactors/SectionalPopulationBalance.h"

namespace proscale {

const std::map<std::string, ProcessModelEntry>& processModels() {
  static const std::map<std::string, ProcessModelEntry> models{
      {"batch-precipitation",
       {"Isothermal stirred batch vessel: reactions, precipitation, nucleation, growth and the "
        "population balance (docs/theory/batch-precipitation.md).",
        &BatchPrecipitation::sections,
        [](const Parameters& root) -> std::unique_ptr<Process> {
          // population.method: sectional (size classes) or qmom / moments.
          if (root.section("population").string("method") == "sectional")
            return std::make_unique<BatchPrecipitation>(root);
          return std::make_unique<MomentBatchPrecipitation>(root);
        }}},
      {"population-balance",
       {"A particle population under prescribed nucleation and growth rates, aggregation and "
        "breakage, in a batch or continuous (MSMPR) vessel "
        "(docs/theory/population-balance-model.md).",
        &PrescribedRates::sections,
        [](const Parameters& root) -> std::unique_ptr<Process> {
          if (PopulationSettings::from(root.section("population")).sectional())
            return std::make_unique<SectionalPopulationBalance>(root);
          return std::make_unique<MomentPopulationBalance>(root);
        }}},
  };
  return models;
}

}  // namespace proscale
