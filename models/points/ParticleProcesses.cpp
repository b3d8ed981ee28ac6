#include "models/points/ParticleProcesses.h"

namespace proscale {

std::vector<ParamSpec> interactionSections() {
  return {
      ParamSpec::typed("aggregation", aggregationKernels().family(),
                       "Aggregation of the particles (optional): kernel and stability ratio."),
      ParamSpec::section("breakage", breakageSchema(),
                         "Breakage of the particles (optional): power-law selection rate and "
                         "daughter distribution."),
  };
}

void readInteractions(const Parameters& root, const AggregationConditions& conditions,
                      double shapeFactor, std::unique_ptr<AggregationKernel>& kernel,
                      ParticleInteractions& into) {
  into.shapeFactor = shapeFactor;
  into.conditions = conditions;
  if (root.has("aggregation")) {
    kernel = aggregationKernels().make(root.section("aggregation"));
    into.kernel = kernel.get();
  }
  if (root.has("breakage")) into.breakage = breakageSettingsFrom(root.section("breakage"));
}

}  // namespace proscale
