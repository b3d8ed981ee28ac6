#include "case/YamlSource.h"

#include <charconv>

namespace proscale {

bool OverrideMarks::covers(std::string_view path) const {
  for (const auto& p : m_paths) {
    if (path.substr(0, p.size()) != p) continue;
    if (path.size() == p.size() || path[p.size()] == '.' || path[p.size()] == '[') return true;
  }
  return false;
}

SourceMark locate(const std::string& file, const OverrideMarks& overrides, const std::string& path,
                  const YAML::Node& node, const SourceMark& fallback) {
  if (overrides.covers(path)) return OverrideMarks::mark();
  if (!node.IsDefined() || node.IsNull() || node.Mark().is_null()) return fallback;
  return SourceMark{file, node.Mark().line + 1, node.Mark().column + 1};
}

std::string childPath(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string indexPath(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

namespace {

std::vector<std::string> splitPath(const std::string& keyPath) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = keyPath.find('.', start);
    parts.push_back(keyPath.substr(start, dot - start));
    if (parts.back().empty())
      throw InputError(OverrideMarks::mark(), keyPath, "empty key name in the path");
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

bool parseIndex(const std::string& text, std::size_t& index) {
  auto r = std::from_chars(text.data(), text.data() + text.size(), index);
  return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

std::string describe(const std::string& path) {
  return path.empty() ? "the top level of the case file" : "'" + path + "'";
}

YAML::Node loadValue(const Override& o) {
  try {
    return YAML::Load(o.valueText);
  } catch (const YAML::Exception& e) {
    throw InputError(OverrideMarks::mark(), o.keyPath,
                     "cannot read the value '" + o.valueText + "' as YAML: " + e.msg);
  }
}

}  // namespace

void applyOverride(YAML::Node& root, const Override& o, OverrideMarks& marks) {
  const std::vector<std::string> parts = splitPath(o.keyPath);
  const YAML::Node value = loadValue(o);
  if (!root.IsDefined() || root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  YAML::Node current;
  current.reset(root);  // reset() rebinds; operator= would overwrite the node it refers to
  std::string path;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    YAML::Node next;
    if (current.IsSequence()) {
      std::size_t index = 0;
      if (!parseIndex(part, index))
        throw InputError(OverrideMarks::mark(), childPath(path, part),
                         describe(path) + " is a list; select an entry by number (e.g. " +
                             childPath(path, "0") + ")");
      if (index >= current.size())
        throw InputError(OverrideMarks::mark(), indexPath(path, index),
                         "index " + part + " is past the end of " + describe(path) + ", which has " +
                             std::to_string(current.size()) + " entries");
      path = indexPath(path, index);
      if (last) current[index] = value;
      else next.reset(current[index]);
    } else if (current.IsMap()) {
      path = childPath(path, part);
      if (last) {
        current[part] = value;
      } else {
        if (!current[part].IsDefined() || current[part].IsNull()) {
          current[part] = YAML::Node(YAML::NodeType::Map);
          marks.add(path);
        }
        next.reset(current[part]);
      }
    } else {
      throw InputError(OverrideMarks::mark(), childPath(path, part),
                       "cannot set '" + part + "' inside " + describe(path) + ", which holds a single value");
    }
    if (!last) current.reset(next);
  }
  marks.add(path);
}

}  // namespace proscale
