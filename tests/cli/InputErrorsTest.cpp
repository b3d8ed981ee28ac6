// Every deliberately broken case file in tests/input_errors/ through the real CLI, with
// `check` and with `run`: exactly one line on stderr, the whole message as expected, exit code 2,
// nothing on stdout and no output directory. Each file opens with comment lines:
//   # expect: {FILE}:LINE:COL: key.path: problem   the exact message ({FILE}: the case path)
//   # set: KEY.PATH=VALUE                          a --set override (any number)
//   # args: OPTIONS                                more command-line options (shell words)
//   # case: PATH                                   run this case instead of the file itself: a
//                                                  path in the source tree, /dev/zero, {FIFO}
//                                                  (a named pipe) or {BIG} (a 16 MiB + 1 file)
// Any other leading comment says which defect or rule the file guards.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <algorithm>
#include <optional>
#include <regex>
#include <sstream>
#include <vector>

#include "CliSupport.h"

using namespace proscale::test;

namespace {
struct Expectation {
  std::string message;  // with {FILE}
  std::vector<std::string> overrides;
  std::string args;      // e.g. --max-memory 1GB
  std::string casePath;  // empty: the file itself
};

Expectation expectationOf(const std::filesystem::path& file) {
  std::ifstream in(file);
  Expectation e;
  for (std::string line; std::getline(in, line) && line.rfind("#", 0) == 0;) {
    auto value = [&](const std::string& tag) -> std::optional<std::string> {
      if (line.rfind(tag, 0) != 0) return {};
      return line.substr(tag.size());
    };
    if (auto v = value("# expect: ")) e.message = *v;
    if (auto v = value("# set: ")) e.overrides.push_back(*v);
    if (auto v = value("# case: ")) e.casePath = *v;
    if (auto v = value("# args: ")) e.args = " " + *v;
  }
  return e;
}

std::string shellQuoted(const std::string& word) {
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

/// The path the case is given as: the file, a file of the source tree, or a special file.
std::string casePathFor(const std::filesystem::path& file, const std::string& wanted) {
  if (wanted.empty()) return file.string();
  if (wanted == "/dev/zero") return wanted;
  const std::filesystem::path scratch = freshDir("input-error-special");
  std::filesystem::create_directories(scratch);
  if (wanted == "{FIFO}") {
    const std::filesystem::path fifo = scratch / "pipe.yaml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    return fifo.string();
  }
  if (wanted == "{BIG}") {
    const std::filesystem::path big = scratch / "big.yaml";
    std::ofstream(big) << "model: batch-precipitation\n";
    std::filesystem::resize_file(big, (16u << 20) + 1);  // sparse: no 16 MiB written
    return big.string();
  }
  return sourcePath(wanted);
}
}  // namespace

TEST_CASE("Broken case files: one exact located message, exit code 2, nothing written",
          "[input][cli]") {
  const std::filesystem::path dir = sourcePath("tests/input_errors");
  int checked = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const Expectation expect = expectationOf(file);
    INFO(file.string());
    REQUIRE_FALSE(expect.message.empty());
    const std::string casePath = casePathFor(file, expect.casePath);
    std::string overrides;
    for (const std::string& o : expect.overrides) overrides += " --set " + shellQuoted(o);
    overrides += expect.args;
    for (const std::string verb : {"check", "run"}) {
      const auto out = freshDir("input-error");
      const CommandResult r =
          runProscale(verb + " " + shellQuoted(casePath) + overrides +
                      (verb == "run" ? " -o " + shellQuoted(out.string()) : ""));
      INFO(verb << " " << casePath << overrides << "\nstderr: " << r.err);
      CHECK(r.exitCode == 2);
      CHECK(r.out.empty());
      CHECK(r.err == replaced(expect.message, "{FILE}", casePath) + "\n");
      CHECK_FALSE(std::filesystem::exists(out));
    }
    ++checked;
  }
  CHECK(checked >= 60);  // issue 10: a bad-input folder of at least 60 files
}

TEST_CASE("A misspelt --set key is reported at --set with a suggestion", "[input][cli]") {
  const CommandResult r = runProscale("check " + sourcePath("cases/baso4_batch.yaml") +
                                      " --set reactor.temprature=\"40 degC\"");
  INFO(r.err);
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("--set") == 0);
  CHECK(r.err.find("reactor.temprature: unknown key 'temprature' (did you mean 'temperature'?)") !=
        std::string::npos);
}

TEST_CASE("A --set value of the wrong dimension is an input error", "[input][cli]") {
  const CommandResult r = runProscale("check " + sourcePath("cases/baso4_batch.yaml") +
                                      " --set population.min-size=\"2 s\"");
  INFO(r.err);
  CHECK(r.exitCode == 2);
  CHECK(r.err.find("population.min-size:") != std::string::npos);
}

TEST_CASE("A missing case file and a bad command line exit with 2", "[input][cli]") {
  CHECK(runProscale("run /nonexistent/case.yaml").exitCode == 2);
  CHECK(runProscale("frobnicate").exitCode == 2);
  CHECK(runProscale("run").exitCode == 2);
  CHECK(runProscale("run " + sourcePath("cases/baso4_batch.yaml") + " --bogus").exitCode == 2);
}

TEST_CASE("check lists every problem of a file at once; run stops at the first", "[input][cli]") {
  const std::string file = sourcePath("tests/cli/data/five_problems.yaml");
  const CommandResult check = runProscale("check " + file);
  INFO(check.err);
  CHECK(check.exitCode == 2);
  std::istringstream lines(check.err);
  std::vector<std::string> problems;
  for (std::string line; std::getline(lines, line);) problems.push_back(line);
  REQUIRE(problems.size() == 5);
  const std::regex format("^(.+):([0-9]+):([0-9]+): (.*)$");
  for (const std::string& p : problems) CHECK(std::regex_match(p, format));
  CHECK(problems[0].find("reactor.temperature: missing unit: did you mean '298 K'") != std::string::npos);
  CHECK(problems[1].find("(did you mean 'min'?)") != std::string::npos);
  CHECK(problems[3].find("unknown key 'clases' (did you mean 'classes'?)") != std::string::npos);
  const auto out = freshDir("five-problems");
  const CommandResult run = runProscale("run " + file + " -o " + out.string());
  CHECK(run.exitCode == 2);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  CHECK_FALSE(std::filesystem::exists(out));
}
