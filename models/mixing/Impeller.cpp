#include "models/mixing/Impeller.h"

#include <stdexcept>

namespace proscale {

const std::vector<ImpellerData>& impellerTable() {
  // Handbook of Industrial Mixing (2004): N_P, N_Q from ch. 6 (Hemrajani & Tatterson); K from
  // ch. 14 (Penney & Atiemo-Obeng): 6-blade disc 0.74, 4-blade 45 deg pitched 0.45.
  static const std::vector<ImpellerData> table{
      {ImpellerType::Rushton, "rushton", "six-blade disc (Rushton) turbine", 5.0, 0.72, 0.74},
      {ImpellerType::PitchedBlade, "pitched-blade", "four-blade 45 degree pitched-blade turbine",
       1.27, 0.79, 0.45},
      {ImpellerType::A310, "a310", "Lightnin A310 hydrofoil", 0.30, 0.56, std::nullopt},
  };
  return table;
}

const ImpellerData& impellerData(ImpellerType type) {
  for (const ImpellerData& d : impellerTable())
    if (d.type == type) return d;
  throw std::logic_error("impellerData: impeller type without a table entry");
}

std::vector<std::string> impellerKeys() {
  std::vector<std::string> keys;
  for (const ImpellerData& d : impellerTable()) keys.push_back(d.key);
  return keys;
}

ImpellerType impellerFromKey(const std::string& key) {
  for (const ImpellerData& d : impellerTable())
    if (d.key == key) return d.type;
  throw std::invalid_argument("unknown impeller '" + key + "'");
}

}  // namespace proscale
