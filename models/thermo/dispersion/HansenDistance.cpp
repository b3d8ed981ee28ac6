#include "models/thermo/dispersion/HansenDistance.h"

#include <cmath>
#include <stdexcept>

#include "core/Constants.h"

namespace proscale {

double hansenDistanceSquared(const HansenParameters& a, const HansenParameters& b) {
  const double dD = a.dispersion - b.dispersion, dP = a.polar - b.polar,
               dH = a.hydrogenBonding - b.hydrogenBonding;
  return 4.0 * dD * dD + dP * dP + dH * dH;
}

double hansenDistance(const HansenParameters& a, const HansenParameters& b) {
  return std::sqrt(hansenDistanceSquared(a, b));
}

double relativeEnergyDifference(const HansenParameters& solute, const HansenParameters& solvent,
                                double interactionRadius) {
  if (!(interactionRadius > 0.0))
    throw std::invalid_argument("Hansen RED: the interaction radius R_0 must be > 0 MPa^0.5");
  return hansenDistance(solute, solvent) / interactionRadius;
}

double floryHugginsChi(const HansenParameters& solute, const HansenParameters& solvent,
                       double solventMolarVolume, double temperature, ChiEntropicTerm entropic) {
  if (!(solventMolarVolume > 0.0) || !(temperature > 0.0))
    throw std::invalid_argument("Flory-Huggins chi: the solvent molar volume and T must be > 0");
  const double raSquaredPa = hansenDistanceSquared(solute, solvent) * 1e6;  // MPa -> J/m^3
  const double chi = solventMolarVolume * raSquaredPa / (4.0 * constants::R * temperature);
  return entropic == ChiEntropicTerm::Constant034 ? chi + 0.34 : chi;
}

HansenGroup hvkMethyl(int count) { return {"CH3", 420.0, 0.0, 0.0, 33.5, count}; }
HansenGroup hvkMethylene(int count) { return {"CH2", 270.0, 0.0, 0.0, 16.1, count}; }
HansenGroup hvkCarboxyl(int count) { return {"COOH", 530.0, 420.0, 10000.0, 28.5, count}; }

double fedorsMolarVolume(const std::vector<HansenGroup>& groups) {
  double v = 0.0;
  for (const HansenGroup& g : groups) v += g.count * g.fedorsVolume;
  return v;
}

HansenParameters hoftyzerVanKrevelen(const std::vector<HansenGroup>& groups,
                                     double molarVolumeCm3PerMol) {
  if (!(molarVolumeCm3PerMol > 0.0))
    throw std::invalid_argument("Hoftyzer-Van Krevelen: the molar volume must be > 0 cm^3/mol");
  double fd = 0.0, fp2 = 0.0, eh = 0.0;
  for (const HansenGroup& g : groups) {
    fd += g.count * g.dispersionF;
    fp2 += g.count * g.polarF * g.polarF;  // sum over every group occurrence of F_p^2
    eh += g.count * g.hydrogenE;
  }
  const double V = molarVolumeCm3PerMol;
  return {fd / V, std::sqrt(fp2) / V, std::sqrt(eh / V)};
}

namespace {
std::vector<HansenGroup> decanoicAcidGroups() {
  return {hvkMethyl(1), hvkMethylene(8), hvkCarboxyl(1)};
}
}  // namespace

HansenParameters decanoicAcidHansenEstimate() {
  const auto groups = decanoicAcidGroups();
  return hoftyzerVanKrevelen(groups, fedorsMolarVolume(groups));
}

double decanoicAcidMolarVolumeEstimate() { return fedorsMolarVolume(decanoicAcidGroups()) * 1e-6; }

}  // namespace proscale
