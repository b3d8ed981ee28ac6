#pragma once
// The directory a run writes its results into. Nothing is created on disk until the first
// writer asks for it, so a run that fails while reading its case leaves no empty directory.
#include <filesystem>
#include <string>

namespace proscale {

class OutputDirectory {
 public:
  /// `dir` may be relative (to the working directory) and need not exist; "" means ".".
  explicit OutputDirectory(std::filesystem::path dir);

  const std::filesystem::path& root() const { return m_root; }

  /// `<dir>/<name>` without touching the disk. `name` is a relative path that stays inside the
  /// directory (no absolute paths, no ".." parts); otherwise Error.
  std::filesystem::path path(const std::string& name) const;

  /// Makes the directory and its parents if they do not exist yet; later calls do nothing.
  /// Throws Error when it cannot (for example a file of that name exists).
  void create();

  /// True once create() has succeeded.
  bool created() const { return m_created; }

  /// create(), then path(name): for the call just before a write.
  std::filesystem::path fileForWriting(const std::string& name);

 private:
  std::filesystem::path m_root;
  bool m_created = false;
};

/// Makes `dir` and its parents if missing; Error ("cannot create directory '<dir>': <reason>")
/// when that fails or `dir` exists as something other than a directory.
void ensureDirectory(const std::filesystem::path& dir);

}  // namespace proscale
