// `proscale sweep` and `proscale correlate` through the real command: a factorial MSMPR sweep
// against the analytic mean size L0 + G tau and its power law, the correlation of its table
// (N = B0 tau), the same table on 1 and 2 threads, a Latin hypercube's strata and seed, a
// failing run recorded while the others go on (exit 3), and the requests correlate refuses.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <sstream>

#include "CliSupport.h"
#include "analysis/Correlation.h"

using namespace proscale;
using namespace proscale::test;

namespace {

// sweep.csv as columns by header name (numbers; an empty cell is NaN, text columns are skipped).
std::map<std::string, std::vector<double>> readTable(const std::string& csv) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> names;
  std::istringstream header(line);
  for (std::string name; std::getline(header, name, ',');) names.push_back(name);
  std::map<std::string, std::vector<double>> columns;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string cell;
    for (std::size_t c = 0; c < names.size() && std::getline(row, cell, ','); ++c) {
      char* end = nullptr;
      const double v = std::strtod(cell.c_str(), &end);
      columns[names[c]].push_back(cell.empty() || *end != '\0' ? std::nan("") : v);
    }
  }
  return columns;
}

}  // namespace

TEST_CASE("A factorial MSMPR sweep gives the analytic mean size and its power law",
          "[cli][study][sweep]") {
  const auto out = freshDir("sweep");
  const CommandResult r =
      runProscale("sweep " + sourcePath("validation/studies/msmpr_sweep.yaml") + " -o " + out.string());
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  const std::string csv = readFile(out / "sweep.csv");
  auto t = readTable(csv);
  const auto& G = t["particles.growth-rate [m/s]"];
  const auto& tau = t["reactor.residence-time [s]"];
  const auto& mean = t["mean_diameter [m]"];
  REQUIRE(mean.size() == 6);  // 3 growth rates x 2 residence times, the last key fastest
  CHECK(G[0] == 0.5e-9);
  CHECK(tau[1] == 100.0);
  // n(L) = n0 exp(-(L - L0)/(G tau)): the number mean is L0 + G tau (L0 = 10 nm). The case's
  // 200 classes give it within 2e-4 (validation/analytic/msmpr.yaml); 1e-3.
  CorrelationData d{"mean - L0", {"G", "tau"}, {}, {}};
  for (std::size_t k = 0; k < 6; ++k) {
    CHECK(std::abs(mean[k] / (10e-9 + G[k] * tau[k]) - 1.0) < 1e-3);
    d.x.push_back({G[k], tau[k]});
    d.y.push_back(mean[k] - 10e-9);
  }
  // The power law fitted to the table: exponents 1 (the same 2e-4 errors, over a factor 4 in
  // G and 2 in tau, move them by less than 1e-3).
  const Correlation law = correlate(d, CorrelationForm::PowerLaw);
  CHECK(std::abs(law.fit.coefficients(1) - 1.0) < 1e-3);
  CHECK(std::abs(law.fit.coefficients(2) - 1.0) < 1e-3);
  const auto summary = nlohmann::json::parse(readFile(out / "summary.json"));
  CHECK(summary["status"] == "complete");
  CHECK(summary["counts"]["complete"] == 6);
  CHECK(summary["rows"][0]["overrides"]["particles.growth-rate"] == "0.5 nm/s");
  // proscale correlate on the table: N = B0 tau at steady state (B0 = 1e13 1/m^3/s, whatever
  // G), an exact power law that the runs keep to 3.2e-7 (the largest G tau loses a little at
  // max-size): exponents 0 and 1 within 1e-6 (observed 1.1e-7), and the prefactor B0 within
  // 1e-5 -- at G in m/s, |ln G| = 21 turns the exponents' 1e-7 into 2e-6 of ln a (observed
  // 1.8e-6).
  const auto fitted = freshDir("sweep-correlation");
  const CommandResult k = runProscale("correlate " + out.string() + " --response number_density "
                                      "--inputs particles.growth-rate,reactor.residence-time -o " +
                                      fitted.string());
  INFO(k.out << k.err);
  REQUIRE(k.exitCode == 0);
  CHECK(k.out.find("number_density = 1e+13 * particles.growth-rate^") != std::string::npos);
  const YAML::Node yaml = YAML::LoadFile((fitted / "correlation.yaml").string());
  const auto estimate = [&yaml](const std::string& term) {
    return yaml["coefficients"][term]["estimate"].as<double>();
  };
  CHECK(std::abs(estimate("b_particles.growth-rate")) < 1e-6);
  CHECK(std::abs(estimate("b_reactor.residence-time") - 1.0) < 1e-6);
  CHECK(std::abs(std::exp(estimate("log a")) / 1e13 - 1.0) < 1e-5);
  CHECK(yaml["response"]["name"].as<std::string>() == "number_density");
  CHECK(yaml["response"]["unit"].as<std::string>() == "1/m^3");
  CHECK(yaml["inputs"][1]["unit"].as<std::string>() == "s");
  // Bad requests: a misspelt column, and values a power law cannot take.
  const CommandResult misspelt = runProscale("correlate " + out.string() +
                                             " --response mean_diamter --inputs particles.growth-rate");
  CHECK(misspelt.exitCode == 2);
  CHECK(misspelt.err.find("--response:1:1: mean_diamter: no column 'mean_diamter' in sweep.csv (did "
                          "you mean 'mean_diameter'?)") != std::string::npos);
  const CommandResult zero = runProscale("correlate " + out.string() +
                                         " --response number_dissolved --inputs particles.growth-rate");
  CHECK(zero.exitCode == 2);
  CHECK(zero.err.find("number_dissolved: a power law needs positive values, and number_dissolved is "
                      "zero or negative in 6 of 6 runs (runs 1, 2, 3, 4, 5, 6)") != std::string::npos);
  std::filesystem::remove_all(fitted);
  // The same table from one thread.
  const auto serial = freshDir("sweep-serial");
  REQUIRE(runProscale("sweep " + sourcePath("validation/studies/msmpr_sweep.yaml") +
                      " --set threads=1 -o " + serial.string()).exitCode == 0);
  CHECK(readFile(serial / "sweep.csv") == csv);
  std::filesystem::remove_all(out);
  std::filesystem::remove_all(serial);
}

TEST_CASE("A Latin hypercube sweep puts one run in each stratum of each range, by its seed",
          "[cli][study][sweep]") {
  const auto out = freshDir("sweep-lhs");
  const std::string file = sourcePath("tests/cli/data/msmpr_lhs_sweep.yaml");
  const CommandResult r = runProscale("sweep " + file + " -o " + out.string());
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  const std::string csv = readFile(out / "sweep.csv");
  auto t = readTable(csv);
  std::vector<int> gStrata, tauStrata;
  for (double G : t["particles.growth-rate [m/s]"])  // log spacing: strata equal in log G
    gStrata.push_back(static_cast<int>(std::floor(8 * std::log(G / 0.5e-9) / std::log(4.0))));
  for (double tau : t["reactor.residence-time [s]"])
    tauStrata.push_back(static_cast<int>(std::floor(8 * (tau - 50.0) / 80.0)));
  std::sort(gStrata.begin(), gStrata.end());
  std::sort(tauStrata.begin(), tauStrata.end());
  CHECK(gStrata == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7});
  CHECK(tauStrata == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7});
  const auto again = freshDir("sweep-lhs-again");
  REQUIRE(runProscale("sweep " + file + " -o " + again.string()).exitCode == 0);
  CHECK(readFile(again / "sweep.csv") == csv);
  const auto other = freshDir("sweep-lhs-other");
  REQUIRE(runProscale("sweep " + file + " --set seed=7 -o " + other.string()).exitCode == 0);
  CHECK(readFile(other / "sweep.csv") != csv);
  for (const auto& dir : {out, again, other}) std::filesystem::remove_all(dir);
}

TEST_CASE("A sweep records a failing run with its reason and goes on, exit code 3",
          "[cli][study][sweep]") {
  const auto out = freshDir("sweep-failing");
  const CommandResult r = runProscale("sweep " + sourcePath("tests/cli/data/msmpr_failing_sweep.yaml") +
                                      " -o " + out.string());
  INFO(r.out << r.err);
  CHECK(r.exitCode == 3);
  CHECK(r.out.find("run 2 incomplete: ended at t = ") != std::string::npos);
  const std::string csv = readFile(out / "sweep.csv");
  CHECK(csv.find("\n1,,,complete,") != std::string::npos);   // the case as it is
  CHECK(csv.find("\n2,1,,incomplete,") != std::string::npos);  // max-steps 1
  CHECK(csv.find("\n3,,2e-09,complete,") != std::string::npos);
  const auto summary = nlohmann::json::parse(readFile(out / "summary.json"));
  CHECK(summary["status"] == "incomplete");
  CHECK(summary["counts"]["incomplete"] == 1);
  CHECK(summary["rows"][1]["problem"].get<std::string>().find("CV_TOO_MUCH_WORK") != std::string::npos);
  // A correlation over a table with a failed run is refused, naming it.
  const CommandResult k = runProscale("correlate " + out.string() +
                                      " --response mean_diameter --inputs particles.growth-rate");
  CHECK(k.exitCode == 2);
  CHECK(k.err.find("mean_diameter: 1 of 3 runs are not complete (run 2 incomplete)") != std::string::npos);
  std::filesystem::remove_all(out);
}

TEST_CASE("proscale sweep refuses a file that is not a sweep", "[cli][input][sweep]") {
  const CommandResult r = runProscale("sweep " + sourcePath("validation/analytic/msmpr.yaml"));
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("model: `proscale sweep` takes a sweep file (model: parameter-sweep); this is a "
                   "population-balance case: `proscale run` runs it") != std::string::npos);
}

TEST_CASE("A derived key follows its expression at every run; a factorial grid gives sweep.vti",
          "[cli][study][sweep]") {
  const auto out = freshDir("sweep-derived");
  const CommandResult r = runProscale("sweep " + sourcePath("tests/cli/data/msmpr_derived_sweep.yaml") +
                                      " -q -o " + out.string());
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  auto t = readTable(readFile(out / "sweep.csv"));
  const auto& tau = t["reactor.residence-time [s]"];
  const auto& b0 = t["particles.nucleation-rate [1/(m^3 s)]"];
  const auto& N = t["number_density [1/m^3]"];
  REQUIRE(N.size() == 6);
  for (std::size_t k = 0; k < 6; ++k) {
    CHECK(b0[k] == 1e15 / tau[k]);  // written as the shortest text that reads back
    // N = B0 tau = 1e15 exactly; the runs keep it to 3.2e-7 (the largest G tau loses a little
    // at max-size, as in the factorial test above): 1e-6.
    CHECK(std::abs(N[k] / 1e15 - 1.0) < 1e-6);
  }
  // The grid as VTK image data: x is the last key (tau, 2 values), y the first (G, 3 values,
  // log-spaced: its axis is log10 G).
  const std::string vti = readFile(out / "sweep.vti");
  CHECK(vti.find("WholeExtent=\"0 1 0 2 0 0\"") != std::string::npos);
  CHECK(vti.find("log10(particles.growth-rate [m/s])") != std::string::npos);
  std::filesystem::remove_all(out);
}

TEST_CASE("A sweep with a chart section draws it; proscale chart redraws it from the table",
          "[cli][study][sweep][chart]") {
  const std::string file = sourcePath("tests/cli/data/msmpr_chart_sweep.yaml");
  const auto out = freshDir("sweep-chart");
  const CommandResult r = runProscale("sweep " + file + " -o " + out.string());
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  CHECK(r.out.find("(sweep.csv, sweep.vti, chart.png, chart.svg, summary.json, runs/)") != std::string::npos);
  CHECK(readFile(out / "chart.png").substr(1, 3) == "PNG");
  const std::string svg = readFile(out / "chart.svg");
  // The window in the units the file gave (nm for the metric; SI for a metric not drawn).
  CHECK(svg.find("specification window: 100 nm ≤ mean_diameter ≤ 200 nm, number_density ≤ 2e+15 1/m^3") !=
        std::string::npos);
  // The correlation mean = a tau^b1 G^b2 of the runs (mean - L0 = G tau: exponents near 1).
  const auto spec = nlohmann::json::parse(readFile(out / "chart.json"));
  CHECK(spec["prediction"]["equation"].get<std::string>().starts_with("mean_diameter = "));
  CHECK(spec["x"]["unit"] == "s");
  CHECK(spec["y"]["log"] == true);
  CHECK(spec["metric"]["scale"].get<double>() == Approx(1e-9).epsilon(1e-12));
  // Redrawn from the table alone.
  std::filesystem::remove(out / "chart.png");
  const CommandResult again = runProscale("chart " + file + " -o " + out.string());
  INFO(again.out << again.err);
  CHECK(again.exitCode == 0);
  CHECK(std::filesystem::exists(out / "chart.png"));
  // A directory without a table, and a renderer that is not there.
  const CommandResult none = runProscale("chart " + file + " -o " + freshDir("no-table").string());
  CHECK(none.exitCode == 2);
  CHECK(none.err.find("holds no sweep.csv: run the sweep first") != std::string::npos);
  const CommandResult broken =
      runProscale("chart " + file + " -o " + out.string(), "", "PROSCALE_RENDERERS=/nonexistent");
  CHECK(broken.exitCode == 1);
  CHECK(broken.err.find("the chart could not be drawn: the chart renderer /nonexistent/chart.py is not "
                        "there") != std::string::npos);
  // correlate in a group of the user's own: theta = tau / 100 s.
  const CommandResult k = runProscale("correlate " + out.string() +
                                      " --response mean_diameter --inputs theta "
                                      "--define theta=reactor_residence_time/100 --form quadratic");
  INFO(k.out << k.err);
  CHECK(k.exitCode == 0);
  CHECK(k.out.find("mean_diameter = ") != std::string::npos);
  // A Gaussian-process surrogate of the mean size L0 + G tau (smooth, bilinear): it predicts each
  // run from the others to better than 1 % of the spread (leave-one-out R^2 above 0.99), and
  // -o writes its YAML, the leave-one-out residuals and their plot.
  const auto surrogate = freshDir("sweep-surrogate");
  const CommandResult gp = runProscale("correlate " + out.string() +
                                       " --response mean_diameter --inputs particles.growth-rate,"
                                       "reactor.residence-time --form gaussian-process -o " +
                                       surrogate.string());
  INFO(gp.out << gp.err);
  CHECK(gp.exitCode == 0);
  const YAML::Node model = YAML::LoadFile((surrogate / "correlation.yaml").string());
  CHECK(model["form"].as<std::string>() == "gaussian-process");
  CHECK(model["leave-one-out-r-squared"].as<double>() > 0.99);
  CHECK(model["runs"].size() == 12);
  CHECK(readFile(surrogate / "residuals.csv").starts_with("run,observed mean_diameter [m],leave-one-out prediction [m]"));
  CHECK(std::filesystem::exists(surrogate / "residuals.png"));
  std::filesystem::remove_all(surrogate);
  const CommandResult bad = runProscale("correlate " + out.string() +
                                        " --response mean_diameter --inputs theta "
                                        "--define theta=reactor_residence_tim/100");
  CHECK(bad.exitCode == 2);
  CHECK(bad.err.find("--define:1:1: theta: no column 'reactor_residence_tim' in sweep.csv (did you "
                     "mean 'reactor_residence_time'?)") != std::string::npos);
  std::filesystem::remove_all(out);
}
