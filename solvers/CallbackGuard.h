#pragma once
// What every SUNDIALS callback does around the model: nothing thrown by the model crosses into
// C. RecoverableError and non-finite results become return value 1 (the library retries with
// a smaller step or a shorter Newton step), anything else becomes -1 (the library stops), and
// the message is kept for the SolverReport. Internal to proscale_solvers.
#include <cmath>
#include <exception>
#include <span>
#include <string>

#include "core/Errors.h"
#include "core/NumberFormat.h"
#include "core/StateLayout.h"

namespace proscale {

class CallbackGuard {
 public:
  /// Runs `action` (returning 0 on success); see the file comment.
  template <class Action>
  int operator()(const char* where, double t, Action&& action) noexcept {
    try {
      return action();
    } catch (const RecoverableError& e) {
      return recoverable(std::string(where) + " at t = " + number(t) + " s: " + e.what());
    } catch (const std::exception& e) {
      return fatal(where, t, e.what());
    } catch (...) {
      return fatal(where, t, "unknown exception");
    }
  }

  /// 1 after recording a recoverable failure.
  int recoverable(std::string message) noexcept {
    try {
      m_recoverable = std::move(message);
    } catch (...) {
    }
    return 1;
  }
  /// 1 (recoverable) if some value of `values` is not finite, naming its component; values[0]
  /// is component `first` (a grid's nodes of `layout` from node first / layout.size()).
  int checkFinite(std::span<const double> values, const StateLayout& layout, const char* what,
                  double t, std::size_t first = 0) noexcept {
    for (std::size_t i = 0; i < values.size(); ++i)
      if (!std::isfinite(values[i]))
        return recoverable(std::string("non-finite ") + what + " of " +
                           layout.componentLabel(first + i) +
                           " at t = " + number(t) + " s");
    return 0;
  }

  const std::string& fatalMessage() const { return m_fatal; }
  const std::string& recoverableMessage() const { return m_recoverable; }
  void clear() {
    m_fatal.clear();
    m_recoverable.clear();
  }
  /// The model's reason first, then the library's.
  std::string explain(const std::string& library) const {
    if (!m_fatal.empty()) return m_fatal + " [" + library + "]";
    if (!m_recoverable.empty())
      return "the model failed recoverably, last: " + m_recoverable + " [" + library + "]";
    return library;
  }

 private:
  int fatal(const char* where, double t, const char* what) noexcept {
    try {
      m_fatal = std::string(where) + " failed at t = " + number(t) + " s: " + what;
    } catch (...) {
    }
    return -1;
  }
  static std::string number(double x) { return formatNumber(x, 9); }

  std::string m_fatal, m_recoverable;
};

}  // namespace proscale
