// Tubular reactors (models/units/TubularReactor, solvers/PetscGrid*) against analytic results
// and independent runs: Wehner & Wilhelm's outlet conversion with the observed order in dz,
// the steady state by SNES against the long-time TS solution and CVODE's, plug flow against
// the batch model run for the residence time, and an adiabatic tube's energy balance.
// Cases: cases/tubular_axial_dispersion.yaml, validation/reactors/plug_flow_*.yaml.
// Theory: docs/theory/tubular-reactors.md. Not labelled unit: PETSc starts Open MPI, which
// leaks under the sanitizer run's LeakSanitizer.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "CaseRunSupport.h"
#include "case/Overrides.h"
#include "core/NumberFormat.h"
#include "models/units/TubularReactor.h"

namespace proscale::test {
namespace {

const char* const kDispersionCase = "cases/tubular_axial_dispersion.yaml";

// Outlet conversion of a first-order reaction in a closed (Danckwerts) tube: Wehner & Wilhelm,
// Chem. Eng. Sci. 6 (1956) 89; Levenspiel, Chemical Reaction Engineering, 3rd ed., eq. 13.19.
double wehnerWilhelm(double peclet, double damkohler) {
  const double a = std::sqrt(1.0 + 4.0 * damkohler / peclet);
  return 1.0 - 4.0 * a * std::exp(peclet / 2.0) /
                   ((1.0 + a) * (1.0 + a) * std::exp(a * peclet / 2.0) -
                    (1.0 - a) * (1.0 - a) * std::exp(-a * peclet / 2.0));
}

double outletA(const ProcessRun& run) { return run.series(run.rec.t.size() - 1, "c_A"); }

// Column `name` of the time series of every cell at the last output: the axial profile.
std::vector<double> profile(const ProcessRun& run, const std::string& name) {
  const AxialGrid grid = run.process().axialGrid();
  std::size_t c = 0;
  while (c < grid.columns.size() && grid.columns[c].name != name) ++c;
  REQUIRE(c < grid.columns.size());
  std::vector<double> values, density, out;
  run.process().axialProfiles(run.rec.t.back(), run.rec.y.back(), values, density);
  for (std::size_t i = 0; i < grid.positions.size(); ++i) out.push_back(values[i * grid.columns.size() + c]);
  return out;
}

}  // namespace

TEST_CASE("Tube: Wehner-Wilhelm conversion at Pe 1, 10, 100, second order in dz (SNES)",
          "[validation][tube][steady]") {
  const CaseValues values(kDispersionCase);
  const double cIn = 1000.0;  // mol/m^3: the feed's 1 mol/L of A
  const double k = 0.01;      // 1/s: the case's rate constant of A -> B
  const double tau = std::numbers::pi / 4.0 * std::pow(values("tube.diameter"), 2) *
                     values("tube.length") / values("feeds.inlet.flow");  // V/Q [s]
  for (const double peclet : {1.0, 10.0, 100.0}) {
    const double exact = cIn * (1.0 - wehnerWilhelm(peclet, k * tau));
    std::vector<double> errors;
    for (const int cells : {25, 50, 100}) {
      const ProcessRun run = runProcess(kDispersionCase, {parseOverride("solver.type=snes"),
                                                          parseOverride("tube.peclet=" + std::to_string(peclet)),
                                                          parseOverride("tube.cells=" + std::to_string(cells))});
      REQUIRE(run.report.steadyState);
      errors.push_back(std::abs(outletA(run) - exact) / cIn);
    }
    INFO("Pe = " << peclet << ": errors " << errors[0] << ", " << errors[1] << ", " << errors[2]);
    // A second-order scheme halves dz for a quarter of the error; 1.8 leaves room for the
    // limiter's first-order clipping at the Danckwerts inlet face.
    CHECK(std::log2(errors[1] / errors[2]) > 1.8);
    // Four digits of the conversion on 100 cells (the case's grid).
    CHECK(errors[2] < 1e-4);
  }
}

TEST_CASE("Tube: the steady state by SNES is the long-time TS solution, and TS is CVODE's",
          "[validation][tube][steady]") {
  const std::vector<Override> grid{parseOverride("tube.cells=50"),
                                   parseOverride("output.end-time=3000 s")};  // 30 tau
  std::vector<Override> steady = grid, cvode = grid;
  steady.push_back(parseOverride("solver.type=snes"));
  cvode.push_back(parseOverride("solver.type=cvodes"));
  const ProcessRun ts = runProcess(kDispersionCase, grid);
  const ProcessRun snes = runProcess(kDispersionCase, steady);
  const ProcessRun serial = runProcess(kDispersionCase, cvode);
  const std::vector<double> a = profile(ts, "c_A"), b = profile(snes, "c_A"),
                            c = profile(serial, "c_A");
  // After 30 residence times the transient has decayed below the integrators' rtol 1e-8
  // (its slowest rate is at least k = 0.01 1/s: e^-30 ~ 1e-13), so TS, SNES and CVODE agree
  // to a few times rtol relative to the feed's 1000 mol/m^3 at every cell.
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(std::abs(a[i] - b[i]) < 1e-5);
    CHECK(std::abs(a[i] - c[i]) < 1e-5);
  }
}

TEST_CASE("Tube: plug flow is the batch model run for the residence time",
          "[validation][tube]") {
  // A PFR is a batch in residence time (Levenspiel ch. 5): the steady outflow of a tube
  // without dispersion against the batch crystallizer of the same solution at t = tau. The
  // tube's axial scheme is second order: d50's difference shrinks ~4x from 50 to 100 cells (N's is
  // smaller still, near the batch's own integration error).
  const ProcessRun batch = runProcess("validation/reactors/plug_flow_batch.yaml");
  const double N = batch.metric("number_density"), d50 = batch.metric("d50_volume");
  std::vector<double> dN, dd;
  for (const int cells : {50, 100}) {
    const ProcessRun tube = runProcess("validation/reactors/plug_flow_tube.yaml",
                                       {parseOverride("tube.cells=" + std::to_string(cells))});
    dN.push_back(std::abs(tube.metric("number_density") / N - 1.0));
    dd.push_back(std::abs(tube.metric("d50_volume") / d50 - 1.0));
  }
  INFO("N: " << dN[0] << ", " << dN[1] << "; d50: " << dd[0] << ", " << dd[1]);
  CHECK(dN[1] < 1e-3);
  CHECK(dd[1] < 1e-3);
  CHECK(dd[1] < dd[0] / 3.0);  // second order: 4x, less a margin
}

TEST_CASE("Tube: SNES reaches a crystallizer's steady outflow from a particle-free tube",
          "[validation][tube][steady]") {
  // Newton from the initial state (no particles anywhere) fails, and the pseudo-transient
  // continuation (solvers/PetscGridSteadySolver.h) must reach the same steady outflow as TS
  // run to 2.5 tau: the same equations, so the difference is TS's integration error (rtol
  // 1e-7 in the case) and SNES's residual; 1e-6 of N and d50 leaves room for both (observed
  // 5e-9 and 1.4e-8). Before the continuation let dtau grow where Newton solved a step at once,
  // it stalled here at its first dtau with the residual at 858 1/s.
  const char* const tubeCase = "validation/reactors/plug_flow_tube.yaml";
  const ProcessRun ts = runProcess(tubeCase);
  const ProcessRun snes = runProcess(tubeCase, {parseOverride("solver.type=snes")});
  CHECK(snes.report.message.find("pseudo-transient continuation") != std::string::npos);
  for (const char* metric : {"number_density", "d50_volume"})
    CHECK(std::abs(snes.metric(metric) / ts.metric(metric) - 1.0) < 1e-6);
}

TEST_CASE("Tube: an adiabatic tube's outlet temperature rise is its reaction heat",
          "[validation][tube][energy]") {
  // rho c_p (T_out - T_in) = (-Delta H) (c_A,in - c_A,out) at steady state, whatever the
  // dispersion: the temperature is carried by the same scheme as the species (Fogler,
  // Elements of Chemical Reaction Engineering, 5th ed., ch. 11, adiabatic PFR).
  const double dH = -50e3, rhoCp = 1000.0 * 4180.0, cIn = 1000.0;  // J/mol, J/(m^3 K), mol/m^3
  const ProcessRun run = runProcess(
      kDispersionCase,
      {parseOverride("solver.type=snes"),
       parseOverride("reactions=[{equation: A -> B, rate-constant: 0.01 1/s, enthalpy: -50 kJ/mol}]"),
       parseOverride("reactor.energy-balance={ua: 0 W/K, density: 1000 kg/m^3, heat-capacity: 4180 J/kg/K}")});
  const std::size_t last = run.rec.t.size() - 1;
  const double rise = run.series(last, "temperature") - 298.15;
  const double expected = -dH * (cIn - outletA(run)) / rhoCp;
  CHECK(expected > 5.0);  // the test means something: several kelvin
  CHECK(std::abs(rise - expected) < 1e-6 * expected);
}

TEST_CASE("Tube: a jacketed tube's outlet temperature is Wehner-Wilhelm's for its heat transfer",
          "[validation][tube][energy]") {
  // Each cell exchanges (U A / N)(T_j - T) with the jacket: for the whole tube a first-order
  // "reaction" of T - T_j at k_h = U A / (rho c_p V), so at steady state
  // (T_out - T_j) / (T_in - T_j) = 1 - X_WW(Pe, k_h tau), k_h tau = U A / (rho c_p Q)
  // (Levenspiel ch. 13 for the closed tube; the wall's heat as a sink uniform along it).
  const double rhoCp = 1000.0 * 4180.0, Q = CaseValues(kDispersionCase)("feeds.inlet.flow");
  const double UA = rhoCp * Q;  // k_h tau = 1
  const double Tin = 333.15, Tj = 298.15;
  const ProcessRun run = runProcess(
      kDispersionCase,
      {parseOverride("solver.type=snes"), parseOverride("feeds.inlet.temperature=60 degC"),
       parseOverride("reactor.energy-balance={ua: " + formatShortest(UA) +
                     " W/K, jacket-temperature: 25 degC, density: 1000 kg/m^3, heat-capacity: "
                     "4180 J/kg/K}")});
  const double exact = Tj + (Tin - Tj) * (1.0 - wehnerWilhelm(10.0, 1.0));
  // The case's 100 cells give Wehner-Wilhelm to 2.2e-6 of the feed for the reaction (the
  // first test): the same equation here, 35 K x 1e-5 as the bound.
  CHECK(std::abs(run.series(run.rec.t.size() - 1, "temperature") - exact) < 35.0 * 1e-5);
}

TEST_CASE("Tube: a wall temperature profile heats plug flow as the exact piecewise solution",
          "[validation][tube][energy]") {
  // validation/reactors/wall_profile_tube.yaml: u dT/dz = k_h (T_w(z) - T) on the pieces of
  // the wall's profile, each solved exactly (the case's header), kappa = U A / (rho c_p Q).
  const char* const wallCase = "validation/reactors/wall_profile_tube.yaml";
  const CaseValues c(wallCase);
  const double kappa = c("reactor.energy-balance.ua") /
                       (c("reactor.energy-balance.density") *
                        c("reactor.energy-balance.heat-capacity") * c("feeds.inlet.flow"));
  auto piece = [&](double T0, double a, double b, double width) {  // T_w = a + b (x - x0)
    return a + b * width - b / kappa + (T0 - a + b / kappa) * std::exp(-kappa * width);
  };
  double exact = c("feeds.inlet.temperature");
  exact = piece(exact, 333.15, 0.0, 0.1);
  exact = piece(exact, 333.15, 30.0 / 0.303, 0.303);
  exact = piece(exact, 343.15, -10.0 / 0.397, 0.397);
  exact = piece(exact, 333.15, 0.0, 0.2);
  std::vector<double> error;
  for (int cells : {50, 100}) {
    const ProcessRun run = runProcess(wallCase, {parseOverride("tube.cells=" + std::to_string(cells))});
    error.push_back(std::abs(run.series(run.rec.t.size() - 1, "temperature") - exact));
  }
  // Second order in dz (the limited reconstruction of the smooth stretches; the kink the step
  // puts into T(z) costs a little: observed 2.06 from 50 to 100 cells, 1.85 from 100 to 200),
  // and 1.3e-3 K at 100 cells on a 29 K rise.
  CHECK(std::log2(error[0] / error[1]) > 1.8);
  CHECK(error[1] < 1.5e-3);
}

TEST_CASE("Tube: a T-mixer's engulfment profile and dissipation", "[validation][tube][mixer]") {
  // The mixer of cases/baso4_tmixer.yaml, computed here from its keys: dp = K rho u_j^2 / 2,
  // eps = dp Q / (rho V_m), V_m = (pi/4) d^3, E = 0.058 (eps/nu)^(1/2) (Baldyga & Bourne); the
  // sulfate stream has entered the mixed fluid by face z as 1 - exp(-E z A / Q).
  const LoadedCase c = LoadedCase::load(std::string(PROSCALE_SOURCE_DIR) + "/cases/baso4_tmixer.yaml", {});
  const auto& tube = dynamic_cast<const TubularReactor&>(*c.process);
  const double q = 10e-6 / 60.0, Q = 2.0 * q, rho = 1000.0, nu = 0.89e-3 / rho;
  const double uJet = q / (std::numbers::pi / 4.0 * 0.5e-3 * 0.5e-3), d = 1e-3;
  const double dp = 1.5 * rho * uJet * uJet / 2.0, eps = dp * Q / (rho * std::numbers::pi / 4.0 * d * d * d);
  const double E = 0.058 * std::sqrt(eps / nu);
  std::vector<double> y(c.process->system().size());
  c.process->system().initialState(y);
  double reportedE = 0.0, reportedEps = 0.0;
  for (const Metric& m : c.process->metrics(0.0, y)) {
    if (m.name == "mixer_engulfment_rate") reportedE = m.value;
    if (m.name == "mixer_dissipation") reportedEps = m.value;
  }
  CHECK(reportedEps == Approx(eps).epsilon(1e-12));
  CHECK(reportedE == Approx(E).epsilon(1e-12));
  const std::size_t N = tube.nodeCount();
  const double dz = tube.length() / static_cast<double>(N);
  for (std::size_t f : {std::size_t{1}, std::size_t{5}, std::size_t{20}}) {
    const double t = static_cast<double>(f) * dz * tube.area() / Q;
    CHECK(tube.faceFlow(f, 0.0) == Approx(q + q * (1.0 - std::exp(-E * t))).epsilon(1e-12));
  }
  CHECK(tube.faceFlow(N, 0.0) == Approx(Q).epsilon(1e-12));  // all of it by the outlet
  CHECK(tube.faceFlow(0, 0.0) == Approx(q).epsilon(1e-12));  // the carrier alone at the inlet
}

}  // namespace proscale::test
