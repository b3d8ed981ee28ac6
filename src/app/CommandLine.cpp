#include "app/CommandLine.h"

#include <CLI/CLI.hpp>

#include "core/Version.h"

namespace proscale {
namespace {

const char* const kFooter = R"(
Values given with --set are read like the case file: --set reactor.temperature="40 degC",
--set population.classes=400, --set 'solver.sensitivities=[growth.interfacial-energy]'.

Exit codes: 0 success, 1 internal error, 2 bad input (the message names FILE:LINE:COL and the
key), 3 solver failure (partial results are written and marked incomplete), 4 suspect (the run
completed but a self-check failed: particles off the grid, negative classes, a model outside
its range, a batch that ended supersaturated; results written, status suspect).)";

// The command line's grammar (CLI11). Binds the options to `cl` and the --set texts to `sets`.
struct Grammar {
  CLI::App app{"proscale - process-science simulation for nanomaterials and solid-state "
               "batteries",
               "proscale"};
  std::vector<std::string> sets;
  std::string output;

  explicit Grammar(CommandLine& cl) {
    app.footer(kFooter);
    app.set_version_flag("--version", std::string("proscale ") + kVersion);
    app.require_subcommand(1);
    CLI::App* run = app.add_subcommand(
        "run", "Simulate the case; write its results (timeseries.csv, psd.csv, summary.json, "
               "ParaView files) to DIR (default: results/<case file name>).");
    CLI::App* check = app.add_subcommand(
        "check", "Load and validate the case, build its model and list its parameters; "
                 "write nothing.");
    app.add_subcommand("reference", "Print the reference of every case-file key (Markdown).");
    CLI::App* outputs = app.add_subcommand(
        "outputs", "Print what a run of the case writes: every time-series column, summary "
                   "metric and self-check with its unit and meaning (Markdown).");
    for (CLI::App* verb : {run, check, outputs}) {
      verb->add_option("case", cl.caseFile, "the case file (YAML)")->required();
      verb->add_option("--set", sets, "override one key: KEY.PATH=VALUE (repeatable)")
          ->allow_extra_args(false);
    }
    run->add_option("-o,--output", output, "the output directory");
    run->add_flag("-q,--quiet", cl.quiet, "print nothing on success");
  }
};

}  // namespace

CommandLine parseCommandLine(int argc, char** argv) {
  CommandLine cl;
  Grammar grammar(cl);
  try {
    grammar.app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    cl.verb = "help";  // of the verb asked about (`proscale run --help`), else of the command
    const auto verbs = grammar.app.get_subcommands();
    cl.helpText = verbs.empty() ? grammar.app.help() : verbs.front()->help();
    return cl;
  } catch (const CLI::CallForVersion&) {
    cl.verb = "version";
    return cl;
  } catch (const CLI::ParseError& e) {
    const std::string first = argc > 1 ? argv[1] : "";
    if (!first.empty() && first[0] != '-' && grammar.app.get_subcommands().empty())
      throw UsageError("unknown verb '" + first + "' (run, check, reference)");
    throw UsageError(e.what());
  }
  cl.verb = grammar.app.get_subcommands().front()->get_name();
  if (!grammar.output.empty()) cl.outputDir = grammar.output;
  for (const std::string& text : grammar.sets) cl.overrides.push_back(parseOverride(text));
  return cl;
}

std::string usageText() {
  CommandLine ignored;
  return Grammar(ignored).app.help();
}

}  // namespace proscale
