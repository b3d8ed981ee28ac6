#include "app/Interrupts.h"

#include <csignal>

namespace proscale {
namespace {

volatile std::sig_atomic_t g_signal = 0;
struct sigaction g_previousInt, g_previousTerm;

extern "C" void recordSignal(int signal) { g_signal = signal; }

}  // namespace

InterruptHandlers::InterruptHandlers() {
  g_signal = 0;
  struct sigaction action {};
  action.sa_handler = recordSignal;
  sigemptyset(&action.sa_mask);
  // Writes in progress go on; the next signal of the kind kills as usual (SA_RESETHAND): a
  // user who presses Ctrl-C twice means it.
  action.sa_flags = SA_RESTART | SA_RESETHAND;
  sigaction(SIGINT, &action, &g_previousInt);
  sigaction(SIGTERM, &action, &g_previousTerm);
  // A signal the caller ignores stays ignored (nohup; SIGINT of a shell's background job).
  if (g_previousInt.sa_handler == SIG_IGN) sigaction(SIGINT, &g_previousInt, nullptr);
  if (g_previousTerm.sa_handler == SIG_IGN) sigaction(SIGTERM, &g_previousTerm, nullptr);
}

InterruptHandlers::~InterruptHandlers() {
  sigaction(SIGINT, &g_previousInt, nullptr);
  sigaction(SIGTERM, &g_previousTerm, nullptr);
}

int interruptSignal() { return g_signal; }

const char* signalName(int signal) {
  if (signal == SIGINT) return "SIGINT";
  if (signal == SIGTERM) return "SIGTERM";
  return "a signal";
}

}  // namespace proscale
