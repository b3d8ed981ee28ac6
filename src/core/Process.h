#pragma once
// A process model assembled from a case: it owns its System and says how to turn states
// into reported quantities. The app drives it: system -> solver -> observers -> writers.
#include <optional>
#include <span>
#include <vector>

#include "core/System.h"
#include "core/Results.h"

namespace proscale {

/// The grid of a process in space (a tube): its nodes' positions and what is reported at each.
struct AxialGrid {
  std::vector<double> positions;      ///< node centres from the inlet [m]
  std::vector<SeriesColumn> columns;  ///< the quantities of the axial profiles, per node
};

class Process {
 public:
  virtual ~Process() = default;

  virtual System& system() = 0;

  /// Columns of timeseries.csv (time first) and their values at one state.
  virtual std::vector<SeriesColumn> seriesColumns() const = 0;
  virtual void series(double t, std::span<const double> y, std::span<double> row) const = 0;

  /// The simulated time span when the model sets it (a pipe's residence time): then the case's
  /// output.end-time is left out.
  virtual std::optional<double> endTime() const { return std::nullopt; }

  /// The particle size distribution, if the process has one.
  virtual bool hasSizeDistribution() const { return false; }
  virtual PsdHistory sizeClasses() const { return {}; }  ///< faces and pivots, no times
  virtual std::vector<double> numberPerClass(std::span<const double> /*y*/) const { return {}; }

  /// Key results of the final state (summary.json), incl. conservation errors.
  virtual std::vector<Metric> metrics(double t, std::span<const double> y) const = 0;

  /// Self-checks of the final state (grid losses, negative classes, validity ranges, an
  /// unfinished run), each against its documented threshold (docs/reference/outputs.md).
  virtual std::vector<SelfCheck> selfChecks(double /*t*/, std::span<const double> /*y*/) const {
    return {};
  }

  /// The numerical settings the tool chose for this run (keys the case left out, e.g. the size
  /// grid and the number scale) and, judged from the final state, the values a rerun should use.
  /// The app reruns with `changes` until they are empty (CaseRun.cpp).
  virtual SettingsAdvice settingsAdvice(double /*t*/, std::span<const double> /*y*/) const {
    return {};
  }

  /// The rerun at twice the resolution that checks this run's grid (CaseRun.cpp).
  virtual RefinementPlan refinement() const { return {}; }

  /// A process in space: its axial grid (empty positions for a 0-D process) and, at a state,
  /// the axial profiles (node-major, positions x columns) and, with size classes, the number
  /// density n [1/m^4] of every class at every node (node-major, positions x classes).
  virtual AxialGrid axialGrid() const { return {}; }
  virtual void axialProfiles(double /*t*/, std::span<const double> /*y*/,
                             std::vector<double>& /*values*/,
                             std::vector<double>& /*numberDensity*/) const {}
};

}  // namespace proscale
