#include "case/ReferenceDocs.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "case/DidYouMean.h"
#include "case/ValueReaders.h"

namespace proscale {
namespace {

std::string code(const std::string& s) { return "`" + s + "`"; }

/// Table cells cannot hold '|' or line breaks.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::vector<std::string> quoted(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(code(w));
  return out;
}

std::string typeName(const ParamSpec& p) {
  switch (p.type) {
    case ParamType::Real: return "number";
    case ParamType::Integer: return "whole number";
    case ParamType::Bool: return "true/false";
    case ParamType::String: return "text";
    case ParamType::Choice: return "choice";
    case ParamType::RealList: return "list of numbers";
    case ParamType::StringList: return "list of text";
    case ParamType::Section: return "section";
    case ParamType::TypedSection: return "typed section";
    case ParamType::SectionMap: return "named sections";
    case ParamType::QuantityMap: return "named numbers";
    case ParamType::SectionList: return "list of sections";
  }
  return "";
}

std::string unitCell(const ParamSpec& p) {
  if (p.type != ParamType::Real && p.type != ParamType::RealList &&
      p.type != ParamType::QuantityMap)
    return "";
  if (p.dimension.isDimensionless()) return "1";
  const std::string si = p.dimension.toString();
  if (p.unitHint.empty() || p.unitHint == si) return code(si);
  return code(p.unitHint) + " (SI " + code(si) + ")";
}

std::string defaultCell(const ParamSpec& p) {
  if (p.required) return "**required**";
  if (p.defaultText) return p.defaultText->empty() ? "empty" : code(*p.defaultText);
  if (p.type == ParamType::TypedSection && p.defaultType) return "type " + code(*p.defaultType);
  if (p.type == ParamType::Section && p.sectionSchema && p.builtFromDefaults &&
      std::none_of(p.sectionSchema->params().begin(), p.sectionSchema->params().end(),
                   [](const ParamSpec& s) { return s.required; }))
    return "from its defaults";
  return "optional";
}

std::string rangeCell(const ParamSpec& p) {
  if (p.type == ParamType::Choice) return joinWords(quoted(p.choices));
  if (p.type == ParamType::TypedSection && p.family) {
    std::vector<std::string> names;
    for (const auto& [name, schema] : p.family->variants) names.push_back(name);
    return "type: " + joinWords(quoted(names));
  }
  std::vector<std::string> parts;
  if (p.lower) parts.push_back((p.lower->inclusive ? ">= " : "> ") + formatNumber(p.lower->value));
  if (p.upper) parts.push_back((p.upper->inclusive ? "<= " : "< ") + formatNumber(p.upper->value));
  return joinWords(parts);
}

class Writer {
 public:
  explicit Writer(std::ostringstream& out) : m_out(out) {}

  void schema(const Schema& s, const std::string& heading, const std::string& intro) {
    if (std::find(m_stack.begin(), m_stack.end(), &s) != m_stack.end()) return;  // recursive schema
    std::ostringstream table;
    if (s.params().empty()) {
      table << "No keys.\n";
    } else {
      table << "| Key | Type | Unit | Default | Allowed | Description |\n"
            << "|-----|------|------|---------|---------|-------------|\n";
      for (const auto& p : s.params())
        table << "| " << code(p.key) << " | " << typeName(p) << " | " << unitCell(p) << " | "
              << cell(defaultCell(p)) << " | " << cell(rangeCell(p)) << " | " << cell(p.doc)
              << " |\n";
    }
    // A sub-schema repeated under several keys (the DLVO settings of every aggregation kernel)
    // is written once per model; later places refer to the first.
    const std::string content = s.doc() + "\n" + table.str();
    if (const auto seen = m_written.find(content); seen != m_written.end()) {
      m_out << "\n## " << heading << "\n\nThe same keys as " << seen->second << ".\n";
      return;
    }
    m_written.emplace(content, heading);
    m_stack.push_back(&s);
    m_out << "\n## " << heading << "\n\n";
    if (!intro.empty()) m_out << intro << "\n\n";
    if (!s.doc().empty()) m_out << s.doc() << "\n\n";
    m_out << table.str();
    for (const auto& p : s.params()) nested(p, m_pathPrefix.empty() ? p.key : m_pathPrefix + "." + p.key);
    m_stack.pop_back();
  }

 private:
  /// The tables of the mappings under `p` (at `path`), if it has any.
  void nested(const ParamSpec& p, const std::string& path) {
    const std::string saved = m_pathPrefix;
    if (p.type == ParamType::TypedSection && p.family) {
      m_pathPrefix = path;
      for (const auto& [name, variant] : p.family->variants)
        schema(*variant, code(path) + " with " + code("type: " + name), p.family->doc);
    } else if (p.sectionSchema) {
      std::string entry = path;
      std::string intro;
      if (p.type == ParamType::SectionMap) {
        entry = path + ".<name>";
        intro = "Each entry of " + code(path) + " is a mapping with these keys.";
      } else if (p.type == ParamType::SectionList) {
        entry = path + "[]";
        intro = "Each item of the list " + code(path) + " is a mapping with these keys.";
      }
      m_pathPrefix = entry;
      schema(*p.sectionSchema, code(entry), intro);
    }
    m_pathPrefix = saved;
  }

  std::ostringstream& m_out;
  std::vector<const Schema*> m_stack;
  std::map<std::string, std::string> m_written;  // a table's text -> the heading it was written under
  std::string m_pathPrefix;
};

}  // namespace

std::string schemaReferenceMarkdown(const Schema& root, const std::string& title) {
  std::ostringstream out;
  out << "# " << title << "\n\n"
      << "Generated from the parameter declarations in the source code. Quantities are written "
         "as a number and a unit (see units.md) and stored in SI.\n";
  Writer(out).schema(root, "Top level", "");
  return out.str();
}

}  // namespace proscale
