#include "output/AtomicFile.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>

#include "core/Errors.h"

namespace proscale {
namespace {

std::atomic<unsigned long> g_temporaryCounter{0};

/// `<dir>/<name>.tmp-<pid>-<n>`: unique per process and call, same directory as the target.
std::filesystem::path temporaryPathFor(const std::filesystem::path& target) {
  const std::string name = target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                           std::to_string(g_temporaryCounter.fetch_add(1));
  return target.parent_path() / name;
}

[[noreturn]] void throwIoError(const std::filesystem::path& target, int errorNumber) {
  const std::string reason = errorNumber != 0 ? std::strerror(errorNumber) : "I/O error";
  throw Error("cannot write '" + target.string() + "': " + reason);
}

void removeQuietly(const std::filesystem::path& file) {
  std::error_code ignored;
  std::filesystem::remove(file, ignored);
}

}  // namespace

void writePathAtomically(const std::filesystem::path& target,
                         const std::function<void(const std::filesystem::path&)>& writer) {
  if (target.filename().empty() || target.filename() == "." || target.filename() == "..") {
    throw Error("cannot write '" + target.string() + "': not a file name");
  }
  const std::filesystem::path temporary = temporaryPathFor(target);
  try {
    writer(temporary);
  } catch (...) {
    removeQuietly(temporary);
    throw;
  }
  std::error_code status;
  std::filesystem::rename(temporary, target, status);
  if (status) {
    removeQuietly(temporary);
    throw Error("cannot write '" + target.string() + "': " + status.message());
  }
}

void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<void(std::ostream&)>& body) {
  writePathAtomically(target, [&](const std::filesystem::path& temporary) {
    errno = 0;
    std::ofstream out(temporary, std::ios::out | std::ios::trunc | std::ios::binary);
    if (!out.is_open()) throwIoError(target, errno);
    body(out);
    errno = 0;
    out.flush();
    if (!out) throwIoError(target, errno);
    out.close();
    if (out.fail()) throwIoError(target, errno);
  });
}

}  // namespace proscale
