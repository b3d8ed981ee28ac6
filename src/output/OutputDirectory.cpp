#include "output/OutputDirectory.h"

#include <system_error>
#include <utility>

#include "core/Errors.h"

namespace proscale {

OutputDirectory::OutputDirectory(std::filesystem::path dir)
    : m_root(dir.empty() ? std::filesystem::path(".") : std::move(dir)) {}

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

}  // namespace proscale
