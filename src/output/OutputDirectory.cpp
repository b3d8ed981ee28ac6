#include "output/OutputDirectory.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <random>
#include <system_error>
#include <utility>

#include "output/AtomicFile.h"

namespace proscale {
namespace {

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

/// A file of ours or one of its leftovers: `<name>`, `<name>.partial`, `<name>.tmp-<pid>-<n>`
/// (a run killed while writing it, output/AtomicFile.h and ResultStreams.h).
bool isOwnFile(const std::string& file, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    if (file == name || file == name + ".partial") return true;
    if (file.starts_with(name + ".tmp-")) return true;
  }
  return false;
}

void removeOrFail(const std::filesystem::path& file) {
  std::error_code status;
  std::filesystem::remove(file, status);
  if (status)
    throw OutputDirectoryError(quoted(file.parent_path()) + ": cannot remove the earlier result " +
                               quoted(file.filename()) + ": " + status.message());
}

}  // namespace

const std::vector<std::string>& knownResultFiles() {
  static const std::vector<std::string> names{
      "summary.json",     "timeseries.csv", "sensitivities.csv", "psd.csv",
      "psd.pvd",          "psd_map.vtr",    "timeseries.vtr",    "psd.values",
      "scaleup.csv",      "scaleup.md",     "profiles.csv",      "axial.pvd",
      "sweep.csv",        "sweep.vti",      "chart.json",        "chart.png",
      "chart.svg",        "design.csv",     "sensitivity.csv",   "runs.csv",
      "sensitivity.json", "sensitivity.png", "sensitivity.svg", "correlation.yaml",
      "residuals.csv",    "residuals.json", "residuals.png",     "residuals.svg",
      kMarkerName};
  return names;
}

OutputDirectory::OutputDirectory(std::filesystem::path dir) : m_root(std::move(dir)) {
  if (m_root.empty())
    throw OutputDirectoryError("'': an empty directory name (use '.' for the working directory)");
}

std::filesystem::path OutputDirectory::path(const std::string& name) const {
  const std::filesystem::path relative(name);
  bool escapes = relative.empty() || relative.is_absolute() || relative.has_root_name();
  for (const auto& part : relative) {
    if (part == "..") escapes = true;
  }
  if (escapes) {
    throw Error("output file name '" + name + "' must be a relative path inside '" +
                m_root.string() + "'");
  }
  return m_root / relative;
}

void OutputDirectory::claim(const std::string& runId, bool overwrite) {
  std::error_code status;
  const auto type = std::filesystem::status(m_root, status).type();
  if (type != std::filesystem::file_type::not_found &&
      type != std::filesystem::file_type::directory && !status)
    throw OutputDirectoryError(quoted(m_root) + ": exists and is not a directory");
  if (type == std::filesystem::file_type::directory) {
    const bool ours = std::filesystem::exists(m_root / kMarkerName, status) ||
                      std::filesystem::exists(m_root / "summary.json", status);
    const bool empty = std::filesystem::is_empty(m_root, status);
    if (status)
      throw OutputDirectoryError(quoted(m_root) + ": cannot be read: " + status.message());
    if (!ours && !empty && !overwrite)
      throw OutputDirectoryError(quoted(m_root) +
                                 ": is not empty and holds no proscale results; choose another "
                                 "directory, or add --overwrite to write into it anyway");
    lockAgainstOtherRuns();
    removeOwnFiles();
  }
  try {
    create();
    lockAgainstOtherRuns();
    m_runId = runId;
    writeFileAtomically(m_root / kMarkerName,
                        [&](std::ostream& out) { out << "proscale run " << runId << "\n"; });
  } catch (const OutputDirectoryError&) {
    throw;
  } catch (const Error& e) {
    throw OutputDirectoryError(e.what());  // "cannot create directory '...'" / "cannot write
  }
}

// summary.json first: from here on nothing in the directory claims to be a complete result.
void OutputDirectory::removeOwnFiles() const {
  removeOrFail(m_root / "summary.json");
  for (const auto& entry : std::filesystem::directory_iterator(m_root)) {
    const std::string name = entry.path().filename().string();
    if (isOwnFile(name, knownResultFiles()) && !entry.is_directory()) removeOrFail(entry.path());
  }
  for (const char* folder : kPieceFolders) {
    const std::filesystem::path pieces = m_root / folder;
    if (!std::filesystem::is_directory(pieces)) continue;
    const std::string prefix = std::string(folder) + "_";
    for (const auto& entry : std::filesystem::directory_iterator(pieces)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with(prefix) && name.find(".vtr") != std::string::npos && !entry.is_directory())
        removeOrFail(entry.path());
    }
    std::error_code ignored;  // kept if something else is in it
    if (std::filesystem::is_empty(pieces, ignored)) std::filesystem::remove(pieces, ignored);
  }
  removeStudyRuns();
}

// A study's run-* records and run directories (those that are proscale's own: marked).
void OutputDirectory::removeStudyRuns() const {
  const std::filesystem::path runs = m_root / kStudyRunsFolder;
  if (!std::filesystem::is_directory(runs)) return;
  for (const auto& entry : std::filesystem::directory_iterator(runs)) {
    if (!entry.path().filename().string().starts_with("run-")) continue;
    if (!entry.is_directory()) {
      removeOrFail(entry.path());
    } else if (std::filesystem::exists(entry.path() / kMarkerName) ||
               std::filesystem::exists(entry.path() / "summary.json")) {
      std::error_code status;
      std::filesystem::remove_all(entry.path(), status);
      if (status)
        throw OutputDirectoryError(quoted(entry.path()) + ": cannot remove the earlier run: " +
                                   status.message());
    }
  }
  std::error_code ignored;  // kept if something else is in it
  if (std::filesystem::is_empty(runs, ignored)) std::filesystem::remove(runs, ignored);
}

void OutputDirectory::reopen(const std::string& runId) {
  std::error_code status;
  if (!std::filesystem::is_directory(m_root, status) ||
      !std::filesystem::exists(m_root / kMarkerName, status))
    throw OutputDirectoryError(quoted(m_root) + ": holds no unfinished proscale run to resume");
  lockAgainstOtherRuns();
  removeOrFail(m_root / "summary.json");
  m_created = true;
  m_runId = runId;
  try {
    writeFileAtomically(m_root / kMarkerName,
                        [&](std::ostream& out) { out << "proscale run " << runId << "\n"; });
  } catch (const Error& e) {
    throw OutputDirectoryError(e.what());
  }
}

// Two processes writing one directory would mix their files (a sweep resumed while it still
// runs would run its cases twice): the first holds an exclusive flock on the directory itself.
void OutputDirectory::lockAgainstOtherRuns() {
  if (m_lock) return;
  const int fd = ::open(m_root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // create() reports a directory that cannot be used
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    throw OutputDirectoryError(quoted(m_root) + ": another proscale process is writing into it; "
                               "wait for it to end, or choose another directory");
  }
  m_lock = std::shared_ptr<const int>(new int(fd), [](const int* held) {
    ::close(*held);
    delete held;
  });
}

void OutputDirectory::create() {
  if (m_created) return;
  ensureDirectory(m_root);
  m_created = true;
}

std::filesystem::path OutputDirectory::fileForWriting(const std::string& name) {
  std::filesystem::path file = path(name);
  create();
  return file;
}

void ensureDirectory(const std::filesystem::path& dir) {
  std::error_code status;
  std::filesystem::create_directories(dir, status);
  if (status) {
    throw Error("cannot create directory '" + dir.string() + "': " + status.message());
  }
  if (!std::filesystem::is_directory(dir, status)) {
    throw Error("cannot create directory '" + dir.string() + "': a file of that name exists");
  }
}

std::string newRunId() {
  char stamp[32] = "";
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  std::random_device entropy;
  char random[16];
  std::snprintf(random, sizeof random, "%08x", static_cast<unsigned>(entropy()));
  return std::string(stamp) + "-" + std::to_string(::getpid()) + "-" + random;
}

}  // namespace proscale
