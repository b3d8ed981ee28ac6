// KinsolSteadySolver (solvers/KinsolSteadySolver.h) on scalar systems with known steady states:
// Newton alone; the pseudo-transient continuation it falls back to when Newton from the guess
// fails; and a system without a steady state, which must end incomplete with the residual in
// its message and the last iterate observed.
#include <catch2/catch.hpp>

#include <cmath>

#include "Recorder.h"
#include "core/System.h"
#include "solvers/KinsolSteadySolver.h"

namespace proscale::test {
namespace {

/// dy/dt = a - y^3 from y(0) = y0, steady state y = a^(1/3), with its analytic Jacobian.
class Cubic final : public System {
 public:
  Cubic(double a, double y0) : m_a(a), m_y0(y0) { m_layout.add("y", 1, "1", 1.0); }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override { y0[0] = m_y0; }
  void rhs(double, std::span<const double> y, std::span<double> f) override {
    f[0] = m_a - y[0] * y[0] * y[0];
  }
  bool hasJacobian() const override { return true; }
  void jacobian(double, std::span<const double> y, std::span<const double>,
                JacobianSink& J) override {
    J.arrow().D(0, 0) = -3.0 * y[0] * y[0];
  }

 private:
  double m_a, m_y0;
  StateLayout m_layout;
};

}  // namespace

TEST_CASE("KINSOL: Newton finds the steady state of dy/dt = 8 - y^3", "[unit][steady]") {
  Cubic system(8.0, 1.0);
  KinsolSteadySolver solver(system, SteadyOptions{});
  Recorder r;
  const SolverReport report = solver.run(std::vector<double>{0.0, 1.0}, r);
  REQUIRE(report.complete);
  CHECK(report.message.find("pseudo-transient") == std::string::npos);
  CHECK(r.y.back()[0] == Approx(2.0).epsilon(1e-12));
}

TEST_CASE("KINSOL: pseudo-transient continuation when Newton from the guess fails",
          "[unit][steady]") {
  // From y = 0 the Jacobian is zero: Newton cannot take its first step, so the solver continues
  // in pseudo-time from the guess; implicit Euler steps of dy/dt = f climb to the stable root
  // y = 2 and Newton finishes there.
  Cubic system(8.0, 0.0);
  KinsolSteadySolver solver(system, SteadyOptions{});
  Recorder r;
  const SolverReport report = solver.run(std::vector<double>{0.0, 1.0}, r);
  INFO(report.message);
  REQUIRE(report.complete);
  CHECK(report.message.find("pseudo-transient continuation") != std::string::npos);
  CHECK(r.y.back()[0] == Approx(2.0).epsilon(1e-10));
}

TEST_CASE("KINSOL: no steady state ends incomplete with the residual and the last iterate",
          "[unit][steady]") {
  // dy/dt = 1 + y^2 > 0 everywhere: no root, so neither Newton nor the continuation can end.
  class NoRoot final : public System {
   public:
    NoRoot() { m_layout.add("y", 1, "1", 1.0); }
    const StateLayout& layout() const override { return m_layout; }
    void initialState(std::span<double> y0) const override { y0[0] = 0.0; }
    void rhs(double, std::span<const double> y, std::span<double> f) override {
      f[0] = 1.0 + y[0] * y[0];  // > 0 everywhere
    }
    bool hasJacobian() const override { return true; }
    void jacobian(double, std::span<const double> y, std::span<const double>,
                  JacobianSink& J) override {
      J.arrow().D(0, 0) = 2.0 * y[0];
    }

   private:
    StateLayout m_layout;
  } system;
  KinsolSteadySolver solver(system, SteadyOptions{});
  Recorder r;
  const SolverReport report = solver.run(std::vector<double>{0.0, 1.0}, r);
  INFO(report.message);
  CHECK_FALSE(report.complete);
  CHECK(report.message.find("scaled residual") != std::string::npos);
  CHECK(report.message.find("the last iterate is written") != std::string::npos);
  REQUIRE(r.t.size() == 2);  // the guess and the last iterate
  CHECK(std::isfinite(r.y.back()[0]));
}

}  // namespace proscale::test
