#include "models/units/CarriedComponents.h"

#include <stdexcept>
#include <string>

#include "models/units/StirredVessel.h"

namespace proscale {

CarriedComponents CarriedComponents::of(const StirredVessel& vessel) {
  CarriedComponents c;
  const StateLayout& zone = vessel.layout();
  const std::size_t band = zone.has("psd") ? zone.block("psd").size : 0;
  c.border = zone.size() - band;
  c.classes = band > 0;
  if (c.classes && zone.block("psd").offset != c.border)
    throw std::logic_error("a zone's size classes must be its last block");
  if (zone.has("temperature")) c.temperature = zone.block("temperature").offset;
  for (const StateBlock& b : zone.blocks()) {
    if (b.name == "outflow") continue;
    for (std::size_t i = 0; i < b.size; ++i) {
      const std::string component = i < b.componentNames.size() ? b.componentNames[i] : "";
      if (b.name == "budget") {
        if (component == "number_washed_out") c.washedNumber = b.offset + i;
        if (component == "volume_washed_out") c.washedVolume = b.offset + i;
        if (component == "number_lost_top") c.lostNumber = b.offset + i;
        if (component != "number_lost_top" && component != "volume_lost_top") continue;
      }
      c.transported.push_back(b.offset + i);
    }
  }
  if (c.classes && (c.washedNumber == 0 || c.washedVolume == 0 || c.lostNumber == 0))
    throw std::logic_error("a zone's size classes have no washed-out or lost budgets");
  // The solid volume is linear in the state: its weights from unit states.
  std::vector<double> unit(zone.size(), 0.0);
  c.solidWeights.assign(zone.size(), 0.0);
  for (std::size_t k = 0; k < zone.size(); ++k) {
    unit[k] = 1.0;
    c.solidWeights[k] = vessel.particles().solidVolume(unit);
    unit[k] = 0.0;
  }
  return c;
}

double CarriedComponents::number(std::span<const double> v) const {
  double n = v[lostNumber];
  for (std::size_t k = border; k < v.size(); ++k) n += v[k];
  return n;
}

double CarriedComponents::solid(std::span<const double> v) const {
  double s = 0.0;
  for (std::size_t k = 0; k < v.size(); ++k)
    if (solidWeights[k] != 0.0) s += solidWeights[k] * v[k];
  return s;
}

}  // namespace proscale
