#include "models/thermo/Salts.h"

#include <map>

namespace proscale {
namespace {

// Formula -> ions, written in the house notation (charge as a trailing sign and magnitude).
// Stoichiometry of the formula units as tabulated in the CRC Handbook of Chemistry and Physics
// ("Physical Constants of Inorganic Compounds"); the salts of precipitation practice (alkaline-
// earth, transition-metal and lanthanide salts with their usual counter-ions; bases and acids).
const std::map<std::string, std::vector<SaltIon>>& table() {
  static const std::map<std::string, std::vector<SaltIon>> salts = {
      {"NaCl", {{"Na+", 1}, {"Cl-", 1}}},
      {"KCl", {{"K+", 1}, {"Cl-", 1}}},
      {"LiCl", {{"Li+", 1}, {"Cl-", 1}}},
      {"NH4Cl", {{"NH4+", 1}, {"Cl-", 1}}},
      {"CaCl2", {{"Ca+2", 1}, {"Cl-", 2}}},
      {"MgCl2", {{"Mg+2", 1}, {"Cl-", 2}}},
      {"SrCl2", {{"Sr+2", 1}, {"Cl-", 2}}},
      {"BaCl2", {{"Ba+2", 1}, {"Cl-", 2}}},
      {"ZnCl2", {{"Zn+2", 1}, {"Cl-", 2}}},
      {"FeCl2", {{"Fe+2", 1}, {"Cl-", 2}}},
      {"FeCl3", {{"Fe+3", 1}, {"Cl-", 3}}},
      {"CeCl3", {{"Ce+3", 1}, {"Cl-", 3}}},
      {"NaNO3", {{"Na+", 1}, {"NO3-", 1}}},
      {"KNO3", {{"K+", 1}, {"NO3-", 1}}},
      {"LiNO3", {{"Li+", 1}, {"NO3-", 1}}},
      {"NH4NO3", {{"NH4+", 1}, {"NO3-", 1}}},
      {"AgNO3", {{"Ag+", 1}, {"NO3-", 1}}},
      {"Ca(NO3)2", {{"Ca+2", 1}, {"NO3-", 2}}},
      {"Mg(NO3)2", {{"Mg+2", 1}, {"NO3-", 2}}},
      {"Sr(NO3)2", {{"Sr+2", 1}, {"NO3-", 2}}},
      {"Ba(NO3)2", {{"Ba+2", 1}, {"NO3-", 2}}},
      {"Zn(NO3)2", {{"Zn+2", 1}, {"NO3-", 2}}},
      {"Ce(NO3)3", {{"Ce+3", 1}, {"NO3-", 3}}},
      {"La(NO3)3", {{"La+3", 1}, {"NO3-", 3}}},
      {"Na2SO4", {{"Na+", 2}, {"SO4-2", 1}}},
      {"K2SO4", {{"K+", 2}, {"SO4-2", 1}}},
      {"Li2SO4", {{"Li+", 2}, {"SO4-2", 1}}},
      {"(NH4)2SO4", {{"NH4+", 2}, {"SO4-2", 1}}},
      {"MgSO4", {{"Mg+2", 1}, {"SO4-2", 1}}},
      {"ZnSO4", {{"Zn+2", 1}, {"SO4-2", 1}}},
      {"Na2CO3", {{"Na+", 2}, {"CO3-2", 1}}},
      {"K2CO3", {{"K+", 2}, {"CO3-2", 1}}},
      {"Li2CO3", {{"Li+", 2}, {"CO3-2", 1}}},
      {"(NH4)2CO3", {{"NH4+", 2}, {"CO3-2", 1}}},
      {"Na3PO4", {{"Na+", 3}, {"PO4-3", 1}}},
      {"K3PO4", {{"K+", 3}, {"PO4-3", 1}}},
      {"NaF", {{"Na+", 1}, {"F-", 1}}},
      {"KF", {{"K+", 1}, {"F-", 1}}},
      {"NaOH", {{"Na+", 1}, {"OH-", 1}}},
      {"KOH", {{"K+", 1}, {"OH-", 1}}},
      {"LiOH", {{"Li+", 1}, {"OH-", 1}}},
      {"HCl", {{"H+", 1}, {"Cl-", 1}}},
      {"HNO3", {{"H+", 1}, {"NO3-", 1}}},
  };
  return salts;
}

}  // namespace

const std::vector<SaltIon>* saltIons(const std::string& formula) {
  const auto& salts = table();
  const auto it = salts.find(formula);
  return it == salts.end() ? nullptr : &it->second;
}

std::vector<std::string> knownSalts() {
  std::vector<std::string> names;
  for (const auto& [name, ions] : table()) names.push_back(name);
  return names;
}

std::string knownSaltList() {
  std::string known;
  for (const std::string& k : knownSalts()) known += (known.empty() ? "" : ", ") + k;
  return known;
}

}  // namespace proscale
