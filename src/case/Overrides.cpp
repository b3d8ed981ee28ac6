#include "case/Overrides.h"

#include "core/Errors.h"

namespace proscale {
namespace {

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  std::size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// "reactions[0].rate-constant" (as messages print list entries) -> "reactions.0.rate-constant".
std::string dottedPath(std::string path) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '[') {
      if (!out.empty() && out.back() != '.') out += '.';
    } else if (c == ']') {
      if (i + 1 < path.size() && path[i + 1] != '.' && path[i + 1] != '[') out += '.';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Override parseOverride(std::string_view arg) {
  const SourceMark where{"--set", 1, 1};
  std::size_t eq = arg.find('=');
  if (eq == std::string_view::npos)
    throw InputError(where, "",
                     "expected KEY.PATH=VALUE (e.g. reactor.temperature=\"40 degC\"), got '" +
                         std::string(arg) + "'");
  Override o{dottedPath(trim(arg.substr(0, eq))), std::string(arg.substr(eq + 1))};
  if (o.keyPath.empty()) throw InputError(where, "", "missing key path before '=' in '" + std::string(arg) + "'");
  return o;
}

}  // namespace proscale
