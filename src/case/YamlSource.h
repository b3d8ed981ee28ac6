#pragma once
// Internal to proscale_case (uses yaml-cpp): where each YAML node came from, and the
// application of --set overrides to the parsed tree.
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "case/Overrides.h"
#include "core/Errors.h"

namespace proscale {

/// Key paths written by --set (and the mappings created for them). A node at or below one of
/// these paths is reported at `--set:1:1`.
class OverrideMarks {
 public:
  static SourceMark mark() { return SourceMark{"--set", 1, 1}; }
  void add(const std::string& path) { m_paths.push_back(path); }
  bool covers(std::string_view path) const;

 private:
  std::vector<std::string> m_paths;
};

/// The file position of `node` at `path` (1-based), `--set:1:1` if overridden, or `fallback`
/// when yaml-cpp has no mark for it (created or null nodes).
SourceMark locate(const std::string& file, const OverrideMarks& overrides, const std::string& path,
                  const YAML::Node& node, const SourceMark& fallback);

/// Writes `o` into `root`, creating missing mappings on the way. Throws InputError at `--set`
/// when the value is not valid YAML or the path runs through a scalar or past a list's end.
void applyOverride(YAML::Node& root, const Override& o, OverrideMarks& marks);

/// "a.b" / "a[2]" path joining used by the validator and the overrides alike.
std::string childPath(const std::string& parent, const std::string& key);
std::string indexPath(const std::string& parent, std::size_t index);

}  // namespace proscale
