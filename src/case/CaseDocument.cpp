#include "case/CaseDocument.h"

#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "case/DidYouMean.h"
#include "case/Validator.h"
#include "case/YamlSource.h"

namespace proscale {

struct CaseDocument::Tree {
  std::string fileName;
  YAML::Node root;
  OverrideMarks overrides;
};

namespace {

std::string readFile(const std::filesystem::path& file) {
  const SourceMark where{file.string(), 0, 0};
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throw InputError(where, "", "case file not found");
  if (std::filesystem::is_directory(file, ec)) throw InputError(where, "", "is a directory, not a case file");
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) throw InputError(where, "", "case file cannot be opened for reading");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(where, "", "case file cannot be read");
  return text.str();
}

}  // namespace

CaseDocument CaseDocument::fromString(const std::string& yaml, const std::string& fileName,
                                      const std::vector<Override>& overrides) {
  auto tree = std::make_shared<Tree>();
  tree->fileName = fileName;
  try {
    tree->root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    throw InputError(SourceMark{fileName, e.mark.line + 1, e.mark.column + 1}, "",
                     "YAML syntax error: " + e.msg);
  } catch (const YAML::Exception& e) {
    throw InputError(SourceMark{fileName, 0, 0}, "", "YAML error: " + e.msg);
  }
  for (const auto& o : overrides) applyOverride(tree->root, o, tree->overrides);
  return CaseDocument(std::move(tree));
}

CaseDocument CaseDocument::load(const std::filesystem::path& file, const std::vector<Override>& overrides) {
  return fromString(readFile(file), file.string(), overrides);
}

const std::string& CaseDocument::fileName() const { return m_tree->fileName; }

std::string CaseDocument::modelType(const std::vector<std::string>& known) const {
  const YAML::Node& root = m_tree->root;
  const SourceMark rootMark = locate(m_tree->fileName, m_tree->overrides, "", root, {m_tree->fileName, 1, 1});
  const std::string knownList = "; known models: " + joinWords(known);
  if (root.IsDefined() && !root.IsNull() && !root.IsMap())
    throw InputError(rootMark, "", "expected a mapping of keys at the top level of the case file");
  const YAML::Node model = root.IsMap() ? root["model"] : YAML::Node(YAML::NodeType::Undefined);
  if (!model.IsDefined()) throw InputError(rootMark, "model", "required key is missing" + knownList);
  const SourceMark mark = locate(m_tree->fileName, m_tree->overrides, "model", model, rootMark);
  if (!model.IsScalar()) throw InputError(mark, "model", "expected the name of a model" + knownList);
  const std::string name = model.Scalar();
  for (const auto& k : known)
    if (k == name) return name;
  throw InputError(mark, "model", "unknown model '" + name + "'" + didYouMean(name, known) + knownList);
}

std::vector<InputError> CaseDocument::problems(const Schema& root) const {
  Validator validator(m_tree->fileName, m_tree->overrides);
  validator.validateRoot(m_tree->root, root);
  return validator.sortedErrors();
}

Parameters CaseDocument::validate(const Schema& root) const {
  Validator validator(m_tree->fileName, m_tree->overrides);
  Parameters values = validator.validateRoot(m_tree->root, root);
  std::vector<InputError> errors = validator.sortedErrors();
  if (!errors.empty()) throw errors.front();
  return values;
}

}  // namespace proscale
