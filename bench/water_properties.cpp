// Water at (T, p): the tabulated fast path (models/thermo/water/WaterTable) against IAPWS-95
// by Newton in density (iapws95FromTP). Prints
//   - the table's build cost: constructor (saturation table), one state from a fresh table
//     (one lazily built tile), and every tile (buildAll), with cells and memory;
//   - states/s of each path, median of 7 repeats: the table over 2,000,000 random states,
//     iapws95FromTP over 200,000 (T uniform in 273.15-1073.15 K, ln p uniform in
//     1 kPa-100 MPa), and their ratio;
//   - the worst relative deviation of the table from IAPWS-95 in rho and h (h relative to
//     max(|h|, 1 kJ/kg)) over 1,000,000 random states outside the near-critical band and
//     200,000 inside it, and of (drho/dT)_p, (drho/dp)_T and cp outside it ((drho/dT)_p
//     relative to max(|(drho/dT)_p|, 1e-4 rho/K): it passes through zero at 4 degC).
//
// Standalone, from the repository root (the release flags of CMakeLists.txt):
//   g++ -std=c++20 -O3 -DNDEBUG -I. -Isrc bench/water_properties.cpp
//       models/thermo/water/{WaterTable,Iapws95,Iapws95Helmholtz,Iapws95Saturation}.cpp
//       src/core/Errors.cpp -o water_properties && ./water_properties
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include "models/thermo/water/Iapws95.h"
#include "models/thermo/water/WaterTable.h"

namespace {

using proscale::WaterTable;
using clock_type = std::chrono::steady_clock;

double seconds(clock_type::time_point a, clock_type::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct States {
  std::vector<double> T, p;
};

// Random states over the domain (or inside the band), none on the saturation curve (measure 0).
States randomStates(std::size_t n, unsigned seed, bool band) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  States s;
  s.T.resize(n);
  s.p.resize(n);
  const double lnLow = std::log(WaterTable::pLow), lnHigh = std::log(proscale::iapws95::pmax);
  for (std::size_t i = 0; i < n; ++i) {
    if (band) {
      s.T[i] = proscale::iapws95::Tc + WaterTable::bandTemperature * (2 * unit(rng) - 1);
      s.p[i] = proscale::iapws95::pc + WaterTable::bandPressure * (2 * unit(rng) - 1);
    } else {
      s.T[i] = proscale::iapws95::Tmin + (proscale::iapws95::Tmax - proscale::iapws95::Tmin) *
                                             unit(rng);
      s.p[i] = std::exp(lnLow + (lnHigh - lnLow) * unit(rng));
    }
  }
  return s;
}

}  // namespace

int main() {
  // Build cost on fresh tables (the shared one is built the same way at first use).
  {
    const auto t0 = clock_type::now();
    const WaterTable fresh;
    const auto t1 = clock_type::now();
    fresh.at(350.0, 1e6);
    const auto t2 = clock_type::now();
    std::printf("build: constructor (saturation table, 4096 intervals) %.4f s; first state "
                "(one tile) %.5f s\n",
                seconds(t0, t1), seconds(t1, t2));
  }
  const WaterTable& table = WaterTable::shared();
  const auto b0 = clock_type::now();
  table.buildAll();
  const auto b1 = clock_type::now();
  const WaterTable::Statistics st = table.statistics();
  std::printf("build: every tile %.3f s (%zu tiles, %zu cells, %zu IAPWS-95 states, %.1f MB)\n",
              seconds(b0, b1), st.tilesTotal, st.cells, st.stateEvaluations, st.bytes / 1e6);

  // Speed.
  const std::size_t nTable = 2000000, nEos = 200000;
  const States a = randomStates(nTable, 2026, false), b = randomStates(nEos, 2027, false);
  std::vector<double> tTable, tEos;
  double sink = 0;
  for (int repeat = 0; repeat < 7; ++repeat) {
    auto t0 = clock_type::now();
    for (std::size_t i = 0; i < nTable; ++i) {
      const auto s = table.at(a.T[i], a.p[i]);
      sink += s.rho + s.h;
    }
    auto t1 = clock_type::now();
    tTable.push_back(seconds(t0, t1));
    t0 = clock_type::now();
    for (std::size_t i = 0; i < nEos; ++i) {
      const auto s = proscale::iapws95FromTP(b.T[i], b.p[i]);
      sink += s.rho + s.h;
    }
    t1 = clock_type::now();
    tEos.push_back(seconds(t0, t1));
  }
  const double rateTable = nTable / median(tTable), rateEos = nEos / median(tEos);
  std::printf("table (T, p) -> (rho, h):          %.3g states/s (median of 7, %zu states)\n",
              rateTable, nTable);
  std::printf("iapws95FromTP (Newton in density): %.3g states/s (median of 7, %zu states)\n",
              rateEos, nEos);
  std::printf("ratio table / IAPWS-95: %.1f   (checksum %.6g)\n", rateTable / rateEos, sink);

  // Accuracy.
  double worstRho = 0, worstH = 0, worstDT = 0, worstDp = 0, worstCp = 0;
  double atT = 0, atP = 0;
  const States c = randomStates(1000000, 7, false);
  for (std::size_t i = 0; i < c.T.size(); ++i) {
    if (WaterTable::inCriticalBand(c.T[i], c.p[i])) continue;
    const auto e = proscale::iapws95FromTP(c.T[i], c.p[i]);
    const auto s = table.at(c.T[i], c.p[i]);
    const double er = std::fabs(s.rho / e.rho - 1);
    const double eh = std::fabs(s.h - e.h) / std::max(std::fabs(e.h), WaterTable::hFloor);
    if (std::max(er, eh) > std::max(worstRho, worstH)) {
      atT = c.T[i];
      atP = c.p[i];
    }
    worstRho = std::max(worstRho, er);
    worstH = std::max(worstH, eh);
    const double rhoT = -e.dpdT / e.dpdrho, rhoP = 1 / e.dpdrho;
    worstDT = std::max(worstDT, std::fabs(s.drhodT - rhoT) / std::max(std::fabs(rhoT), 1e-4 * e.rho));
    worstDp = std::max(worstDp, std::fabs(s.drhodp / rhoP - 1));
    worstCp = std::max(worstCp, std::fabs(s.cp / e.cp - 1));
  }
  std::printf("outside the band (|T - Tc| >= %g K or |p - pc| >= %g MPa), 1e6 random states:\n"
              "  worst rho %.2e, h %.2e (at T = %.4f K, p = %.6g Pa); derivatives: "
              "(drho/dT)_p %.2e, (drho/dp)_T %.2e, cp %.2e\n",
              WaterTable::bandTemperature, WaterTable::bandPressure * 1e-6, worstRho, worstH,
              atT, atP, worstDT, worstDp, worstCp);
  double bandRho = 0, bandH = 0;
  const States d = randomStates(200000, 8, true);
  for (std::size_t i = 0; i < d.T.size(); ++i) {
    try {
      const auto e = proscale::iapws95FromTP(d.T[i], d.p[i]);
      const auto s = table.at(d.T[i], d.p[i]);
      bandRho = std::max(bandRho, std::fabs(s.rho / e.rho - 1));
      bandH = std::max(bandH, std::fabs(s.h / e.h - 1));
    } catch (const std::exception&) {
      // on the saturation curve to round-off: not a single-phase state
    }
  }
  std::printf("inside the band, 2e5 random states: worst rho %.2e, h %.2e\n", bandRho, bandH);
  return 0;
}
