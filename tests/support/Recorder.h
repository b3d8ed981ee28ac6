#pragma once
// An observer that keeps the state at every output time (shared by the tests of all layers).
#include <span>
#include <vector>

#include "core/System.h"

namespace proscale::test {

struct Recorder final : StateObserver {
  std::vector<double> t;
  std::vector<std::vector<double>> y;
  void observe(double time, std::span<const double> s) override {
    t.push_back(time);
    y.emplace_back(s.begin(), s.end());
  }
};

}  // namespace proscale::test
