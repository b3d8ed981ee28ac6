// Reading case files from disk.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "TestSchema.h"

using namespace proscale;
using namespace proscale::test;
namespace fs = std::filesystem;

namespace {
/// A fresh directory under the system temp dir, removed at scope exit.
class ScratchDir {
 public:
  ScratchDir() : m_path(fs::temp_directory_path() / ("proscale-case-" + std::to_string(std::random_device{}()))) {
    fs::create_directories(m_path);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(m_path / name) << text;
    return m_path / name;
  }
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};
}  // namespace

TEST_CASE("load reads a file and reports positions with its name", "[input]") {
  ScratchDir dir;
  const fs::path file = dir.write("batch.yaml", std::string(kMinimalCase) + "  volum: 1 L\n");
  CaseDocument doc = CaseDocument::load(file);
  CHECK(doc.fileName() == file.string());
  CHECK_THROWS_WITH(doc.validate(*caseSchema()),
                    file.string() + ":4:3: reactor.volum: unknown key 'volum' (did you mean 'volume'?)");
  CaseDocument fixed = CaseDocument::load(file, {parseOverride("reactor={volume: 1 L}")});
  CHECK(fixed.validate(*caseSchema()).section("reactor").real("volume") == Approx(1e-3));
}

TEST_CASE("missing and unreadable files are input errors without a line", "[input]") {
  ScratchDir dir;
  const fs::path missing = dir.path() / "nope.yaml";
  try {
    CaseDocument::load(missing);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.mark().file == missing.string());
    CHECK(e.mark().line == 0);
    CHECK(std::string(e.what()) == missing.string() + ": case file not found");
  }
  CHECK_THROWS_WITH(CaseDocument::load(dir.path()), dir.path().string() + ": is a directory, not a case file");
}

TEST_CASE("syntax errors in a file carry the file name", "[input]") {
  ScratchDir dir;
  const fs::path file = dir.write("bad.yaml", "model: batch\nreactor: {volume: 1 L\n");
  CHECK_THROWS_WITH(CaseDocument::load(file), Catch::Matchers::StartsWith(file.string() + ":3:1: YAML syntax error: "));
}
