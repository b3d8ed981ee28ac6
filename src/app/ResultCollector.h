#pragma once
// Observer that records what the writers need at every output time: a time-series row, the
// size distribution, and the last state (for the summary).
#include <vector>

#include "core/System.h"
#include "core/Process.h"
#include "core/Results.h"

namespace proscale {

class ResultCollector final : public StateObserver {
 public:
  explicit ResultCollector(const Process& process);
  void observe(double t, std::span<const double> y) override;

  const TimeSeriesTable& series() const { return m_series; }
  const PsdHistory& psd() const { return m_psd; }
  bool empty() const { return m_series.rows.empty(); }
  double lastTime() const { return m_lastTime; }
  const std::vector<double>& lastState() const { return m_lastState; }

 private:
  const Process& m_process;
  TimeSeriesTable m_series;
  PsdHistory m_psd;
  double m_lastTime = 0.0;
  std::vector<double> m_lastState;
};

}  // namespace proscale
