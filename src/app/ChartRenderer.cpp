#include "app/ChartRenderer.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

extern char** environ;

namespace proscale {
namespace {

std::string setting(const char* name, const char* built) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : built;
}

}  // namespace

std::string renderChart(const std::filesystem::path& spec, const std::string& renderer) {
  const std::string python = setting("PROSCALE_PYTHON", PROSCALE_PYTHON_BUILT);
  const std::string script =
      (std::filesystem::path(setting("PROSCALE_RENDERERS", PROSCALE_RENDERERS_BUILT)) / renderer).string();
  if (!std::filesystem::is_regular_file(script))
    return "the chart renderer " + script + " is not there (set PROSCALE_RENDERERS to its folder)";
  // Its messages go to a file beside the spec, read back and removed.
  const std::filesystem::path log = spec.string() + ".log";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> words{python, script, spec.string()};
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int started = posix_spawn(&pid, python.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (started != 0) return "cannot start " + python + " (set PROSCALE_PYTHON to a python3 with matplotlib)";
  int status = 0;
  waitpid(pid, &status, 0);
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  std::filesystem::remove(log);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
  std::string message = text.str();
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return message.empty() ? python + " " + script + " failed (exit status " +
                               std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")"
                         : message;
}

void endRendererSpec(JsonWriter& json, const std::vector<std::filesystem::path>& outputs) {
  json.key("outputs").beginArray();
  for (const auto& path : outputs) json.value(std::filesystem::absolute(path).string());
  json.endArray();
  json.endObject();
  json.finish();
}

}  // namespace proscale
