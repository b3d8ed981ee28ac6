// An observer that asks to stop (StateObserver::stopReason: an interrupt, --max-time, a
// result that cannot be kept) ends the integration at once, between steps or at an output
// time: an incomplete report with flag STOPPED, the observer's reason and the time reached.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "TestSystems.h"
#include "solvers/IdasIntegrator.h"

using namespace proscale;

namespace {

/// Records every output; asks to stop once the model's right-hand side has been evaluated at
/// a time beyond `stopAfter`, or right after the output time `stopAtOutput`.
struct StoppingRecorder final : StateObserver {
  test::Recorder recorded;
  double stopAfter = 1e300, stopAtOutput = 1e300;
  double latestRhsTime = 0;
  void observe(double t, std::span<const double> y) override { recorded.observe(t, y); }
  std::string stopReason() const override {
    if (latestRhsTime > stopAfter) return "asked between steps";
    if (!recorded.t.empty() && recorded.t.back() >= stopAtOutput) return "asked at an output";
    return {};
  }
};

}  // namespace

TEST_CASE("a stop request between steps ends CVODE there, with the time reached", "[unit]") {
  test::DecayChain system;
  StoppingRecorder observer;
  observer.stopAfter = 0.6;
  system.onRhs = [&observer](double t, std::span<const double>) {
    observer.latestRhsTime = std::max(observer.latestRhsTime, t);
  };
  const std::vector<double> times{0.0, 0.25, 0.5, 0.75, 1.0};
  CvodeIntegrator integrator(system, {});
  const SolverReport report = integrator.run(times, observer);
  CHECK_FALSE(report.complete);
  CHECK(report.flagName == "STOPPED");
  CHECK(report.message == "asked between steps");
  CHECK(report.timeReached > 0.5);
  CHECK(report.timeReached < 1.0);
  // The outputs up to 0.5, then the state where the run stopped.
  REQUIRE(observer.recorded.t.size() == 4);
  CHECK(observer.recorded.t[2] == 0.5);
  CHECK(observer.recorded.t.back() == report.timeReached);
}

TEST_CASE("a stop request at an output time ends CVODE and IDAS at that time", "[unit]") {
  test::DecayChain system;
  StoppingRecorder observer;
  observer.stopAtOutput = 0.25;
  const std::vector<double> times{0.0, 0.25, 0.5, 0.75, 1.0};
  SECTION("CVODE") {
    CvodeIntegrator integrator(system, {});
    const SolverReport report = integrator.run(times, observer);
    CHECK_FALSE(report.complete);
    CHECK(report.flagName == "STOPPED");
    CHECK(report.message == "asked at an output");
    CHECK(report.timeReached == 0.25);
    CHECK(observer.recorded.t == std::vector<double>{0.0, 0.25});
  }
  SECTION("IDAS") {
    IdasIntegrator integrator(system, {});
    const SolverReport report = integrator.run(times, observer);
    CHECK_FALSE(report.complete);
    CHECK(report.flagName == "STOPPED");
    CHECK(report.message == "asked at an output");
    CHECK(report.timeReached == 0.25);
    CHECK(observer.recorded.t == std::vector<double>{0.0, 0.25});
  }
  SECTION("at the initial time") {
    observer.stopAtOutput = 0.0;
    CvodeIntegrator integrator(system, {});
    const SolverReport report = integrator.run(times, observer);
    CHECK(report.flagName == "STOPPED");
    CHECK(report.timeReached == 0.0);
    CHECK(observer.recorded.t == std::vector<double>{0.0});
  }
}
