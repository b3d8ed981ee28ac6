#pragma once
// A case file as written by the user, with --set overrides applied, ready to be validated
// against the Schema of the model it names.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "case/Overrides.h"
#include "core/Errors.h"
#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

/// A case file's text, as load() reads it: InputError for a file that is missing, a directory,
/// not a regular file, above 16 MiB or unreadable.
std::string readCaseFile(const std::filesystem::path& file);

class CaseDocument {
 public:
  /// Reads and parses `file`. Throws InputError for a missing or unreadable file (line 0), a
  /// YAML syntax error (at its position) or an override that cannot be applied (at `--set`).
  static CaseDocument load(const std::filesystem::path& file, const std::vector<Override>& overrides = {});
  /// As load(), with the text given; `fileName` is used in error positions.
  static CaseDocument fromString(const std::string& yaml, const std::string& fileName,
                                 const std::vector<Override>& overrides = {});

  const std::string& fileName() const;

  /// The top-level `model:` string. Throws InputError if it is missing, not a string or not
  /// one of `known` (with a suggestion and the list).
  std::string modelType(const std::vector<std::string>& known) const;

  /// Checks the whole document against `root` and returns its values in SI. Throws the first
  /// InputError in file order (problems located at --set come first).
  Parameters validate(const Schema& root) const;

  /// Every problem validate() would find, in the order it reports them; empty when valid.
  std::vector<InputError> problems(const Schema& root) const;

 private:
  struct Tree;
  explicit CaseDocument(std::shared_ptr<const Tree> tree) : m_tree(std::move(tree)) {}
  std::shared_ptr<const Tree> m_tree;
};

}  // namespace proscale
