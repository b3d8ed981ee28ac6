#pragma once
// Internal to proscale_case: checks a YAML tree against a Schema and builds Parameters.
// Every problem is collected (so the first one in file order can be reported); defaults are
// read with the same code as user text, by a nested Validator whose marks are all the parent's.
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "case/ValueReaders.h"
#include "case/YamlSource.h"
#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

class Validator {
 public:
  /// With `forced`, every value is located there and flagged as defaulted.
  Validator(std::string file, const OverrideMarks& overrides,
            std::optional<SourceMark> forced = std::nullopt);

  Parameters validateRoot(const YAML::Node& doc, const Schema& schema);

  /// The problems found: overrides first (in the order met), then by line and column.
  std::vector<InputError> sortedErrors() const;

 private:
  using Value = Parameters::Value;

  // Validator.cpp: mappings and scalar values.
  void fillSection(const YAML::Node& map, const Schema& schema, Parameters& out, bool allowType);
  std::optional<Value> read(const ParamSpec& spec, const YAML::Node& node, const std::string& path,
                            const SourceMark& keyMark);
  std::optional<Value> readScalar(const ParamSpec& spec, const YAML::Node& node,
                                  const std::string& path, const SourceMark& keyMark);
  /// Opens the mapping at `node` and hands each uniquely named entry to `visit(into, name,
  /// value, entryPath, entryMark)`; null (reported) if it is not a mapping.
  template <class Visit>
  std::shared_ptr<Parameters> readNamedEntries(const YAML::Node& node, const std::string& path,
                                               const SourceMark& keyMark, Visit&& visit);
  std::optional<Value> readQuantityMap(const ParamSpec& spec, const YAML::Node& node,
                                       const std::string& path, const SourceMark& keyMark);
  std::optional<Value> readStringList(const ParamSpec& spec, const YAML::Node& node,
                                      const std::string& path, const SourceMark& keyMark);
  std::optional<Value> readRealList(const ParamSpec& spec, const YAML::Node& node,
                                    const std::string& path, const SourceMark& keyMark);

  // ValidatorSections.cpp: nested mappings, lists and defaults.
  std::shared_ptr<Parameters> openSection(const YAML::Node& node, const std::string& path,
                                          const SourceMark& keyMark);
  std::optional<Value> readSection(const ParamSpec& spec, const YAML::Node& node,
                                   const std::string& path, const SourceMark& keyMark);
  std::optional<Value> readTyped(const ParamSpec& spec, const YAML::Node& node,
                                 const std::string& path, const SourceMark& keyMark);
  std::optional<Value> readSectionMap(const ParamSpec& spec, const YAML::Node& node,
                                      const std::string& path, const SourceMark& keyMark);
  std::optional<Value> readSectionList(const ParamSpec& spec, const YAML::Node& node,
                                       const std::string& path, const SourceMark& keyMark);
  void fillAbsent(const ParamSpec& spec, Parameters& out);

  // Locating and reporting.
  SourceMark markOf(const std::string& path, const YAML::Node& node, const SourceMark& fallback) const;
  void report(const SourceMark& mark, const std::string& path, const std::string& problem);
  void reportValue(const ValueError& e, const YAML::Node& node, const std::string& path,
                   const SourceMark& mark);
  /// Records `key` as seen; reports and returns false when it was seen before.
  bool firstOccurrence(std::vector<std::pair<std::string, SourceMark>>& seen, const std::string& key,
                       const std::string& path, const SourceMark& mark);

  std::string m_file;
  const OverrideMarks& m_overrides;
  std::optional<SourceMark> m_forced;
  std::vector<InputError> m_errors;
};

}  // namespace proscale
