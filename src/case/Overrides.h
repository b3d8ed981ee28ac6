#pragma once
// Command-line overrides: `--set reactor.temperature="40 degC"` replaces (or adds) one key of
// the case file before validation.
#include <string>
#include <string_view>

namespace proscale {

struct Override {
  std::string keyPath;    ///< dot-separated; numbers index lists ("reactions.0.rate-constant")
  std::string valueText;  ///< read as YAML, so "40 degC", "400" and "[1, 2]" all work
};

/// Splits "KEY.PATH=VALUE" at the first '='. Throws InputError located at "--set" when there is
/// no '=' or the key path is empty.
Override parseOverride(std::string_view arg);

}  // namespace proscale
