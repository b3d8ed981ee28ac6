#include "case/YamlSource.h"

#include <charconv>
#include <set>
#include <utility>
#include <vector>

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

// ---- YAML anchors and aliases (issue 10, defect 14) ------------------------------------------
// `a: &x {...}` and `b: *x` are one node in two places: a --set written through it would change
// both. yaml-cpp keeps no anchors, but every node read from the file has its own text position,
// and an alias carries the position of its anchor: a position reached twice is a shared node.

using Positions = std::set<std::size_t>;

/// Text positions of the nodes the tree reaches more than once. Each node is entered once, so
/// an alias bomb costs its text size, not its expansion.
Positions sharedNodes(const YAML::Node& root) {
  Positions seen, shared;
  std::vector<YAML::Node> stack{root};
  while (!stack.empty()) {
    const YAML::Node node = stack.back();
    stack.pop_back();
    const YAML::Mark mark = node.Mark();
    if (!mark.is_null() && !seen.insert(static_cast<std::size_t>(mark.pos)).second) {
      shared.insert(static_cast<std::size_t>(mark.pos));
      continue;
    }
    if (node.IsMap())
      for (const auto& entry : node) stack.push_back(entry.second);
    else if (node.IsSequence())
      for (const auto& entry : node) stack.push_back(entry);
  }
  return shared;
}

bool isShared(const YAML::Node& node, const Positions& shared) {
  return node.IsDefined() && !node.Mark().is_null() &&
         shared.count(static_cast<std::size_t>(node.Mark().pos)) > 0;
}

/// A private copy of a mapping or list: new container, same entries (their nodes stay shared).
YAML::Node shallowCopy(const YAML::Node& node) {
  YAML::Node copy(node.Type() == YAML::NodeType::Sequence ? YAML::NodeType::Sequence
                                                          : YAML::NodeType::Map);
  if (node.IsMap())
    for (const auto& entry : node) copy.force_insert(entry.first, entry.second);
  else if (node.IsSequence())
    for (const auto& entry : node) copy.push_back(entry);
  return copy;
}

/// Points entry `key` of the private mapping `map` at `value` without writing into the node it
/// pointed at (assigning through `map[key]` would). The order of the keys is kept; a new key
/// comes last.
void replaceEntry(YAML::Node& map, const std::string& key, const YAML::Node& value) {
  std::vector<std::pair<YAML::Node, YAML::Node>> entries;
  for (const auto& entry : map) entries.emplace_back(entry.first, entry.second);
  for (const auto& [k, v] : entries) map.remove(k);
  bool found = false;
  for (const auto& [k, v] : entries) {
    found = found || k.Scalar() == key;
    map.force_insert(k, k.Scalar() == key ? value : v);
  }
  if (!found) map.force_insert(key, value);
}

/// The same for entry `index` of the private list `list` (which loses its own mark).
void replaceEntry(YAML::Node& list, std::size_t index, const YAML::Node& value) {
  YAML::Node rebuilt(YAML::NodeType::Sequence);
  for (std::size_t i = 0; i < list.size(); ++i) rebuilt.push_back(i == index ? value : list[i]);
  list = rebuilt;  // rebinds this (private) node to the rebuilt entries
}

}  // namespace

void applyOverride(YAML::Node& root, const Override& o, OverrideMarks& marks) {
  const std::vector<std::string> parts = splitPath(o.keyPath);
  const YAML::Node value = loadValue(o);
  if (!root.IsDefined() || root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  const Positions shared = sharedNodes(root);
  bool copying = false;  // past a shared node every level of the path is a private copy
  YAML::Node current;
  current.reset(root);  // reset() rebinds; operator= would overwrite the node it refers to
  std::string path;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    const bool last = i + 1 == parts.size();
    if (current.IsSequence()) {
      std::size_t index = 0;
      if (!parseIndex(part, index))
        throw InputError(OverrideMarks::mark(), childPath(path, part),
                         describe(path) + " is a list; select an entry by number (e.g. " +
                             childPath(path, "0") + ")");
      if (index >= current.size())
        throw InputError(OverrideMarks::mark(), indexPath(path, index),
                         "index " + part + " is past the end of " + describe(path) + ", which has " +
                             std::to_string(current.size()) +
                             (current.size() == 1 ? " entry" : " entries"));
      path = indexPath(path, index);
      const YAML::Node child = current[index];
      const bool own = !copying && !isShared(child, shared);
      if (last) {
        if (own) current[index] = value;
        else replaceEntry(current, index, value);
        break;
      }
      if (!own) {
        replaceEntry(current, index, shallowCopy(child));
        copying = true;
      }
      YAML::Node next;
      next.reset(current[index]);
      current.reset(next);
    } else if (current.IsMap()) {
      path = childPath(path, part);
      const YAML::Node child = static_cast<const YAML::Node&>(current)[part];  // no insertion
      const bool own = !copying && !isShared(child, shared);
      if (last) {
        if (own) current[part] = value;
        else replaceEntry(current, part, value);
        break;
      }
      if (!child.IsDefined() || child.IsNull()) {
        if (own) current[part] = YAML::Node(YAML::NodeType::Map);
        else replaceEntry(current, part, YAML::Node(YAML::NodeType::Map));
        marks.add(path);
      } else if (!own) {
        replaceEntry(current, part, shallowCopy(child));
        copying = true;
      }
      YAML::Node next;
      next.reset(current[part]);
      current.reset(next);
    } else {
      throw InputError(OverrideMarks::mark(), childPath(path, part),
                       "cannot set '" + part + "' inside " + describe(path) + ", which holds a single value");
    }
  }
  marks.add(path);
}

}  // namespace proscale
