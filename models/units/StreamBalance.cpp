#include "models/units/StreamBalance.h"

#include <algorithm>
#include <cmath>

#include "models/units/MoietyNames.h"

namespace proscale {
namespace {

double streamBalanceError(const StreamAmounts& a,
                          const std::vector<std::vector<double>>& moieties) {
  double worst = 0.0;
  for (const std::vector<double>& w : moieties) {
    double balance = 0.0, scale = 0.0;
    for (std::size_t j = 0; j < a.fed.size(); ++j) {
      balance += w[j] * (a.fed[j] - a.out[j] - a.accumulated[j]);
      scale += std::abs(w[j]) * (std::abs(a.initial[j]) + std::abs(a.fed[j]));
    }
    if (scale > 0.0) worst = std::max(worst, std::abs(balance) / scale);
  }
  return worst;
}

void addMoietyBalances(const StreamAmounts& a, const std::vector<std::vector<double>>& moieties,
                       const std::vector<std::string>& names,
                       const std::vector<std::string>& units, std::vector<Metric>& m) {
  for (const NamedMoiety& w : namedMoieties(moieties, names)) {
    const auto lead = std::find(names.begin(), names.end(), w.name) - names.begin();
    const std::string unit = amountUnit(units[static_cast<std::size_t>(lead)]);
    double fed = 0.0, out = 0.0, accumulated = 0.0;
    for (std::size_t j = 0; j < a.fed.size(); ++j) {
      fed += w.weights[j] * a.fed[j];
      out += w.weights[j] * a.out[j];
      accumulated += w.weights[j] * a.accumulated[j];
    }
    const std::string key = "moiety_" + w.name, what = "moiety " + w.name +
        " (" + w.name + " in every form the chemistry and the solid hold it)";
    m.push_back({key + "_fed", fed, unit, what + " fed by all feeds"});
    m.push_back({key + "_out", out, unit, what + " that left in the outflow", true});
    m.push_back({key + "_accumulated", accumulated, unit,
                 what + " in the unit now minus initially"});
    m.push_back({key + "_balance", fed - out - accumulated, unit,
                 what + ": fed - out - accumulated, zero but for the integration's error",
                 true});
  }
}

}  // namespace

void addStreamMetrics(const StreamAmounts& a, const std::vector<std::vector<double>>& moieties,
                      const std::vector<std::string>& names,
                      const std::vector<std::string>& units, std::vector<Metric>& m) {
  for (std::size_t j = 0; j < names.size(); ++j) {
    const std::string unit = amountUnit(units[j]);
    m.push_back({"fed_" + names[j], a.fed[j], unit, names[j] + " fed by all feeds"});
    m.push_back({"out_" + names[j], a.out[j], unit, names[j] + " that left in the outflow", true});
    m.push_back({"accumulated_" + names[j], a.accumulated[j], unit,
                 names[j] + " in the unit now minus initially"});
    m.push_back({"formed_" + names[j], a.accumulated[j] + a.out[j] - a.fed[j], unit,
                 names[j] + " made by reactions and particle formation (accumulated + out - fed)",
                 true});
  }
  if (moieties.empty() || !a.solidKnown) return;
  m.push_back({"stream_balance_error", streamBalanceError(a, moieties), "-",
               "largest relative error of a conserved moiety over all streams, |fed - out - "
               "accumulated| / (initial + fed) in amounts (the integration's accuracy)",
               true});
  addMoietyBalances(a, moieties, names, units, m);
}

std::string amountUnit(const std::string& perVolume) {
  const std::string suffix = "/m^3";
  return perVolume.ends_with(suffix) ? perVolume.substr(0, perVolume.size() - suffix.size())
                                     : perVolume + " m^3";
}

}  // namespace proscale
