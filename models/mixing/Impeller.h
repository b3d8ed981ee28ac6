#pragma once
// Impeller types of a baffled stirred tank and their turbulent-regime constants. Each number
// comes with its source; a type carries a number only where its source gives one (no constant
// of one impeller is lent to another).
//
//   power number   N_P = P / (rho N^3 D^5)       constant for Re = rho N D^2 / mu > ~1e4
//   flow number    N_Q = Q / (N D^3)             the impeller's discharge (pumping) flow
//   wall Nusselt   Nu = h T / k = K Re^(2/3) Pr^(1/3) (mu/mu_w)^0.14 (H/T)^(-0.15)
//
// N_P, N_Q: Hemrajani & Tatterson, "Mechanically stirred vessels", ch. 6 of Paul,
// Atiemo-Obeng & Kresta (eds.), Handbook of Industrial Mixing, Wiley 2004 (table of power and
// flow numbers; standard geometry: 4 baffles of T/10 (or T/12), D/T about 1/3, C/T about 1/3).
// K: Penney & Atiemo-Obeng, "Heat transfer", ch. 14 of the same handbook (vertical-wall
// jacket, standard blade height; no value for the A310, whose hydrofoil cousin there is the
// Chemineer HE-3). Details and checks: docs/theory/stirred-tanks.md.
#include <optional>
#include <string>
#include <vector>

namespace proscale {

enum class ImpellerType {
  Rushton,       ///< six-blade disc (Rushton) turbine, radial flow
  PitchedBlade,  ///< four-blade 45 degree pitched-blade turbine, mixed/axial flow
  A310,          ///< Lightnin A310 hydrofoil, axial flow
};

struct ImpellerData {
  ImpellerType type;
  std::string key;          ///< the case-file spelling ("rushton")
  std::string description;
  double powerNumber;       ///< N_P, turbulent, baffled [-]
  double flowNumber;        ///< N_Q, turbulent [-]
  /// K of the vertical-wall Nusselt correlation; absent where the source gives none.
  std::optional<double> wallNusseltConstant;
};

const ImpellerData& impellerData(ImpellerType type);
const std::vector<ImpellerData>& impellerTable();
std::vector<std::string> impellerKeys();
/// The type spelled `key`; throws std::invalid_argument for an unknown spelling (the case
/// loader has already checked the choice).
ImpellerType impellerFromKey(const std::string& key);

}  // namespace proscale
