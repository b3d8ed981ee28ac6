#pragma once
// The `proscale` command line (CLI11): `proscale VERB [CASE.yaml] [-o DIR]
// [--set key.path=value ...]`.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "case/Overrides.h"

namespace proscale {

/// `correlate`'s options (CorrelateCommand.h).
struct CorrelationOptions {
  std::string response;              ///< --response: the column correlated
  std::vector<std::string> inputs;   ///< --inputs: the columns it depends on
  std::string form = "power-law";    ///< --form: power-law or quadratic
  std::size_t folds = 0;             ///< --folds: cross-validation folds (0: min(5, runs))
  std::vector<std::string> groups;   ///< --define NAME=EXPRESSION: columns formed from others
};

/// `describe`'s arguments (DescribeCommand.h).
struct DescribeOptions {
  std::string what;         ///< water, solvent or dispersion
  std::string target;       ///< the solvent's name or the dispersion case file
  std::string temperature;  ///< --T, a quantity with its unit ("400 degC")
  std::string pressure;     ///< --p ("25 MPa")
  std::string density;      ///< --rho ("322 kg/m^3"), instead of --p
};

struct CommandLine {
  std::string verb;                 ///< run, sweep, design, chart, check, outputs, correlate, reference, help, version
  std::string caseFile;             ///< the case or study file (correlate: the table)
  std::optional<std::string> outputDir;
  std::vector<Override> overrides;
  bool quiet = false;
  bool overwrite = false;           ///< run: write into a non-empty directory not proscale's
  bool resume = false;              ///< sweep: go on with the unfinished sweep in the directory
  std::optional<double> maxMemory;  ///< bytes (--max-memory); default: defaultMemoryLimit()
  std::optional<double> maxTime;    ///< s of wall time (--max-time) before the run stops
  std::string helpText;             ///< for verb "help": the help of what was asked about
  CorrelationOptions correlation;   ///< for verb "correlate"
  DescribeOptions describe;         ///< for verb "describe"
};

/// Thrown for a command line that cannot be read (exit code 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads the command line; UsageError for one that cannot be read.
CommandLine parseCommandLine(int argc, char** argv);
/// The command's help (verbs, options, value syntax, exit codes).
std::string usageText();
/// Bytes of "8GB", "512 MiB", "2e9" (decimal kB MB GB TB, binary KiB MiB GiB TiB, B or none);
/// UsageError naming `option` otherwise.
double parseByteSize(const std::string& text, const std::string& option);

}  // namespace proscale
