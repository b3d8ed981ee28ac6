#pragma once
// The `proscale` command line: `proscale VERB [CASE.yaml] [-o DIR] [--set key.path=value ...]`.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "case/Overrides.h"

namespace proscale {

struct CommandLine {
  std::string verb;                 ///< run, check, reference, help, version
  std::string caseFile;
  std::optional<std::string> outputDir;
  std::vector<Override> overrides;
  bool quiet = false;
};

/// Thrown for a command line that cannot be read (exit code 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

CommandLine parseCommandLine(int argc, char** argv);
std::string usageText();

}  // namespace proscale
