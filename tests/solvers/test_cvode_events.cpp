// Stop times and root functions (System::stopTimes/atStopTime, rootCount/roots/atRoot) in the
// CVODES integrator, against closed forms whose kinks and jumps a smooth integration would
// smear:
//  * a feed: y' = 1 while the feed runs, 0 after it stops at t = 1; a dose of 5 at t = 2
//    (a stop time that is also an output time). y = t (t <= 1), 1 (1 < t < 2), 6 (t >= 2).
//  * a bouncing ball: h' = v, v' = -g, h(0) = h0, v(0) = 0; at h = 0 (falling) v -> -e v.
//    Impacts at t1 = sqrt(2 h0 / g), t_(k+1) = t_k + 2 e^k g t1 / g; the third ends the run.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "Recorder.h"
#include "core/System.h"
#include "solvers/CvodeIntegrator.h"

namespace proscale::test {
namespace {

class FeedAndDose final : public System {
 public:
  FeedAndDose() { m_layout.add("y", 1, "mol", 1.0); }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override { y0[0] = 0.0; }
  void rhs(double, std::span<const double>, std::span<double> f) override {
    f[0] = m_feedOn ? 1.0 : 0.0;  // the mode, not t, decides: only the stop time switches it
  }
  std::vector<double> stopTimes() const override { return {1.0, 2.0}; }
  void atStopTime(double t, std::span<double> y) override {
    if (t == 1.0) m_feedOn = false;
    if (t == 2.0) y[0] += 5.0;
  }
  bool m_feedOn = true;

 private:
  StateLayout m_layout;
};

class BouncingBall final : public System {
 public:
  static constexpr double g = 9.81, h0 = 10.0, e = 0.5;
  BouncingBall() {
    m_layout.add("h", 1, "m", 1.0);
    m_layout.add("v", 1, "m/s", 1.0);
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override {
    y0[0] = h0;
    y0[1] = 0.0;
  }
  void rhs(double, std::span<const double> y, std::span<double> f) override {
    f[0] = y[1];
    f[1] = -g;
  }
  std::size_t rootCount() const override { return 1; }
  void roots(double, std::span<const double> y, std::span<double> out) override { out[0] = y[0]; }
  bool atRoot(std::size_t, double, std::span<double> y) override {
    y[0] = 0.0;
    y[1] = -e * y[1];
    return ++m_impacts < 3;
  }

 private:
  StateLayout m_layout;
  int m_impacts = 0;
};

IntegratorOptions tight() {
  IntegratorOptions o;
  o.rtol = 1e-10;
  o.atol = 1e-12;
  o.linear = IntegratorOptions::LinearSolver::Dense;
  return o;
}

}  // namespace

TEST_CASE("CVODE stops at the system's stop times: a feed that ends and a dose",
          "[unit][events]") {
  FeedAndDose system;
  CvodeIntegrator cvode(system, tight());
  Recorder r;
  const std::vector<double> times{0.0, 0.5, 1.5, 2.0, 3.0};
  const SolverReport report = cvode.run(times, r);
  INFO(report.message);
  REQUIRE(report.complete);
  CHECK_FALSE(report.endedByEvent);
  REQUIRE(report.events.size() == 2);
  CHECK(report.events[0].time == 1.0);
  CHECK(report.events[1].time == 2.0);
  const double exact[] = {0.0, 0.5, 1.0, 6.0, 6.0};  // at t = 2 the output is after the dose
  // y is piecewise linear, which BDF integrates exactly between events: 1e-10 is the
  // tolerance's order; stepping across the kink at t = 1 without stopping errs by ~h.
  for (std::size_t i = 0; i < times.size(); ++i) {
    INFO("t = " << times[i]);
    CHECK(std::abs(r.y[i][0] - exact[i]) < 1e-10);
  }
}

TEST_CASE("CVODE finds roots: a bouncing ball's impacts, the third ends the run",
          "[unit][events]") {
  BouncingBall ball;
  CvodeIntegrator cvode(ball, tight());
  Recorder r;
  std::vector<double> times;
  for (int i = 0; i <= 100; ++i) times.push_back(0.1 * i);
  const SolverReport report = cvode.run(times, r);
  INFO(report.message);
  REQUIRE(report.complete);
  REQUIRE(report.endedByEvent);
  REQUIRE(report.events.size() == 3);

  using B = BouncingBall;
  const double t1 = std::sqrt(2 * B::h0 / B::g);
  const double impacts[] = {t1, t1 + 2 * B::e * t1, t1 + 2 * B::e * t1 + 2 * B::e * B::e * t1};
  // h is quadratic in t between impacts, integrated to rtol 1e-10; CVODE locates a root to
  // ~100 unit roundoffs of t after interpolating h: 1e-8 s is the tolerance's order.
  for (int k = 0; k < 3; ++k) {
    INFO("impact " << k);
    CHECK(std::abs(report.events[k].time - impacts[k]) < 1e-8);
  }
  CHECK(std::abs(report.timeReached - impacts[2]) < 1e-8);
  CHECK(r.t.back() == report.timeReached);
  CHECK(std::abs(r.y.back()[0]) < 1e-12);  // the handler's state is what the observer sees
  CHECK(r.y.back()[1] == Approx(B::e * B::e * B::e * B::g * t1).epsilon(1e-8));
}

}  // namespace proscale::test
