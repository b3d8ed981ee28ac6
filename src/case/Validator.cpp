#include "case/Validator.h"

#include <algorithm>
#include <tuple>

#include "case/DidYouMean.h"

namespace proscale {
namespace {

std::string unknownKeyMessage(const std::string& key, const std::vector<std::string>& allowed) {
  std::string hint = didYouMean(key, allowed);
  if (!hint.empty()) return "unknown key '" + key + "'" + hint;
  if (allowed.empty()) return "unknown key '" + key + "'; no keys are allowed here";
  return "unknown key '" + key + "'; allowed keys: " + joinWords(allowed);
}

/// Scalars and number lists are located at their value; sections at their key.
bool locatedAtValue(ParamType t) {
  return t != ParamType::Section && t != ParamType::TypedSection && t != ParamType::SectionMap &&
         t != ParamType::SectionList && t != ParamType::QuantityMap;
}

}  // namespace

Validator::Validator(std::string file, const OverrideMarks& overrides, std::optional<SourceMark> forced)
    : m_file(std::move(file)), m_overrides(overrides), m_forced(std::move(forced)) {}

SourceMark Validator::markOf(const std::string& path, const YAML::Node& node,
                             const SourceMark& fallback) const {
  if (m_forced) return *m_forced;
  return locate(m_file, m_overrides, path, node, fallback);
}

void Validator::report(const SourceMark& mark, const std::string& path, const std::string& problem) {
  m_errors.emplace_back(mark, path, problem);
}

void Validator::reportValue(const ValueError& e, const YAML::Node& node, const std::string& path,
                            const SourceMark& mark) {
  SourceMark at = mark;
  if (!m_forced && !m_overrides.covers(path) && !node.Mark().is_null()) {
    const int quote = node.Tag() == "!" ? 1 : 0;  // yaml-cpp marks a quoted scalar at its quote
    at.column += static_cast<int>(e.column()) + quote;
  }
  report(at, path, e.what());
}

bool Validator::firstOccurrence(std::vector<std::pair<std::string, SourceMark>>& seen,
                                const std::string& key, const std::string& path, const SourceMark& mark) {
  for (const auto& [name, first] : seen) {
    if (name != key) continue;
    std::string where = first.file == OverrideMarks::mark().file ? "by --set" : "at line " + std::to_string(first.line);
    report(mark, path, "duplicate key '" + key + "' (first given " + where + ")");
    return false;
  }
  seen.emplace_back(key, mark);
  return true;
}

std::vector<InputError> Validator::sortedErrors() const {
  std::vector<InputError> sorted = m_errors;
  auto rank = [](const InputError& e) {
    return std::make_tuple(e.mark().file == OverrideMarks::mark().file ? 0 : 1, e.mark().line,
                           e.mark().column);
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const InputError& a, const InputError& b) { return rank(a) < rank(b); });
  return sorted;
}

Parameters Validator::validateRoot(const YAML::Node& doc, const Schema& schema) {
  Parameters root("", markOf("", doc, SourceMark{m_file, 1, 1}));
  if (doc.IsDefined() && !doc.IsNull() && !doc.IsMap()) {
    report(root.mark(), "", "expected a mapping of keys at the top level of the case file");
    return root;
  }
  fillSection(doc.IsMap() ? doc : YAML::Node(YAML::NodeType::Map), schema, root, false);
  return root;
}

void Validator::fillSection(const YAML::Node& map, const Schema& schema, Parameters& out, bool allowType) {
  std::vector<std::string> allowed;
  for (const auto& p : schema.params()) allowed.push_back(p.key);
  if (allowType) allowed.push_back("type");
  std::vector<std::pair<std::string, SourceMark>> seen;
  std::vector<std::string> suggested;  // a misspelt key already explains its missing declaration
  for (const auto& pair : map) {
    const YAML::Node keyNode = pair.first;
    const YAML::Node value = pair.second;
    if (!keyNode.IsScalar()) {
      report(markOf(out.path(), keyNode, out.mark()), out.path(), "expected a key name, not a list or mapping");
      continue;
    }
    const std::string key = keyNode.Scalar();
    const std::string path = childPath(out.path(), key);
    const SourceMark keyMark = markOf(path, keyNode, out.mark());
    if (!firstOccurrence(seen, key, path, keyMark) || (allowType && key == "type")) continue;
    const ParamSpec* spec = schema.find(key);
    if (!spec) {
      report(keyMark, path, unknownKeyMessage(key, allowed));
      suggested.push_back(closestMatch(key, allowed));
      continue;
    }
    if (auto v = read(*spec, value, path, keyMark)) {
      SourceMark at = locatedAtValue(spec->type) ? markOf(path, value, keyMark) : keyMark;
      out.set(key, std::move(*v), at, m_forced.has_value());
    }
  }
  for (const auto& spec : schema.params()) {
    bool given = std::any_of(seen.begin(), seen.end(), [&](const auto& s) { return s.first == spec.key; });
    bool misspelt = std::find(suggested.begin(), suggested.end(), spec.key) != suggested.end();
    if (!given && !misspelt) fillAbsent(spec, out);
  }
}

std::optional<Parameters::Value> Validator::read(const ParamSpec& spec, const YAML::Node& node,
                                                 const std::string& path, const SourceMark& keyMark) {
  switch (spec.type) {
    case ParamType::Section: return readSection(spec, node, path, keyMark);
    case ParamType::TypedSection: return readTyped(spec, node, path, keyMark);
    case ParamType::SectionMap: return readSectionMap(spec, node, path, keyMark);
    case ParamType::QuantityMap: return readQuantityMap(spec, node, path, keyMark);
    case ParamType::SectionList: return readSectionList(spec, node, path, keyMark);
    case ParamType::RealList: return readRealList(spec, node, path, keyMark);
    case ParamType::StringList: return readStringList(spec, node, path, keyMark);
    default: return readScalar(spec, node, path, keyMark);
  }
}

std::optional<Parameters::Value> Validator::readScalar(const ParamSpec& spec, const YAML::Node& node,
                                                       const std::string& path, const SourceMark& keyMark) {
  const SourceMark mark = markOf(path, node, keyMark);
  if (node.IsNull()) {
    report(mark, path, "missing value: expected " + expectedText(spec));
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    report(mark, path, "expected " + expectedText(spec));
    return std::nullopt;
  }
  const std::string& text = node.Scalar();
  try {
    switch (spec.type) {
      case ParamType::Real: return Value(std::in_place_type<double>, readReal(spec, text));
      case ParamType::Integer: return Value(std::in_place_type<long>, readInteger(spec, text));
      case ParamType::Bool: return Value(std::in_place_type<bool>, readBool(text));
      case ParamType::Choice: return Value(std::in_place_type<std::string>, readChoice(spec, text));
      default: return Value(std::in_place_type<std::string>, text);
    }
  } catch (const ValueError& e) {
    reportValue(e, node, path, mark);
    return std::nullopt;
  }
}

std::optional<Parameters::Value> Validator::readRealList(const ParamSpec& spec, const YAML::Node& node,
                                                         const std::string& path, const SourceMark& keyMark) {
  const SourceMark mark = markOf(path, node, keyMark);
  if (node.IsNull()) return Value(std::in_place_type<std::vector<double>>);
  if (!node.IsSequence()) {
    report(mark, path, "expected " + expectedText(spec));
    return std::nullopt;
  }
  ParamSpec element = spec;
  element.type = ParamType::Real;
  std::vector<double> values;
  bool ok = true;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string itemPath = indexPath(path, i);
    const SourceMark itemMark = markOf(itemPath, item, mark);
    try {
      if (!item.IsScalar()) throw ValueError(0, "expected " + expectedText(element));
      values.push_back(readReal(element, item.Scalar()));
    } catch (const ValueError& e) {
      if (item.IsScalar()) reportValue(e, item, itemPath, itemMark);
      else report(itemMark, itemPath, e.what());
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return Value(std::move(values));
}

std::optional<Parameters::Value> Validator::readStringList(const ParamSpec& spec,
                                                           const YAML::Node& node,
                                                           const std::string& path,
                                                           const SourceMark& keyMark) {
  const SourceMark mark = markOf(path, node, keyMark);
  if (node.IsNull()) return Value(std::in_place_type<std::vector<std::string>>);
  if (!node.IsSequence()) {
    report(mark, path, "expected " + expectedText(spec));
    return std::nullopt;
  }
  std::vector<std::string> values;
  bool ok = true;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    if (item.IsScalar()) {
      values.push_back(item.Scalar());
      continue;
    }
    const std::string itemPath = indexPath(path, i);
    report(markOf(itemPath, item, mark), itemPath, "expected a string");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return Value(std::move(values));
}

}  // namespace proscale
