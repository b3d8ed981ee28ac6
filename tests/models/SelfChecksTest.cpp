// The shipped cases and the validation cases must pass their own self-checks (grid losses,
// negative classes, validity ranges, an unfinished batch): a check that fires on them would
// either be wrong or show a case that cannot be trusted. The constructed failures are in
// tests/cli/CliTest.cpp. A study file (`model: scale-up-study`) runs other cases and has no
// state of its own: its process case is in the list, the study is checked in tests/app.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "CaseRunSupport.h"
#include "app/CaseSchema.h"
#include "app/ScaleUpStudy.h"
#include "case/CaseDocument.h"

namespace proscale::test {

TEST_CASE("Shipped and validation cases pass their self-checks", "[validation][checks]") {
  std::vector<std::string> files;
  for (const char* folder : {"cases", "validation"})
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(PROSCALE_SOURCE_DIR) + "/" + folder))
      if (entry.path().extension() == ".yaml" &&
          CaseDocument::load(entry.path()).modelType(caseModelNames()) != kScaleUpStudyModel)
        files.push_back(std::filesystem::relative(entry.path(), PROSCALE_SOURCE_DIR).string());
  REQUIRE(files.size() >= 15);
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

}  // namespace proscale::test
