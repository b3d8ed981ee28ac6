// Every deliberately broken case file in tests/input_errors/ through the real CLI: one
// message `FILE:LINE:COL: key.path: problem`, exit code 2, nothing written. Each file states
// what it expects on its first line: `# expect: LINE key.path: text` (LINE 0: any line).
#include <catch2/catch.hpp>
#include <algorithm>
#include <regex>
#include <sstream>
#include <vector>

#include "CliSupport.h"

using namespace proscale::test;

namespace {
struct Expectation {
  int line = 0;
  std::string text;  // "key.path: problem" prefix
};

Expectation expectationOf(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  const std::string tag = "# expect: ";
  REQUIRE(first.rfind(tag, 0) == 0);
  Expectation e;
  std::istringstream rest(first.substr(tag.size()));
  rest >> e.line;
  std::getline(rest, e.text);
  e.text = e.text.substr(1);
  return e;
}
}  // namespace

TEST_CASE("Broken case files: one located message, exit code 2, nothing written", "[input][cli]") {
  const std::filesystem::path dir = sourcePath("tests/input_errors");
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string file = entry.path().string();
    const Expectation expect = expectationOf(entry.path());
    for (const std::string verb : {"check", "run"}) {
      const auto out = freshDir("input-error");
      const CommandResult r = runProscale(verb + " " + file + (verb == "run" ? " -o " + out.string() : ""));
      INFO(verb << " " << file << "\nstderr: " << r.err);
      CHECK(r.exitCode == 2);
      CHECK(r.out.empty());
      // exactly one line: FILE:LINE:COL: key.path: problem
      std::smatch m;
      const std::regex format("^(.+):([0-9]+):([0-9]+): (.*)\n$");
      REQUIRE(std::regex_match(r.err, m, format));
      CHECK(m[1] == file);
      if (expect.line > 0) CHECK(std::stoi(m[2]) == expect.line);
      CHECK(std::stoi(m[3]) >= 1);
      CHECK(m[4].str().rfind(expect.text, 0) == 0);
      CHECK_FALSE(std::filesystem::exists(out));
    }
    ++checked;
  }
  CHECK(checked >= 15);
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
