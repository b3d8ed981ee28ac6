#pragma once
// A sweep's progress on the terminal: a bar with the runs done, failed and suspect, the elapsed
// time and an estimate of the time left (the wall time so far per finished run -- threads
// included -- times the runs left). On a terminal one line redrawn in place; when
// the stream is not a terminal (a log file, CI), a plain line whenever the share done crosses
// a tenth, or a minute has passed since the last line. Safe to call from several threads.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

#include "app/CaseEvaluation.h"

namespace proscale {

class SweepProgress {
 public:
  /// `total`: the runs this process will run; `alreadyDone`: runs a resumed sweep had finished
  /// (shown, not timed); `label`: e.g. "rank 0 of 2" or "".
  SweepProgress(std::ostream& out, bool terminal, std::size_t total, std::size_t alreadyDone,
                std::string label);
  /// One run ended with `status`.
  void finished(RunStatus status);
  /// Ends the line on a terminal.
  void close();

  /// The line as it is now (what the bar shows).
  std::string line() const;

 private:
  std::ostream& m_out;
  bool m_terminal;
  std::size_t m_total, m_before, m_done = 0, m_failed = 0, m_suspect = 0;
  std::string m_label;
  std::chrono::steady_clock::time_point m_start, m_lastLine;
  std::size_t m_lastTenth = 0;
  mutable std::mutex m_mutex;
};

/// "1:05:07", "4:07" or "12 s".
std::string formatDuration(double seconds);

}  // namespace proscale
