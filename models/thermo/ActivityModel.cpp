#include "models/thermo/ActivityModel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "models/thermo/BromleyActivity.h"
#include "models/thermo/DaviesActivity.h"

namespace proscale {

double ionicStrength(std::span<const double> c, std::span<const int> charges) {
  double sum = 0.0;
  for (std::size_t i = 0; i < c.size(); ++i)
    sum += std::max(c[i], 0.0) * charges[i] * charges[i];
  return 0.5 * sum / kStandardConcentration;
}

void IdealActivity::lnGamma(std::span<const double>, double, std::span<double> lnGamma,
                            std::span<double> dLnGamma) const {
  std::fill(lnGamma.begin(), lnGamma.end(), 0.0);
  std::fill(dLnGamma.begin(), dLnGamma.end(), 0.0);
}

double IdealActivity::maxIonicStrength() const { return std::numeric_limits<double>::infinity(); }

void ConstantActivity::lnGamma(std::span<const double>, double, std::span<double> lnGamma,
                               std::span<double> dLnGamma) const {
  std::copy(m_lnGamma.begin(), m_lnGamma.end(), lnGamma.begin());
  std::fill(dLnGamma.begin(), dLnGamma.end(), 0.0);
}

double ConstantActivity::maxIonicStrength() const {
  return std::numeric_limits<double>::infinity();
}

namespace {
ParamSpec maxIonicStrengthSpec(const char* limit, const char* source) {
  return ParamSpec::real("max-ionic-strength", dim::concentration,
                         std::string("Largest ionic strength at which the model may be used (") +
                             source + "); beyond it the run is an input error. Raise it only "
                             "knowingly.")
      .unit("mol/L")
      .defaultsTo(limit)
      .above(0);
}

/// The key in mol/L, the unit of the ionic strength (it is stored in SI, mol/m^3).
double maxIonicStrength(const Parameters& p) {
  return p.real("max-ionic-strength") / kStandardConcentration;
}

std::vector<int> chargesOf(const std::vector<SpeciesInfo>& species) {
  std::vector<int> z;
  for (const SpeciesInfo& s : species) z.push_back(s.charge);
  return z;
}
}  // namespace

const ActivityFactory& activityModels() {
  static const ActivityFactory factory = [] {
    ActivityFactory f("activity", "Activity coefficients of the dissolved species.");
    f.add("ideal", std::make_shared<Schema>("ideal", "gamma = 1 for every species."),
          [](const Parameters&, const std::vector<SpeciesInfo>&) {
            return std::make_unique<IdealActivity>();
          });
    f.add("constant",
          std::make_shared<Schema>(
              "constant",
              "gamma_i held constant, from each species' `activity-coefficient` (default 1)."),
          [](const Parameters&, const std::vector<SpeciesInfo>& species) {
            std::vector<double> lnGamma;
            for (const SpeciesInfo& s : species)
              lnGamma.push_back(std::log(s.activityCoefficient.value_or(1.0)));
            return std::make_unique<ConstantActivity>(std::move(lnGamma));
          });
    auto davies = std::make_shared<Schema>(
        "davies",
        "Davies (1938) equation with A(T) from water's permittivity; valid to an ionic "
        "strength of about 0.5 mol/L.");
    davies->add(maxIonicStrengthSpec("0.5 mol/L", "Davies: about 0.5 mol/L"));
    f.add("davies", davies, [](const Parameters& p, const std::vector<SpeciesInfo>& species) {
      return std::make_unique<DaviesActivity>(chargesOf(species), maxIonicStrength(p));
    });
    auto bromley = std::make_shared<Schema>(
        "bromley",
        "Bromley (1973) individual-ion equation for mixed electrolytes (salt B of his Table 1, "
        "else ion B and delta of his Table 2, or `bromley-b`/`bromley-delta` of a species); "
        "valid to an ionic strength of 6 mol/kg.");
    bromley->add(maxIonicStrengthSpec("6 mol/L", "Bromley 1973: 6 mol/kg"));
    f.add("bromley", bromley, [](const Parameters& p, const std::vector<SpeciesInfo>& species) {
      try {
        return std::make_unique<BromleyActivity>(species, maxIonicStrength(p));
      } catch (const std::invalid_argument& e) {
        throw p.error("type", e.what());
      }
    });
    return f;
  }();
  return factory;
}

}  // namespace proscale
