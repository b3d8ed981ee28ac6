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

TEST_CASE("missing, unreadable and non-regular files are input errors at 1:1", "[input]") {
  // Every message has the FILE:LINE:COL form (issue 10: "not found" had no location).
  ScratchDir dir;
  const fs::path missing = dir.path() / "nope.yaml";
  try {
    CaseDocument::load(missing);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.mark().file == missing.string());
    CHECK(e.mark().line == 1);
    CHECK(std::string(e.what()) == missing.string() + ":1:1: case file not found");
  }
  CHECK_THROWS_WITH(CaseDocument::load(dir.path()),
                    dir.path().string() + ":1:1: is a directory, not a case file");
  // A character device would be read forever (defect 18: /dev/zero read 4 GiB).
  CHECK_THROWS_WITH(CaseDocument::load("/dev/zero"),
                    "/dev/zero:1:1: is not a regular file (a pipe, device or socket); give a case file");
}

TEST_CASE("a case file above 16 MiB is refused before it is read", "[input]") {
  ScratchDir dir;
  const fs::path big = dir.path() / "big.yaml";
  fs::resize_file(dir.write("big.yaml", "model: batch-precipitation\n"), (16u << 20) + 1);
  CHECK_THROWS_WITH(CaseDocument::load(big),
                    big.string() + ":1:1: case file has 16777217 bytes; case files are limited to 16 MiB");
}

TEST_CASE("a second YAML document is refused at its marker", "[input]") {
  // Defect 20: the second document was silently ignored.
  ScratchDir dir;
  const fs::path file = dir.write("two.yaml", "# a case\nmodel: batch-precipitation\n---\nmodel: x\n");
  CHECK_THROWS_WITH(CaseDocument::load(file),
                    file.string() + ":3:1: a second YAML document ('---'): a case file holds one case");
  // One document opened with an explicit marker is fine.
  const fs::path one = dir.write("one.yaml", "---\nmodel: batch-precipitation\n");
  CHECK_NOTHROW(CaseDocument::load(one));
}

TEST_CASE("syntax errors in a file carry the file name", "[input]") {
  ScratchDir dir;
  const fs::path file = dir.write("bad.yaml", "model: batch\nreactor: {volume: 1 L\n");
  CHECK_THROWS_WITH(CaseDocument::load(file), Catch::Matchers::StartsWith(file.string() + ":3:1: YAML syntax error: "));
}
