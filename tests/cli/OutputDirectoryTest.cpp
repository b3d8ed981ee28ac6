// The output directory never lies (issue 10, item 4; defects 12, 13, 15, 16) and limits come
// before work (item 3; defect 4): through the real `proscale` binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <chrono>
#include <set>

#include "CliSupport.h"

using namespace proscale::test;

namespace {

const std::string kMsmpr = "validation/analytic/msmpr.yaml";  // 200 classes, 4 times, < 1 s

std::set<std::string> entriesOf(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    names.insert(e.path().filename().string());
  return names;
}

std::string runIdOf(const std::filesystem::path& dir) {
  return nlohmann::json::parse(readFile(dir / "summary.json"))["run_id"].get<std::string>();
}

void write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

/// `proscale run ARGS` in the background, sent `signal` after `seconds`; its exit status.
int runAndSignal(const std::string& args, const char* signal, double seconds) {
  const std::string cmd = "sh -c '" + std::string(PROSCALE_BINARY) + " " + args +
                          " >/dev/null 2>&1 & pid=$!; sleep " + std::to_string(seconds) +
                          "; kill -" + signal + " $pid; wait $pid'";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("A reused output directory holds the new run's files only", "[cli]") {
  const auto out = freshDir("reuse");
  const CommandResult first =
      runProscale("run " + sourcePath(kMsmpr) + " -q -o " + out.string() + " --set output.vtk=true");
  REQUIRE(first.exitCode == 0);
  CHECK(entriesOf(out) == std::set<std::string>{".proscale-run", "psd", "psd.csv", "psd.pvd",
                                                "psd_map.vtr", "summary.json", "timeseries.csv",
                                                "timeseries.vtr"});
  const std::string firstId = runIdOf(out);
  // What a run killed with -9 leaves, a stale piece, and a file of the user's.
  write(out / "timeseries.csv.partial", "time [s]\n0\n");
  write(out / "psd.csv.tmp-99999-3", "half");
  write(out / "psd" / "psd_0099.vtr", "stale piece");
  write(out / "notes.txt", "mine");

  const CommandResult second = runProscale("run " + sourcePath(kMsmpr) + " -q -o " + out.string());
  INFO(second.out << second.err);
  REQUIRE(second.exitCode == 0);
  CHECK(entriesOf(out) == std::set<std::string>{".proscale-run", "notes.txt", "psd.csv",
                                                "summary.json", "timeseries.csv"});
  CHECK(readFile(out / "notes.txt") == "mine");
  CHECK(runIdOf(out) != firstId);
  CHECK(readFile(out / ".proscale-run") == "proscale run " + runIdOf(out) + "\n");
  std::filesystem::remove_all(out);
}

TEST_CASE("A directory that is not proscale's is refused unless --overwrite", "[cli]") {
  const auto out = freshDir("foreign");
  write(out / "thesis.tex", "mine");
  const CommandResult refused = runProscale("run " + sourcePath(kMsmpr) + " -o " + out.string());
  CHECK(refused.exitCode == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err == "--output: '" + out.string() +
                           "': is not empty and holds no proscale results; choose another "
                           "directory, or add --overwrite to write into it anyway\n");
  CHECK(entriesOf(out) == std::set<std::string>{"thesis.tex"});

  const CommandResult overwritten =
      runProscale("run " + sourcePath(kMsmpr) + " -q --overwrite -o " + out.string());
  CHECK(overwritten.exitCode == 0);
  CHECK(entriesOf(out) == std::set<std::string>{".proscale-run", "psd.csv", "summary.json",
                                                "thesis.tex", "timeseries.csv"});
  std::filesystem::remove_all(out);
}

TEST_CASE("An --output that cannot be used is exit 2 at once, before any simulation", "[cli]") {
  const auto dir = freshDir("unusable");
  std::filesystem::create_directories(dir);
  write(dir / "a-file", "x");
  const std::string flagship = sourcePath("cases/baso4_batch.yaml");  // ~25 s if it ran
  const struct {
    std::string option, message;
  } cases[] = {
      {"-o /dev/null", "--output: '/dev/null': exists and is not a directory\n"},
      {"-o " + (dir / "a-file").string(),
       "--output: '" + (dir / "a-file").string() + "': exists and is not a directory\n"},
      {"-o " + (dir / "a-file" / "sub").string(),
       "--output: cannot create directory '" + (dir / "a-file" / "sub").string() +
           "': Not a directory\n"},
      {"-o ''",
       "proscale: --output: an empty directory name (use '.' for the working directory)\n"
       "(proscale --help lists the verbs and options)\n"},
  };
  for (const auto& c : cases) {
    const auto start = std::chrono::steady_clock::now();
    const CommandResult r = runProscale("run " + flagship + " " + c.option, dir.string());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(c.option << "\n" << r.out << r.err);
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.message);
    CHECK(seconds < 5);  // nothing simulated
  }
  CHECK(entriesOf(dir) == std::set<std::string>{"a-file"});  // -o '' wrote nothing here
  std::filesystem::remove_all(dir);
}

TEST_CASE("SIGTERM stops a run cleanly: partial results, incomplete, no temporary files, 143",
          "[cli]") {
  const auto out = freshDir("sigterm");
  const int status =
      runAndSignal("run " + sourcePath("cases/baso4_batch.yaml") + " -o " + out.string(), "TERM", 2);
  CHECK(status == 128 + 15);
  const auto summary = nlohmann::json::parse(readFile(out / "summary.json"));
  CHECK(summary["status"] == "incomplete");
  CHECK(summary["solver"]["flag"] == "STOPPED");
  CHECK(summary["solver"]["message"] == "interrupted by SIGTERM");
  for (const auto& file : std::filesystem::recursive_directory_iterator(out)) {
    INFO(file.path());
    CHECK(file.path().filename().string().find(".tmp-") == std::string::npos);
    CHECK(file.path().filename().string().find(".partial") == std::string::npos);
  }
  std::filesystem::remove_all(out);
}

TEST_CASE("A run killed with -9 in a reused directory leaves no summary that claims complete",
          "[cli]") {
  const auto out = freshDir("kill9");
  REQUIRE(runProscale("run " + sourcePath(kMsmpr) + " -q -o " + out.string()).exitCode == 0);
  REQUIRE(std::filesystem::exists(out / "summary.json"));
  runAndSignal("run " + sourcePath("cases/baso4_batch.yaml") + " -o " + out.string(), "KILL", 2);
  CHECK_FALSE(std::filesystem::exists(out / "summary.json"));
  CHECK(std::filesystem::exists(out / ".proscale-run"));  // still proscale's: the next run may
  REQUIRE(runProscale("run " + sourcePath(kMsmpr) + " -q -o " + out.string()).exitCode == 0);
  CHECK(entriesOf(out) == std::set<std::string>{".proscale-run", "psd.csv", "summary.json",
                                                "timeseries.csv"});
  std::filesystem::remove_all(out);
}

// The estimate of docs/reference/outputs.md ("Limits before work") for msmpr.yaml: n = 200
// classes, N = n + 32 unknowns, bordered-band Jacobian, no sensitivities, m = 4 output times:
//   solver  8 B x (20 N + 3 (32^2 + 2*32 n + 9 n)) = 8 x (4640 + 46872) = 412,096 B
//   outputs 8 B x m (3 n + 2*32)                   = 8 x 4 x 664       =  21,248 B
TEST_CASE("A case above --max-memory is refused before anything is allocated", "[cli]") {
  const std::string file = sourcePath(kMsmpr);
  CommandResult r = runProscale("check " + file + " --max-memory 100kB");
  CHECK(r.exitCode == 2);
  CHECK(r.err == file + ":23:12: population.classes: the run would need about 433 kB of memory "
                        "(412 kB for the solver on 232 unknowns, 21.2 kB for 4 output times), "
                        "more than --max-memory 100 kB\n");
  // 100,000 output times: 8 x 1e5 x 664 = 531.2 MB of outputs; with the default 101 it fits.
  const auto out = freshDir("memory");
  r = runProscale("run " + file + " -o " + out.string() +
                  " --set output.count=100000 --max-memory 100MB");
  CHECK(r.exitCode == 2);
  CHECK(r.err == "--set:1:1: output.count: the run would need about 532 MB of memory (412 kB "
                 "for the solver on 232 unknowns, 531 MB for 100000 output times), more than "
                 "--max-memory 100 MB\n");
  CHECK_FALSE(std::filesystem::exists(out));
  // Defect 4: 10^7 and 10^9 classes crashed inside SUNDIALS or with bad_alloc; now refused
  // at once with the default limit (half the RAM; terabytes are more than any test machine).
  for (const std::string classes : {"1000000000", "100000000000"}) {
    const auto start = std::chrono::steady_clock::now();
    r = runProscale("run " + sourcePath("cases/baso4_batch.yaml") + " -o " + out.string() +
                    " --set population.classes=" + classes);
    INFO(r.err);
    CHECK(r.exitCode == 2);
    CHECK(r.err.rfind("--set:1:1: population.classes: the run would need about ", 0) == 0);
    CHECK(r.err.find("TB of memory") != std::string::npos);
    CHECK(r.err.find("more than --max-memory ") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK_FALSE(std::filesystem::exists(out));
  }
}

TEST_CASE("Usage errors are one line and a hint", "[cli]") {
  for (const std::string args : {"run", "run --max-time 0 x.yaml", "run x.yaml --max-memory 3 apples",
                                 "frobnicate"}) {
    const CommandResult r = runProscale(args);
    INFO(args << "\n" << r.err);
    CHECK(r.exitCode == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 2);
    CHECK(r.err.substr(r.err.find('\n') + 1) == "(proscale --help lists the verbs and options)\n");
  }
}
