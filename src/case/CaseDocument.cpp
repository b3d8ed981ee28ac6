#include "case/CaseDocument.h"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <vector>

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
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

/// Notes where each YAML document starts and drops every other event.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> marks;
  void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

/// Throws when `yaml` holds a second document. Counted here, two documents at most: yaml-cpp
/// 0.7's LoadAll never returns on some malformed input (a fuzz finding: a line that starts with
/// ','), where the parser reports document after empty document without reading on.
void requireOneDocument(const std::string& yaml, const std::string& fileName) {
  std::istringstream in(yaml);
  YAML::Parser parser(in);
  DocumentStarts starts;
  for (int document = 0; document < 2 && parser.HandleNextDocument(starts); ++document) {
  }
  if (starts.marks.size() < 2) return;
  const YAML::Mark& second = starts.marks[1];
  const SourceMark where{fileName, second.line + 1, second.column + 1};
  if (second.pos <= starts.marks[0].pos) {  // stuck: nothing there is valid YAML
    const auto at = static_cast<std::size_t>(second.pos);
    throw InputError(where, "", "YAML syntax error: cannot read on at '" +
                                    yaml.substr(at, yaml.find('\n', at) - at) + "'");
  }
  throw InputError(where, "", "a second YAML document ('---'): a case file holds one case");
}

}  // namespace

// Case files are a few kilobytes; a limit keeps `check /dev/zero` or a mistaken data file
// from being read into memory whole before the YAML parser refuses it.
constexpr std::uintmax_t kMaxCaseFileBytes = 16u << 20;

std::string readCaseFile(const std::filesystem::path& file) {
  const SourceMark where{file.string(), 1, 1};
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(file, ec);
  if (!std::filesystem::exists(status)) throw InputError(where, "", "case file not found");
  if (std::filesystem::is_directory(status))
    throw InputError(where, "", "is a directory, not a case file");
  // A FIFO or a device would block or never end: only regular files are case files.
  if (!std::filesystem::is_regular_file(status))
    throw InputError(where, "", "is not a regular file (a pipe, device or socket); give a case file");
  const std::uintmax_t bytes = std::filesystem::file_size(file, ec);
  if (!ec && bytes > kMaxCaseFileBytes)
    throw InputError(where, "", "case file has " + std::to_string(bytes) +
                                    " bytes; case files are limited to 16 MiB");
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) throw InputError(where, "", "case file cannot be opened for reading");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(where, "", "case file cannot be read");
  return text.str();
}


CaseDocument CaseDocument::fromString(const std::string& yaml, const std::string& fileName,
                                      const std::vector<Override>& overrides) {
  auto tree = std::make_shared<Tree>();
  tree->fileName = fileName;
  try {
    tree->root = YAML::Load(yaml);
    requireOneDocument(yaml, fileName);
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own message is "bad file"
    throw InputError(SourceMark{fileName, e.mark.line + 1, e.mark.column + 1}, "",
                     "YAML nested " + std::to_string(e.depth()) +
                         " levels deep, beyond what the reader accepts; a case file needs a handful");
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
  return fromString(readCaseFile(file), file.string(), overrides);
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
