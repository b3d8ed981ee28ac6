// PETSc's TS (solvers/PetscTsIntegrator.h) on the systems the CVODE tests use, against closed
// forms and published values; a model failure ends the run with the model's reason. None is
// labelled unit or input, the sanitizer run's labels: Open MPI's initialization, which
// PetscInitialize starts, leaks under LeakSanitizer (ompi_op_base_op_select and others).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/Errors.h"
#include "solvers/PetscTsIntegrator.h"
#include "TestSystems.h"

using namespace proscale;

namespace {

test::Outcome integrateWithPetsc(System& system, const std::vector<double>& times,
                                 const IntegratorOptions& options, const std::string& petsc = "") {
  PetscTsIntegrator integrator(system, options, petsc);
  test::Outcome o;
  o.report = integrator.run(times, o.out);
  return o;
}

// y' = -y, y(0) = 1, whose right-hand side fails from t = 1 s on, whatever the step: a fatal
// error, or RecoverableError (outside the model's domain).
class FailsAfterOneSecond final : public System {
 public:
  explicit FailsAfterOneSecond(bool recoverable) : m_recoverable(recoverable) {
    m_layout.add("y", 1, "1", 1.0);
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override { y0[0] = 1.0; }
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override {
    if (t > 1.0 && m_recoverable) throw RecoverableError("outside the model's domain");
    if (t > 1.0) throw std::runtime_error("the model broke");
    ydot[0] = -y[0];
  }

 private:
  bool m_recoverable;
  StateLayout m_layout;
};

}  // namespace

TEST_CASE("PETSc TS: a model that stays outside its domain ends the run after retries, "
          "incomplete, with TS's reason and the model's",
          "[petsc][failures]") {
  FailsAfterOneSecond system(true);
  const auto [report, out] = integrateWithPetsc(system, {0.0, 0.5, 2.0}, IntegratorOptions{});
  INFO(report.flagName << ": " << report.message);
  CHECK_FALSE(report.complete);
  CHECK(report.flagName.find("DIVERGED") != std::string::npos);
  CHECK(report.message.find("failed recoverably") != std::string::npos);  // the model's part
  CHECK(report.timeReached == Approx(1.0).margin(1e-6));  // it got as close as steps allow
}

TEST_CASE("PETSc TS: linear decay chain with border coupling matches its closed form",
          "[validation][petsc]") {
  // TS's adaptive BDF keeps each step's weighted RMS local error below 1 (weights rtol |y_i| +
  // atol_i); on this stable (contractive) linear problem the global error is at most the sum
  // of the local ones: |y - exact| <= (steps taken) x (rtol |exact| + atol). Measured: 8172 of
  // 12077 at order 2, 358 of 767 at order 4 (rtol 1e-10) -- BDF2 needs many small steps, its
  // errors add up. And it follows the tolerance: 100x looser, at least 10x larger (21x and
  // 39x measured). At BDF order 2 (-ts_bdf_order 2, PETSc's own default) and 4 (ours).
  const std::string options = GENERATE(std::string("-ts_bdf_order 2"), std::string(""));
  test::DecayChain system;
  const std::vector<double> times{0.0, 0.01, 0.1, 0.5, 1.0, 2.0, 5.0};
  auto worstError = [&](double rtol) {
    IntegratorOptions o;
    o.rtol = rtol;
    o.atol = 1e-4 * rtol;
    const auto [report, out] = integrateWithPetsc(system, times, o, options);
    INFO(report.message);
    REQUIRE(report.complete);
    REQUIRE(out.t == times);
    CHECK(report.method.find(options.empty() ? "PETSc TS bdf (order 4)" : "PETSc TS bdf (order 2)") !=
          std::string::npos);
    double worst = 0;  // in units of rtol |exact| + atol
    for (std::size_t s = 0; s < times.size(); ++s) {
      const std::vector<double> exact = system.exact(times[s]);
      for (std::size_t i = 0; i < exact.size(); ++i)
        worst = std::max(worst, std::abs(out.y[s][i] - exact[i]) / (rtol * std::abs(exact[i]) + o.atol));
    }
    INFO("options '" << options << "', rtol " << rtol << ": worst error " << worst
                     << " weights, " << report.statistics.steps << " steps");
    CHECK(worst < static_cast<double>(report.statistics.steps));
    return worst * rtol;
  };
  const double tight = worstError(1e-10), loose = worstError(1e-8);
  CHECK(loose > 10 * tight);
}

TEST_CASE("PETSc TS: Robertson's stiff kinetics at t = 40, analytic and colored Jacobians",
          "[validation][petsc]") {
  // The reference of test_cvode_exact.cpp (SUNDIALS' cvRoberts_dns): 1e-6 relative at rtol 1e-8,
  // with the model's Jacobian and with differences grouped by a coloring of its pattern. BDF of
  // order 4, the integrator's default (order 2 lands 2.4e-6 off at this rtol, its local errors
  // adding up over many more steps: the decay chain's test above measures that).
  const double reference[3] = {0.7158270687, 9.185534764e-6, 0.2841637457};
  const bool analytic = GENERATE(true, false);
  test::Robertson system(BorderedBandShape{1, 2, 1, 1}, analytic);
  IntegratorOptions o;
  o.rtol = 1e-8;
  o.atol = 1e-10;
  const auto [report, out] = integrateWithPetsc(system, {0.0, 0.4, 4.0, 40.0}, o);
  INFO(report.message);
  REQUIRE(report.complete);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("component " << i << (analytic ? ", analytic" : ", colored differences"));
    CHECK(std::abs(out.y.back()[i] / reference[i] - 1) < 1e-6);
  }
  CHECK(out.y.back()[0] + out.y.back()[1] + out.y.back()[2] == Approx(1.0).epsilon(1e-10));
  CHECK(report.statistics.steps > 10);
  CHECK(report.method.find(analytic ? "model's Jacobian" : "colored difference") !=
        std::string::npos);
}

TEST_CASE("PETSc TS: a model error ends the run, incomplete, with the model's reason and time",
          "[petsc][failures]") {
  FailsAfterOneSecond system(false);
  const auto [report, out] = integrateWithPetsc(system, {0.0, 0.5, 2.0}, IntegratorOptions{});
  CHECK_FALSE(report.complete);
  CHECK(report.message.find("the model broke") != std::string::npos);
  CHECK(report.timeReached >= 0.5);
  CHECK(report.timeReached <= 2.0);
  REQUIRE(out.t.size() >= 2);
  CHECK(out.y[1][0] == Approx(std::exp(-0.5)).epsilon(1e-4));  // the output before the failure
}

TEST_CASE("PETSc TS: one integrator's options do not carry over to the next", "[petsc]") {
  test::DecayChain system;
  IntegratorOptions o;
  o.rtol = 1e-8;
  o.atol = 1e-12;
  const std::vector<double> times{0.0, 1.0, 5.0};
  const auto first = integrateWithPetsc(system, times, o);
  const auto second = integrateWithPetsc(system, times, o, "-ts_bdf_order 2");
  const auto again = integrateWithPetsc(system, times, o);
  CHECK(second.report.statistics.steps > first.report.statistics.steps);  // order 2: more
  CHECK(again.report.statistics.steps == first.report.statistics.steps);  // order 4 again
}

TEST_CASE("PETSc TS: options PETSc cannot read are a setting error at petsc-options",
          "[petsc]") {
  test::DecayChain system;
  CHECK_THROWS_AS(PetscTsIntegrator(system, IntegratorOptions{}, "-ts_type no_such_type"),
                  SolverSettingError);
  // Types that do not integrate the implicit residual in time: an explicit method, and pseudo
  // (a steady-state continuation, which ran to negative times when it was let through).
  CHECK_THROWS_AS(PetscTsIntegrator(system, IntegratorOptions{}, "-ts_type rk"), SolverSettingError);
  CHECK_THROWS_AS(PetscTsIntegrator(system, IntegratorOptions{}, "-ts_type pseudo"),
                  SolverSettingError);
  // Options a solve reads at its end are not taken for misspelt ones.
  CHECK_NOTHROW(PetscTsIntegrator(system, IntegratorOptions{},
                                  "-ts_type beuler -snes_converged_reason -ksp_view"));
}
