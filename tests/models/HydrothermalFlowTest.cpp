// The hydrothermal flow reactor (models/units/HydrothermalFlow.h, cases/ceo2_supercritical_flow.yaml):
// the mixing point's energy balance, and the directions of the flagship's trends against the
// published experiments named in docs/theory/hydrothermal-synthesis.md ("Trends").
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "CaseRunSupport.h"
#include "app/CaseRun.h"
#include "core/Solver.h"
#include "models/mixing/SupercriticalMixer.h"
#include "models/thermo/water/Iapws95.h"

namespace proscale::test {
namespace {

// Two liquid streams at 0.1 MPa, 20 and 80 degC, equal mass flows: with cp of liquid water
// between 4.18 and 4.20 kJ/(kg K) over 20-80 degC (IAPWS-95), the enthalpy balance puts T_mix
// within 0.15 K of the mean 50 degC; and the balance holds against an independent IAPWS-95
// (T, p) evaluation to 1e-6, the fast path's stated deviation from IAPWS-95 (WaterTable.h),
// through which the mixer evaluates h.
TEST_CASE("Hydrothermal mixing point: adiabatic enthalpy balance with IAPWS-95", "[models][hydrothermal]") {
  const MixerInlet cold{0.01, 293.15, 1e-3}, hot{0.01, 353.15, 1e-3};
  const MixedStream m = mixStreams(0.1e6, cold, hot, 2e-3, 1.5);
  CHECK(m.temperature == Approx(323.15).margin(0.15));
  const double h1 = iapws95FromTP(293.15, 0.1e6).h, h2 = iapws95FromTP(353.15, 0.1e6).h;
  CHECK(iapws95FromTP(m.temperature, 0.1e6).h == Approx(0.5 * (h1 + h2)).epsilon(1e-6));

  // Supercritical mixing: 1 part of 25 degC into 3 parts of 500 degC water at 25 MPa ends on
  // the enthalpy-weighted state, between the streams and above the pseudo-critical line.
  const MixerInlet salt{1.0, 298.15, 0.5e-3}, water{3.0, 773.15, 1e-3};
  const MixedStream s = mixStreams(25e6, salt, water, 2.17e-3, 1.5);
  const double hs = iapws95FromTP(298.15, 25e6).h, hw = iapws95FromTP(773.15, 25e6).h;
  CHECK(iapws95FromTP(s.temperature, 25e6).h == Approx((hs + 3.0 * hw) / 4.0).epsilon(1e-6));
  CHECK(s.density == Approx(iapws95FromTP(s.temperature, 25e6).rho).epsilon(1e-6));
  CHECK(s.temperature > 650.0);
  CHECK(s.temperature < 773.15);
}

/// A metric of the flagship's outlet with `sets` applied.
double outlet(std::vector<Override> sets, const std::string& metric = "d50_number") {
  sets.push_back({"population.number-scale", "1e15 1/m^3"});
  LoadedCase c = LoadedCase::load(std::string(PROSCALE_SOURCE_DIR) + "/cases/ceo2_supercritical_flow.yaml", sets);
  Recorder r;
  REQUIRE(c.solver->run(c.times, r).complete);
  for (const Metric& m : c.process->metrics(r.t.back(), r.y.back()))
    if (m.name == metric) return m.value;
  FAIL("no metric " << metric);
  return 0.0;
}

/// The outlet's number-median diameter [m].
double outletSize(std::vector<Override> sets) { return outlet(std::move(sets)); }

// Each published trend as a pair of runs that differ in one process condition (the feed
// temperatures fixed in the pressure pair, as at a fixed preheater setting).
TEST_CASE("Hydrothermal CeO2 flagship: trends of the outlet size agree with the experiments",
          "[models][hydrothermal]") {
  // Higher water temperature: higher T_mix, lower water density, lower solubility, higher
  // supersaturation: smaller particles (Hayashi & Hakuta 2010; Adschiri et al. 2000).
  CHECK(outletSize({{"mixing.water-stream.temperature", "550 degC"}}) <
        outletSize({{"mixing.water-stream.temperature", "450 degC"}}));
  // Higher pressure at the same feeds: denser water, higher solubility, lower supersaturation:
  // larger particles.
  CHECK(outletSize({{"mixing.pressure", "30 MPa"}, {"solid.solubility.pressure", "30 MPa"}}) >
        outletSize({}));
  // Longer residence time (a longer pipe): larger particles (growth, ripening, aggregation).
  CHECK(outletSize({{"pipe.length", "1 m"}}) > outletSize({{"pipe.length", "0.25 m"}}));
  // The mechanism behind the temperature trend, with aggregation switched off (W -> infinity):
  // the solubility's collapse with density makes the hotter mixture nucleate more particles
  // (by an order of magnitude between 386 and 397 degC), hence smaller ones.
  const std::vector<Override> primary{{"aggregation.stability-ratio", "1e30"}};
  auto with = [&](const char* water) {
    std::vector<Override> s = primary;
    s.push_back({"mixing.water-stream.temperature", water});
    return s;
  };
  CHECK(outlet(with("550 degC"), "number_density") > 3.0 * outlet(with("450 degC"), "number_density"));
  CHECK(outletSize(with("550 degC")) < outletSize(with("450 degC")));
  // More metal salt: larger particles.
  CHECK(outletSize({{"mixing.metal-stream.species.Ce+3", "0.1 mol/L"},
                    {"mixing.metal-stream.species.NO3-", "0.3 mol/L"}}) >
        outletSize({{"mixing.metal-stream.species.Ce+3", "0.025 mol/L"},
                    {"mixing.metal-stream.species.NO3-", "0.075 mol/L"}}));
}

}  // namespace
}  // namespace proscale::test
