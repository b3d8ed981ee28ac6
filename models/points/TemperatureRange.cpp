#include "models/points/TemperatureRange.h"

#include "core/NumberFormat.h"

namespace proscale {

void requireWithin(const std::vector<TemperatureRange>& ranges, double T, const Parameters& owner,
                   const std::string& key, const std::string& lead) {
  for (const TemperatureRange& r : ranges) {
    if (T >= r.lowest && T <= r.highest) continue;
    throw owner.error(key, lead + formatNumber(T - 273.15) +
                               (lead.empty() ? " degC is outside " : " degC, outside ") + r.what +
                               " (" + formatNumber(r.lowest - 273.15) + " to " +
                               formatNumber(r.highest - 273.15) + " degC)");
  }
}

}  // namespace proscale
