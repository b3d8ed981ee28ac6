// CeO2 crystallite sizes after 2 h in ammonia against Ghosh et al. (2010) and Chen & Chang
// (2005) (validation/ceo2/, README there), with cases/ripening_ceo2.yaml.
//
// Metric: e = log10(d_model / d_TEM), d_model the number mean diameter at 2 h, d_TEM the mean
// of the TEM sizes. Acceptance band: 15 % in size (|e| <= 0.061): the XRD, TEM and BET sizes
// of the same samples differ by up to 8 % (Ghosh K1: 4.8, 5.1, 5.5 nm).
// * Ghosh K1 (35 degC) and K4 (80 degC) calibrate the solubility c*(T) (two parameters); K2
//   and K3 (50, 65 degC) are predictions and must lie in the band.
// * Chen & Chang ran at 0.133 M Ce, pH 9.5, O2/N2 bubbling: the same parameters under-predict
//   their sizes (7.4-18.8 nm) at every temperature, by a factor up to ~2. The test asserts
//   that shortfall, so a change of the physics must update the docs.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "CaseRunSupport.h"

using namespace proscale;

namespace {
struct Sample {
  const char* name;
  double T;     // degC
  double tem;   // nm
  double seeds; // crystallites at the start [1/m^3]: all Ce as 2.5 nm CeO2
};
// Ghosh et al. (2010), Table 1 and TEM (validation/ceo2/ghosh2010_sizes.csv): 47.2 mmol/L Ce.
// Chen & Chang (2005), Table 1 in air (validation/ceo2/chen_chang2005_sizes.csv): 133.3
// mmol/L Ce, so 133.3 / 47.2 times the crystallites.
constexpr double kSeedsGhosh = 1.185e23, kSeedsChen = 1.185e23 * 133.33 / 47.24;

double meanDiameterNm(const Sample& s) {
  char T[32], N[48];
  std::snprintf(T, sizeof T, "%g degC", s.T);
  std::snprintf(N, sizeof N, "%.6g 1/m^3", s.seeds);
  const test::CaseRun run = test::runCase(
      "cases/ripening_ceo2.yaml",
      {{"reactor.temperature", T}, {"population.seeds.number-density", N}});
  return run.metric("mean_diameter") * 1e9;
}
}  // namespace

TEST_CASE("CeO2 crystallite sizes against Ghosh et al. (2010) and Chen & Chang (2005)",
          "[validation]") {
  const std::vector<Sample> ghosh{{"K1", 35, 5.1, kSeedsGhosh},
                                  {"K2", 50, 6.0, kSeedsGhosh},
                                  {"K3", 65, 7.2, kSeedsGhosh},
                                  {"K4", 80, 8.5, kSeedsGhosh}};
  const std::vector<Sample> chen{{"30 degC", 30, 7.4, kSeedsChen},
                                 {"50 degC", 50, 10.6, kSeedsChen},
                                 {"70 degC", 70, 12.0, kSeedsChen},
                                 {"90 degC", 90, 18.8, kSeedsChen}};
  const double band = std::log10(1.15);
  std::printf("CeO2 after 2 h: sample  T [degC]  TEM [nm]  model [nm]  log10(model/TEM)\n");
  for (const Sample& s : ghosh) {
    const double d = meanDiameterNm(s), e = std::log10(d / s.tem);
    std::printf("  Ghosh %s  %4.0f  %5.1f  %6.2f  %+.3f%s\n", s.name, s.T, s.tem, d, e,
                std::abs(e) <= band ? "" : "  outside");
    INFO("Ghosh " << s.name);
    CHECK(std::abs(e) <= band);
  }
  for (const Sample& s : chen) {
    const double d = meanDiameterNm(s), e = std::log10(d / s.tem);
    std::printf("  Chen & Chang %s  %4.0f  %5.1f  %6.2f  %+.3f%s\n", s.name, s.T, s.tem, d, e,
                std::abs(e) <= band ? "" : "  outside");
    INFO("Chen & Chang " << s.name);
    CHECK(e < 0.0);  // the known shortfall
  }
}
