#include "app/CommandLine.h"

#include <algorithm>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cmath>

#include "core/Version.h"

namespace proscale {
namespace {

const char* const kFooter = R"(
Values given with --set are read like the case file: --set reactor.temperature="40 degC",
--set population.classes=400, --set 'solver.sensitivities=[growth.interfacial-energy]'.

A run owns its output directory: it refuses a non-empty directory that holds no proscale
results (unless --overwrite), removes its own earlier results before writing, and writes
summary.json last, with the run id of the directory's .proscale-run marker.

Exit codes: 0 success, 1 internal error, 2 bad input (the message names FILE:LINE:COL and the
key; also a case above --max-memory and an --output that cannot be used; nothing written),
3 solver failure or --max-time reached (partial results are written and marked incomplete),
4 suspect (the run completed but a self-check failed: particles off the grid, negative
classes, a model outside its range, a batch that ended supersaturated; results written, status
suspect), 5 an inverse design found no run that meets every target (the closest is reported),
130/143 interrupted by SIGINT/SIGTERM (partial results written, status incomplete).)";

// The command line's grammar (CLI11). Binds the options to `cl` and the --set texts to `sets`.
struct Grammar {
  CLI::App app{"proscale - process-science simulation for nanomaterials and solid-state "
               "batteries",
               "proscale"};
  std::vector<std::string> sets;
  std::string output, maxMemory;
  double maxTime = 0;
  std::vector<CLI::Option*> outputOptions, maxTimeOptions;  ///< of run and sweep

  explicit Grammar(CommandLine& cl) {
    app.footer(kFooter);
    app.set_version_flag("--version", std::string("proscale ") + kVersion);
    app.require_subcommand(1);
    CLI::App* run = app.add_subcommand(
        "run", "Simulate the case; write its results (timeseries.csv, psd.csv, summary.json, "
               "ParaView files) to DIR (default: results/<case file name>). A study file "
               "(model: scale-up-study) runs its process case at every scale and writes "
               "scaleup.csv, scaleup.md and summary.json.");
    CLI::App* sweep = app.add_subcommand(
        "sweep", "Run a parameter sweep file (model: parameter-sweep): its process case over "
                 "the design of values it gives; write sweep.csv and summary.json to DIR.");
    sweep->add_flag("--resume", cl.resume,
                    "go on with the sweep that was stopped in DIR (Ctrl-C, kill -9, a lost "
                    "node): the runs it recorded are kept, the others run");
    CLI::App* correlate = app.add_subcommand(
        "correlate", "Fit a correlation to a sweep's table (sweep.csv or its directory): a power "
                     "law or a quadratic surface of one column in others, with standard errors, "
                     "95 % intervals, R^2 and cross-validated error; -o DIR writes "
                     "correlation.yaml.");
    correlate->add_option("table", cl.caseFile, "the table (sweep.csv) or its directory")->required();
    correlate->add_option("--response", cl.correlation.response, "the column to correlate")
        ->required();
    correlate->add_option("--inputs", cl.correlation.inputs, "the columns it depends on (A,B,...)")
        ->delimiter(',')
        ->required();
    correlate->add_option("--form", cl.correlation.form,
                          "power-law (default), quadratic, or gaussian-process (a smooth surrogate)")
        ->check(CLI::IsMember({"power-law", "quadratic", "gaussian-process"}));
    correlate->add_option("--define", cl.correlation.groups,
                          "a column formed from others, e.g. a dimensionless group: "
                          "NAME=EXPRESSION, the columns named with _ for every character that is "
                          "not a letter or digit (Re=rho*u*d/mu; repeatable)")
        ->allow_extra_args(false);
    correlate->add_option("--folds", cl.correlation.folds, "cross-validation folds (default: min(5, runs))")
        ->check(CLI::Range(2, 1000000));
    CLI::App* design = app.add_subcommand(
        "design", "Run an inverse design file (model: inverse-design): the process conditions "
                  "within the ranges it gives that meet its targets, best by its objective, each "
                  "candidate verified by a full run; write design.csv and summary.json to DIR.");
    CLI::App* chart = app.add_subcommand(
        "chart", "Draw the design chart of a sweep file's `chart:` section from the table its "
                 "sweep wrote in DIR (default: results/<sweep file name>): chart.png, chart.svg.");
    CLI::App* describe = app.add_subcommand(
        "describe", "Print material properties without a case: `describe water --T \"400 degC\" "
                    "--p \"25 MPa\"` (IAPWS-95 state, viscosity, conductivity, dielectric "
                    "constant, ionic product, phase; or --rho for the density), `describe solvent "
                    "NAME` (Hansen parameters), `describe dispersion CASE` (a dispersion case's "
                    "solvent ranking and phase diagram).");
    describe->add_option("what", cl.describe.what, "water, solvent or dispersion")
        ->required()
        ->check(CLI::IsMember({"water", "solvent", "dispersion"}));
    describe->add_option("target", cl.describe.target, "the solvent's name or the case file");
    describe->add_option("--T", cl.describe.temperature, "temperature with its unit, e.g. \"400 degC\"");
    describe->add_option("--p", cl.describe.pressure, "pressure with its unit, e.g. \"25 MPa\"");
    describe->add_option("--rho", cl.describe.density,
                         "density with its unit instead of --p, e.g. \"322 kg/m^3\"");
    CLI::App* check = app.add_subcommand(
        "check", "Load and validate the case, build its model and list its parameters; "
                 "write nothing.");
    app.add_subcommand("reference", "Print the reference of every case-file key (Markdown).");
    CLI::App* outputs = app.add_subcommand(
        "outputs", "Print what a run of the case writes: every time-series column, summary "
                   "metric and self-check with its unit and meaning (Markdown).");
    for (CLI::App* verb : {run, sweep, design, chart, check, outputs}) {
      verb->add_option("case", cl.caseFile, "the case file (YAML)")->required();
      verb->add_option("--set", sets, "override one key: KEY.PATH=VALUE (repeatable)")
          ->allow_extra_args(false);
    }
    outputOptions.push_back(
        chart->add_option("-o,--output", output, "the sweep's directory")->type_name("DIR"));
    chart->add_flag("-q,--quiet", cl.quiet, "print nothing on success");
    for (CLI::App* verb : {run, sweep, design, correlate}) {
      outputOptions.push_back(
          verb->add_option("-o,--output", output, "the output directory")->type_name("DIR"));
      verb->add_flag("--overwrite", cl.overwrite,
                     "write into DIR even if it is not empty and holds no proscale results "
                     "(other files in it stay)");
      if (verb == correlate) continue;
      maxTimeOptions.push_back(verb->add_option("--max-time", maxTime,
                                                "stop the run after SECONDS of wall time; partial "
                                                "results marked incomplete, exit code 3")
                                   ->type_name("SECONDS"));
      verb->add_flag("-q,--quiet", cl.quiet, "print nothing on success");
    }
    for (CLI::App* verb : {run, sweep, design, check})
      verb->add_option("--max-memory", maxMemory,
                       "refuse a case whose estimated memory is above SIZE (e.g. 8GB, 512MiB; "
                       "default: half the machine's memory)")
          ->type_name("SIZE");
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
      throw UsageError("unknown verb '" + first + "' (run, sweep, design, chart, correlate, describe, check, reference, outputs)");
    std::string what = e.what();  // CLI11's message, without the usage some errors append
    if (const auto end = what.find('\n'); end != std::string::npos) what.resize(end);
    throw UsageError(what);
  }
  cl.verb = grammar.app.get_subcommands().front()->get_name();
  const auto given = [](const std::vector<CLI::Option*>& options) {
    return std::any_of(options.begin(), options.end(), [](CLI::Option* o) { return o->count() > 0; });
  };
  if (given(grammar.outputOptions)) {
    if (grammar.output.empty())
      throw UsageError("--output: an empty directory name (use '.' for the working directory)");
    cl.outputDir = grammar.output;
  }
  if (!grammar.maxMemory.empty()) cl.maxMemory = parseByteSize(grammar.maxMemory, "--max-memory");
  if (given(grammar.maxTimeOptions)) {
    if (!(grammar.maxTime > 0) || !std::isfinite(grammar.maxTime))
      throw UsageError("--max-time: must be a positive number of seconds");
    cl.maxTime = grammar.maxTime;
  }
  for (const std::string& text : grammar.sets) cl.overrides.push_back(parseOverride(text));
  return cl;
}

double parseByteSize(const std::string& text, const std::string& option) {
  const auto fail = [&] {
    return UsageError(option + ": '" + text +
                      "' is not a size (a number with B, kB, MB, GB, TB, KiB, MiB, GiB or TiB)");
  };
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    throw fail();
  }
  std::string unit = text.substr(used);
  unit.erase(0, unit.find_first_not_of(' '));
  static const std::pair<const char*, double> kUnits[] = {
      {"", 1},      {"B", 1},     {"kB", 1e3},   {"KB", 1e3},          {"MB", 1e6},
      {"GB", 1e9},  {"TB", 1e12}, {"KiB", 1024}, {"MiB", 1048576.0},   {"GiB", 1073741824.0},
      {"TiB", 1099511627776.0}};
  for (const auto& [name, factor] : kUnits)
    if (unit == name) {
      if (!(value > 0) || !std::isfinite(value * factor)) throw fail();
      return value * factor;
    }
  throw fail();
}

std::string usageText() {
  CommandLine ignored;
  return Grammar(ignored).app.help();
}

}  // namespace proscale
