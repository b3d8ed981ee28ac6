// Compartment networks (models/units/CompartmentNetwork) against analytic results and
// independent runs: the tanks-in-series RTD and conversion, a network with zero exchange equals
// its zones run as separate vessels, and with growing exchange it tends to one vessel (first
// order in 1/Q_exchange); the exact arrow Jacobian with particles. Cases: validation/reactors/.
// Theory: docs/theory/compartment-networks.md.
#include <catch2/catch.hpp>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "CaseRunSupport.h"
#include "JacobianCheck.h"
#include "case/Overrides.h"
#include "models/units/CompartmentNetwork.h"

namespace proscale::test {

TEST_CASE("Tanks in series: RTD moments and E(t), steady conversion (CVODE and KINSOL)",
          "[validation][network][steady]") {
  const char* const file = "validation/reactors/tanks_in_series.yaml";
  ProcessRun run = runProcess(file);
  const auto& network = dynamic_cast<const CompartmentNetwork&>(run.process());
  const double tauI = 100.0, k = 0.01;  // s, 1/s: the case's 1 L at 0.6 L/min, A -> B
  // Moments from linear solves: exact to round-off.
  CHECK(network.residenceTimeMean() == Approx(3.0 * tauI).epsilon(1e-12));
  CHECK(network.residenceTimeVariance() == Approx(3.0 * tauI * tauI).epsilon(1e-12));
  for (double t : {50.0, 200.0, 600.0, 1500.0}) {
    const double exact = t * t / (2.0 * std::pow(tauI, 3)) * std::exp(-t / tauI);
    CHECK(network.residenceTimeDensity(t) == Approx(exact).epsilon(1e-10));
  }
  // Steady conversion 1 - 1/(1 + k tau_i)^3; CVODE at 30 tau_i to its tolerance.
  const double cIn = 1000.0, cSteady = cIn / std::pow(1.0 + k * tauI, 3);
  CHECK(std::abs(run.series(run.rec.t.size() - 1, "tank3.c_A") - cSteady) < 1e-8 * cIn);
  ProcessRun steady = runProcess(file, {parseOverride("solver.type=kinsol")});
  REQUIRE(steady.report.steadyState);
  CHECK(std::abs(steady.series(1, "tank3.c_A") - cSteady) < 1e-10 * cIn);
  CHECK(std::abs(steady.series(1, "tank1.c_A") - cIn / (1.0 + k * tauI)) < 1e-10 * cIn);
}

TEST_CASE("A network with zero exchange is its zones run as separate vessels", "[validation][network]") {
  // Zone 'fed' is the MSMPR of cases/msmpr_steady.yaml; zone 'closed' receives nothing and
  // starts with the same contents (water), so it stays as it is; a batch vessel of that
  // content is the reference. Same equations, so the same numbers to the integrators' error.
  const std::vector<Override> grid{parseOverride("population.classes=60"),
                                   parseOverride("population.number-scale=1e15 1/m^3"),
                                   parseOverride("solver.type=cvodes"),
                                   parseOverride("output.end-time=120 s")};
  ProcessRun single = runProcess("cases/msmpr_steady.yaml", grid);
  std::vector<Override> network = grid;
  network.push_back(parseOverride("model=precipitation-network"));
  network.push_back(parseOverride("reactor={temperature: 25 degC}"));
  network.push_back(parseOverride(
      "network={zones: {fed: {volume: 1 L}, closed: {volume: 0.5 L}}, "
      "exchange: [{between: [fed, closed], flow: 0 L/min}], outlet: fed}"));
  network.push_back(parseOverride("feeds.barium.zone=fed"));
  network.push_back(parseOverride("feeds.sulfate.zone=fed"));
  ProcessRun zones = runProcess("cases/msmpr_steady.yaml", network);
  const std::size_t last = single.rec.t.size() - 1;
  REQUIRE(zones.rec.t.size() == single.rec.t.size());
  for (const char* column : {"c_Ba+2", "c_SO4-2", "number_density", "d50_volume"}) {
    INFO(column);
    const double a = single.series(last, column), b = zones.series(last, std::string("fed.") + column);
    // rtol 1e-8 over a nucleation burst: both runs take different steps; 1e-5 relative.
    CHECK(std::abs(a - b) <= 1e-5 * std::abs(a));
  }
  CHECK(zones.series(last, "closed.number_density") == 0.0);
  CHECK(zones.series(last, "closed.c_Ba+2") == 0.0);

  // The balances over the streams: the network's (its own outflow accumulator, every zone's
  // contents, the solid from the classes) against the vessel's (its outflow block, its
  // washed-out budget), 1e-5 relative as above; for the spectator Na+ both against the exact
  // start-up of a CSTR from water: out(t) = Q c* (t - tau (1 - exp(-t/tau))), c* = 10 mol/m^3
  // after mixing (20 mmol/L of Na+ in half the flow), Q = 1 L/min, tau = 60 s, t = 120 s. A
  // linear balance integrated at rtol 1e-8: 1e-6 relative leaves a margin of ten for the
  // growth of the local errors over two residence times.
  const double t = 120.0, Q = 1e-3 / 60.0, tau = 60.0, cStar = 10.0;
  const double outNa = Q * cStar * (t - tau * (1.0 - std::exp(-t / tau)));
  CHECK(single.metric("out_Na+") == Approx(outNa).epsilon(1e-6));
  CHECK(zones.metric("out_Na+") == Approx(outNa).epsilon(1e-6));
  for (const char* name : {"fed_Ba+2", "out_Ba+2", "accumulated_Ba+2", "formed_SO4-2",
                           "out_Cl-", "moiety_Ba+2_out", "moiety_SO4-2_accumulated",
                           "outflow_volume", "fed_volume_barium"}) {
    INFO(name);
    CHECK(zones.metric(name) == Approx(single.metric(name)).epsilon(1e-5));
  }
  // Fed = out + accumulated for every moiety: a linear invariant of the equations, which the
  // BDF steps keep to round-off and the Newton iteration to its tolerance.
  CHECK(zones.metric("stream_balance_error") < 1e-8);
  CHECK(std::abs(zones.metric("moiety_Ba+2_balance")) < 1e-8 * zones.metric("moiety_Ba+2_fed"));
}

TEST_CASE("Network energy balance: adiabatic tanks in series keep T + beta c_A; steady T by KINSOL",
          "[validation][network][energy]") {
  // A -> B, first order, Delta H = -41.8 kJ/mol, rho c_p = 4.18e6 J/(m^3 K): beta = -Delta H /
  // (rho c_p) = 0.01 K m^3/mol. In every zone d(T + beta c_A)/dt = D ((T + beta c_A)_in -
  // (T + beta c_A)): the feed (25 degC, 1000 mol/m^3) and the zones at t = 0 (35 degC, no A)
  // all hold 308.15 K, so every zone holds it at every time (Fogler, 5th ed., sec. 11.6: the
  // adiabatic energy balance, here per zone), to Newton's convergence on a linear invariant
  // (1e-9 K, as the vessel's test). Steady state: c_A = 1000 / (1 + k tau_i)^i, so tank1 at
  // 308.15 - 5 K and tank3 at 308.15 - 1.25 K.
  const char* const file = "validation/reactors/tanks_in_series.yaml";
  const std::vector<Override> energy{
      parseOverride("reactor={temperature: 35 degC, energy-balance: {ua: 0 W/K, density: "
                    "1000 kg/m^3, heat-capacity: 4180 J/kg/K}}"),
      parseOverride("reactions=[{equation: A -> B, rate-constant: 0.01 1/s, enthalpy: "
                    "-41.8 kJ/mol}]"),
      parseOverride("feeds.inlet.temperature=25 degC")};
  const double beta = 0.01, W = 308.15;
  ProcessRun run = runProcess(file, energy);
  double hottest = 0.0;
  for (std::size_t i = 0; i < run.rec.t.size(); ++i)
    for (const char* zone : {"tank1", "tank2", "tank3"}) {
      const std::string z(zone);
      const double T = run.series(i, z + ".temperature"), cA = run.series(i, z + ".c_A");
      INFO(zone << " at t = " << run.rec.t[i] << " s");
      CHECK(std::abs(T + beta * cA - W) < 1e-9);
      hottest = std::max(hottest, W - T);
    }
  CHECK(hottest > 4.9);  // the cold feed cooled tank1 by 5 K: the check is not vacuous
  std::vector<Override> steadyCase = energy;
  steadyCase.push_back(parseOverride("solver.type=kinsol"));
  ProcessRun steady = runProcess(file, steadyCase);
  REQUIRE(steady.report.steadyState);
  CHECK(std::abs(steady.series(1, "tank1.temperature") - (W - 5.0)) < 1e-8);
  CHECK(std::abs(steady.series(1, "tank3.temperature") - (W - 1.25)) < 1e-8);
}

TEST_CASE("Network energy balance: zones share the jacket by volume and cool as the vessel does",
          "[validation][network][energy]") {
  // validation/reactors/jacketed_network.yaml: T = T_j + (T_0 - T_j) exp(-t / 418 s) in both
  // zones. CVODE's local error test at rtol 1e-10 is relative to T itself (~320 K): 3e-8 K per
  // step, which over the run's steps may add up to ~1e-6 K (measured 1.0e-6 K; 1.3e-8 K at
  // rtol 1e-12, so it is the integration's); 1e-8 T_0 = 3.2e-6 K bounds it. Zones that each
  // took the whole U A would be off by 10 K.
  ProcessRun run = runProcess("validation/reactors/jacketed_network.yaml");
  const double Tj = 293.15, T0 = 323.15, tau = 4.18e6 * 1e-3 / 10.0;
  for (std::size_t i = 0; i < run.rec.t.size(); ++i) {
    const double exact = Tj + (T0 - Tj) * std::exp(-run.rec.t[i] / tau);
    for (const char* zone : {"near-wall", "core"}) {
      INFO(zone << " at t = " << run.rec.t[i] << " s");
      CHECK(std::abs(run.series(i, std::string(zone) + ".temperature") - exact) < 1e-8 * T0);
    }
  }
}

TEST_CASE("Two zones with exchange: the analytic steady state, tending to one vessel",
          "[validation][network]") {
  // A -> B (k = 0.01 1/s) in zones a = 0.3 L (fed with c_in = 1 mol/L at Q = 0.6 L/min) and
  // b = 0.7 L (outlet), flow Q from a to b and exchange Q_e both ways. Steady balances:
  //   a: Q c_in + Q_e c_b = (Q + Q_e + k V_a) c_a,    b: (Q + Q_e) c_a = (Q + Q_e + k V_b) c_b,
  // so c_a = Q c_in / (Q + Q_e + k V_a - Q_e (Q + Q_e) / (Q + Q_e + k V_b)). As Q_e grows, c_b
  // tends to one 1 L CSTR's c_in / (1 + k tau) = 500 mol/m^3 (tau = 100 s) as 1/Q_e.
  const double k = 0.01, cIn = 1000.0, Q = 0.6e-3 / 60.0, Va = 0.3e-3, Vb = 0.7e-3;
  auto exact = [&](double Qe) {
    const double ca = Q * cIn / (Q + Qe + k * Va - Qe * (Q + Qe) / (Q + Qe + k * Vb));
    return (Q + Qe) * ca / (Q + Qe + k * Vb);
  };
  auto outlet = [](const std::string& exchange) {
    ProcessRun r = runProcess(
        "validation/reactors/tanks_in_series.yaml",
        {parseOverride("network={zones: {a: {volume: 0.3 L}, b: {volume: 0.7 L}}, flows: "
                       "[{from: a, to: b, flow: 0.6 L/min}], exchange: [{between: [a, b], flow: " +
                       exchange + "}], outlet: b}"),
         parseOverride("feeds.inlet.zone=a"), parseOverride("solver.type=kinsol")});
    return r.series(1, "b.c_A");
  };
  const double c1 = outlet("6 L/min"), c2 = outlet("60 L/min"), c3 = outlet("600 L/min");
  std::cout << "two zones -> one vessel: c_A - c_ss = " << c1 - 500.0 << ", " << c2 - 500.0
            << ", " << c3 - 500.0 << " mol/m^3 at Q_e = 10, 100, 1000 Q\n";
  // KINSOL solves the linear balances to its residual tolerance: 1e-10 relative.
  CHECK(c1 == Approx(exact(10.0 * Q)).epsilon(1e-10));
  CHECK(c2 == Approx(exact(100.0 * Q)).epsilon(1e-10));
  CHECK(c3 == Approx(exact(1000.0 * Q)).epsilon(1e-10));
}

namespace {
/// cases/msmpr_steady.yaml as a feed / impeller / bulk network with circulation and exchange,
/// 20 s of start-up, plus `extra` overrides.
ProcessRun threeZoneMsmpr(std::vector<Override> extra) {
  std::vector<Override> o{
      parseOverride("solver.type=cvodes"), parseOverride("output.end-time=20 s"),
      parseOverride("model=precipitation-network"),
      parseOverride("reactor={temperature: 25 degC}"),
      parseOverride("network={zones: {feed: {volume: 0.1 L}, impeller: {volume: 0.2 L}, bulk: "
                    "{volume: 0.7 L}}, flows: [{from: feed, to: impeller, flow: 0.5 L/min}, "
                    "{from: impeller, to: bulk, flow: 5 L/min}, {from: bulk, to: impeller, flow: "
                    "4.5 L/min}], exchange: [{between: [feed, bulk], flow: 2 L/min}], outlet: bulk}"),
      parseOverride("feeds.barium.zone=feed"), parseOverride("feeds.sulfate.zone=bulk")};
  o.insert(o.end(), extra.begin(), extra.end());
  return runProcess("cases/msmpr_steady.yaml", o);
}

/// The Jacobian against differences at the third and the last output: kinks (a limiter
/// switching within the difference step) in fewer than 1 % of the smooth entries.
void checkJacobianAtTwoOutputs(ProcessRun& run) {
  System& system = run.loaded.process->system();
  JacobianCheckCount total;
  for (std::size_t k : {std::size_t{2}, run.rec.t.size() - 1}) {
    INFO("output " << k << " at t = " << run.rec.t[k]);
    const JacobianCheckCount c = checkJacobian(system, run.rec.y[k]);
    total.smooth += c.smooth;
    total.kinks += c.kinks;
  }
  CHECK(total.kinks < total.smooth / 100);
}
}  // namespace

TEST_CASE("Network Jacobian with particles and exchange agrees with differences", "[jacobian][network]") {
  ProcessRun run = threeZoneMsmpr(
      {parseOverride("population.classes=40"), parseOverride("population.number-scale=1e15 1/m^3"),
       // van Leer, as in VesselStreamsTest: the network's assembly is what is checked here.
       parseOverride("population.scheme=van-leer")});
  checkJacobianAtTwoOutputs(run);
}

TEST_CASE("Network Jacobian with an energy balance (jacket, warm feed, heat of precipitation) "
          "agrees with differences",
          "[jacobian][network][energy]") {
  ProcessRun run = threeZoneMsmpr(
      {parseOverride("population.classes=40"), parseOverride("population.number-scale=1e15 1/m^3"),
       parseOverride("population.scheme=van-leer"),
       parseOverride("reactor={temperature: 25 degC, energy-balance: {ua: 5 W/K, "
                     "jacket-temperature: 15 degC, density: 1000 kg/m^3, heat-capacity: "
                     "4180 J/kg/K}}"),
       parseOverride("feeds.barium.temperature=40 degC"),
       parseOverride("solid.crystallization-enthalpy=-20 kJ/mol")});
  checkJacobianAtTwoOutputs(run);
  // The zones' temperatures differ (the warm feed enters the feed zone, the jacket cools all).
  const std::size_t last = run.rec.t.size() - 1;
  CHECK(run.series(last, "feed.temperature") - run.series(last, "bulk.temperature") > 0.1);
}

TEST_CASE("A network parameter is set in every zone", "[network][parameters]") {
  // Each zone has its own point model: a parameter set through the network (a study, a
  // sensitivity) must reach them all. A 10x faster surface integration changes the solute
  // balance of each zone (the species rows of its right-hand side); a zone
  // whose model did not change gives bitwise the same rows (the first zone, the feed, the
  // parameters reached before).
  ProcessRun run = threeZoneMsmpr({parseOverride("population.classes=30")});
  System& system = run.loaded.process->system();
  const std::vector<double>& y = run.rec.y.back();
  std::vector<double> before(y.size()), after(y.size());
  system.rhs(20.0, y, before);
  ParameterRegistry& parameters = system.parameters();
  const std::string name = "growth.integration-rate-constant";
  parameters.set(name, 10.0 * parameters.value(name));
  system.rhs(20.0, y, after);
  for (const char* zone : {"impeller", "bulk"}) {
    const StateBlock& species = system.layout().block(std::string(zone) + ".species");
    double change = 0.0;
    for (std::size_t k = species.offset; k < species.offset + species.size; ++k)
      change = std::max(change, std::abs(after[k] - before[k]) / std::abs(before[k]));
    INFO("zone " << zone);
    CHECK(change > 1e-8);  // observed 2e-7 to 2e-6: growth is mostly diffusion-limited here
  }
}

TEST_CASE("Network with aggregation: band Jacobian plus remainder is the whole Jacobian",
          "[jacobian][network][aggregation]") {
  // J~ (band: growth, flows, the aggregation entries near the diagonal) plus the zones'
  // remainder products (System::addJacobianRemainderTimes: aggregation between distant
  // classes) must be the whole Jacobian: column j of J~ + R against central differences of f,
  // to 1e-6 of the column's largest entry (the tolerance of JacobianCheck.h). Columns of size
  // classes of every zone; the border columns have no remainder (their entries are J~'s,
  // checked by the test above).
  ProcessRun run = runProcess(
      "cases/msmpr_steady.yaml",
      {parseOverride("population.classes=30"), parseOverride("population.number-scale=1e15 1/m^3"),
       // upwind: the growth fluxes are linear in the classes (a limiter is not)
       parseOverride("population.scheme=upwind"), parseOverride("solver.type=cvodes"),
       parseOverride("output.end-time=20 s"), parseOverride("model=precipitation-network"),
       parseOverride("reactor={temperature: 25 degC}"),
       parseOverride("aggregation={type: constant, rate-constant: 1e-13 m^3/s}"),
       parseOverride("network={zones: {feed: {volume: 0.1 L}, bulk: {volume: 0.9 L}}, flows: "
                     "[{from: feed, to: bulk, flow: 0.5 L/min}], exchange: [{between: [feed, "
                     "bulk], flow: 2 L/min}], outlet: bulk}"),
       parseOverride("feeds.barium.zone=feed"), parseOverride("feeds.sulfate.zone=bulk")});
  System& system = run.loaded.process->system();
  REQUIRE(system.hasJacobianRemainder());
  const std::vector<double>& y = run.rec.y.back();
  const std::size_t n = y.size(), border = system.jacobianShape().border;
  BorderedBandJacobian J(system.jacobianShape());
  std::vector<double> f(n), fp(n), fm(n), yp = y, e(n, 0.0), column(n);
  system.rhs(0.0, y, f);
  system.jacobian(0.0, y, f, J);
  // The network's own products (zone by zone, never filling the network-wide border) must be
  // the same J v: the same terms summed in another order, so equal to rounding -- 1e-12 of the
  // column's largest term, far below any difference a missing or doubled term would make.
  REQUIRE(system.hasOwnJacobianProducts());
  REQUIRE(system.prepareJacobianProducts(0.0, y));
  std::vector<double> own(n);
  auto checkOwnProduct = [&](std::span<const double> expected, double scale) {
    system.jacobianTimes(e, own);
    for (std::size_t i = 0; i < n; ++i) CHECK(own[i] == Approx(expected[i]).margin(1e-12 * scale));
  };
  for (std::size_t j = 0; j < border; ++j) {  // border columns: J~ is the whole Jacobian there
    e[j] = 1.0;
    J.multiply(e, column);
    double scale = 0.0;
    for (double c : column) scale = std::max(scale, std::abs(c));
    INFO("border column " << j);
    checkOwnProduct(column, scale);
    e[j] = 0.0;
  }
  // f is quadratic in the classes (upwind growth and flows linear, aggregation bilinear;
  // the fluctuations' diffusion linear too), so central
  // differences are exact up to rounding for any step: one step for all columns, 1e-4 of the
  // largest class, which keeps rounding far below the tolerance; columns of classes within
  // 10 steps of zero are left out (a class stepped below zero is not the same operator).
  double top = 0.0;
  for (std::size_t j = border; j < n; ++j) top = std::max(top, std::abs(y[j]));
  const double h = 1e-4 * top;
  std::size_t checked = 0;
  double remainderLargest = 0.0;
  for (std::size_t j = border; j < n; ++j) {
    if (y[j] < 10 * h) continue;
    yp[j] = y[j] + h;
    system.rhs(0.0, yp, fp);
    yp[j] = y[j] - h;
    system.rhs(0.0, yp, fm);
    yp[j] = y[j];
    e[j] = 1.0;
    J.multiply(e, column);
    std::vector<double> remainder(n, 0.0);
    system.addJacobianRemainderTimes(0.0, y, e, remainder);
    double largest = 0.0;
    for (std::size_t i = 0; i < n; ++i) largest = std::max(largest, std::abs(fp[i] - fm[i]) / (2 * h));
    {
      std::vector<double> whole(n);
      for (std::size_t i = 0; i < n; ++i) whole[i] = column[i] + remainder[i];
      INFO("class column " << j);
      checkOwnProduct(whole, largest);
    }
    e[j] = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      remainderLargest = std::max(remainderLargest, std::abs(remainder[i]) / largest);
      auto name = [&](std::size_t k) {
        for (const StateBlock& b : system.layout().blocks())
          if (k >= b.offset && k < b.offset + b.size)
            return b.name + "[" + std::to_string(k - b.offset) + "]" +
                   (k - b.offset < b.componentNames.size() ? b.componentNames[k - b.offset] : "");
        return std::string("?");
      };
      INFO("row " << name(i) << ", column " << name(j) << " y " << y[j] << " y_i " << y[i]);
      CHECK(column[i] + remainder[i] ==
            Approx((fp[i] - fm[i]) / (2 * h)).margin(1e-6 * largest));
    }
    ++checked;
  }
  CHECK(checked > 20);
  CHECK(remainderLargest > 1e-3);  // the remainder is not empty: the test can fail without it
}

}  // namespace proscale::test

namespace proscale::test {

TEST_CASE("Semi-batch network with a feed zone: the bulk collects what is fed; engulfment flow",
          "[validation][network]") {
  const char* const file = "validation/reactors/feed_zone_semibatch.yaml";
  ProcessRun run = runProcess(file);
  const double Vfz = 1e-6, V0 = 1e-3, Q = 0.1e-3 / 60.0, cIn = 1000.0, tFeed = 300.0;
  for (std::size_t i = 0; i < run.rec.t.size(); ++i) {
    const double fed = Q * std::min(run.rec.t[i], tFeed);
    const double inFeedZone = Vfz * (run.series(i, "feed.c_A") + run.series(i, "feed.c_B"));
    const double inBulk = (V0 + fed) * (run.series(i, "bulk.c_A") + run.series(i, "bulk.c_B"));
    // A + B is conserved by the reaction: over both zones it is what was fed (CVODE, rtol 1e-10).
    CHECK(std::abs(inFeedZone + inBulk - cIn * fed) <= 1e-8 * cIn * Q * tFeed);
  }
  // The engulfment exchange is E V_fz with E = 0.058 (eps/nu)^(1/2), nu = mu / rho (Baldyga &
  // Bourne): the same run with that flow written out by hand, from the case's own eps, mu, rho
  // and V_fz, is the same run to the last bit (17 digits carry the double exactly).
  const Parameters& p = run.loaded.params;
  const Parameters& exchange = p.section("network").list("exchange").front();
  const double eps = exchange.real("engulfment-dissipation"), rho = exchange.real("density");
  const double mu = p.section("reactor").real("viscosity");
  const double Vzone = p.section("network").section("zones").section("feed").real("volume");
  std::ostringstream flow;
  flow << std::setprecision(17) << 0.058 * std::sqrt(eps / (mu / rho)) * Vzone << " m^3/s";
  ProcessRun byHand = runProcess(
      file, {parseOverride("network.exchange=[{between: [feed, bulk], flow: " + flow.str() + "}]")});
  const std::size_t last = run.rec.t.size() - 1;
  CHECK(byHand.series(last, "feed.c_A") == run.series(last, "feed.c_A"));
  CHECK(byHand.series(5, "feed.c_B") == run.series(5, "feed.c_B"));
}

}  // namespace proscale::test
