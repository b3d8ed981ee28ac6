#pragma once
// The dissolved species of a liquid phase: names, charges, initial concentrations [mol/m^3],
// the activity model and optional ion pairs. The declared species' concentrations are totals
// (what a balance conserves); speciate() gives the free ions and pairs that thermodynamics
// sees. Schema: the case's `solution:` section.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/thermo/ActivityModel.h"
#include "models/thermo/IonPairing.h"
#include "models/thermo/Speciation.h"

namespace proscale {

/// Largest charge number |z| a species may carry (the activity models square z; real ions stay
/// below 10).
inline constexpr int kMaxChargeNumber = 10;

/// The charge a species name states by its trailing sign ("Ba+2" -> 2, "Cl-" -> -1, "SO4-2" ->
/// -2); none for a name without one ("CeO2(aq)", "A"); std::invalid_argument beyond
/// kMaxChargeNumber.
std::optional<int> chargeFromName(const std::string& name);

class Solution {
 public:
  static SchemaPtr schema();
  /// Throws InputError at `activity` if the initial ionic strength exceeds the activity
  /// model's range.
  explicit Solution(const Parameters& section);

  std::size_t size() const { return m_names.size(); }
  const std::vector<std::string>& names() const { return m_names; }
  const std::vector<int>& charges() const { return m_charges; }
  const std::vector<double>& initialConcentrations() const { return m_initial; }
  const ActivityModel& activity() const { return *m_activity; }
  /// Free concentrations, activity coefficients and their slopes at totals c [mol/m^3].
  void speciate(std::span<const double> c, double T, Speciation& out) const;

  /// The composition keys of a feed stream of this liquid: `salts` and `species` (by name,
  /// total concentrations), added to `feed`.
  static void addFeedKeys(Schema& feed);
  /// The total concentrations [mol/m^3] of the solution's species in a feed stream; InputError
  /// at the feed's keys for a species the solution does not declare or a feed that is not
  /// electroneutral.
  void feedConcentrations(const Parameters& feed, std::span<double> c) const;
  /// The ion pairs (nullptr without `ion-pairs`); they follow the declared species in a
  /// Speciation.
  const IonPairing* pairing() const { return m_pairing.get(); }

 private:
  void addSalts(const Parameters& salts, std::vector<SpeciesInfo>& info);

  std::vector<std::string> m_names;
  std::vector<int> m_charges;
  std::vector<double> m_initial;
  std::unique_ptr<IonPairing> m_pairing;
  std::unique_ptr<ActivityModel> m_activity;
};

}  // namespace proscale
