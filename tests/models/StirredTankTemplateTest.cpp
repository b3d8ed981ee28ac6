// The stirred-tank template of a compartment network (models/units/StirredTankTemplate.h):
// the generated zones and flows against hand values, the zones' dissipation averaging to the
// mean, a feed zone taking its zone's dissipation, and the template against the same network
// written out by hand. Case: validation/reactors/stirred_tank_template.yaml (KINSOL, 20 classes).
// Theory: docs/theory/compartment-networks.md, "Stirred-tank template".
#include <catch2/catch.hpp>

#include <cmath>
#include <iomanip>
#include <sstream>

#include "CaseRunSupport.h"
#include "case/Overrides.h"
#include "core/Constants.h"

namespace proscale::test {
namespace {

const char* const kCase = "validation/reactors/stirred_tank_template.yaml";

std::string exact(double x) {
  std::ostringstream s;
  s << std::setprecision(17) << x;
  return s.str();
}

/// Every time-series value of two runs, compared for equality (same doubles).
void requireIdenticalSeries(const ProcessRun& a, const ProcessRun& b) {
  const auto cols = a.process().seriesColumns(), other = b.process().seriesColumns();
  REQUIRE(cols.size() == other.size());
  for (std::size_t j = 0; j < cols.size(); ++j) REQUIRE(cols[j].name == other[j].name);
  REQUIRE(a.rec.t.size() == b.rec.t.size());
  for (std::size_t k = 0; k < a.rec.t.size(); ++k)
    for (std::size_t j = 1; j < cols.size(); ++j) {
      INFO(cols[j].name << " at output " << k);
      CHECK(a.series(k, cols[j].name) == b.series(k, cols[j].name));
    }
}

}  // namespace

TEST_CASE("Stirred-tank template: zone volumes, pumping flow and dissipation by hand",
          "[network][template]") {
  // Rushton turbine of the impeller table (docs/theory/stirred-tanks.md): N_P = 5.0, N_Q = 0.72.
  // H = T, D = T/3: T = (4 V / pi)^(1/3), so D^3 = 4 V / (27 pi) and V_imp = (pi D^2/4)(D/5) =
  // V/135 exactly; Q = N_Q N D^3, eps = N_P N^3 D^5 / V (rho cancels).
  const double NP = 5.0, NQ = 0.72;
  const CaseValues v(kCase);
  const double V = v("network.stirred-tank.volume"), N = v("network.stirred-tank.speed");
  const double phi = v("network.stirred-tank.impeller-zone-dissipation-ratio");
  const double D = std::cbrt(4.0 * V / (27.0 * constants::pi));
  const double Vimp = V / 135.0, Q = NQ * N * D * D * D, eps = NP * N * N * N * std::pow(D, 5) / V;
  const ProcessRun run = runProcess(kCase);
  REQUIRE(run.report.steadyState);
  // Closed forms against the code's own chain of the same arithmetic: round-off, 1e-12.
  CHECK(run.metric("tank_pumping_flow") == Approx(Q).epsilon(1e-12));
  CHECK(run.metric("tank_mean_dissipation") == Approx(eps).epsilon(1e-12));
  CHECK(run.metric("impeller.zone_volume") == Approx(Vimp).epsilon(1e-12));
  CHECK(run.metric("bulk.zone_volume") == Approx(V - Vimp).epsilon(1e-12));
  CHECK(run.metric("impeller.dissipation") == Approx(phi * eps).epsilon(1e-12));
  const double v_ = Vimp / V;
  CHECK(run.metric("bulk.dissipation") == Approx((1.0 - phi * v_) / (1.0 - v_) * eps).epsilon(1e-12));
  // The zones' dissipation averages to the mean: phi_imp v + phi_bulk (1 - v) = 1.
  const double average = (run.metric("impeller.dissipation") * run.metric("impeller.zone_volume") +
                          run.metric("bulk.dissipation") * run.metric("bulk.zone_volume")) /
                         V;
  CHECK(average == Approx(eps).epsilon(1e-12));
}

TEST_CASE("Stirred-tank template: a feed zone takes its zone's dissipation", "[network][template]") {
  // Giving micromixing.dissipation the impeller zone's value (to 17 digits, W/kg is SI) is the
  // same run: identical doubles.
  const ProcessRun implicit = runProcess(kCase);
  const ProcessRun given = runProcess(
      kCase, {parseOverride("feeds.inlet.micromixing.dissipation=" +
                            exact(implicit.metric("impeller.dissipation")) + " W/kg")});
  requireIdenticalSeries(implicit, given);
}

TEST_CASE("Stirred-tank template: the same network written out by hand gives identical series",
          "[network][template]") {
  // Zones impeller and bulk of the template's volumes, the pumping flow both ways, then the
  // case's own flow that carries the feed on to the bulk, the feed zone's dissipation given: the
  // network the template generates, zone for zone and flow for flow in the same order (values
  // in SI units, 17 digits: the same doubles).
  const ProcessRun generated = runProcess(kCase);
  const std::string Q = exact(generated.metric("tank_pumping_flow")) + " m^3/s";
  const ProcessRun byHand = runProcess(
      kCase,
      {parseOverride("network={zones: {impeller: {volume: " +
                     exact(generated.metric("impeller.zone_volume")) + " m^3}, bulk: {volume: " +
                     exact(generated.metric("bulk.zone_volume")) +
                     " m^3}}, flows: [{from: impeller, to: bulk, flow: " + Q +
                     "}, {from: bulk, to: impeller, flow: " + Q +
                     "}, {from: impeller, to: bulk, follows: inlet}], outlet: bulk}"),
       parseOverride("feeds.inlet.micromixing.dissipation=" +
                     exact(generated.metric("impeller.dissipation")) + " W/kg")});
  requireIdenticalSeries(generated, byHand);
}

}  // namespace proscale::test
