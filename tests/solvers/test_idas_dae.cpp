// IDAS through the Solver interface on a textbook DAE: Robertson's kinetics with the third
// equation replaced by the conservation law (Hairer & Wanner, Solving ODEs II, sec. IV.1 and
// VI.1; SUNDIALS' idasRoberts_dns example):
//   y1' = -0.04 y1 + 1e4 y2 y3
//   y2' =  0.04 y1 - 1e4 y2 y3 - 3e7 y2^2
//   0   =  y1 + y2 + y3 - 1                          (y3 algebraic)
// Started from an inconsistent state (y3 = 0.1, y' = 0), so IDACalcIC must find y3(0) = 0 and
// y'(0) = (-0.04, 0.04) before the first step.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "Recorder.h"
#include "core/System.h"
#include "solvers/IdasIntegrator.h"

namespace proscale::test {
namespace {

class RobertsonDae final : public System {
 public:
  RobertsonDae() {
    m_layout.add("y", 2, "-", 1.0, {"y1", "y2"});
    m_layout.add("y3", 1, "-", 1.0, {"y3"});
    m_layout.setRole("y3", {.algebraic = true});
    // Tolerance scales of the SUNDIALS example (atol 1e-8, 1e-6 ... relative to 1e-8).
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override {
    y0[0] = 1.0;
    y0[1] = 0.0;
    y0[2] = 0.1;  // inconsistent: the constraint wants 0
  }
  bool isExplicit() const override { return false; }
  void residual(double, std::span<const double> y, std::span<const double> yp,
                std::span<double> F) override {
    F[0] = yp[0] - (-0.04 * y[0] + 1e4 * y[1] * y[2]);
    F[1] = yp[1] - (0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1]);
    F[2] = y[0] + y[1] + y[2] - 1.0;
  }
  bool hasJacobian() const override { return true; }
  void residualJacobian(double, std::span<const double> y, std::span<const double>, double cj,
                        JacobianSink& J) override {
    J.setZero();
    J.add(0, 0, cj + 0.04);
    J.add(0, 1, -1e4 * y[2]);
    J.add(0, 2, -1e4 * y[1]);
    J.add(1, 0, -0.04);
    J.add(1, 1, cj + 1e4 * y[2] + 6e7 * y[1]);
    J.add(1, 2, 1e4 * y[1]);
    for (std::size_t c = 0; c < 3; ++c) J.add(2, c, 1.0);
  }

 private:
  StateLayout m_layout;
};

double relative(double a, double b) { return std::abs(a - b) / std::abs(b); }

}  // namespace

TEST_CASE("IDAS solves the Robertson DAE from an inconsistent start", "[unit][dae]") {
  RobertsonDae dae;
  IntegratorOptions o;
  o.rtol = 1e-8;
  o.atol = 1e-14;
  IdasIntegrator idas(dae, o);
  Recorder r;
  const std::vector<double> times{0.0, 0.4, 4.0, 40.0, 400.0, 4e3, 4e4, 4e5};
  const SolverReport report = idas.run(times, r);
  INFO(report.message);
  REQUIRE(report.complete);
  REQUIRE(r.t.size() == times.size());

  // Consistent initial state: the algebraic y3 and the constraint's derivatives.
  CHECK(std::abs(r.y[0][2]) < 1e-14);
  CHECK(r.y[0][0] == 1.0);  // differential values are kept

  // The constraint holds at every output to the Newton tolerance of the algebraic equation
  // (IDAS stops iterating at 0.33 of the weighted error norm: ~1e-14 absolute here).
  double worst = 0.0;
  for (const auto& y : r.y) worst = std::max(worst, std::abs(y[0] + y[1] + y[2] - 1.0));
  std::cout << "IDAS Robertson DAE: y(40) = (" << r.y[3][0] << ", " << r.y[3][1] << ", "
            << r.y[3][2] << "), worst |y1 + y2 + y3 - 1| = " << worst << ", "
            << report.statistics.steps << " steps\n";
  CHECK(worst < 1e-12);

  // Published values. At t = 40 the reference solution of Hairer & Wanner (ROBER):
  // y1 = 0.7158271, y2 = 9.185535e-6, y3 = 0.2841637 (7 digits); at rtol 1e-8 our global
  // error is ~1e-7 relative, so 1e-6 is the test's tolerance.
  CHECK(relative(r.y[3][0], 0.7158271) < 1e-6);
  CHECK(relative(r.y[3][1], 9.185535e-6) < 1e-6);
  CHECK(relative(r.y[3][2], 0.2841637) < 1e-6);
  // SUNDIALS' documented idasRoberts_dns output (5 digits, computed at rtol 1e-4: its own
  // error is a few 1e-4 at late times), so 1e-3 relative.
  const double printed[][3] = {{9.8517e-01, 3.3864e-05, 1.4794e-02},
                               {9.0553e-01, 2.2406e-05, 9.4452e-02},
                               {7.1579e-01, 9.1838e-06, 2.8420e-01},
                               {4.5044e-01, 3.2218e-06, 5.4956e-01},
                               {1.8320e-01, 8.9444e-07, 8.1680e-01},
                               {3.8992e-02, 1.6221e-07, 9.6101e-01},
                               {4.9369e-03, 1.9842e-08, 9.9506e-01}};
  for (std::size_t k = 1; k < times.size(); ++k)
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("t = " << times[k] << ", y" << i + 1);
      CHECK(relative(r.y[k][i], printed[k - 1][i]) < 1e-3);
    }
}

TEST_CASE("IDAS reports an inconsistent DAE it cannot initialise", "[unit][dae]") {
  // 0 = y^2 + 1 has no real solution: IDACalcIC must fail and say so, not crash.
  struct NoSolution final : System {
    StateLayout l;
    NoSolution() {
      l.add("z", 1, "-", 1.0);
      l.setRole("z", {.algebraic = true});
    }
    const StateLayout& layout() const override { return l; }
    void initialState(std::span<double> y0) const override { y0[0] = 1.0; }
    bool isExplicit() const override { return false; }
    void residual(double, std::span<const double> y, std::span<const double>,
                  std::span<double> F) override {
      F[0] = y[0] * y[0] + 1.0;
    }
  } dae;
  IdasIntegrator idas(dae, {});
  Recorder r;
  const SolverReport report = idas.run(std::vector<double>{0.0, 1.0}, r);
  CHECK_FALSE(report.complete);
  CHECK(report.message.find("no consistent initial state") != std::string::npos);
  CHECK(r.t.empty());
}

}  // namespace proscale::test
