#include "models/thermo/Solution.h"

#include <algorithm>
#include <stdexcept>

namespace proscale {

SchemaPtr Solution::schema() {
  auto species = std::make_shared<Schema>("species", "A dissolved species.");
  species->add(ParamSpec::integer("charge", "Charge number z (0 for a molecule).").defaultsTo("0"));
  species->add(ParamSpec::real("initial", dim::concentration,
                               "Concentration at t = 0 (after mixing the feed solutions).")
                   .unit("mol/L")
                   .isRequired()
                   .atLeast(0));
  auto s = std::make_shared<Schema>("solution", "The liquid phase: dissolved species and activities.");
  s->add(ParamSpec::typed("activity", activityModels().family(),
                          "Activity-coefficient model of the dissolved species.")
             .defaultVariant("ideal"));
  s->add(ParamSpec::sectionMap("species", species, "Dissolved species by name, e.g. `Ba+2`.")
             .isRequired());
  return s;
}

Solution::Solution(const Parameters& section) {
  const Parameters& species = section.section("species");
  if (species.keys().empty()) throw section.error("species", "declare at least one species");
  for (const auto& name : species.keys()) {
    const Parameters& p = species.section(name);
    m_names.push_back(name);
    m_charges.push_back(static_cast<int>(p.integer("charge")));
    m_initial.push_back(p.real("initial"));
  }
  m_activity = activityModels().make(section.section("activity"));
}

bool Solution::contains(const std::string& name) const {
  return std::find(m_names.begin(), m_names.end(), name) != m_names.end();
}

std::size_t Solution::index(const std::string& name) const {
  auto it = std::find(m_names.begin(), m_names.end(), name);
  if (it == m_names.end()) throw std::out_of_range("no species '" + name + "'");
  return static_cast<std::size_t>(it - m_names.begin());
}

}  // namespace proscale
