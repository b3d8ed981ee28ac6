// The population-balance model on size classes: its analytic Jacobian (band block and budget
// rows) against differences of its right-hand side, on the analytic case files.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "CaseRunSupport.h"
#include "JacobianCheck.h"
#include "case/Overrides.h"

using namespace proscale;

namespace {
/// Runs a case with 40 classes and checks the Jacobian at three of its outputs.
void checkCaseJacobian(const std::string& file, std::vector<std::string> settings,
                       bool borderRowsOnly) {
  settings.push_back("population.classes=40");
  std::vector<Override> overrides;
  for (const auto& s : settings) overrides.push_back(parseOverride(s));
  test::ProcessRun run = test::runProcess(file, overrides);
  System& system = run.loaded.process->system();
  for (std::size_t k : {std::size_t{0}, run.rec.t.size() / 2, run.rec.t.size() - 1}) {
    INFO(file << ", output time " << run.rec.t[k]);
    test::checkJacobian(system, run.rec.y[k], borderRowsOnly);
  }
}
}  // namespace

TEST_CASE("population-balance: exact Jacobian with washout, nucleation, linear growth",
          "[jacobian]") {
  checkCaseJacobian("validation/analytic/msmpr.yaml",
                    {"particles.growth-size-coefficient=2 1/um", "population.scheme=minmod"},
                    false);
}

TEST_CASE("population-balance: exact Jacobian with dissolution through the lower bound",
          "[jacobian]") {
  checkCaseJacobian("validation/analytic/dissolution.yaml", {}, false);
}

TEST_CASE("population-balance: budget rows of the Jacobian with aggregation and breakage",
          "[jacobian]") {
  // The band block is only the banded part of the dense aggregation/breakage Jacobian (a
  // preconditioner); the budget rows are exact.
  checkCaseJacobian("validation/analytic/scott_sum_kernel.yaml",
                    {"breakage={selection-rate: 0.01 1/s, reference-diameter: 200 nm, "
                     "daughters: uniform}"},
                    true);
}
