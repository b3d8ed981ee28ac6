// JsonWriter escaping and structure; summary.json layout, read back with nlohmann::json (an
// independent parser: escapes, nulls, key order).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "TempDir.h"
#include "core/Errors.h"
#include "output/JsonWriter.h"
#include "output/SummaryWriter.h"

using proscale::testing::readText;
using proscale::testing::TempDir;
using proscale::testing::writeText;

namespace {

/// The keys of a JSON object in file order.
std::vector<std::string> keysOf(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

proscale::RunSummary sampleSummary() {
  proscale::RunSummary summary;
  summary.caseFile = "cases/baso4 \"batch\".yaml";
  summary.caseName = "BaSO4\tbatch \xC3\xA9t\xC3\xA9";  // tab and "été" in UTF-8
  summary.model = "batch-precipitation";
  summary.proscaleVersion = "0.1.0";
  summary.complete = false;
  summary.metrics = {
      {"number_density", 1.2e18, "1/m^3", "particles per m^3 of suspension"},
      {"mean_size", 0.1, "m", "d43 \\ volume-weighted mean"},
      {"yield", std::numeric_limits<double>::quiet_NaN(), "", "not computable"},
  };
  summary.solver.complete = false;
  summary.solver.timeReached = 12.5;
  summary.solver.flagName = "CV_CONV_FAILURE";
  summary.solver.message = "line 1\nline 2";
  summary.solver.method = "CVODE BDF, Newton, bordered-band direct";
  summary.solver.statistics.steps = 1234;
  summary.solver.statistics.rhsEvaluations = 5678;
  summary.solver.statistics.jacobianEvaluations = 12;
  summary.solver.statistics.linearSetups = 99;
  summary.solver.statistics.nonlinearIterations = 2000;
  summary.solver.statistics.nonlinearConvergenceFailures = 3;
  summary.solver.statistics.errorTestFailures = 7;
  summary.solver.statistics.wallTime = 0.25;
  summary.runWallTime = 1.5;
  return summary;
}

}  // namespace

TEST_CASE("jsonQuote escapes quotes, backslashes and control characters", "[unit]") {
  CHECK(proscale::jsonQuote("plain") == "\"plain\"");
  CHECK(proscale::jsonQuote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(proscale::jsonQuote("\n\r\t\b\f") == "\"\\n\\r\\t\\b\\f\"");
  CHECK(proscale::jsonQuote(std::string("\x01\x1f\0", 3)) == "\"\\u0001\\u001f\\u0000\"");
  CHECK(proscale::jsonQuote("/") == "\"/\"");
}

TEST_CASE("jsonQuote keeps valid UTF-8 and replaces invalid bytes", "[unit]") {
  CHECK(proscale::jsonQuote("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") ==
        "\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"");  // é € 😀
  CHECK(proscale::jsonQuote("a\xFF"
                            "b") == "\"a\\ufffdb\"");                         // never valid
  CHECK(proscale::jsonQuote("\xC3") == "\"\\ufffd\"");                        // truncated
  CHECK(proscale::jsonQuote("\xC0\xAF") == "\"\\ufffd\\ufffd\"");             // overlong '/'
  CHECK(proscale::jsonQuote("\xED\xA0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");  // surrogate
}

TEST_CASE("JsonWriter nests objects and arrays with commas and indentation", "[unit]") {
  std::ostringstream out;
  proscale::JsonWriter json(out);
  json.beginObject();
  json.member("n", 3).member("x", 0.1).member("ok", true).member("s", "t");
  json.key("empty").beginObject().endObject();
  json.key("list").beginArray().value(1.0e18).value(std::numeric_limits<double>::infinity());
  json.null().beginArray().endArray().endArray();
  json.endObject();
  json.finish();
  CHECK(out.str() ==
        "{\n"
        "  \"n\": 3,\n"
        "  \"x\": 0.1,\n"
        "  \"ok\": true,\n"
        "  \"s\": \"t\",\n"
        "  \"empty\": {},\n"
        "  \"list\": [\n"
        "    1e+18,\n"
        "    null,\n"
        "    null,\n"
        "    []\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("JsonWriter rejects misuse", "[unit]") {
  std::ostringstream out;
  proscale::JsonWriter json(out);
  CHECK_THROWS_AS(json.key("top"), std::logic_error);
  json.beginObject();
  CHECK_THROWS_AS(json.value(1.0), std::logic_error);
  CHECK_THROWS_AS(json.endArray(), std::logic_error);
  json.key("a");
  CHECK_THROWS_AS(json.key("b"), std::logic_error);
  CHECK_THROWS_AS(json.endObject(), std::logic_error);
  json.value(1);
  CHECK_THROWS_AS(json.finish(), std::logic_error);
  json.endObject();
  CHECK_THROWS_AS(json.beginObject(), std::logic_error);
  json.finish();
}

TEST_CASE("summary.json has the documented layout", "[unit]") {
  TempDir dir;
  const auto file = dir.path() / "summary.json";
  proscale::writeSummaryJson(file, sampleSummary());
  const std::string text = readText(file);
  CHECK(text.find("\"status\": \"incomplete\"") != std::string::npos);
  CHECK(text.find("\"value\": null") != std::string::npos);
  CHECK(text.find("\"message\": \"line 1\\nline 2\"") != std::string::npos);
  CHECK(dir.entries() == std::vector<std::string>{"summary.json"});

  using Json = nlohmann::ordered_json;
  const Json js = Json::parse(text);
  CHECK(keysOf(js) == std::vector<std::string>{"status", "case", "proscale_version", "metrics",
                                               "solver", "run_wall_time_s"});
  CHECK(js["status"] == "incomplete");
  CHECK(js["case"] == Json{{"file", "cases/baso4 \"batch\".yaml"},
                           {"name", "BaSO4\tbatch \u00e9t\u00e9"},
                           {"model", "batch-precipitation"}});
  CHECK(js["proscale_version"] == "0.1.0");
  const Json& m = js["metrics"];
  CHECK(keysOf(m) == std::vector<std::string>{"number_density", "mean_size", "yield"});
  CHECK(m["number_density"] == Json{{"value", 1.2e18}, {"unit", "1/m^3"},
                                    {"doc", "particles per m^3 of suspension"}});
  CHECK(m["mean_size"]["value"] == 0.1);
  CHECK(m["mean_size"]["doc"] == "d43 \\ volume-weighted mean");
  CHECK(m["yield"] == Json{{"value", nullptr}, {"unit", "-"}, {"doc", "not computable"}});
  CHECK(js["solver"] == Json{{"method", "CVODE BDF, Newton, bordered-band direct"},
                             {"flag", "CV_CONV_FAILURE"},
                             {"message", "line 1\nline 2"},
                             {"time_reached_s", 12.5},
                             {"steps", 1234},
                             {"rhs_evaluations", 5678},
                             {"jacobian_evaluations", 12},
                             {"linear_setups", 99},
                             {"nonlinear_iterations", 2000},
                             {"linear_iterations", 0},
                             {"nonlinear_convergence_failures", 3},
                             {"error_test_failures", 7},
                             {"integration_wall_time_s", 0.25}});
  CHECK(js["run_wall_time_s"] == 1.5);
}

TEST_CASE("summary.json says complete and refuses duplicate metric names", "[unit]") {
  TempDir dir;
  const auto file = dir.path() / "summary.json";
  auto summary = sampleSummary();
  summary.complete = true;
  summary.metrics.resize(1);
  proscale::writeSummaryJson(file, summary);
  CHECK(readText(file).find("\"status\": \"complete\"") != std::string::npos);

  summary.metrics.push_back(summary.metrics.front());
  CHECK_THROWS_WITH(proscale::writeSummaryJson(file, summary),
                    Catch::Contains("metric 'number_density' appears twice"));
  CHECK(readText(file).find("\"status\": \"complete\"") != std::string::npos);
}
