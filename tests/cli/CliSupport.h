#pragma once
// Running the real `proscale` binary from tests: exit code, stdout and stderr.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace proscale::test {

struct CommandResult {
  int exitCode = -1;
  std::string out, err;
};

inline std::string readFile(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Runs `proscale <args>` through the shell (args are shell words).
/// Runs `proscale args` (from `workingDir` if given, e.g. the source tree for case paths as a
/// user types them).
/// With `launcher` (e.g. "mpirun -n 2"), the launcher runs it.
inline CommandResult runProscale(const std::string& args, const std::string& workingDir = "",
                                 const std::string& launcher = "") {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("proscale-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  const std::string cmd = (workingDir.empty() ? "" : "cd '" + workingDir + "' && ") +
                          (launcher.empty() ? "" : launcher + " ") + std::string(PROSCALE_BINARY) +
                          " " + args + " >" + (dir / "out").string() +
                          " 2>" + (dir / "err").string();
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = readFile(dir / "out");
  r.err = readFile(dir / "err");
  std::filesystem::remove_all(dir);
  return r;
}

/// A fresh, not yet existing directory under the temp dir.
inline std::filesystem::path freshDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("proscale-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

inline std::string sourcePath(const std::string& relative) {
  return std::string(PROSCALE_SOURCE_DIR) + "/" + relative;
}

}  // namespace proscale::test
