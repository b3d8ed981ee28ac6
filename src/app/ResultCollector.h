#pragma once
// Observer that records what the writers need at every output time: a time-series row, the
// size distribution, the last state (for the summary) and, when the solver integrates forward
// sensitivities s_k = dy/dp_k, the derivative of every time-series column to each p_k.
#include <functional>
#include <string>
#include <vector>

#include "core/Process.h"
#include "core/Results.h"
#include "core/Solver.h"
#include "core/System.h"

namespace proscale {

class ResultCollector;

/// Asked between solver steps whether the run must end now: the reason (an interrupt, a time
/// limit), or empty to go on.
using StopCheck = std::function<std::string()>;

/// Receives each output time's results as they are computed (the command line's files).
class ResultListener {
 public:
  virtual ~ResultListener() = default;
  /// Before the first output time: the collector's columns and size classes are known.
  virtual void begin(const ResultCollector& collector) = 0;
  virtual void seriesRow(std::span<const double> row) = 0;
  virtual void sizeDistribution(double t, std::span<const double> numberPerClass) = 0;
  virtual void sensitivityRow(std::span<const double> row) = 0;
  /// A process in space: its axial profiles and size distribution along the axis at t
  /// (Process::axialProfiles).
  virtual void axialProfiles(double /*t*/, std::span<const double> /*values*/,
                             std::span<const double> /*numberDensity*/) {}
};

/// The axial profiles of a process in space, output time by output time.
struct AxialHistory {
  std::vector<double> times;
  std::vector<std::vector<double>> values, numberDensity;  ///< [time][node-major]
};

class ResultCollector final : public StateObserver, public SensitivityObserver {
 public:
  explicit ResultCollector(const Process& process);
  /// With the derivatives to `sensitivities`: the parameters (of `parameters`, the process's
  /// own) the solver was asked for, in its order.
  ResultCollector(const Process& process, const ParameterRegistry& parameters,
                  const std::vector<std::string>& sensitivities);
  /// Records the output time. A row or size distribution with a value that is not finite is
  /// not recorded (nor handed on): the collector asks the solver to stop, naming the column and
  /// time (stopReason), so that no result ever holds a NaN or infinity.
  void observe(double t, std::span<const double> y) override;
  /// The refusal of a non-finite result, else what the stop check (stopWhen) says.
  std::string stopReason() const override;
  /// True once a non-finite result was refused (the run stopped for that, not on request).
  bool refusedResult() const { return !m_refused.empty(); }
  /// Consulted by stopReason() (kept by value).
  void stopWhen(StopCheck check) { m_stopCheck = std::move(check); }
  /// d(column)/dp_k by a centred difference of Process::series along s_k at the state just
  /// observed: series(y + h s_k) - series(y - h s_k) over 2h, h = 1e-4 |p_k| (the state moves
  /// as a 1e-4 relative change of p_k would).
  void observeSensitivities(double t, const std::vector<std::vector<double>>& dydp) override;

  /// Hands every result to `listener` as it is computed (kept by reference); with
  /// keepSizeDistribution false the size distribution is not kept here (psd() stays empty).
  void streamTo(ResultListener& listener, bool keepSizeDistribution) {
    m_listener = &listener;
    m_keepPsd = keepSizeDistribution;
    listener.begin(*this);
  }
  /// Hands everything collected so far to `listener`, in the order streamTo would have (the
  /// size distribution only if it was kept).
  void replayTo(ResultListener& listener) const;
  const Process& process() const { return m_process; }

  const TimeSeriesTable& series() const { return m_series; }
  const PsdHistory& psd() const { return m_psd; }
  /// Kept like the size distribution (empty for a 0-D process).
  const AxialHistory& axial() const { return m_axial; }
  /// Columns: time, then d(column)/d(parameter) for each parameter and non-time column.
  const TimeSeriesTable& sensitivities() const { return m_sensitivities; }
  bool empty() const { return m_series.rows.empty(); }
  double lastTime() const { return m_lastTime; }
  const std::vector<double>& lastState() const { return m_lastState; }

 private:
  const Process& m_process;
  TimeSeriesTable m_series;
  PsdHistory m_psd;
  AxialHistory m_axial;
  bool m_spatial = false;  ///< the process has an axial grid
  double m_lastTime = 0.0;
  std::vector<double> m_lastState;
  std::vector<double> m_steps;  // h_k
  TimeSeriesTable m_sensitivities;
  ResultListener* m_listener = nullptr;
  bool m_keepPsd = true;
  StopCheck m_stopCheck;
  std::string m_refused;  // why the last observed time was not recorded
};

}  // namespace proscale
