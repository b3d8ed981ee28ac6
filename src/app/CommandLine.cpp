#include "app/CommandLine.h"

#include <set>

namespace proscale {

std::string usageText() {
  return R"(proscale - process-science simulation for nanomaterials and solid-state batteries

Usage:
  proscale run CASE.yaml [-o DIR] [--set KEY.PATH=VALUE ...] [--quiet]
      Simulate the case; write timeseries.csv, psd.csv, summary.json and psd.pvd to DIR
      (default: results/<case file name>).
  proscale check CASE.yaml [--set KEY.PATH=VALUE ...]
      Load and validate the case and build the model; write nothing.
  proscale reference
      Print the reference of every case-file key (Markdown).
  proscale --help | --version

Values given with --set are read like the case file: --set reactor.temperature="40 degC",
--set population.classes=400.

Exit codes: 0 success, 1 internal error, 2 bad input (the message names FILE:LINE:COL and the
key), 3 solver failure (partial results are written and marked incomplete).
)";
}

CommandLine parseCommandLine(int argc, char** argv) {
  CommandLine cl;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) throw UsageError("no verb given");
  const std::string& first = args[0];
  if (first == "--help" || first == "-h" || first == "help") {
    cl.verb = "help";
    return cl;
  }
  if (first == "--version" || first == "version") {
    cl.verb = "version";
    return cl;
  }
  static const std::set<std::string> verbs{"run", "check", "reference"};
  if (!verbs.count(first)) throw UsageError("unknown verb '" + first + "'");
  cl.verb = first;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const std::string& option) {
      if (i + 1 >= args.size()) throw UsageError(option + " needs a value");
      return args[++i];
    };
    if (a == "-o" || a == "--output") {
      if (cl.verb != "run") throw UsageError(a + " applies to 'run' only");
      cl.outputDir = value(a);
    } else if (a == "--set") {
      cl.overrides.push_back(parseOverride(value(a)));
    } else if (a.rfind("--set=", 0) == 0) {
      cl.overrides.push_back(parseOverride(a.substr(6)));
    } else if (a == "--quiet" || a == "-q") {
      cl.quiet = true;
    } else if (!a.empty() && a[0] == '-') {
      throw UsageError("unknown option '" + a + "'");
    } else if (cl.caseFile.empty() && cl.verb != "reference") {
      cl.caseFile = a;
    } else {
      throw UsageError("unexpected argument '" + a + "'");
    }
  }
  if (cl.verb != "reference" && cl.caseFile.empty()) throw UsageError(cl.verb + " needs a case file");
  return cl;
}

}  // namespace proscale
