// `mpirun -n 2 proscale run` as a user types it: the same files as a serial run with the same
// numbers (to the integration tolerance), one message for bad input, exit code 3 -- not a
// hang -- when the solver fails; and a misspelt PETSc option. Not labelled unit or input:
// PETSc starts Open MPI, which leaks under the sanitizer run's LeakSanitizer.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>
#include <vector>

#include "CliSupport.h"

namespace proscale::test {
namespace {

const std::string kMpirun =
    "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 mpirun -n 2 --oversubscribe";
const std::string kCase = "run cases/tubular_axial_dispersion.yaml --set tube.cells=40 "
                          "--set output.end-time=300s --set output.count=4";

std::set<std::string> filesIn(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    names.insert(std::filesystem::relative(e.path(), dir).string());
  return names;
}

// Column `name` of a CSV file with a header row.
std::vector<double> column(const std::filesystem::path& file, const std::string& name) {
  std::istringstream in(readFile(file));
  std::string line, cell;
  std::getline(in, line);
  std::istringstream header(line);
  std::size_t index = 0, found = static_cast<std::size_t>(-1);
  while (std::getline(header, cell, ',')) {
    if (cell.rfind(name + " [", 0) == 0) found = index;
    ++index;
  }
  REQUIRE(found != static_cast<std::size_t>(-1));
  std::vector<double> values;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    for (std::size_t k = 0; std::getline(row, cell, ','); ++k)
      if (k == found) values.push_back(std::stod(cell));
  }
  return values;
}

}  // namespace

TEST_CASE("mpirun -n 2: the files of a serial run, the same profiles", "[cli][mpi]") {
  const auto serial = freshDir("mpi-serial"), parallel = freshDir("mpi-parallel");
  REQUIRE(runProscale(kCase + " -o " + serial.string(), sourcePath("")).exitCode == 0);
  const CommandResult r = runProscale(kCase + " -o " + parallel.string(), sourcePath(""), kMpirun);
  INFO(r.err);
  REQUIRE(r.exitCode == 0);
  CHECK(filesIn(serial) == filesIn(parallel));
  // Every cell's c_A at every output time: the ranks share the preconditioner's sweep only
  // within their cells, so the runs differ by the Newton and integration tolerances (rtol
  // 1e-8): 1e-5 of the feed's 1000 mol/m^3.
  const std::vector<double> a = column(serial / "profiles.csv", "c_A"),
                            b = column(parallel / "profiles.csv", "c_A");
  REQUIRE(a.size() == b.size());
  REQUIRE(a.size() == 40 * 4);  // 40 cells at 4 output times
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(std::abs(a[i] - b[i]) < 1e-2);
  std::filesystem::remove_all(serial);
  std::filesystem::remove_all(parallel);
}

TEST_CASE("mpirun -n 2: bad input is one message, exit 2; a solver failure exit 3", "[cli][mpi]") {
  const auto dir = freshDir("mpi-bad");
  const CommandResult bad =
      runProscale(kCase + " --set tube.cells=2 -o " + dir.string(), sourcePath(""), kMpirun);
  CHECK(bad.exitCode == 2);
  // Rank 0's message once (mpirun adds its own lines about the exit code).
  std::size_t said = 0;
  for (std::size_t at = bad.err.find("tube.cells:"); at != std::string::npos;
       at = bad.err.find("tube.cells:", at + 1))
    ++said;
  CHECK(said == 1);
  CHECK_FALSE(std::filesystem::exists(dir));
  const CommandResult failed =
      runProscale(kCase + " --set solver.max-steps=3 -o " + dir.string(), sourcePath(""), kMpirun);
  CHECK(failed.exitCode == 3);
  CHECK(failed.out.find("solver failed") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("A misspelt PETSc option is one located message, exit 2, nothing written",
          "[cli][petsc]") {
  // Not among tests/input_errors (label input, run under LeakSanitizer): PETSc has started
  // Open MPI by the time it reports which options it did not use.
  const auto dir = freshDir("petsc-typo");
  const CommandResult r = runProscale(
      kCase + " --set 'solver.petsc-options=-ts_bdf_ordr 3' -o " + dir.string(), sourcePath(""));
  CHECK(r.exitCode == 2);
  CHECK(r.err == "--set:1:1: solver.petsc-options: PETSc did not use -ts_bdf_ordr (not an option "
                 "of this solver: misspelt?)\n");
  CHECK_FALSE(std::filesystem::exists(dir));
}

TEST_CASE("mpirun -n 2 proscale sweep: the table of a serial and a threaded sweep", "[cli][mpi][sweep]") {
  const std::string sweep = "sweep validation/studies/msmpr_sweep.yaml";
  const auto serial = freshDir("mpi-sweep-serial");
  const auto threaded = freshDir("mpi-sweep-threaded");
  const auto ranks = freshDir("mpi-sweep-ranks");
  REQUIRE(runProscale(sweep + " --set threads=1 -q -o " + serial.string(), PROSCALE_SOURCE_DIR).exitCode == 0);
  REQUIRE(runProscale(sweep + " --set threads=2 -q -o " + threaded.string(), PROSCALE_SOURCE_DIR).exitCode == 0);
  const CommandResult r = runProscale(sweep + " --set threads=1 -o " + ranks.string(),
                                      PROSCALE_SOURCE_DIR, kMpirun);
  INFO(r.out << r.err);
  REQUIRE(r.exitCode == 0);
  // Rank 0 reports once; the runs were dealt 3 and 3.
  CHECK(r.out.find("6 runs: 6 complete") != std::string::npos);
  CHECK(r.err.find("(rank 0 of 2) [########################] 3/3 runs") != std::string::npos);
  const std::string table = readFile(serial / "sweep.csv");
  CHECK(readFile(threaded / "sweep.csv") == table);
  CHECK(readFile(ranks / "sweep.csv") == table);
  for (const auto& dir : {serial, threaded, ranks}) std::filesystem::remove_all(dir);
}

}  // namespace proscale::test
