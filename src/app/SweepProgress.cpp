#include "app/SweepProgress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace proscale {

std::string formatDuration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char text[32];
  if (s < 60) std::snprintf(text, sizeof text, "%ld s", s);
  else if (s < 3600) std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  else std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  return text;
}

SweepProgress::SweepProgress(std::ostream& out, bool terminal, std::size_t total,
                             std::size_t alreadyDone, std::string label)
    : m_out(out),
      m_terminal(terminal),
      m_total(total),
      m_before(alreadyDone),
      m_label(std::move(label)),
      m_start(std::chrono::steady_clock::now()),
      m_lastLine(m_start) {
  if (m_terminal) m_out << '\r' << line() << std::flush;
}

std::string SweepProgress::line() const {
  constexpr int width = 24;
  const std::size_t all = m_total + m_before, done = m_done + m_before;
  const int filled = all == 0 ? width : static_cast<int>(width * done / all);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
  std::string text = "sweep " + (m_label.empty() ? "" : m_label + " ") + "[" +
                     std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(width - filled), '.') + "] " +
                     std::to_string(done) + "/" + std::to_string(all) + " runs";
  if (m_failed > 0) text += ", " + std::to_string(m_failed) + " failed";
  if (m_suspect > 0) text += ", " + std::to_string(m_suspect) + " suspect";
  if (m_before > 0) text += " (" + std::to_string(m_before) + " from before)";
  text += ", " + formatDuration(elapsed);
  if (m_done > 0 && m_done < m_total) {
    // Elapsed time per finished run already counts the runs going at once.
    const double perRun = elapsed / static_cast<double>(m_done);
    text += ", about " + formatDuration(perRun * static_cast<double>(m_total - m_done)) + " left";
  }
  return text;
}

void SweepProgress::finished(RunStatus status) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  ++m_done;
  if (status == RunStatus::Incomplete) ++m_failed;
  if (status == RunStatus::Suspect) ++m_suspect;
  if (m_terminal) {
    m_out << '\r' << line() << "\x1b[K" << std::flush;
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  const std::size_t tenth = m_total == 0 ? 10 : 10 * m_done / m_total;
  if (tenth > m_lastTenth || m_done == m_total || now - m_lastLine > std::chrono::minutes(1)) {
    m_out << line() << '\n' << std::flush;
    m_lastTenth = tenth;
    m_lastLine = now;
  }
}

void SweepProgress::close() {
  const std::lock_guard<std::mutex> lock(m_mutex);
  if (m_terminal) m_out << '\n' << std::flush;
}

}  // namespace proscale
