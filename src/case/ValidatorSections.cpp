#include "case/Validator.h"

#include <stdexcept>

#include "case/DidYouMean.h"

namespace proscale {
namespace {

/// An empty value (`reactor:` with nothing under it) reads as an empty mapping.
YAML::Node mappingOrEmpty(const YAML::Node& node) {
  return node.IsNull() ? YAML::Node(YAML::NodeType::Map) : node;
}

bool hasRequired(const Schema& schema) {
  for (const auto& p : schema.params())
    if (p.required) return true;
  return false;
}

std::vector<std::string> variantNames(const TypedFamily& family) {
  std::vector<std::string> names;
  for (const auto& [name, schema] : family.variants) names.push_back(name);
  return names;
}

const Schema& sectionSchemaOf(const ParamSpec& spec) {
  if (!spec.sectionSchema) throw std::logic_error("parameter '" + spec.key + "' declares no section schema");
  return *spec.sectionSchema;
}

const TypedFamily& familyOf(const ParamSpec& spec) {
  if (!spec.family) throw std::logic_error("parameter '" + spec.key + "' declares no typed family");
  return *spec.family;
}

/// Whether an absent optional section can be built from its declared defaults alone.
bool buildableFromDefaults(const ParamSpec& spec) {
  if (spec.type == ParamType::Section)
    return spec.builtFromDefaults && !hasRequired(sectionSchemaOf(spec));
  if (spec.type != ParamType::TypedSection || !spec.defaultType) return false;
  const auto& variants = familyOf(spec).variants;
  auto it = variants.find(*spec.defaultType);
  return it != variants.end() && !hasRequired(*it->second);
}

/// A scalar's default is its text as written (so "" is an empty string); a list's or a
/// section's default is YAML ("[1 um, 2 um]", "{type: ideal}").
YAML::Node loadDefault(const ParamSpec& spec, const std::string& path) {
  const std::string& text = *spec.defaultText;
  if (spec.type == ParamType::Real || spec.type == ParamType::Integer || spec.type == ParamType::Bool ||
      spec.type == ParamType::String || spec.type == ParamType::Choice)
    return YAML::Node(text);
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw std::logic_error("the declared default '" + text + "' of '" + path + "' is not YAML: " + e.msg);
  }
}

}  // namespace

std::shared_ptr<Parameters> Validator::openSection(const YAML::Node& node, const std::string& path,
                                                   const SourceMark& keyMark) {
  if (!node.IsNull() && !node.IsMap()) {
    report(markOf(path, node, keyMark), path, "expected a mapping");
    return nullptr;
  }
  return std::make_shared<Parameters>(path, node.IsMap() ? markOf(path, node, keyMark) : keyMark);
}

std::optional<Parameters::Value> Validator::readSection(const ParamSpec& spec, const YAML::Node& node,
                                                        const std::string& path, const SourceMark& keyMark) {
  const Schema& schema = sectionSchemaOf(spec);
  auto section = openSection(node, path, keyMark);
  if (!section) return std::nullopt;
  fillSection(mappingOrEmpty(node), schema, *section, false);
  return Value(section);
}

std::optional<Parameters::Value> Validator::readTyped(const ParamSpec& spec, const YAML::Node& node,
                                                      const std::string& path, const SourceMark& keyMark) {
  const TypedFamily& family = familyOf(spec);
  auto section = openSection(node, path, keyMark);
  if (!section) return std::nullopt;
  const YAML::Node map = mappingOrEmpty(node);
  const std::vector<std::string> names = variantNames(family);
  const std::string typePath = childPath(path, "type");
  const YAML::Node typeNode = map["type"];
  std::string type;
  if (!typeNode.IsDefined()) {
    if (!spec.defaultType) {
      report(section->mark(), typePath, "required key is missing; known types: " + joinWords(names));
      return std::nullopt;
    }
    type = *spec.defaultType;
  } else {
    const SourceMark typeMark = markOf(typePath, typeNode, section->mark());
    if (!typeNode.IsScalar()) {
      report(typeMark, typePath, "expected one of: " + joinWords(names));
      return std::nullopt;
    }
    type = typeNode.Scalar();
    if (!family.variants.count(type)) {
      report(typeMark, typePath, "unknown type '" + type + "'" + didYouMean(type, names) +
                                     "; known types: " + joinWords(names));
      return std::nullopt;
    }
  }
  auto variant = family.variants.find(type);
  if (variant == family.variants.end())
    throw std::logic_error("default type '" + type + "' of '" + path + "' is not a variant of " + family.name);
  section->setType(type);
  fillSection(map, *variant->second, *section, true);
  return Value(section);
}

template <class Visit>
std::shared_ptr<Parameters> Validator::readNamedEntries(const YAML::Node& node,
                                                       const std::string& path,
                                                       const SourceMark& keyMark, Visit&& visit) {
  auto entries = openSection(node, path, keyMark);
  if (!entries) return nullptr;
  std::vector<std::pair<std::string, SourceMark>> seen;
  for (const auto& pair : mappingOrEmpty(node)) {
    const YAML::Node nameNode = pair.first;
    if (!nameNode.IsScalar()) {
      report(markOf(path, nameNode, entries->mark()), path, "expected a name, not a list or mapping");
      continue;
    }
    const std::string name = nameNode.Scalar();
    const std::string entryPath = childPath(path, name);
    const SourceMark entryMark = markOf(entryPath, nameNode, entries->mark());
    if (!firstOccurrence(seen, name, entryPath, entryMark)) continue;
    visit(*entries, name, pair.second, entryPath, entryMark);
  }
  return entries;
}

std::optional<Parameters::Value> Validator::readSectionMap(const ParamSpec& spec, const YAML::Node& node,
                                                           const std::string& path, const SourceMark& keyMark) {
  const Schema& schema = sectionSchemaOf(spec);
  auto entries = readNamedEntries(
      node, path, keyMark,
      [&](Parameters& into, const std::string& name, const YAML::Node& value,
          const std::string& entryPath, const SourceMark& entryMark) {
        auto entry = openSection(value, entryPath, entryMark);
        if (!entry) return;
        fillSection(mappingOrEmpty(value), schema, *entry, false);
        into.set(name, entry, entryMark, m_forced.has_value());
      });
  if (!entries) return std::nullopt;
  return Value(entries);
}

// Names of the user's choosing, each a quantity of the declared dimension (stored as a section
// whose keys are the names, each value located at itself).
std::optional<Parameters::Value> Validator::readQuantityMap(const ParamSpec& spec,
                                                            const YAML::Node& node,
                                                            const std::string& path,
                                                            const SourceMark& keyMark) {
  ParamSpec element = spec;
  element.type = ParamType::Real;
  auto entries = readNamedEntries(
      node, path, keyMark,
      [&](Parameters& into, const std::string& name, const YAML::Node& value,
          const std::string& entryPath, const SourceMark& entryMark) {
        element.key = name;
        if (auto v = readScalar(element, value, entryPath, entryMark))
          into.set(name, std::move(*v), markOf(entryPath, value, entryMark), m_forced.has_value());
      });
  if (!entries) return std::nullopt;
  return Value(entries);
}

std::optional<Parameters::Value> Validator::readSectionList(const ParamSpec& spec, const YAML::Node& node,
                                                            const std::string& path, const SourceMark& keyMark) {
  const Schema& schema = sectionSchemaOf(spec);
  auto list = std::make_shared<Parameters::List>();
  if (node.IsNull()) return Value(list);
  const SourceMark mark = markOf(path, node, keyMark);
  if (!node.IsSequence()) {
    report(mark, path, "expected a list of mappings");
    return std::nullopt;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    const std::string itemPath = indexPath(path, i);
    auto entry = openSection(item, itemPath, markOf(itemPath, item, mark));
    if (!entry) continue;
    fillSection(mappingOrEmpty(item), schema, *entry, false);
    list->push_back(std::move(*entry));
  }
  return Value(list);
}

void Validator::fillAbsent(const ParamSpec& spec, Parameters& out) {
  const std::string path = out.pathOf(spec.key);
  if (spec.required) {
    report(out.mark(), path, "required key is missing");
    return;
  }
  YAML::Node source;
  if (spec.defaultText) source.reset(loadDefault(spec, path));
  else if (buildableFromDefaults(spec)) source.reset(YAML::Node(YAML::NodeType::Map));
  else return;
  Validator defaults(m_file, m_overrides, out.mark());
  auto value = defaults.read(spec, source, path, out.mark());
  if (!defaults.m_errors.empty())
    throw std::logic_error("the declared default of '" + path + "' is invalid: " +
                           defaults.m_errors.front().problem());
  out.set(spec.key, std::move(*value), out.mark(), true);
}

}  // namespace proscale
