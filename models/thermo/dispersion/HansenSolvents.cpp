#include "models/thermo/dispersion/HansenSolvents.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace proscale {

// The csv's first line without its "# " (tests/models/data/hsp_solvents.csv, a verbatim copy of
// the shared data file). The values below are that file's rows, transcribed unchanged; the test
// "Hansen solvent table equals its csv" compares them row by row.
const char* const kHansenSolventSource =
    "Source: Hansen solubility parameters, 25 C, MPa^0.5; file darkreactions/ESCALATE_repor"
    "t expworkup/external_repositories/JS_HansenSolubilityParameters.csv (commit 515c84b88a"
    "9d377e49bbdd3c695d6d557dca5b01), which its README says is Joshua Schrier, \"Hansen Solu"
    "bility Parameters\", Wolfram Data Repository (2020) https://datarepository.wolframcloud"
    ".com/resources/JoshuaSchrier_Hansen-Solubility-Parameters, developed from Zeng/Du/Xue/"
    "Frisch (2007) Physical Properties of Polymers Handbook Table 16.3 and S. Abbott HSP_Ca"
    "lculations.xlsx. Values copied verbatim (delta_t as given). Decane and decanoic acid a"
    "re NOT in this dataset.";

const std::vector<HansenSolventRow>& hansenSolventRows() {
  // name, InChIKey, V [cm^3/mol], dD, dP, dH, dT [MPa^0.5] (dT as listed), note
  static const std::vector<HansenSolventRow> rows = {
      {"Cyclohexane", "XDTMQSROBMDMFD-UHFFFAOYSA-N", 108.9, 16.8, 0.0, 0.2, 16.8, ""},
      {"Methylcyclohexane", "UAEPNZWRGJTJPN-UHFFFAOYSA-N", 128.2, 16.0, 0.0, 1.0, 16.03, ""},
      {"Toluene", "YXFVVABEGXRONW-UHFFFAOYSA-N", 106.8, 18.0, 1.4, 2.0, 18.2, ""},
      {"Benzene", "UHOVQNZJYSORNB-UHFFFAOYSA-N", 89.4, 18.4, 0.0, 2.0, 18.6, ""},
      {"OXylene", "CTQNGGLPUBDAKN-UHFFFAOYSA-N", 121.2, 17.8, 1.0, 3.1, 18.0, ""},
      {"Mesitylene", "AUHZEENZYGFFBQ-UHFFFAOYSA-N", 139.8, 18.0, 0.0, 0.6, 18.0, ""},
      {"Hexane", "VLKZOEOYAKHREP-UHFFFAOYSA-N", 131.4, 14.9, 0.0, 0.0, 14.9, ""},
      {"Heptane", "IMNFDUFMRHMDMM-UHFFFAOYSA-N", 147.0, 15.3, 0.0, 0.0, 15.3, ""},
      {"Chloroform", "HEDRZPFGACZZDS-UHFFFAOYSA-N", 80.7, 17.8, 3.1, 5.7, 19.0, ""},
      {"Dichloromethane", "YMWUJEATGCHHMB-UHFFFAOYSA-N", 63.9, 18.2, 6.3, 6.1, 20.3, ""},
      {"CarbonTetrachloride", "VZGDMQKNWNREIO-UHFFFAOYSA-N", 97.1, 17.8, 0.0, 0.6, 17.8, ""},
      {"Tetrahydrofuran", "WYURNTSHIVDZCO-UHFFFAOYSA-N", 81.7, 16.8, 5.7, 8.0, 19.4, ""},
      {"DiethylEther", "RTZKZFJDLAIYFH-UHFFFAOYSA-N", 104.8, 14.5, 2.9, 5.1, 15.8, ""},
      {"EthylAcetate", "XEKOWRVHYACXOJ-UHFFFAOYSA-N", 98.5, 15.8, 5.3, 7.2, 18.2, ""},
      {"Acetone", "CSCPPACGZOOCGX-UHFFFAOYSA-N", 74.0, 15.5, 10.4, 7.0, 20.1, ""},
      {"Ethanol", "LFQSCWFLJHTTHZ-UHFFFAOYSA-N", 58.6, 15.8, 8.8, 19.4, 26.52, ""},
      {"Methanol", "OKKJLVBELUTLKV-UHFFFAOYSA-N", 40.7, 15.1, 12.3, 22.3, 29.7, ""},
      {"2Propanol", "KFZMGEQAYNKOFK-UHFFFAOYSA-N", 76.8, 15.8, 6.1, 16.4, 23.5, ""},
      {"1Octanol", "KBPLFHHGFOOTCA-UHFFFAOYSA-N", 157.7, 17.0, 3.3, 11.9, 20.9, ""},
      {"1Decanol", "MWKFXSUHUHTGQN-UHFFFAOYSA-N", 191.8, 17.6, 2.7, 10.0, 20.5, ""},
      {"N,NDimethylformamide", "ZMXDDKWLCZADIW-UHFFFAOYSA-N", 77.0, 17.4, 13.7, 11.3, 24.8, ""},
      {"DimethylSulfoxide", "IAZDPXIOMUYVGZ-UHFFFAOYSA-N", 71.3, 18.4, 16.4, 10.2, 26.6, ""},
      {"Water", "XLYOFNOQVPJJNP-UHFFFAOYSA-N", 18.0, 15.5, 16.0, 42.4, 47.9, ""},
      {"OleicAcid", "ZQPPMHVWECSIRJ-KTKRTIGZSA-N", 320.0, 14.3, 3.1, 5.5, 15.8,
       "modifier-relevant; pure oleic acid, not a grafted shell"},
      {"Ethanolamine", "HZAXFHJVJLSVMW-UHFFFAOYSA-N", 58.5, 15.8, 8.8, 19.4, 26.6,
       "SUSPECT: identical dD/dP/dH to Ethanol in this dataset (likely transcription err"
       "or) - do not use"},
  };
  return rows;
}

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
}  // namespace

std::string HansenSolvent::flag() const {
  if (suspect()) return "suspect";
  if (unsourced()) return "unsourced";
  return note.empty() ? "" : "note: " + note;
}

std::vector<std::string> hansenSolventNames() {
  std::vector<std::string> names;
  for (const HansenSolventRow& r : hansenSolventRows()) names.emplace_back(r.name);
  return names;
}

const HansenSolventRow* findHansenSolventRow(const std::string& name) {
  const std::string key = lower(name);
  for (const HansenSolventRow& r : hansenSolventRows())
    if (lower(r.name) == key) return &r;
  return nullptr;
}

std::string unknownHansenSolventMessage(const std::string& name) {
  std::string known;
  for (const std::string& n : hansenSolventNames()) known += (known.empty() ? "" : ", ") + n;
  return "unknown solvent '" + name + "' (no Hansen parameters tabulated); known: " + known;
}

HansenSolvent hansenSolvent(const std::string& name) {
  const HansenSolventRow* r = findHansenSolventRow(name);
  if (!r) throw std::invalid_argument(unknownHansenSolventMessage(name));
  HansenSolvent s;
  s.name = r->name;
  s.molarVolume = r->molarVolumeCm3PerMol * 1e-6;
  s.parameters = {r->deltaD, r->deltaP, r->deltaH};
  s.note = r->note;
  s.source = kHansenSolventSource;
  return s;
}

HansenSolvent userHansenSolvent(const std::string& name, double molarVolume,
                                const HansenParameters& parameters, const std::string& source) {
  if (!(molarVolume > 0.0))
    throw std::invalid_argument("solvent '" + name + "': the molar volume must be > 0 m^3/mol");
  HansenSolvent s;
  s.name = name;
  s.molarVolume = molarVolume;
  s.parameters = parameters;
  s.source = source;
  return s;
}

}  // namespace proscale
