// CVODES forward sensitivities on the flagship case (cases/baso4_batch.yaml): the sensitivity
// of the final volume median d50 to the Gibbs-Thomson interfacial energy of the growth law
// (`growth.interfacial-energy`, 0.126 J/m^2), which sets how fast small particles redissolve
// (ripening) and so where the distribution ends after 60 s.
//
// The integrated sensitivity s = dy/dgamma of every class number is carried to d50 by a centred
// difference along s (d50 is a function of the state; the step moves the state as a 1e-4
// relative change of gamma would). The reference is a central difference of two whole runs at
// gamma (1 +- delta). Both integrate with rtol 1e-8.
//
// d50 interpolates the cumulative volume linearly inside the size class that holds the median,
// so it is smooth in the state only while the median stays in one class: a difference that
// moves it across a class face (5 % wide here) averages two slopes. delta = 1e-3 moves d50 by
// ~0.6 %, and the test requires the three runs' medians to share their class.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "CaseRunSupport.h"
#include "core/Solver.h"

namespace proscale::test {
namespace {

const char* const kFlagship = "cases/baso4_batch.yaml";
const char* const kGamma = "growth.interfacial-energy";

IntegratorOptions tightOptions(const Loaded& l) {
  IntegratorOptions o = integratorOptionsFrom(l.params.section("solver"));
  o.rtol = 1e-8;
  return o;
}

// The size class holding a size.
std::size_t classOf(const Loaded& l, double size) {
  const auto& faces = gridOf(*l.model).faces();
  return static_cast<std::size_t>(std::upper_bound(faces.begin(), faces.end(), size) -
                                  faces.begin());
}

double finalD50(double gamma) {
  Loaded l = load(kFlagship);
  l.model->parameters().set(kGamma, gamma);
  CvodeIntegrator cvodes(*l.model, tightOptions(l));
  Recorder r;
  REQUIRE(cvodes.run(outputTimes(l.params.section("output")), r).complete);
  return metric(*l.model, r, "d50_volume");
}

struct LastSensitivity final : StateObserver, SensitivityObserver {
  double t = 0.0;
  std::vector<double> y, s;
  void observe(double time, std::span<const double> state) override {
    t = time;
    y.assign(state.begin(), state.end());
  }
  void observeSensitivities(double, const std::vector<std::vector<double>>& dydp) override {
    s = dydp.at(0);
  }
};

}  // namespace

TEST_CASE("Flagship: CVODES sensitivity of d50 to the growth interfacial energy matches "
          "central differences of whole runs",
          "[integration][sensitivities]") {
  Loaded l = load(kFlagship);
  const double gamma = l.model->parameters().value(kGamma);
  REQUIRE(gamma == Approx(0.126));  // the value the case file states
  IntegratorOptions o = tightOptions(l);
  o.sensitivities = {kGamma};
  CvodeIntegrator cvodes(*l.model, o);
  LastSensitivity last;
  const SolverReport report = cvodes.run(outputTimes(l.params.section("output")), last);
  INFO(report.message);
  REQUIRE(report.complete);

  const double h = 1e-4 * gamma;
  auto d50Along = [&](double step) {
    std::vector<double> y = last.y;
    for (std::size_t i = 0; i < y.size(); ++i) y[i] += step * last.s[i];
    for (const Metric& m : l.model->metrics(last.t, y))
      if (m.name == "d50_volume") return m.value;
    FAIL("no d50_volume");
    return 0.0;
  };
  const double bySensitivity = (d50Along(h) - d50Along(-h)) / (2 * h);
  const double d50 = d50Along(0.0);

  const double delta = 1e-3;
  const double up = finalD50(gamma * (1 + delta)), down = finalD50(gamma * (1 - delta));
  REQUIRE(classOf(l, up) == classOf(l, d50));
  REQUIRE(classOf(l, down) == classOf(l, d50));
  const double byRuns = (up - down) / (2 * delta * gamma);
  const double relative = std::abs(bySensitivity / byRuns - 1);
  WARN("d d50 / d gamma: sensitivities " << bySensitivity << " m^3/J, central differences "
       << byRuns << " m^3/J, relative difference " << relative
       << "; elasticity (gamma/d50) d d50/d gamma = "
       << gamma / d50 * bySensitivity);
  // Ripening coarsens faster with a larger gamma (small particles are more soluble).
  CHECK(bySensitivity > 0);
  // The runs' difference carries a truncation error ~ (delta e)^2 / 6 ~ 6e-6 (relative, with
  // the elasticity e ~ 6) and the integration error of d50 (~1e-7 relative at rtol 1e-8)
  // divided by 2 delta e ~ 1e-2, i.e. ~1e-5; the sensitivities their integration error (~rtol
  // times the growth of errors over the run). 1e-3 leaves a margin to these estimates for the
  // amplification of errors by ripening, which the estimates do not include.
  CHECK(relative < 1e-3);
}

}  // namespace proscale::test
