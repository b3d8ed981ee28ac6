#include "models/thermo/Solution.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "core/NumberFormat.h"
#include "models/thermo/Salts.h"

namespace proscale {

SchemaPtr Solution::schema() {
  auto species = std::make_shared<Schema>("species", "A dissolved species.");
  species->add(ParamSpec::integer("charge",
                                  "Charge number z. Read from the name when it ends in a sign "
                                  "(`Ba+2`, `Cl-`, `SO4-2`): then optional, and it must agree; "
                                  "otherwise 0 (a molecule) unless given. At most 10 in "
                                  "magnitude.")
                      .atLeast(-kMaxChargeNumber)
                      .atMost(kMaxChargeNumber));
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
  s->add(ParamSpec::sectionMap("species", species,
                               "Dissolved species by name, e.g. `Ba+2` (with or instead of "
                               "`salts`)."));
  s->add(ParamSpec::quantityMap("salts", dim::concentration,
                                "Dissolved salts by formula, e.g. `CaCl2: 10 mmol/L`: each gives "
                                "its ions (complete dissociation; the table is in "
                                "docs/theory/solution-thermodynamics.md), added to the ions of "
                                "`species` or declared by it. One `--set solution.salts.CaCl2=...` "
                                "changes a salt and its counter-ions together.")
             .unit("mol/L")
             .atLeast(0));
  s->add(ParamSpec::stringList(
      "balance",
      "Species that take up a net charge of the initial solution: the first one whose charge "
      "has the opposite sign has its initial concentration changed until sum(z c) = 0 (e.g. "
      "`[Na+, Cl-]` for a salt's counter-ions). Without it a solution that is not "
      "electroneutral (|sum z c| > 1e-6 sum |z| c) is an input error."));
  s->add(ParamSpec::sectionMap("ion-pairs", IonPairing::entrySchema(),
                               "Ion pairs in equilibrium with the free ions, by name, e.g. "
                               "`BaSO4(aq)` (optional; with the davies, constant or ideal "
                               "activity models). The declared concentrations are then totals."));
  return s;
}

std::optional<int> chargeFromName(const std::string& name) {
  // The trailing sign and optional magnitude of a species name: "Ba+2" -> 2, "Cl-" -> -1.
  std::size_t end = name.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(name[end - 1]))) --end;
  if (end < 2) return {};  // no sign, or a bare sign: not an ion's name
  const char sign = name[end - 1];
  if (sign != '+' && sign != '-') return {};
  // More than two digits cannot be a charge number within the bound (and would overflow int).
  if (name.size() - end > 2 || (end < name.size() && std::stoi(name.substr(end)) > kMaxChargeNumber))
    throw std::invalid_argument("the name '" + name + "' ends in a charge beyond |z| = " +
                                std::to_string(kMaxChargeNumber));
  const int magnitude = end == name.size() ? 1 : std::stoi(name.substr(end));
  return sign == '+' ? magnitude : -magnitude;
}

namespace {

// Σ z c of the declared initial solution is zero, or one of `balance` takes up the difference.
// sum z c of concentrations c [mol/m^3], and whether it is zero to 1e-6 of sum |z| c.
struct NetCharge {
  double net = 0.0, scale = 0.0;
  bool neutral() const { return std::abs(net) <= 1e-6 * scale; }
};

NetCharge netCharge(const std::vector<int>& charges, std::span<const double> c) {
  NetCharge q;
  for (std::size_t i = 0; i < c.size(); ++i) {
    q.net += charges[i] * c[i];
    q.scale += std::abs(charges[i]) * c[i];
  }
  return q;
}

void makeNeutral(const Parameters& section, const std::vector<std::string>& names,
                 const std::vector<int>& charges, std::vector<double>& initial) {
  const NetCharge q = netCharge(charges, initial);
  if (q.neutral()) return;
  const double net = q.net;
  const std::vector<std::string> balance =
      section.has("balance") ? section.strings("balance") : std::vector<std::string>{};
  for (const std::string& b : balance) {
    const auto it = std::find(names.begin(), names.end(), b);
    if (it == names.end())
      throw section.error("balance", "'" + b + "' is not a species of the solution");
    const auto i = static_cast<std::size_t>(it - names.begin());
    if (charges[i] == 0 || (charges[i] > 0) == (net > 0)) continue;
    initial[i] -= net / charges[i];
    return;
  }
  std::ostringstream msg;
  // mol/m^3 is numerically mmol/L
  msg << "the initial solution is not electroneutral: sum(z c) = " << formatNumber(net)
      << " mmol/L (" << (net > 0 ? "cations" : "anions") << " in excess); add the counter-ions "
      << "or name species to take up the difference in solution.balance";
  throw section.error(balance.empty() ? "species" : "balance", msg.str());
}

}  // namespace

// The ions of each salt, added to a declared species of that name or appended as a new one.
void Solution::addSalts(const Parameters& salts, std::vector<SpeciesInfo>& info) {
  for (const std::string& formula : salts.keys()) {
    const std::vector<SaltIon>* ions = saltIons(formula);
    if (ions == nullptr) {
      throw salts.error(formula, "unknown salt '" + formula + "'; the table holds: " +
                                     knownSaltList() + " (or declare the ions under solution.species)");
    }
    const double c = salts.real(formula);
    for (const SaltIon& ion : *ions) {
      const auto it = std::find(m_names.begin(), m_names.end(), ion.ion);
      if (it != m_names.end()) {
        m_initial[static_cast<std::size_t>(it - m_names.begin())] += ion.count * c;
        continue;
      }
      const int z = chargeFromName(ion.ion).value_or(0);
      m_names.push_back(ion.ion);
      m_charges.push_back(z);
      m_initial.push_back(ion.count * c);
      info.push_back({ion.ion, z, std::nullopt, std::nullopt, std::nullopt});
    }
  }
}

Solution::Solution(const Parameters& section) {
  const bool hasSpecies = section.has("species") && !section.section("species").keys().empty();
  const bool hasSalts = section.has("salts") && !section.section("salts").keys().empty();
  if (!hasSpecies && !hasSalts)
    throw section.error("species", "declare at least one species (or salt under `salts`)");
  static const Parameters kNone;
  const Parameters& species = hasSpecies ? section.section("species") : kNone;
  std::vector<SpeciesInfo> info;
  for (const auto& name : species.keys()) {
    const Parameters& p = species.section(name);
    m_names.push_back(name);
    std::optional<int> named;
    try {
      named = chargeFromName(name);
    } catch (const std::invalid_argument& e) {
      throw species.error(name, e.what());
    }
    if (named && p.has("charge") && p.integer("charge") != *named)
      throw p.error("charge", "the name '" + name + "' says charge " + std::to_string(*named) +
                                  ", the key says " + std::to_string(p.integer("charge")));
    m_charges.push_back(named ? *named : p.has("charge") ? static_cast<int>(p.integer("charge")) : 0);
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
  if (hasSalts) addSalts(section.section("salts"), info);
  makeNeutral(section, m_names, m_charges, m_initial);
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

void Solution::addFeedKeys(Schema& feed) {
  feed.add(ParamSpec::quantityMap("salts", dim::concentration,
                                  "Salts in the feed by formula, e.g. `Na2SO4: 50 mmol/L` (their "
                                  "ions must be species of the solution).")
               .unit("mol/L")
               .atLeast(0));
  feed.add(ParamSpec::quantityMap("species", dim::concentration,
                                  "Species in the feed by name (total concentrations), e.g. "
                                  "`SO4-2: 50 mmol/L`.")
               .unit("mol/L")
               .atLeast(0));
}

void Solution::feedConcentrations(const Parameters& feed, std::span<double> c) const {
  std::fill(c.begin(), c.end(), 0.0);
  auto add = [&](const Parameters& map, const std::string& key, const std::string& ion, double x) {
    const auto it = std::find(m_names.begin(), m_names.end(), ion);
    if (it == m_names.end())
      throw map.error(key, "the feed brings " + ion + ", which is not a species of the solution; "
                           "declare it under solution.species (initial: 0 mol/L)");
    c[static_cast<std::size_t>(it - m_names.begin())] += x;
  };
  if (feed.has("salts")) {
    const Parameters& salts = feed.section("salts");
    for (const std::string& formula : salts.keys()) {
      const std::vector<SaltIon>* ions = saltIons(formula);
      if (ions == nullptr)
        throw salts.error(formula, "unknown salt '" + formula + "'; the table holds: " +
                                       knownSaltList() + " (or give its ions under the feed's "
                                       "`species`)");
      for (const SaltIon& ion : *ions) add(salts, formula, ion.ion, ion.count * salts.real(formula));
    }
  }
  if (feed.has("species")) {
    const Parameters& species = feed.section("species");
    for (const std::string& name : species.keys()) add(species, name, name, species.real(name));
  }
  const NetCharge q = netCharge(m_charges, c);
  if (!q.neutral())
    throw feed.error(feed.has("species") ? "species" : "salts",
                     "the feed is not electroneutral: sum(z c) = " + formatNumber(q.net) +
                         " mmol/L (" + (q.net < 0 ? "anions" : "cations") +
                         " in excess); add its counter-ions, e.g. as a salt under `salts`");
}

}  // namespace proscale
