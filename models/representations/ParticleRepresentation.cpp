#include "models/representations/ParticleRepresentation.h"

#include "models/pbe/PopulationSettings.h"
#include "models/representations/MomentRepresentation.h"
#include "models/representations/SizeClasses.h"

namespace proscale {

ParamSpec populationSection() {
  return ParamSpec::section("population", PopulationSettings::schema(),
                            "Population balance discretisation.")
      .isRequired();
}

std::unique_ptr<ParticleRepresentation> makeRepresentation(const Parameters& population,
                                                           const PointModel& point,
                                                           const FedSeeds& fed) {
  if (population.string("method") == "sectional")
    return std::make_unique<SizeClasses>(population, point, fed);
  return std::make_unique<MomentRepresentation>(population, point);
}

}  // namespace proscale
