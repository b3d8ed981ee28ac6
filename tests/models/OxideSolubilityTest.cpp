// Oxide solubility in hot and supercritical water (models/thermo/OxideSolubility.h): the
// density and Born forms against the source table they were fitted to, their conventions by
// hand, their collapse across the pseudo-critical region, ranges and the case-file keys.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "case/CaseDocument.h"
#include "core/Errors.h"
#include "models/thermo/OxideSolubility.h"
#include "models/thermo/water/Iapws95.h"

using namespace proscale;
namespace ox = oxide_solubility;

namespace {
const FormulaStoichiometry kMolecular{{1.0}};  // CeO2(aq), ZnO(aq): K_sp = c*/c°
const WaterCorrelationRange kWide{iapws95::Tmin, iapws95::Tmax};  // for extrapolations

struct TableRow {
  double T, log10m;
};
// tests/models/data/zno_solubility_thermoddem_psat.csv: log10 m of ZnO(s) = ZnO(aq) from
// Thermoddem V1.10 (its `# Source:` line), 25-300 degC, 1 bar / saturation pressure.
std::vector<TableRow> thermoddemZnO() {
  std::ifstream in(std::string(PROSCALE_SOURCE_DIR) +
                   "/tests/models/data/zno_solubility_thermoddem_psat.csv");
  std::vector<TableRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == 'T') continue;
    std::stringstream s(line);
    std::string f[4];
    for (auto& x : f) std::getline(s, x, ',');
    rows.push_back({std::stod(f[0]) + 273.15, std::stod(f[3])});
  }
  return rows;
}
// The table's pressure: 1 bar below 100 degC, the saturation pressure above (the database's
// grid), plus 0.01 MPa to stay on the liquid side (changes rho_w by < 1e-5).
double tablePressure(double T) {
  return std::max(1e5, iapws95Saturation(T).p) + 1e4;
}
}  // namespace

TEST_CASE("Oxide solubility: the density model reproduces the Thermoddem ZnO table",
          "[unit][validation]") {
  const auto rows = thermoddemZnO();
  REQUIRE(rows.size() == 12);
  for (const auto& row : rows) {
    const double p = tablePressure(row.T);
    DensitySolubility zno(ox::kZincOxideDensity, p, ox::kZincOxideSourceRange, kMolecular);
    const double rho = iapws95FromTP(row.T, p).rho;
    // 0.07: the least-squares fit's own largest residual over the 12 rows is 0.067 (at 300 and
    // 25 degC); the auxiliary saturated-liquid densities of the fit differ from IAPWS-95 by
    // < 0.02 %, i.e. < 1e-3 in log10 with b = 9.35.
    CHECK(zno.log10Correlation(row.T, rho) == Approx(row.log10m).margin(0.07));
    // K_sp = c*/c° with c* = m* rho_w (molality to mol/L), by hand. The model takes rho_w from
    // the fast path (WaterTable, within 1e-6 of IAPWS-95 here): ln K_sp moves by at most
    // (b + 1) 1e-6 = 1.04e-5.
    CHECK(zno.lnKsp(row.T) ==
          Approx(zno.log10Correlation(row.T, rho) * std::log(10.0) + std::log(rho / 1000.0))
              .margin(1.1e-5));
  }
}

TEST_CASE("Oxide solubility: the Born form reproduces the Thermoddem ZnO table",
          "[unit][validation]") {
  for (const auto& row : thermoddemZnO()) {
    const double p = tablePressure(row.T);
    BornSolubility zno(ox::kZincOxideBorn, p, ox::kZincOxideSourceRange, kMolecular);
    const double rho = iapws95FromTP(row.T, p).rho;
    // 0.085: the fit's own largest residual is 0.081 (25 degC).
    CHECK((zno.lnKsp(row.T) - std::log(rho / 1000.0)) / std::log(10.0) ==
          Approx(row.log10m).margin(0.085));
  }
}

TEST_CASE("Oxide solubility: the two forms evaluated by hand", "[unit]") {
  // Density model at T = 673.15 K, rho = 166.54 kg/m^3 (any rho: the correlation itself):
  // -0.249030 + 9.351429 log10(0.16654) - 2282.1361/673.15
  //   = -0.249030 - 7.279914 - 3.390234 = -10.919178.
  const DensitySolubility zno(ox::kZincOxideDensity, 25e6, kWide, kMolecular);
  CHECK(zno.log10Correlation(673.15, 166.54) == Approx(-10.919178).margin(2e-6));
  // Born form at T = 673.15 K with eps = 2.5 and eps_ref taken from the model:
  // ln K = lnKr - dH/R (1/T - 1/Tr) - dw/R [(1/eps - 1)/T - (1/eps_ref - 1)/Tr].
  const BornSolubility born(ox::kZincOxideBorn, 25e6, kWide, kMolecular);
  const double R = 8.314462618, T = 673.15, Tr = 298.15, er = born.referenceDielectric();
  const double byHand = -18.187794 - 630875.4 / R * (1 / T - 1 / Tr) -
                        587756.5 / R * ((1 / 2.5 - 1) / T - (1 / er - 1) / Tr);
  CHECK(born.lnKSource(T, 2.5) == Approx(byHand).epsilon(1e-9));
  // eps_ref: water at 25 degC and 0.1 MPa, IAPWS 1997 (78.4; Table 4 gives 77.75 at 300 K).
  CHECK(er == Approx(78.41).margin(0.02));
  // At the reference state the Born form returns K_ref.
  CHECK(born.lnKSource(Tr, er) == Approx(-18.187794).epsilon(1e-14));
}

TEST_CASE("Oxide solubility: K_sp on the 1 mol/L scale for any formula", "[unit]") {
  // A molarity correlation for a formula of nu = (1, 2) (e.g. Zn+2 + 2 OH-):
  // K_sp = (c*)(2 c*)^2 with c* in mol/L, as the `concentration` type.
  DensityCorrelation k{-4.0, 0.0, 0.0, 1e3, ConcentrationScale::Molarity};
  DensitySolubility ions(k, 25e6, kWide, FormulaStoichiometry{{1.0, 2.0}});
  const double c = 1e-4;
  CHECK(ions.lnKsp(600.0) == Approx(std::log(c) + 2 * std::log(2 * c)).epsilon(1e-13));
  CHECK(ions.solubility(600.0) == Approx(c * 1000.0).epsilon(1e-13));  // mol/m^3
  // The CeO2 estimate: c* = 1.5552e-8 mol/kg at 25 degC, 0.1 MPa (ECHA/FACT point it was set
  // on); K_sp = c* rho_w / (1 kg/L), rho_w = 997.05 kg/m^3.
  DensitySolubility ceria(ox::kCeriaDensityEstimate, 0.1e6, kWide, kMolecular);
  const double rho = iapws95FromTP(298.15, 0.1e6).rho;
  // 1e-5: a is printed to 6 decimals (2.3e-6 in ln K).
  CHECK(ceria.lnKsp(298.15) == Approx(std::log(1.5552e-8 * rho / 1000.0)).margin(1e-5));
}

TEST_CASE("Oxide solubility collapses across the pseudo-critical region at 25 and 30 MPa",
          "[unit][validation]") {
  // The hydrothermal-synthesis literature (Adschiri, Hakuta & Arai, Ind. Eng. Chem. Res. 39
  // (2000) 4901; Hayashi & Hakuta, Materials 3 (2010) 3794) states the direction and that
  // the drop is of orders of magnitude, centred where water's density collapses; no table of
  // oxide solubility above 300 degC could be read here (docs/theory/oxide-solubility.md), so
  // these are properties of the correlations extrapolated beyond their ZnO source range.
  auto log10c = [](const Solubility& s, double tC) {
    return s.lnKsp(tC + 273.15) / std::log(10.0);
  };
  const DensitySolubility at25(ox::kZincOxideDensity, 25e6, kWide, kMolecular);
  const DensitySolubility at30(ox::kZincOxideDensity, 30e6, kWide, kMolecular);
  const BornSolubility born25(ox::kZincOxideBorn, 25e6, kWide, kMolecular);
  // Falls monotonically from 300 to 450 degC.
  for (double t = 300; t < 450; t += 5) {
    CHECK(log10c(at25, t + 5) < log10c(at25, t));
    CHECK(log10c(at30, t + 5) < log10c(at30, t));
    CHECK(log10c(born25, t + 5) < log10c(born25, t));
  }
  // Orders of magnitude between 350 and 400 degC (5.7 decades at 25 MPa, 2.4 at 30 MPa in the
  // density model); more at the lower pressure, whose density falls further.
  const double drop25 = log10c(at25, 350) - log10c(at25, 400);
  const double drop30 = log10c(at30, 350) - log10c(at30, 400);
  CHECK(drop25 > 2.0);
  CHECK(drop30 > 2.0);
  CHECK(drop25 > drop30 + 2.0);
  CHECK(log10c(born25, 350) - log10c(born25, 400) > drop25);  // the Born form falls further
  // The steepest fall sits where ln rho_w falls fastest (near the pseudo-critical temperature),
  // located independently on a 0.1 K grid from IAPWS-95; the c/T term moves it by < 0.5 K.
  for (double p : {25e6, 30e6}) {
    const DensitySolubility s(ox::kZincOxideDensity, p, kWide, kMolecular);
    double tSolubility = 0, tDensity = 0, steepest = 0, fastest = 0;
    for (double t = 370; t < 420; t += 0.1) {
      const double T = t + 273.15;
      const double ds = log10c(s, t) - log10c(s, t + 0.1);
      const double drho = std::log(iapws95FromTP(T, p).rho / iapws95FromTP(T + 0.1, p).rho);
      if (ds > steepest) steepest = ds, tSolubility = t;
      if (drho > fastest) fastest = drho, tDensity = t;
    }
    CHECK(tSolubility == Approx(tDensity).margin(0.55));  // within a few grid steps
  }
}

TEST_CASE("Oxide solubility: ranges", "[unit]") {
  // The ZnO source range (25-300 degC, rho_w 710-998 kg/m^3) at 25 MPa: compressed liquid
  // at 25 degC is denser (1008 kg/m^3) than any row of the table, so the range starts where
  // rho_w = 998 kg/m^3; at 300 degC rho_w = 743 kg/m^3 and the temperature bounds it.
  const DensitySolubility zno(ox::kZincOxideDensity, 25e6, ox::kZincOxideSourceRange, kMolecular);
  CHECK(zno.minTemperature() > 298.15);
  CHECK(iapws95FromTP(zno.minTemperature(), 25e6).rho == Approx(998.0).epsilon(1e-6));
  CHECK(zno.maxTemperature() == Approx(573.15));
  CHECK_THROWS_AS(zno.lnKsp(298.15), RecoverableError);
  CHECK_THROWS_AS(zno.lnKsp(673.15), RecoverableError);
  CHECK_NOTHROW(zno.lnKsp(500.0));
  // A density bound inside the temperatures: 400 kg/m^3 at 25 MPa is crossed near 383 degC.
  WaterCorrelationRange r{573.15, 773.15, 400.0, 1000.0};
  const auto T = waterCorrelationTemperatures(25e6, r);
  CHECK(T.first == Approx(573.15));
  CHECK(iapws95FromTP(T.second, 25e6).rho == Approx(400.0).epsilon(1e-6));
  // No temperature gives the densities: refused at construction.
  WaterCorrelationRange none{673.15, 773.15, 600.0, 1000.0};
  CHECK_THROWS_AS(DensitySolubility(ox::kZincOxideDensity, 25e6, none, kMolecular),
                  std::invalid_argument);
  // Outside IAPWS-95's range the model ends there.
  const DensitySolubility wide(ox::kZincOxideDensity, 25e6, {200.0, 2000.0}, kMolecular);
  CHECK(wide.minTemperature() == Approx(iapws95::Tmin));
  CHECK(wide.maxTemperature() == Approx(iapws95::Tmax));
}

namespace {
SchemaPtr rootSchema() {
  auto s = std::make_shared<Schema>("test", "A solubility declaration.");
  s->add(ParamSpec::typed("solubility", solubilityModels().family(), "Solubility."));
  return s;
}
std::unique_ptr<Solubility> make(const std::string& yaml) {
  return solubilityModels().make(
      CaseDocument::fromString(yaml, "sol.yaml").validate(*rootSchema()).section("solubility"),
      kMolecular);
}
}  // namespace

TEST_CASE("Oxide solubility: the case-file types water-density and born", "[unit]") {
  const auto density = make(
      "solubility:\n  type: water-density\n  a: -0.249030\n  b: 9.351429\n  c: -2282.1361\n"
      "  density-unit: g/cm^3\n  concentration-scale: molality\n  pressure: 25 MPa\n"
      "  min-temperature: 25 degC\n  max-temperature: 450 degC\n");
  const DensitySolubility direct(ox::kZincOxideDensity, 25e6, {298.15, 723.15}, kMolecular);
  CHECK(density->lnKsp(673.15) == Approx(direct.lnKsp(673.15)).epsilon(1e-14));
  CHECK(density->maxTemperature() == Approx(723.15));
  const auto born = make(
      "solubility:\n  type: born\n  ksp: 1.26224e-8\n  dissolution-enthalpy: 630.8754 kJ/mol\n"
      "  born-coefficient: 587.7565 kJ/mol\n  concentration-scale: molality\n  pressure: 30 MPa\n"
      "  min-temperature: 25 degC\n  max-temperature: 450 degC\n");
  const BornSolubility bornDirect(ox::kZincOxideBorn, 30e6, {298.15, 723.15}, kMolecular);
  // ksp = exp(-18.187794) = 1.26224e-8 (6 digits): 1e-5 relative in K.
  CHECK(born->lnKsp(673.15) == Approx(bornDirect.lnKsp(673.15)).margin(1e-5));
  // The pressure has no default (the validator reports missing keys together: Error).
  CHECK_THROWS_AS(make("solubility:\n  type: water-density\n  a: 0\n  b: 1\n  c: 0\n"
                       "  density-unit: kg/m^3\n  concentration-scale: molarity\n"
                       "  min-temperature: 25 degC\n  max-temperature: 450 degC\n"),
                  Error);
  // An empty range at the given pressure is an input error at `pressure`.
  CHECK_THROWS_AS(make("solubility:\n  type: water-density\n  a: 0\n  b: 1\n  c: 0\n"
                       "  density-unit: kg/m^3\n  concentration-scale: molarity\n"
                       "  pressure: 25 MPa\n"
                       "  min-temperature: 400 degC\n  max-temperature: 450 degC\n"
                       "  min-density: 600 kg/m^3\n"),
                  InputError);
}
