#pragma once
// Independent runs on a pool of threads: task(k) for k = 0 .. count-1, each index taken by the
// next free thread (runs differ in cost), the calling thread one of them. Each run loads its
// own model and solver (nothing mutable is shared between runs: SUNDIALS contexts are per
// solver). The first exception a task threw is rethrown after every thread has ended; a task
// returning false stops its thread from taking more.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace proscale {

template <class Task>
void runOnThreads(std::size_t count, unsigned threads, Task&& task) {
  std::vector<std::exception_ptr> errors(count);
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t k = next++; k < count; k = next++) {
      try {
        if (!task(k)) return;
      } catch (...) {
        errors[k] = std::current_exception();
      }
    }
  };
  const std::size_t pool = std::max<std::size_t>(1, std::min<std::size_t>(threads, count));
  std::vector<std::thread> others;
  for (std::size_t t = 1; t < pool; ++t) others.emplace_back(worker);
  worker();
  for (std::thread& t : others) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace proscale
