#include "core/Errors.h"

#include <sstream>

namespace proscale {
namespace {
std::string formatInputError(const SourceMark& mark, const std::string& keyPath,
                             const std::string& problem) {
  std::ostringstream out;
  out << (mark.file.empty() ? "<case>" : mark.file);
  if (mark.line > 0) out << ':' << mark.line << ':' << mark.column;
  out << ": ";
  if (!keyPath.empty()) out << keyPath << ": ";
  out << problem;
  return out.str();
}

}  // namespace

InputError::InputError(SourceMark mark, std::string keyPath, std::string problem)
    : Error(formatInputError(mark, keyPath, problem)),
      m_mark(std::move(mark)),
      m_keyPath(std::move(keyPath)),
      m_problem(std::move(problem)) {}

}  // namespace proscale
