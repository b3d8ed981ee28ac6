// BaSO4 particle numbers against Peters et al. (2024): batch precipitation at 20 degC over
// initial saturation indices SI0 = 1.7 ... 2.5 (mean-ion S = 7 ... 18) and free-ion activity
// ratios r = 1e-3 ... 1e3 (validation/baso4/, README there).
//
// Metric: e = log10(N_model / N_measured), N_measured the mean of the authors' fitted particle
// numbers over the replicates they kept (t_n > 0). Acceptance band: a factor 2 in number
// (|e| <= 0.30, i.e. 26 % in size): the measured numbers are fitted to turbidity through a
// model (trust B), with replicate scatter of 5-35 %.
// * The five stoichiometric points (r = 1) calibrate the heterogeneous nucleation (two
//   parameters): their RMS must lie in the band.
// * The 30 points with r != 1 are predictions. The model reproduces the direction of the
//   stoichiometry effect (fewer particles away from r = 1) but not its size: it over-predicts
//   the number by up to a factor of ~50 in Ba-poor solutions. The test asserts both facts, so
//   a change in the physics that alters them has to update docs/theory and validation/README.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "CaseRunSupport.h"

using namespace proscale;

namespace {
struct Condition {
  std::string cBa, cSO4;          // mM as written in the data file
  std::vector<double> measured;   // fitted n [1/m^3], replicates with t_n > 0
  double mean() const {
    double s = 0.0;
    for (double n : measured) s += n;
    return s / static_cast<double>(measured.size());
  }
};
using Key = std::pair<double, double>;  // (SI0, r_aq0)

std::map<Key, Condition> readPeters2024() {
  std::ifstream in(std::string(PROSCALE_SOURCE_DIR) +
                   "/validation/baso4/peters2024_fitted_particle_numbers.csv");
  REQUIRE(in);
  std::map<Key, Condition> data;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // SI0,r_aq0,c_Ba_mM,c_SO4_mM,sheet,n_1e13_per_m3,t_n_s,...
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    REQUIRE(f.size() == 10);
    Condition& c = data[{std::stod(f[0]), std::stod(f[1])}];
    c.cBa = f[2];
    c.cSO4 = f[3];
    if (std::stod(f[6]) > 0.0) c.measured.push_back(std::stod(f[5]) * 1e13);
  }
  return data;
}
}  // namespace

TEST_CASE("BaSO4 particle numbers against Peters et al. (2024)", "[validation]") {
  const auto data = readPeters2024();
  REQUIRE(data.size() == 35);
  std::map<Key, double> model, error;
  for (const auto& [key, c] : data) {
    const test::CaseRun run = test::runCase(
        "validation/baso4/peters2024_batch.yaml",
        {{"solution.species.Ba+2.initial", c.cBa + " mmol/L"},
         {"solution.species.SO4-2.initial", c.cSO4 + " mmol/L"}});
    model[key] = run.metric("number_density");
    error[key] = std::log10(model[key] / c.mean());
  }
  std::printf("Peters et al. (2024), N in 1e13/m^3: SI0  r  measured  model  log10(model/measured)\n");
  for (const auto& [key, c] : data)
    std::printf("  %.2f  %6g  %7.3g  %7.3g  %+.2f%s\n", key.first, key.second, c.mean() / 1e13,
                model[key] / 1e13, error[key], std::abs(error[key]) <= 0.30 ? "" : "  outside");

  double sum = 0.0;
  const std::vector<double> indices{1.7, 1.8, 2.05, 2.3, 2.5};
  for (double si : indices) sum += error[{si, 1.0}] * error[{si, 1.0}];
  const double rms = std::sqrt(sum / static_cast<double>(indices.size()));
  std::printf("calibration (r = 1): RMS of log10(model/measured) = %.3f (band 0.30)\n", rms);
  CHECK(rms <= 0.30);

  for (double si : indices) {
    INFO("SI0 = " << si);
    // the measured direction ...
    REQUIRE(data.at({si, 1.0}).mean() > data.at({si, 1e-3}).mean());
    REQUIRE(data.at({si, 1.0}).mean() > data.at({si, 1e3}).mean());
    // ... which the model shares
    CHECK(model[{si, 1.0}] > model[{si, 1e-3}]);
    CHECK(model[{si, 1.0}] > model[{si, 1e3}]);
    // the known shortfall: too many particles at r = 1e-3 (beyond the band)
    CHECK(error[{si, 1e-3}] > 0.30);
  }
}
