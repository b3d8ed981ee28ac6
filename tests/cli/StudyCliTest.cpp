// `proscale run` of a scale-up study (tests/app/data/tiny_study.yaml) through the real command:
// the three files, the status, exit code 0; a study whose process runs fail writes its table
// with the failed runs named, status incomplete, exit code 3.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "CliSupport.h"

using namespace proscale::test;

TEST_CASE("proscale run of a scale-up study writes its table and summary", "[cli][study]") {
  const auto out = freshDir("study");
  const CommandResult r = runProscale("run " + sourcePath("tests/app/data/tiny_study.yaml") +
                                      " -o " + out.string());
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  CHECK(r.out.find("(9 process runs)") != std::string::npos);
  const std::string csv = readFile(out / "scaleup.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 13);  // header + 4 rules x 3 scales
  const std::string md = readFile(out / "scaleup.md");
  CHECK(md.find("Rules that keep the product in spec at every scale: constant P/V, constant "
                "tip speed, constant Re, constant mixing time.") != std::string::npos);
  const auto summary = nlohmann::json::parse(readFile(out / "summary.json"));
  CHECK(summary["status"] == "complete");
  CHECK(summary["case"]["model"] == "scale-up-study");
  CHECK(summary["rows"].size() == 12);
  CHECK(summary["rows"][0]["overrides"].contains("network.exchange.0.engulfment-dissipation"));
  std::filesystem::remove_all(out);
}

TEST_CASE("A scale-up study whose process runs fail: status incomplete, exit code 3",
          "[cli][study]") {
  const auto out = freshDir("study-failed");
  // One internal step per output interval cannot reach the first output time.
  const CommandResult r = runProscale("run " + sourcePath("tests/app/data/tiny_study.yaml") +
                                      " --set 'process.set=[solver.max-steps=1]' --set "
                                      "'rules=[reynolds]' -o " + out.string());
  INFO(r.out << r.err);
  CHECK(r.exitCode == 3);
  const auto line = r.out.find("constant Re, 0.1 m^3: run 2 incomplete: ended at t = ");
  REQUIRE(line != std::string::npos);
  CHECK(r.out.find(" s: CV_TOO_MUCH_WORK", line) < r.out.find('\n', line));
  const auto summary = nlohmann::json::parse(readFile(out / "summary.json"));
  CHECK(summary["status"] == "incomplete");
  CHECK(summary["rows"][1]["run_status"] == "incomplete");
  CHECK(summary["rows"][1]["in_spec"] == "n/a");
  CHECK(readFile(out / "scaleup.csv").find(",2,incomplete,") != std::string::npos);
  std::filesystem::remove_all(out);
}
