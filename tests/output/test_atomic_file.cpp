// Atomic replacement of files and the lazily created output directory.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "TempDir.h"
#include "core/Errors.h"
#include "output/AtomicFile.h"
#include "output/OutputDirectory.h"

using proscale::testing::readText;
using proscale::testing::TempDir;
using proscale::testing::writeText;

TEST_CASE("writeFileAtomically writes the file and leaves no temporary", "[unit]") {
  TempDir dir;
  const auto target = dir.path() / "result.txt";
  proscale::writeFileAtomically(target, [](std::ostream& out) { out << "first\n"; });
  CHECK(readText(target) == "first\n");
  proscale::writeFileAtomically(target, [](std::ostream& out) { out << "second\n"; });
  CHECK(readText(target) == "second\n");
  CHECK(dir.entries() == std::vector<std::string>{"result.txt"});
}

TEST_CASE("writeFileAtomically keeps the old file when the body throws", "[unit]") {
  TempDir dir;
  const auto target = dir.path() / "result.txt";
  writeText(target, "old contents\n");
  const auto failingBody = [](std::ostream& out) {
    out << "half a new fi";
    out.flush();
    throw std::runtime_error("model exploded");
  };
  CHECK_THROWS_WITH(proscale::writeFileAtomically(target, failingBody), "model exploded");
  CHECK(readText(target) == "old contents\n");
  CHECK(dir.entries() == std::vector<std::string>{"result.txt"});
}

TEST_CASE("writeFileAtomically reports an unwritable target with its path", "[unit]") {
  TempDir dir;
  const auto target = dir.path() / "missing-subdir" / "result.txt";
  try {
    proscale::writeFileAtomically(target, [](std::ostream& out) { out << "x"; });
    FAIL("no exception");
  } catch (const proscale::Error& e) {
    const std::string message = e.what();
    CHECK(message.find(target.string()) != std::string::npos);
    CHECK(message.find("No such file or directory") != std::string::npos);
  }
  CHECK(dir.entries().empty());
}

TEST_CASE("writePathAtomically: a writer that creates no file replaces nothing", "[unit]") {
  TempDir dir;
  const auto target = dir.path() / "piece.vtr";
  writeText(target, "old");
  CHECK_THROWS_AS(proscale::writePathAtomically(target, [](const std::filesystem::path&) {}),
                  proscale::Error);
  CHECK(readText(target) == "old");
  CHECK(dir.entries() == std::vector<std::string>{"piece.vtr"});
}

TEST_CASE("writePathAtomically hands the writer a temporary beside the target", "[unit]") {
  TempDir dir;
  const auto target = dir.path() / "piece.vtr";
  std::filesystem::path seen;
  proscale::writePathAtomically(target, [&](const std::filesystem::path& temporary) {
    seen = temporary;
    writeText(temporary, "new");
  });
  CHECK(seen.parent_path() == dir.path());
  CHECK(seen.filename().string().starts_with("piece.vtr.tmp-"));
  CHECK(readText(target) == "new");
  CHECK(dir.entries() == std::vector<std::string>{"piece.vtr"});
}

TEST_CASE("OutputDirectory creates nothing until asked", "[unit]") {
  TempDir dir;
  const auto root = dir.path() / "runs" / "batch-1";
  proscale::OutputDirectory output(root);
  CHECK(output.path("timeseries.csv") == root / "timeseries.csv");
  CHECK_FALSE(std::filesystem::exists(dir.path() / "runs"));
  CHECK_FALSE(output.created());

  const auto file = output.fileForWriting("summary.json");
  CHECK(file == root / "summary.json");
  CHECK(std::filesystem::is_directory(root));
  CHECK(output.created());
  CHECK_FALSE(std::filesystem::exists(file));
  output.create();  // idempotent
  CHECK(std::filesystem::is_directory(root));
}

TEST_CASE("OutputDirectory rejects names that leave it and unusable directories", "[unit]") {
  TempDir dir;
  proscale::OutputDirectory output(dir.path() / "out");
  CHECK_THROWS_AS(output.path("../escape.csv"), proscale::Error);
  CHECK_THROWS_AS(output.path("/etc/passwd"), proscale::Error);
  CHECK_THROWS_AS(output.path(""), proscale::Error);
  CHECK(output.path("psd/psd_0000.vtr") == dir.path() / "out" / "psd" / "psd_0000.vtr");
  CHECK_THROWS_AS(proscale::OutputDirectory(""), proscale::OutputDirectoryError);  // not "."

  writeText(dir.path() / "blocked", "a file, not a directory");
  proscale::OutputDirectory blocked(dir.path() / "blocked");
  CHECK_THROWS_AS(blocked.create(), proscale::Error);
  CHECK_FALSE(blocked.created());
}
