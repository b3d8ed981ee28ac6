// The real `proscale` command end to end: the flagship case, overrides, solver failures, the
// generated key reference.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "CliSupport.h"

using namespace proscale::test;

namespace {
// summary.json, parsed.
nlohmann::json readSummary(const std::filesystem::path& dir) {
  return nlohmann::json::parse(readFile(dir / "summary.json"));
}

// The value of metrics.<name> in a summary.
double metric(const nlohmann::json& summary, const std::string& name) {
  REQUIRE(summary["metrics"].contains(name));
  return summary["metrics"][name]["value"].get<double>();
}

std::vector<std::vector<double>> readCsv(const std::filesystem::path& file, std::vector<std::string>& header) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  std::stringstream hs(line);
  for (std::string cell; std::getline(hs, cell, ',');) header.push_back(cell);
  std::vector<std::vector<double>> rows;
  while (std::getline(in, line)) {
    std::stringstream ls(line);
    std::vector<double> row;
    // strtod, not stod: stod throws on subnormal values (ERANGE), which a PSD tail can hold.
    for (std::string cell; std::getline(ls, cell, ',');) row.push_back(std::strtod(cell.c_str(), nullptr));
    rows.push_back(row);
  }
  return rows;
}
}  // namespace

TEST_CASE("Flagship case runs and its results are physically sane", "[cli][regression]") {
  const auto out = freshDir("flagship");
  const CommandResult r = runProscale("run " + sourcePath("cases/baso4_batch.yaml") + " -o " + out.string());
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  for (const char* f : {"timeseries.csv", "psd.csv", "summary.json", "psd.pvd", "psd/psd_0000.vtr",
                        "psd_map.vtr", "timeseries.vtr"})
    CHECK(std::filesystem::exists(out / f));
  const nlohmann::json summary = readSummary(out);
  CHECK(summary["status"] == "complete");
  // Requirement: solute + solid conserved to 1e-8 relative.
  CHECK(metric(summary, "mass_balance_error") < 1e-8);
  // All the barium (the case's initial Ba+2, timeseries.csv's first row) minus its solubility
  // (~1e-2 mol/m^3, 4e-4 of it) ends up solid.
  std::vector<std::string> header;
  const auto rows = readCsv(out / "timeseries.csv", header);
  const auto ba = std::find(header.begin(), header.end(), "c_Ba+2 [mol/m^3]");
  REQUIRE(ba != header.end());
  const double barium0 = rows.front()[static_cast<std::size_t>(ba - header.begin())];
  CHECK(metric(summary, "solid_concentration") == Approx(barium0).epsilon(2e-3));
  // Sizes: published data exist at low S only (Peters et al. 2024: tests/models/
  // Baso4ValidationTest.cpp); here the summary's sizes must agree with the moments they come
  // from: the mean-volume diameter from the solid volume fraction and the number,
  // d30 = (6 phi / (pi N))^(1/3), cannot exceed the Sauter diameter mu3/mu2 (Lyapunov's
  // inequality for moments), and the quantiles are ordered.
  const double d10 = metric(summary, "d10_volume"), d50 = metric(summary, "d50_volume"),
               d90 = metric(summary, "d90_volume");
  const double d30 = std::cbrt(6.0 * metric(summary, "solid_volume_fraction") /
                               (M_PI * metric(summary, "number_density")));
  CHECK(d30 <= metric(summary, "sauter_diameter"));
  CHECK(d10 < d50);
  CHECK(d50 < d90);
  // Every particle has at least the nucleus volume: N * k_v L_min^3 < solid volume fraction
  // (L_min: the lower face of the size classes, psd.csv's first L_low).
  std::vector<std::string> psdHeader;
  const double minSize = readCsv(out / "psd.csv", psdHeader).front()[1];
  CHECK(metric(summary, "number_density") > 0.0);
  CHECK(metric(summary, "number_density") * M_PI / 6 * std::pow(minSize, 3) <
        metric(summary, "solid_volume_fraction"));
  for (const char* key : {"steps", "rhs_evaluations", "jacobian_evaluations", "linear_setups",
                          "integration_wall_time_s"})
    CHECK(summary["solver"][key].is_number());
  CHECK(summary["run_wall_time_s"].is_number());
  CHECK(rows.size() == 81);
  CHECK(header.front() == "time [s]");
  for (const auto& row : rows)
    for (double v : row) CHECK(std::isfinite(v));
  std::filesystem::remove_all(out);
}

TEST_CASE("Overrides with --set change a value with units", "[cli]") {
  const auto out = freshDir("override");
  const CommandResult r = runProscale("run " + sourcePath("cases/baso4_batch.yaml") + " -o " +
                                      out.string() + " --set reactor.temperature=\"40 degC\"" +
                                      " --set population.classes=60 --set output.count=5 --quiet");
  INFO(r.err);
  REQUIRE(r.exitCode == 0);
  std::vector<std::string> header;
  const auto rows = readCsv(out / "timeseries.csv", header);
  REQUIRE(header[1] == "temperature [K]");
  CHECK(rows.front()[1] == Approx(313.15).epsilon(1e-12));
  CHECK(rows.size() == 5);
  std::filesystem::remove_all(out);
}

TEST_CASE("A solver failure keeps partial results marked incomplete, exit code 3", "[cli]") {
  const auto out = freshDir("solver-failure");
  const CommandResult r = runProscale("run " + sourcePath("cases/baso4_batch.yaml") + " -o " +
                                      out.string() + " --set solver.max-steps=20");
  INFO(r.out << r.err);
  CHECK(r.exitCode == 3);
  CHECK(r.out.find("solver failed at t = ") != std::string::npos);
  CHECK(r.out.find("CV_TOO_MUCH_WORK") != std::string::npos);
  const nlohmann::json summary = readSummary(out);
  CHECK(summary["status"] == "incomplete");
  CHECK(summary["solver"]["flag"] == "CV_TOO_MUCH_WORK");
  std::vector<std::string> header;
  const auto rows = readCsv(out / "timeseries.csv", header);
  CHECK(rows.size() >= 2);          // t = 0 and the time reached
  CHECK(rows.back()[0] < 60.0);     // ended before the end time
  std::filesystem::remove_all(out);
}

TEST_CASE("The key reference in docs is the one the code generates", "[cli]") {
  const CommandResult r = runProscale("reference");
  REQUIRE(r.exitCode == 0);
  INFO("regenerate with: build/bin/proscale reference > docs/reference/case-files.md");
  CHECK(r.out == readFile(sourcePath("docs/reference/case-files.md")));
}

TEST_CASE("check validates without writing; --help and --version", "[cli]") {
  const CommandResult c = runProscale("check " + sourcePath("cases/baso4_batch.yaml"));
  CHECK(c.exitCode == 0);
  CHECK(c.out.find("OK") != std::string::npos);
  CHECK(runProscale("--help").out.find("Usage:") != std::string::npos);
  CHECK(runProscale("--version").out.find("proscale ") == 0);
}

TEST_CASE("A moment method writes the time series and summary but no size distribution",
          "[cli]") {
  const auto out = freshDir("qmom");
  // The flagship with size-independent film-diffusion growth: QMOM cannot follow particles
  // that Gibbs-Thomson dissolves through L = 0 (docs/theory/qmom.md).
  const CommandResult r = runProscale(
      "run " + sourcePath("cases/baso4_batch.yaml") + " -o " + out.string() +
      " --set population.method=qmom"
      " --set 'growth={type: diffusion-limited, diffusivity: 9.4e-10 m^2/s, film-thickness: 50 nm}'");
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  for (const char* f : {"timeseries.csv", "summary.json", "timeseries.vtr"})
    CHECK(std::filesystem::exists(out / f));
  for (const char* f : {"psd.csv", "psd.pvd", "psd", "psd_map.vtr"})
    CHECK_FALSE(std::filesystem::exists(out / f));
  CHECK(r.out.find("(timeseries.csv, summary.json, timeseries.vtr)") != std::string::npos);
  const nlohmann::json summary = readSummary(out);
  CHECK(metric(summary, "mass_balance_error") < 1e-8);
  // Quantiles need the distribution, which the moments do not determine: not reported.
  CHECK_FALSE(summary["metrics"].contains("d50_volume"));
  std::vector<std::string> header;
  const auto rows = readCsv(out / "timeseries.csv", header);
  CHECK(rows.size() == 81);
  CHECK(std::find(header.begin(), header.end(), "node_L3 [m]") != header.end());
  std::filesystem::remove_all(out);
}

TEST_CASE("QMOM: moments that lose realizability stop the solver with the time, exit code 3",
          "[cli]") {
  // 1e12 monodisperse 50 nm seeds (mu_k = N L^k) in an undersaturated solution (S = 0.04):
  // they dissolve at a constant rate G (their 1.3e-6 mol/m^3 barely change c), so the single
  // node reaches L = 0 at t* = L / |G|. QMOM cannot remove particles at L = 0 (the sectional
  // model lets them leave the grid): past t* the moments are those of negative sizes, and the
  // solver must stop there with the realizability message. |G| changes by < 1e-5 during the
  // run and CVODE fails within a shrinking step of t*: required within 1e-3 of t*.
  const auto out = freshDir("qmom-dissolution");
  const CommandResult r = runProscale(
      "run " + sourcePath("cases/baso4_batch.yaml") + " -o " + out.string() +
      " --set population.method=qmom --set 'population.min-size=1 nm'"
      " --set 'solution.species.Ba+2.initial=0.001 mmol/L'"
      " --set 'growth={type: diffusion-limited, diffusivity: 9.4e-10 m^2/s, film-thickness: 50 nm}'"
      " --set 'solution.species.SO4-2.initial=0.001 mmol/L'"
      " --set 'population.initial-moments=[1e12, 5e4, 2.5e-3, 1.25e-10, 6.25e-18, 3.125e-25]'");
  INFO(r.out << r.err);
  CHECK(r.exitCode == 3);
  CHECK(r.out.find("solver failed at t = ") != std::string::npos);
  CHECK(r.out.find("moments not realizable") != std::string::npos);
  const nlohmann::json summary = readSummary(out);
  CHECK(summary["status"] == "incomplete");
  std::vector<std::string> header;
  const auto rows = readCsv(out / "timeseries.csv", header);
  const auto g = std::find(header.begin(), header.end(), "growth_rate [m/s]") - header.begin();
  REQUIRE(static_cast<std::size_t>(g) < header.size());
  const double G = rows.front()[static_cast<std::size_t>(g)];
  REQUIRE(G < 0.0);
  CHECK(summary["solver"]["time_reached_s"].get<double>() == Approx(50e-9 / -G).epsilon(1e-3));
  std::filesystem::remove_all(out);
}

TEST_CASE("solver.sensitivities writes sensitivities.csv whose d50 column matches runs at "
          "gamma +- 0.1 %",
          "[cli][sensitivities]") {
  // One fixed grid for all three runs: the tool could choose another one for each gamma.
  const std::string flagship = sourcePath("cases/baso4_batch.yaml") +
                               " --set population.classes=400 --set 'population.max-size=10 um'"
                               " --set 'population.number-scale=1e16 1/m^3'";
  const auto out = freshDir("sensitivities");
  const CommandResult r = runProscale("run " + flagship + " -o " + out.string() +
                                      " --set 'solver.sensitivities=[growth.interfacial-energy]'");
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  std::vector<std::string> header;
  const auto rows = readCsv(out / "sensitivities.csv", header);
  const std::string column = "d(d50_volume)/d(growth.interfacial-energy) [(m)/(J/m^2)]";
  const auto at = std::find(header.begin(), header.end(), column);
  REQUIRE(at != header.end());
  const double bySensitivity = rows.back()[static_cast<std::size_t>(at - header.begin())];

  // The same derivative by central differences of two runs (the case's own tolerances).
  auto d50At = [&](const char* gamma) {
    const auto dir = freshDir(std::string("sensitivities-") + gamma);
    const CommandResult run = runProscale("run " + flagship + " -q -o " + dir.string() +
                                          " --set 'growth.interfacial-energy=" + gamma +
                                          " J/m^2'");
    REQUIRE(run.exitCode == 0);
    return metric(readSummary(dir), "d50_volume");
  };
  const double byRuns = (d50At("0.126126") - d50At("0.125874")) / (0.126126 - 0.125874);
  INFO("sensitivity " << bySensitivity << ", central difference " << byRuns);
  // At rtol 1e-6 each run's d50 carries ~1e-6 relative error times the growth of errors over the
  // run; divided by the difference's relative size (2e-3 x elasticity 5.9 ~ 1.2e-2) that is
  // ~1e-4 times the growth, which the flagship's ripening makes ~10 (the sensitivity itself
  // agrees with runs at rtol 1e-8 to 6e-5: tests/models/FlagshipSensitivityTest.cpp).
  CHECK(std::abs(bySensitivity / byRuns - 1) < 1e-2);
}

TEST_CASE("Self-checks: a completed run that cannot be trusted is suspect, exit code 4", "[cli]") {
  // Each constructed case breaks one self-check of the flagship (thresholds:
  // docs/reference/outputs.md, "Self-checks"); the results are written, marked suspect.
  struct Broken {
    const char* sets;
    const char* check;
  };
  // A fixed class count keeps the tool from refining each broken run up to 4000 classes.
  for (const Broken b :
       {Broken{"--set 'population.max-size=300 nm'", "solid_lost_above_grid"},
        Broken{"--set 'output.end-time=5 ms'", "solid_still_forming"},
        Broken{"--set 'population.number-scale=1e26 1/m^3' --set population.classes=300",
               "number_scale_ratio"},
        Broken{"--set 'population.number-scale=1e26 1/m^3' --set population.classes=300",
               "negative_classes"},
        // a grid that starts above the near-critical region: N is min-size's (x9 at 1 nm)
        Broken{"--set 'population.min-size=1 nm' --set population.classes=300",
               "nucleus_resolution"},
        // without the fluctuations of growth the flagship's N is the grid's
        // (tests/models/GridSettingsTest.cpp)
        Broken{"--set growth.fluctuations=false --set population.classes=300"
               " --set population.verify-grid=true",
               "grid_refinement_change"}}) {
    const auto out = freshDir("suspect");
    const CommandResult r = runProscale("run " + sourcePath("cases/baso4_batch.yaml") + " -o " +
                                        out.string() + " --set output.vtk=false " + b.sets);
    INFO(b.sets << "\n" << r.out << r.err);
    CHECK(r.exitCode == 4);
    CHECK(r.out.find("SUSPECT") != std::string::npos);
    CHECK(r.out.find(b.check) != std::string::npos);
    const nlohmann::json summary = readSummary(out);
    CHECK(summary["status"] == "suspect");
    REQUIRE(summary["checks"].contains(b.check));
    CHECK(summary["checks"][b.check]["passed"] == false);
    CHECK(summary["checks"][b.check]["value"].get<double>() >
          summary["checks"][b.check]["threshold"].get<double>());
    CHECK(std::filesystem::exists(out / "timeseries.csv"));
    std::filesystem::remove_all(out);
  }
  // A model leaving its validity range during the run: the ionic strength rises from 0.2 to
  // 0.70 mol/L past the Davies equation's 0.5 (tests/cli/data/ionic_strength_rises.yaml).
  const auto out = freshDir("suspect-ionic");
  const CommandResult r = runProscale("run " + sourcePath("tests/cli/data/ionic_strength_rises.yaml") +
                                      " -o " + out.string() + " --set output.vtk=false");
  INFO(r.out << r.err);
  CHECK(r.exitCode == 4);
  const nlohmann::json summary = readSummary(out);
  CHECK(summary["checks"]["ionic_strength_in_range"]["passed"] == false);
  // I = 0.2 (NaCl) + 0.5 (1 - e^-12) (NaCl made) + up to 0.004 (BaSO4 still dissolved) = 0.700..0.704
  CHECK(summary["checks"]["ionic_strength_in_range"]["value"].get<double>() == Approx(0.70).margin(0.01));
  std::filesystem::remove_all(out);
}

TEST_CASE("The output reference is what proscale outputs prints and what runs write",
          "[cli][docs]") {
  // docs/reference/output-columns.md = its header + `proscale outputs` for each case below, and
  // each documented column/metric is what a real run of that case writes (names and units).
  const std::string doc = readFile(sourcePath("docs/reference/output-columns.md"));
  for (const char* file : {"cases/baso4_batch.yaml", "validation/analytic/msmpr.yaml",
                           "tests/cli/data/calcite_newcomer.yaml"}) {
    INFO(file);
    const CommandResult listed = runProscale(std::string("outputs ") + file, PROSCALE_SOURCE_DIR);
    REQUIRE(listed.exitCode == 0);
    CHECK(doc.find(listed.out) != std::string::npos);

    const auto out = freshDir("outputs-doc");
    REQUIRE(runProscale("run " + sourcePath(file) + " -q -o " + out.string() +
                        " --set output.vtk=false").exitCode == 0);
    std::vector<std::string> header;
    readCsv(out / "timeseries.csv", header);
    for (const std::string& column : header) {
      // "name [unit]" in the CSV, "| `name` | unit |" in the reference
      const std::size_t bracket = column.rfind(" [");
      const std::string name = column.substr(0, bracket);
      const std::string unit = column.substr(bracket + 2, column.size() - bracket - 3);
      CHECK(listed.out.find("| `" + name + "` | " + unit + " |") != std::string::npos);
    }
    const nlohmann::json summary = readSummary(out);
    for (const auto& [name, metric] : summary["metrics"].items())
      CHECK(listed.out.find("| `" + name + "` | " + metric["unit"].get<std::string>() + " |") !=
            std::string::npos);
    for (const auto& [name, check] : summary["checks"].items())
      CHECK(listed.out.find("| `" + name + "` | " + check["unit"].get<std::string>() + " |") !=
            std::string::npos);
    std::filesystem::remove_all(out);
  }
}

// `proscale describe`: water by the IAPWS releases, solvents by their Hansen parameters.
TEST_CASE("describe water prints the IAPWS state; out of range is bad input", "[cli][describe]") {
  const CommandResult r = runProscale("describe water --T \"400 degC\" --p \"25 MPa\"");
  REQUIRE(r.exitCode == 0);
  // The command's plumbing (IAPWS-95 itself is tested against the release's tables in
  // tests/models/Iapws95Test.cpp): at 400 degC, 25 MPa water is supercritical with
  // rho = 166.5 kg/m^3 (the steam tables of IAPWS-IF97, an independent formulation, agree to
  // these four digits).
  CHECK(r.out.find("supercritical") != std::string::npos);
  CHECK(r.out.find("density                       166.5") != std::string::npos);
  CHECK(r.out.find("dielectric constant") != std::string::npos);
  CHECK(r.out.find("IAPWS R12-08") != std::string::npos);

  const CommandResult hot = runProscale("describe water --T \"900 degC\" --p \"25 MPa\"");
  CHECK(hot.exitCode == 2);
  CHECK(hot.err.find("outside 273.15-1073.15 K") != std::string::npos);
  const CommandResult noUnit = runProscale("describe water --T 400 --p \"25 MPa\"");
  CHECK(noUnit.exitCode == 2);
  CHECK(noUnit.err.find("needs a unit") != std::string::npos);
}

TEST_CASE("describe solvent prints Hansen parameters; an unknown one lists the known",
          "[cli][describe]") {
  const CommandResult r = runProscale("describe solvent toluene");
  REQUIRE(r.exitCode == 0);
  // Toluene: delta_D 18.0, delta_P 1.4, delta_H 2.0 MPa^0.5 (Hansen's table, the csv's row).
  CHECK(r.out.find("delta_D (dispersion)          18 MPa^0.5") != std::string::npos);
  const CommandResult bad = runProscale("describe solvent tolune");
  CHECK(bad.exitCode == 2);
  CHECK(bad.err.find("known: Cyclohexane") != std::string::npos);
}
