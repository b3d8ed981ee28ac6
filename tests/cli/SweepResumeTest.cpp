// A sweep as an unreliable machine runs it: killed with SIGKILL part-way and resumed with
// `--resume` (every run recorded exactly once, checked by case id, and the table of an
// uninterrupted sweep), a resume refused while the sweep still runs and when the sweep changed
// since, a per-run time limit
// that stops a run while the sweep goes on, words as values, and each run's full output kept.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <set>
#include <thread>

#include "CliSupport.h"

using namespace proscale::test;

namespace {

std::size_t recordsIn(const std::filesystem::path& runs) {
  std::size_t n = 0;
  if (!std::filesystem::is_directory(runs)) return 0;
  for (const auto& e : std::filesystem::directory_iterator(runs)) {
    const std::string name = e.path().filename().string();
    n += name.starts_with("run-") && name.ends_with(".json");
  }
  return n;
}

}  // namespace

TEST_CASE("A sweep killed with SIGKILL resumes with nothing lost or run twice", "[cli][study][sweep]") {
  const std::string file = sourcePath("tests/cli/data/msmpr_resume_sweep.yaml");
  const auto whole = freshDir("sweep-whole");
  REQUIRE(runProscale("sweep " + file + " -q -o " + whole.string()).exitCode == 0);

  const auto out = freshDir("sweep-killed");
  const auto pidFile = out.string() + ".pid";
  const std::string start = std::string(PROSCALE_BINARY) + " sweep " + file + " -q -o " +
                            out.string() + " >/dev/null 2>&1 & echo $! > " + pidFile;
  REQUIRE(std::system(start.c_str()) == 0);
  // Kill it once 5 of the 60 runs (~90 ms each) are recorded.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (recordsIn(out / "runs") < 5 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // While it runs, nothing else may write into its directory (a flock on the directory).
  const CommandResult meanwhile = runProscale("sweep " + file + " -o " + out.string() + " --resume");
  CHECK(meanwhile.exitCode == 2);
  CHECK(meanwhile.err.find("another proscale process is writing into it") != std::string::npos);
  const pid_t pid = std::stoi(readFile(pidFile));
  REQUIRE(::kill(pid, SIGKILL) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const std::size_t before = recordsIn(out / "runs");
  INFO("records before the resume: " << before);
  REQUIRE(before >= 5);
  REQUIRE(before < 60);  // killed part-way (a sweep that had ended would prove nothing)
  CHECK(!std::filesystem::exists(out / "summary.json"));

  const CommandResult r = runProscale("sweep " + file + " -o " + out.string() + " --resume");
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  CHECK(r.out.find(std::to_string(before) + " recorded before the resume") != std::string::npos);
  // The table of the sweep that was never stopped, byte for byte.
  CHECK(readFile(out / "sweep.csv") == readFile(whole / "sweep.csv"));
  // Every run once, with the case id of the uninterrupted sweep's run of that number.
  const auto resumed = nlohmann::json::parse(readFile(out / "summary.json"));
  const auto reference = nlohmann::json::parse(readFile(whole / "summary.json"));
  CHECK(resumed["resumed_with"] == before);
  REQUIRE(resumed["rows"].size() == 60);
  std::set<std::string> ids;
  for (std::size_t k = 0; k < 60; ++k) {
    CHECK(resumed["rows"][k]["run"] == k + 1);
    CHECK(resumed["rows"][k]["case_id"] == reference["rows"][k]["case_id"]);
    ids.insert(resumed["rows"][k]["case_id"].get<std::string>());
  }
  CHECK(ids.size() == 60);
  CHECK(recordsIn(out / "runs") == 60);

  // A changed sweep does not resume into the old journal.
  const CommandResult changed = runProscale("sweep " + file + " -o " + out.string() +
                                            " --resume --set process.set=[population.classes=120]");
  CHECK(changed.exitCode == 2);
  CHECK(changed.err.find("was another case") != std::string::npos);
  // Nor does a directory that holds no sweep.
  const CommandResult nothing = runProscale("sweep " + file + " --resume -o " +
                                            freshDir("sweep-nothing").string());
  CHECK(nothing.exitCode == 2);
  CHECK(nothing.err.find("holds no unfinished proscale run to resume") != std::string::npos);
  for (const auto& dir : {whole, out}) std::filesystem::remove_all(dir);
  std::filesystem::remove(pidFile);
}

TEST_CASE("A run past the sweep's case-time-limit is recorded incomplete and the sweep goes on",
          "[cli][study][sweep]") {
  const auto out = freshDir("sweep-limit");
  const CommandResult r = runProscale(
      "sweep " + sourcePath("tests/cli/data/msmpr_choice_sweep.yaml") + " -o " + out.string());
  INFO(r.out << r.err);
  CHECK(r.exitCode == 3);
  const std::string csv = readFile(out / "sweep.csv");
  // Words as values: the column holds them as they are, without a unit.
  CHECK(csv.starts_with("run,solver.type,status,"));
  CHECK(csv.find("\n1,cvodes,incomplete,") != std::string::npos);
  CHECK(csv.find("\n2,idas,incomplete,") != std::string::npos);
  CHECK(r.out.find("run 1 incomplete: ended at t = ") != std::string::npos);
  CHECK(r.out.find("STOPPED the sweep's case-time-limit (1e-06 s) reached") != std::string::npos);
  // Each run's own output, as `proscale run` writes it, marked incomplete.
  for (const char* run : {"run-000001", "run-000002"}) {
    const auto summary = nlohmann::json::parse(readFile(out / "runs" / run / "summary.json"));
    CHECK(summary["status"] == "incomplete");
    CHECK(std::filesystem::exists(out / "runs" / run / "timeseries.csv"));
  }
  // A new sweep into the directory removes the old runs' folders.
  REQUIRE(runProscale("sweep " + sourcePath("validation/studies/msmpr_sweep.yaml") + " -q -o " +
                      out.string()).exitCode == 0);
  CHECK(!std::filesystem::exists(out / "runs" / "run-000001"));
  std::filesystem::remove_all(out);
}
