// libFuzzer target: a case file through the real code path of `proscale check` (runCase: read
// the file, apply --set overrides, list every problem against the model's schema, build the
// model, its output times and its solver, list its parameters). Input: the case file's text;
// its leading lines of the form `#--set KEY.PATH=VALUE` (YAML comments) are also given as
// --set overrides. Expected outcome for bad input: InputError or InputErrors (exit 2). Any
// other exception (exit 1, "internal error"), a crash, UB, a leak, a hang (-timeout) or a
// blow-up (-rss_limit_mb, -malloc_limit_mb) is a finding.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "FuzzExpect.h"
#include "app/CommandLine.h"
#include "app/RunCommand.h"
#include "case/Overrides.h"
#include "core/Errors.h"

using namespace proscale;

namespace {

// One file per fuzzing process, rewritten for each input (in memory where there is /dev/shm).
const std::string& caseFile() {
  static const std::string path = [] {
    const std::filesystem::path dir =
        std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    return (dir / ("proscale-fuzz-" + std::to_string(getpid()) + ".yaml")).string();
  }();
  return path;
}

CommandLine checkCommand(const std::string& text) {
  CommandLine cl;
  cl.verb = "check";
  cl.caseFile = caseFile();
  std::istringstream lines(text);
  const std::string prefix = "#--set ";
  for (std::string line; std::getline(lines, line) && line.rfind(prefix, 0) == 0;)
    cl.overrides.push_back(parseOverride(line.substr(prefix.size())));
  return cl;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::atexit([] { std::remove(caseFile().c_str()); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream out(caseFile(), std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  try {
    std::ostringstream console;
    const int code = runCase(checkCommand(text), console);
    if (code != kSuccess) fuzz::finding("check returned exit code " + std::to_string(code));
  } catch (const InputErrors&) {
  } catch (const InputError&) {
  } catch (...) {
    fuzz::unexpectedException();
  }
  return 0;
}
