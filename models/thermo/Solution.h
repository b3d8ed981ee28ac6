#pragma once
// The dissolved species of a liquid phase: names, charges, initial concentrations [mol/m^3]
// and the activity model. Schema: the case's `solution:` section.
#include <memory>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/thermo/ActivityModel.h"

namespace proscale {

class Solution {
 public:
  static SchemaPtr schema();
  explicit Solution(const Parameters& section);

  std::size_t size() const { return m_names.size(); }
  const std::vector<std::string>& names() const { return m_names; }
  const std::vector<int>& charges() const { return m_charges; }
  const std::vector<double>& initialConcentrations() const { return m_initial; }
  const ActivityModel& activity() const { return *m_activity; }
  /// Index of a species; throws the InputError made by `onMissing` if absent.
  std::size_t index(const std::string& name) const;
  bool contains(const std::string& name) const;

 private:
  std::vector<std::string> m_names;
  std::vector<int> m_charges;
  std::vector<double> m_initial;
  std::unique_ptr<ActivityModel> m_activity;
};

}  // namespace proscale
