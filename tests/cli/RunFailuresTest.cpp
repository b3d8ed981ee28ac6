// Every run-time failure in tests/run_failures/ through the real CLI. Each file is a case (or
// names a shipped one with `# case: PATH`) and states at its top what `proscale run` must do:
//   # args: extra command-line words          (optional)
//   # exit: CODE
//   # stdout: LINE                            (each line of stdout, in order; `*` matches any
//                                              text, {CASE} is the case path, {OUT} the -o dir)
// and, for every one: nothing on stderr, summary.json written last with status "incomplete"
// and the run id of the directory's marker, no NaN or infinity in any file, no temporary file.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <vector>

#include "CliSupport.h"

using namespace proscale::test;

namespace {

struct RunFailure {
  std::string casePath, args;
  int exitCode = -1;
  std::vector<std::string> stdoutLines;
};

RunFailure readSpec(const std::filesystem::path& file) {
  RunFailure spec;
  spec.casePath = file.string();
  std::ifstream in(file);
  std::string line;
  const auto value = [&line](const std::string& tag) { return line.substr(tag.size()); };
  while (std::getline(in, line) && line.rfind("#", 0) == 0) {
    if (line.rfind("# case: ", 0) == 0) spec.casePath = sourcePath(value("# case: "));
    if (line.rfind("# args: ", 0) == 0) spec.args = value("# args: ");
    if (line.rfind("# exit: ", 0) == 0) spec.exitCode = std::stoi(value("# exit: "));
    if (line.rfind("# stdout: ", 0) == 0) spec.stdoutLines.push_back(value("# stdout: "));
  }
  return spec;
}

std::string replaced(std::string text, const std::string& what, const std::string& with) {
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
  return text;
}

/// `pattern` with `*` matching any text, every other character literally.
bool matchesGlob(const std::string& text, const std::string& pattern) {
  std::string regex;
  for (const char c : pattern) {
    if (c == '*') regex += ".*";
    else if (std::string("\\^$.|?+()[]{}").find(c) != std::string::npos) regex += std::string("\\") + c;
    else regex += c;
  }
  return std::regex_match(text, std::regex(regex));
}

std::vector<std::string> linesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("Run-time failures: partial results marked incomplete, the time and reason named",
          "[cli][run-failures]") {
  const std::filesystem::path dir = sourcePath("tests/run_failures");
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    const RunFailure spec = readSpec(entry.path());
    const auto out = freshDir("run-failure");
    const CommandResult r =
        runProscale("run " + spec.casePath + " -o " + out.string() + " " + spec.args);
    INFO(entry.path().filename() << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exitCode == spec.exitCode);
    CHECK(r.err.empty());
    const std::vector<std::string> lines = linesOf(r.out);
    REQUIRE(lines.size() == spec.stdoutLines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string expected =
          replaced(replaced(spec.stdoutLines[i], "{CASE}", spec.casePath), "{OUT}", out.string());
      INFO("line " << i << ": " << lines[i] << "\nexpected: " << expected);
      CHECK(matchesGlob(lines[i], expected));
    }
    const auto summary = nlohmann::json::parse(readFile(out / "summary.json"));
    CHECK(summary["status"] == "incomplete");
    CHECK(readFile(out / ".proscale-run") ==
          "proscale run " + summary["run_id"].get<std::string>() + "\n");
    CHECK(std::filesystem::exists(out / "timeseries.csv"));
    for (const auto& file : std::filesystem::recursive_directory_iterator(out)) {
      if (file.is_directory()) continue;
      const std::string name = file.path().filename().string();
      INFO(name);
      CHECK(name.find(".tmp-") == std::string::npos);
      CHECK(name.find(".partial") == std::string::npos);
      const std::string text = readFile(file.path());
      static const std::regex nonFinite("(^|[,\\s:\"])[-+]?(nan|inf)", std::regex::icase);
      if (file.path().extension() == ".csv" || file.path().extension() == ".json")
        CHECK_FALSE(std::regex_search(text, nonFinite));
    }
    std::filesystem::remove_all(out);
    ++checked;
  }
  CHECK(checked >= 4);
}
