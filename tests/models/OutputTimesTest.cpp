// The output times a case asks for (output.end-time, count, spacing, first-time): the formulas
// of the reference page, evaluated by hand.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app/CaseSchema.h"
#include "case/CaseDocument.h"
#include "core/Errors.h"

namespace proscale::test {
namespace {
std::vector<double> timesOf(const std::string& output) {
  const std::string yaml = "model: population-balance\n"
                           "reactor: {residence-time: 100 s}\n"
                           "particles: {growth-rate: 1 nm/s, nucleation-rate: 1e13 1/m^3/s}\n"
                           "population: {min-size: 10 nm, max-size: 3 um, classes: 20}\n"
                           "output: " + output + "\n";
  const Parameters p =
      CaseDocument::fromString(yaml, "times.yaml").validate(*caseSchema("population-balance"));
  return outputTimes(p.section("output"));
}
}  // namespace

TEST_CASE("output times: linear and logarithmic, from first-time to end-time", "[unit]") {
  // linear by default: end * i/(count - 1)
  CHECK(timesOf("{end-time: 60 s, count: 4}") == std::vector<double>{0, 20, 40, 60});
  // linear from a first time: t_1 + (end - t_1)(i - 1)/(count - 2) (was ignored: issue 10)
  CHECK(timesOf("{end-time: 60 s, count: 4, first-time: 30 s}") ==
        std::vector<double>{0, 30, 45, 60});
  // logarithmic from a first time: t_1 (end/t_1)^((i - 1)/(count - 2))
  const std::vector<double> log = timesOf("{end-time: 100 s, count: 4, spacing: logarithmic, first-time: 1 s}");
  REQUIRE(log.size() == 4);
  CHECK(log[1] == 1.0);
  CHECK(log[2] == Approx(10.0).epsilon(1e-15));
  CHECK(log[3] == 100.0);
  // logarithmic by default from end/10^4
  CHECK(timesOf("{end-time: 100 s, count: 3, spacing: logarithmic}")[1] == Approx(0.01));
}

TEST_CASE("output times that a double cannot tell apart are refused at their key", "[input]") {
  // Issue 10, defect 3: 59.99999999999999 s before 60 s left 81 equal times (exit 1).
  CHECK_THROWS_WITH(timesOf("{end-time: 60 s, count: 81, spacing: logarithmic, "
                            "first-time: 59.99999999999999 s}"),
                    Catch::Matchers::Contains("output.first-time: 81 output times between "
                                              "first-time and end-time are not distinct"));
  CHECK_THROWS_WITH(timesOf("{end-time: 60 s, count: 3, first-time: 60 s}"),
                    Catch::Matchers::Contains("output.first-time: must be smaller than end-time"));
}

}  // namespace proscale::test
