#include "models/points/ParticleProcesses.h"

#include <sstream>

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
    // The bounds admit a unit conversion's rounding (-100 degC is 173.14999999999998 K).
    const double T = conditions.temperature;
    if (root.section("aggregation").has("dlvo") &&
        !(T >= kDlvoMinTemperature * (1.0 - 1e-12) && T <= kDlvoMaxTemperature * (1.0 + 1e-12))) {
      std::ostringstream msg;
      msg << T - 273.15 << " degC is outside the range of aggregation.dlvo ("
          << kDlvoMinTemperature - 273.15 << " to " << kDlvoMaxTemperature - 273.15
          << " degC: a liquid electrolyte)";
      throw root.section("reactor").error("temperature", msg.str());
    }
  }
  if (root.has("breakage")) into.breakage = breakageSettingsFrom(root.section("breakage"));
}

}  // namespace proscale
