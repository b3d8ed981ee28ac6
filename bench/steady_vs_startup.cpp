// Is the direct steady solve worth it? The MSMPR steady state of cases/msmpr_steady.yaml (full
// chemistry) by KINSOL against integrating the start-up from the empty vessel with CVODE until
// the state is within `--within` (default 1e-6) of KINSOL's: the largest relative difference
// of the species concentrations, the particle number density and the volume median d50. CVODE
// is timed on the shortest end time (multiples of tau = 60 s) that gets there. Medians of
// `repeats` runs of each, and their ratio, in the same process.
//
//   build/bench/steady_vs_startup [repeats] [number-scale for CVODE, e.g. "1e15 1/m^3"]
//   (cmake --build build --target steady_vs_startup; run from the source tree)
//
// Both run the case as it is (its van Albada limiter: with van Leer the start-up took over 1e5
// steps per simulated minute); a number scale given as the second argument overrides the
// case's for CVODE only.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "app/CaseRun.h"
#include "case/Overrides.h"
#include "models/pbe/PsdStatistics.h"

using namespace proscale;

namespace {

struct Last final : StateObserver {
  double t = 0.0;
  std::vector<double> y;
  void observe(double time, std::span<const double> s) override {
    t = time;
    y.assign(s.begin(), s.end());
  }
};

struct Outcome {
  double seconds = 0.0;
  std::vector<double> y;
  bool complete = false;
};

Outcome solve(const std::vector<Override>& overrides) {
  LoadedCase c = LoadedCase::load("cases/msmpr_steady.yaml", overrides);
  Last last;
  const auto start = std::chrono::steady_clock::now();
  const SolverReport report = c.solver->run(c.times, last);
  Outcome o{std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            last.y, report.complete};
  return o;
}

// Largest relative difference of the species, N and d50 (from the case's own metrics).
double difference(const std::vector<double>& a, const std::vector<double>& b) {
  LoadedCase c = LoadedCase::load("cases/msmpr_steady.yaml", {});
  const auto metrics = [&](const std::vector<double>& y) {
    std::vector<double> v(y.begin(), y.begin() + 4);  // Ba, SO4, Na, Cl
    for (const Metric& m : c.process->metrics(0.0, y))
      if (m.name == "number_density" || m.name == "d50_volume") v.push_back(m.value);
    return v;
  };
  const std::vector<double> x = metrics(a), z = metrics(b);
  double worst = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i)
    worst = std::max(worst, std::abs(x[i] - z[i]) / std::max(std::abs(z[i]), 1e-300));
  return worst;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::atoi(argv[1]) : 5;
  std::vector<Override> cvodes{parseOverride("solver.type=cvodes"), parseOverride("output.count=2")};
  if (argc > 2) cvodes.push_back(parseOverride(std::string("population.number-scale=") + argv[2]));
  const double within = 1e-6;
  const Outcome steady = solve({});
  if (!steady.complete) return std::puts("KINSOL failed"), 1;
  // The shortest start-up (whole residence times) within `within` of the steady state.
  double end = 0.0, reached = 1.0;
  for (double minutes = 10; minutes <= 200; minutes += 10) {
    std::vector<Override> run = cvodes;
    run.push_back(parseOverride("output.end-time=" + std::to_string(minutes) + " min"));
    const Outcome o = solve(run);
    if (!o.complete) return std::printf("CVODE failed at end time %g min\n", minutes), 1;
    reached = difference(o.y, steady.y);
    std::printf("start-up to %5.0f min: max relative difference %.2e\n", minutes, reached);
    if (reached < within) {
      end = minutes;
      break;
    }
  }
  if (end == 0.0) return std::puts("the start-up did not get within 1e-6 in 200 min"), 1;
  std::vector<double> kinsol, cvode;
  for (int r = 0; r < repeats; ++r) {
    kinsol.push_back(solve({}).seconds);
    std::vector<Override> run = cvodes;
    run.push_back(parseOverride("output.end-time=" + std::to_string(end) + " min"));
    cvode.push_back(solve(run).seconds);
  }
  std::printf("KINSOL steady state: median %.4f s; CVODE start-up to %.0f min (within %.1e): "
              "median %.4f s; ratio %.0fx (%d repeats)\n",
              median(kinsol), end, reached, median(cvode), median(cvode) / median(kinsol), repeats);
  return 0;
}
