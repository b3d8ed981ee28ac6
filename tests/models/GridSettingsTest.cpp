// The settings the tool chooses when a case leaves them out (docs/theory/automatic-grid.md):
// the grid's bottom at the critical nucleus, and the advice a run gives about its own grid top,
// class count and number scale, on constructed states where each rule must fire.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "CaseRunSupport.h"

namespace proscale::test {
namespace {

// BaSO4 in an ideal solution with K_sp = 1e-10 (mol/L)^2 and 10 mM of each ion: the mean-ion
// supersaturation is S = 0.01 / 1e-5 = 1000 exactly. The solid's molar volume 233.39 g/mol /
// 4480.0007 kg/m^3 gives v_m = 8.65074e-29 m^3 as in NucleationLawsTest.
std::string idealBaso4(const std::string& population) {
  return R"(
model: batch-precipitation
name: ideal_baso4
reactor: {temperature: 25 degC, volume: 1 L}
solution:
  activity: {type: ideal}
  species:
    Ba+2:  {charge: 2,  initial: 10 mmol/L}
    SO4-2: {charge: -2, initial: 10 mmol/L}
solid:
  name: BaSO4
  formula: Ba+2 + SO4-2
  molar-mass: 233.39 g/mol
  density: 4480.0007 kg/m^3
  solubility: {type: analytic, coefficients: [-10]}
nucleation: {type: classical, interfacial-energy: 0.093 J/m^2, diffusivity: 9.4e-10 m^2/s}
growth: {type: diffusion-limited, diffusivity: 9.4e-10 m^2/s, film-thickness: 10 um}
population: )" + population + R"(
output: {end-time: 1 s}
)";
}

std::unique_ptr<StirredVessel> vesselFrom(const std::string& yaml) {
  const CaseDocument doc = CaseDocument::fromString(yaml, "test.yaml");
  std::unique_ptr<Process> process =
      processModels().at("batch-precipitation").make(doc.validate(*caseSchema("batch-precipitation")));
  std::unique_ptr<StirredVessel> vessel(dynamic_cast<StirredVessel*>(process.release()));
  REQUIRE(vessel != nullptr);
  return vessel;
}

double chosen(const SettingsAdvice& advice, const std::string& key, bool change) {
  for (const ToolSetting& s : change ? advice.changes : advice.used)
    if (s.key == key) return s.value;
  return std::nan("");
}

}  // namespace

TEST_CASE("Without min-size the grid starts at the lower edge of the near-critical region",
          "[unit][grid]") {
  // L* = 4 gamma v_m / (nu k T ln S) = 4 * 0.093 * 8.65074e-29 / (2 * 4.11640e-21 * ln 1000)
  //    = 5.65863e-10 m (the same numbers by hand as NucleationLawsTest);
  // W*/kT = 16 pi gamma^3 v_m^2 / (3 (kT)^3 (nu ln S)^2) = 7.57561, and the lower root of
  // 3x^2 - 2x^3 = 1 - kT/W* = 0.867997 is x_lo = 0.772232 (bisection by hand, 1e-6):
  // the grid starts at x_lo L* = 4.36977e-10 m.
  const double bottom = 4.36977e-10;
  const auto vessel = vesselFrom(idealBaso4("{}"));
  const SizeGrid& grid = gridOf(*vessel);
  CHECK(grid.faces().front() == Approx(bottom).epsilon(1e-5));
  // First top: 10 um (above 1e3 x_lo L*), at 40 classes per decade.
  CHECK(grid.faces().back() == Approx(10e-6));
  CHECK(grid.size() == static_cast<std::size_t>(std::ceil(40 * std::log10(10e-6 / bottom))));
  std::vector<double> y0(vessel->size());
  vessel->initialState(y0);
  const SettingsAdvice advice = vessel->settingsAdvice(0.0, y0);
  CHECK(chosen(advice, "population.min-size", false) == Approx(bottom).epsilon(1e-5));
  CHECK(advice.settled());  // nothing on the grid yet: nothing to judge

  // Given, min-size is the case's own and the tool reports none of it.
  const auto fixed = vesselFrom(idealBaso4("{min-size: 0.5 nm, max-size: 1 um, number-scale: 1e18 1/m^3}"));
  std::vector<double> y1(fixed->size());
  fixed->initialState(y1);
  CHECK(fixed->settingsAdvice(0.0, y1).used.empty());
}

TEST_CASE("A run's advice on its own grid and number scale", "[unit][grid]") {
  // Constructed final states on the automatic first grid (x_lo L*..10 um): each rule of
  // docs/theory/automatic-grid.md must fire, and a state that fits must be left alone.
  const auto vessel = vesselFrom(idealBaso4("{}"));
  const SizeGrid& grid = gridOf(*vessel);
  const std::size_t psd = vessel->layout().block("psd").offset;
  const std::size_t budget = vessel->layout().block("budget").offset;
  std::vector<double> y(vessel->size());
  const auto classAt = [&grid](double L) {
    std::size_t i = 0;
    while (grid.faces()[i + 1] < L) ++i;
    return i;
  };
  const auto fill = [&](double L, double total, std::size_t width) {
    vessel->initialState(y);
    const std::size_t centre = classAt(L);
    for (std::size_t i = centre - width; i <= centre + width; ++i)
      y[psd + i] = total / static_cast<double>(2 * width + 1);
    y[budget] = total;  // number nucleated, for the balance
  };

  SECTION("a population at 100 nm on a grid to 10 um: top to 3x its reach, classes to target") {
    fill(100e-9, 1e18, 10);
    const SettingsAdvice a = vessel->settingsAdvice(1.0, y);
    const double reach = grid.faces()[classAt(100e-9) + 11];
    CHECK(chosen(a, "population.max-size", true) == Approx(3 * reach));
    // 21 equal classes of 1/40 decade: d10..d90 spans at most 0.42 decades (number) and
    // less by volume, so 20 classes across it need more than 48 per decade, more than the
    // first grid's 40: the count rises with the top.
    const double perDecade = chosen(a, "population.classes", true) /
                             std::log10(3 * reach / grid.faces().front());
    CHECK(perDecade > 48);
    CHECK(perDecade < 20 / 0.2);
    CHECK(std::isnan(chosen(a, "population.number-scale", true)));  // 1e18 = N: fits
  }
  SECTION("solid past the top: up by 8") {
    fill(5e-6, 1e12, 3);
    y[budget + 8] = 1.0;  // volume lost past max-size, far more than on the grid
    const SettingsAdvice a = vessel->settingsAdvice(1.0, y);
    CHECK(chosen(a, "population.max-size", true) == Approx(8 * 10e-6));
  }
  SECTION("a number scale of 1e18 on 1e9 particles: set to N") {
    fill(1e-6, 1e9, 20);
    const SettingsAdvice a = vessel->settingsAdvice(1.0, y);
    CHECK(chosen(a, "population.number-scale", true) == Approx(1e9));
  }
  SECTION("a class undershooting past 1e-5 of the largest: the scale is cut by 10") {
    fill(1e-6, 1e18, 20);
    y[psd + classAt(1e-6) + 40] = -1e-4 * 1e18 / 41;
    const SettingsAdvice a = vessel->settingsAdvice(1.0, y);
    CHECK(chosen(a, "population.number-scale", true) == Approx(1e17));
  }
}

TEST_CASE("Nucleation with Gibbs-Thomson growth converges under grid refinement",
          "[validation][grid][nucleation]") {
  // The Peters et al. (2024) case (low S, integration-limited growth with Gibbs-Thomson
  // solubility). Nuclei born in the first class above L* grow at a rate set by the class width:
  // N was 1.37e15 on 150 classes and 0.61e15 on 600. Born at the near-critical edge x_b L*
  // (docs/theory/nucleation.md) N must agree within the refinement check's 5 %.
  Loaded coarse = load("validation/baso4/peters2024_batch.yaml", {{"population.classes", "150"}});
  Loaded fine = load("validation/baso4/peters2024_batch.yaml", {{"population.classes", "600"}});
  const Recorder a = run(coarse), b = run(fine);
  const double Na = metric(*coarse.model, a, "number_density");
  const double Nb = metric(*fine.model, b, "number_density");
  INFO("N = " << Na << " (150 classes), " << Nb << " (600 classes)");
  CHECK(std::abs(Na / Nb - 1) < 0.05);
  CHECK(std::abs(metric(*coarse.model, a, "d50_volume") / metric(*fine.model, b, "d50_volume") - 1) < 0.05);
}

TEST_CASE("The flagship's burst and ripening converge with the fluctuations of growth",
          "[validation][grid][nucleation]") {
  // The flagship (S ~ 800) nucleates ~2e21 1/m^3 within 0.5 s, and Gibbs-Thomson ripening
  // leaves ~1e17: which nuclei survive is decided within ~0.2 nm of L*. Without the size-space
  // diffusion of the molecular fluctuations (docs/theory/growth.md) N was the grid's (1.34e18,
  // 2.4e18, 5.1e18, 1.0e19 1/m^3 on 200..1600 classes from 1 nm). With it, on the grid the tool
  // starts at x_lo L* (0.68 nm .. 10 um), N must move by less than the refinement check's 5 %
  // from 1336 to 2672 classes (the tool's choice; convergence is first order here, so 5 % is
  // also the bound on the finer run's error); and switched off, the same grids must disagree by
  // more than 30 %, which is what the fluctuations fix.
  auto N = [](const char* classes, const char* fluctuations) {
    Loaded l = load("cases/baso4_batch.yaml", {{"population.max-size", "10 um"},
                                               {"population.number-scale", "1e16 1/m^3"},
                                               {"population.classes", classes},
                                               {"growth.fluctuations", fluctuations}});
    const Recorder r = run(l);
    return metric(*l.model, r, "number_density");
  };
  const double coarse = N("1336", "true"), fine = N("2672", "true");
  INFO("with fluctuations: N = " << coarse << " (1336 classes), " << fine << " (2672)");
  CHECK(std::abs(coarse / fine - 1) < 0.05);
  const double coarseOff = N("334", "false"), fineOff = N("668", "false");
  INFO("without: N = " << coarseOff << " (334 classes), " << fineOff << " (668)");
  CHECK(std::abs(coarseOff / fineOff - 1) > 0.3);
}

}  // namespace proscale::test
