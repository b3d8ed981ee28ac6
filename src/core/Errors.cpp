#include "core/Errors.h"

#include <sstream>

namespace proscale {
namespace {
/// A message is one line of text: control bytes from the input (a tab, a NUL, an escape
/// sequence a YAML error echoes) are shown as \xNN instead of reaching the terminal.
std::string printable(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
      continue;
    }
    static const char* hex = "0123456789abcdef";
    out += "\\x";
    out += hex[byte >> 4];
    out += hex[byte & 15];
  }
  return out;
}

std::string formatInputError(const SourceMark& mark, const std::string& keyPath,
                             const std::string& problem) {
  std::ostringstream out;
  out << printable(mark.file.empty() ? "<case>" : mark.file);
  if (mark.line > 0) out << ':' << mark.line << ':' << mark.column;
  out << ": ";
  if (!keyPath.empty()) out << printable(keyPath) << ": ";
  out << printable(problem);
  return out.str();
}

}  // namespace

InputError::InputError(SourceMark mark, std::string keyPath, std::string problem)
    : Error(formatInputError(mark, keyPath, problem)),
      m_mark(std::move(mark)),
      m_keyPath(std::move(keyPath)),
      m_problem(std::move(problem)) {}

}  // namespace proscale
