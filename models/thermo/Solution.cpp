#include "models/thermo/Solution.h"

#include <algorithm>
#include <sstream>

namespace proscale {

SchemaPtr Solution::schema() {
  auto species = std::make_shared<Schema>("species", "A dissolved species.");
  species->add(ParamSpec::integer("charge", "Charge number z (0 for a molecule).").defaultsTo("0"));
  species->add(ParamSpec::real("initial", dim::concentration,
                               "Concentration at t = 0 (after mixing the feed solutions).")
                   .unit("mol/L")
                   .isRequired()
                   .atLeast(0));
  species->add(ParamSpec::real("activity-coefficient", dim::none,
                               "Activity coefficient gamma of the `constant` activity model "
                               "(default 1).")
                   .above(0));
  species->add(ParamSpec::real("bromley-b", dim::none,
                               "Bromley's individual-ion B (the number of his kg/mol value), for "
                               "ions missing from his Table 2 (give with bromley-delta)."));
  species->add(ParamSpec::real("bromley-delta", dim::none,
                               "Bromley's individual-ion delta (the number of his kg/mol value; "
                               "give with bromley-b)."));
  auto s = std::make_shared<Schema>("solution", "The liquid phase: dissolved species and activities.");
  s->add(ParamSpec::typed("activity", activityModels().family(),
                          "Activity-coefficient model of the dissolved species.")
             .defaultVariant("ideal"));
  s->add(ParamSpec::sectionMap("species", species, "Dissolved species by name, e.g. `Ba+2`.")
             .isRequired());
  s->add(ParamSpec::sectionMap("ion-pairs", IonPairing::entrySchema(),
                               "Ion pairs in equilibrium with the free ions, by name, e.g. "
                               "`BaSO4(aq)` (optional; with the davies, constant or ideal "
                               "activity models). The declared concentrations are then totals."));
  return s;
}

Solution::Solution(const Parameters& section) {
  const Parameters& species = section.section("species");
  if (species.keys().empty()) throw section.error("species", "declare at least one species");
  std::vector<SpeciesInfo> info;
  for (const auto& name : species.keys()) {
    const Parameters& p = species.section(name);
    m_names.push_back(name);
    m_charges.push_back(static_cast<int>(p.integer("charge")));
    m_initial.push_back(p.real("initial"));
    SpeciesInfo s{name, m_charges.back(), std::nullopt, std::nullopt, std::nullopt};
    if (p.has("activity-coefficient")) s.activityCoefficient = p.real("activity-coefficient");
    if (p.has("bromley-b") != p.has("bromley-delta"))
      throw p.error(p.has("bromley-b") ? "bromley-b" : "bromley-delta",
                    "give both bromley-b and bromley-delta");
    if (p.has("bromley-b")) {
      s.bromleyB = p.real("bromley-b");
      s.bromleyDelta = p.real("bromley-delta");
    }
    info.push_back(std::move(s));
  }
  const Parameters& activity = section.section("activity");
  if (section.has("ion-pairs")) {
    if (activity.type() == "bromley")
      throw section.error("ion-pairs",
                          "Bromley's B parameters already include ion association: use ion "
                          "pairs with the davies (or constant, ideal) activity model");
    m_pairing = std::make_unique<IonPairing>(section.section("ion-pairs"), m_names, m_charges);
    for (std::size_t p = 0; p < m_pairing->size(); ++p)
      info.push_back({m_pairing->names()[p], m_pairing->charges()[p], std::nullopt, std::nullopt,
                      std::nullopt});
  }
  m_activity = activityModels().make(activity, info);
  const double I = ionicStrength(m_initial, m_charges);
  if (I > m_activity->maxIonicStrength()) {
    std::ostringstream msg;
    msg << "the initial ionic strength " << I << " mol/L is beyond the " << m_activity->name()
        << " equation's range (max-ionic-strength " << m_activity->maxIonicStrength()
        << " mol/L); use type: bromley (to 6 mol/kg), or raise max-ionic-strength knowingly";
    throw section.error("activity", msg.str());
  }
}

void Solution::speciate(std::span<const double> c, double T, Speciation& out) const {
  if (m_pairing) {
    m_pairing->speciate(c, T, *m_activity, out);
    return;
  }
  // No pairs: the free concentrations are the totals.
  const std::size_t n = c.size();
  out.resize(n, n);
  std::copy(c.begin(), c.end(), out.free.begin());
  m_activity->lnGamma(c, T, out.lnGamma, out.dLnGamma);  // d ln(gamma)/dc, already per total
  std::fill(out.dLnFree.begin(), out.dLnFree.end(), 0.0);
  for (std::size_t k = 0; k < n; ++k)
    if (c[k] > kConcentrationFloor) out.dLnFree[k * n + k] = 1.0 / c[k];
  out.ionicStrength = ionicStrength(c, m_charges);
}

}  // namespace proscale
