// CVODES forward sensitivities through the Solver interface, against the exact derivatives of a
// closed-form solution: the consecutive first-order reactions A -> B -> C (Bateman),
//   a' = -k1 a,  b' = k1 a - k2 b,  a(0) = 1, b(0) = 0,
//   a = E1,  b = k1 / (k2 - k1) (E1 - E2),  E_i = exp(-k_i t),
//   da/dk1 = -t E1,
//   db/dk1 = k2 / (k2 - k1)^2 (E1 - E2) - k1 t E1 / (k2 - k1),
//   db/dk2 = -k1 / (k2 - k1)^2 (E1 - E2) + k1 t E2 / (k2 - k1).
// k2 reaches the right-hand side only through a table rebuilt by a recompute hook (as the
// models' pair tables and prefactors do), so a sensitivity that skipped the hook would be zero.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "Recorder.h"
#include "core/ParameterRegistry.h"
#include "core/Solver.h"
#include "core/System.h"
#include "solvers/CvodeIntegrator.h"

namespace proscale::test {
namespace {

class ConsecutiveReactions final : public System {
 public:
  ConsecutiveReactions() {
    m_layout.add("a", 1, "mol/m^3", 1.0);
    m_layout.add("b", 1, "mol/m^3", 1.0);
    m_parameters.bind("k1", "1/s", m_k1, "rate constant of A -> B");
    m_parameters.bind("k2", "1/s", m_k2, "rate constant of B -> C");
    m_parameters.onChange([this] { m_k2Table = m_k2; });
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override {
    y0[0] = 1.0;
    y0[1] = 0.0;
  }
  void rhs(double, std::span<const double> y, std::span<double> f) override {
    f[0] = -m_k1 * y[0];
    f[1] = m_k1 * y[0] - m_k2Table * y[1];
  }
  ParameterRegistry& parameters() override { return m_parameters; }

 private:
  StateLayout m_layout;
  ParameterRegistry m_parameters;
  double m_k1 = 2.0, m_k2 = 0.5;
  double m_k2Table = 0.5;  // "built" from k2 by the recompute hook
};

struct SensitivityRecorder final : StateObserver, SensitivityObserver {
  Recorder states;
  std::vector<std::vector<std::vector<double>>> s;  // [time][parameter][component]
  void observe(double t, std::span<const double> y) override { states.observe(t, y); }
  void observeSensitivities(double, const std::vector<std::vector<double>>& dydp) override {
    s.push_back(dydp);
  }
};

}  // namespace

TEST_CASE("CVODES forward sensitivities of A -> B -> C equal the exact derivatives",
          "[unit][sensitivities]") {
  ConsecutiveReactions system;
  IntegratorOptions o;
  o.rtol = 1e-8;
  o.atol = 1e-12;
  o.linear = IntegratorOptions::LinearSolver::Dense;
  o.sensitivities = {"k1", "k2"};
  CvodeIntegrator cvodes(system, o);
  SensitivityRecorder r;
  const std::vector<double> times{0.0, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0};
  const SolverReport report = cvodes.run(times, r);
  INFO(report.message);
  REQUIRE(report.complete);
  REQUIRE(r.s.size() == times.size());

  const double k1 = 2.0, k2 = 0.5;
  // The sensitivities are in the error test with rtol and atol / pbar (pbar = k), so their
  // global error is a modest multiple of rtol relative to max|s| ~ 0.5: 1e-6 absolute leaves a
  // factor 100 to the error test and the O(D^2) = O(rtol) directional difference.
  double worst = 0.0;
  for (std::size_t i = 0; i < times.size(); ++i) {
    const double t = times[i];
    const double E1 = std::exp(-k1 * t), E2 = std::exp(-k2 * t);
    const double d = k2 - k1;
    const double exact[2][2] = {
        {-t * E1, k2 / (d * d) * (E1 - E2) - k1 * t * E1 / d},
        {0.0, -k1 / (d * d) * (E1 - E2) + k1 * t * E2 / d}};
    for (int p = 0; p < 2; ++p)
      for (int c = 0; c < 2; ++c) {
        INFO("t = " << t << ", d y" << c << " / d k" << p + 1 << ": " << r.s[i][p][c]
                    << " vs exact " << exact[p][c]);
        CHECK(std::abs(r.s[i][p][c] - exact[p][c]) < 1e-6);
        worst = std::max(worst, std::abs(r.s[i][p][c] - exact[p][c]));
      }
  }
  WARN("largest |dy/dk - exact| over t = 0..10 s: " << worst);
  // Parameters are restored after every perturbation: the state matches the closed form too.
  CHECK(std::abs(r.states.y.back()[0] - std::exp(-k1 * 10.0)) < 1e-9);
  CHECK(system.parameters().value("k2") == 0.5);
}

TEST_CASE("An unknown sensitivity parameter is named with the known ones",
          "[unit][sensitivities]") {
  ConsecutiveReactions system;
  IntegratorOptions o;
  o.linear = IntegratorOptions::LinearSolver::Dense;
  o.sensitivities = {"k3"};
  CHECK_THROWS_WITH(CvodeIntegrator(system, o),
                    Catch::Contains("no parameter 'k3'") && Catch::Contains("k1, k2"));
}

}  // namespace proscale::test
