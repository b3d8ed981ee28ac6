#pragma once
// SIGINT and SIGTERM during `proscale run`: the handler only records the signal; the run asks
// (interruptSignal) between solver steps, stops there, writes its partial results marked
// incomplete and exits with 128 + the signal's number, as a shell reports a killed command.
// A second signal of the same kind ends the process at once (the default action).

namespace proscale {

/// Installs the handlers for its lifetime and restores the previous ones afterwards.
class InterruptHandlers {
 public:
  InterruptHandlers();
  ~InterruptHandlers();
  InterruptHandlers(const InterruptHandlers&) = delete;
  InterruptHandlers& operator=(const InterruptHandlers&) = delete;
};

/// The signal received since the handlers were installed (SIGINT or SIGTERM), 0 if none.
int interruptSignal();
/// "SIGINT", "SIGTERM" (or "signal N").
const char* signalName(int signal);

}  // namespace proscale
