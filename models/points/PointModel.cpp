#include "models/points/PointModel.h"

#include <sstream>

namespace proscale {

void PointModel::checkTemperature(const Parameters& root, double T) const {
  for (const TemperatureRange& range : temperatureRanges()) {
    if (T >= range.lowest && T <= range.highest) continue;
    std::ostringstream msg;
    msg << T - 273.15 << " degC is outside " << range.what << " (" << range.lowest - 273.15
        << " to " << range.highest - 273.15 << " degC)";
    throw root.section("reactor").error("temperature", msg.str());
  }
}

}  // namespace proscale
