// The shipped cases and the validation cases must pass their own self-checks (grid losses,
// negative classes, validity ranges, an unfinished batch): a check that fires on them would
// either be wrong or show a case that cannot be trusted. The constructed failures are in
// tests/cli/CliTest.cpp. A study file (`model: scale-up-study`, `parameter-sweep`) runs other
// cases and has no state of its own: its process case is in the list, the study is checked in
// tests/app and tests/cli.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "CaseRunSupport.h"
#include "app/CaseSchema.h"
#include "case/CaseDocument.h"

namespace proscale::test {

namespace {

// The process cases under `folder` (no scale-up studies), those in space (`tubes`: the
// slowest, in a test case of their own so that ctest runs it beside the others) or the rest.
std::vector<std::string> casesIn(const char* folder, bool tubes) {
  std::vector<std::string> files;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(PROSCALE_SOURCE_DIR) + "/" + folder)) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string model = CaseDocument::load(entry.path()).modelType(caseModelNames());
    const bool study = isStudyModel(model);
    if (study || model.ends_with("-tube") != tubes) continue;
    files.push_back(std::filesystem::relative(entry.path(), PROSCALE_SOURCE_DIR).string());
  }
  return files;
}

void requireChecksPass(const std::vector<std::string>& files) {
  for (const std::string& file : files) {
    const ProcessRun run = runProcess(file);
    const auto checks = run.process().selfChecks(run.rec.t.back(), run.rec.y.back());
    CHECK_FALSE(checks.empty());
    for (const SelfCheck& c : checks) {
      INFO(file << ": " << c.name << " = " << c.value << " (threshold " << c.threshold << ")");
      CHECK_FALSE(c.failed());
    }
  }
}

}  // namespace

TEST_CASE("Shipped cases pass their self-checks", "[validation][checks]") {
  const std::vector<std::string> files = casesIn("cases", false);
  REQUIRE(files.size() >= 8);
  requireChecksPass(files);
}

TEST_CASE("Validation cases pass their self-checks", "[validation][checks]") {
  const std::vector<std::string> files = casesIn("validation", false);
  REQUIRE(files.size() >= 15);
  requireChecksPass(files);
}

TEST_CASE("Shipped and validation tubes pass their self-checks", "[validation][checks][tube]") {
  std::vector<std::string> files = casesIn("cases", true);
  for (std::string& f : casesIn("validation", true)) files.push_back(std::move(f));
  REQUIRE(files.size() >= 4);
  requireChecksPass(files);
}

}  // namespace proscale::test
