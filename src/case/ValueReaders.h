#pragma once
// Internal to proscale_case: one scalar's text -> the typed value a ParamSpec asks for, with the
// messages users see. Independent of YAML so the rules read in one place.
#include <stdexcept>
#include <string>

#include "core/NumberFormat.h"
#include <string_view>

#include "core/Schema.h"

namespace proscale {

/// A value that does not fit its declaration; `column` is the 0-based offset in the text.
class ValueError : public std::runtime_error {
 public:
  ValueError(std::size_t column, const std::string& message)
      : std::runtime_error(message), m_column(column) {}
  std::size_t column() const { return m_column; }

 private:
  std::size_t m_column;
};

/// What the spec expects, for "expected ..." messages: "a number with a unit of K (e.g. K)".
std::string expectedText(const ParamSpec& spec);

/// A quantity in SI, checked for dimension, finiteness and bounds.
double readReal(const ParamSpec& spec, std::string_view text);
long readInteger(const ParamSpec& spec, std::string_view text);
bool readBool(std::string_view text);
std::string readChoice(const ParamSpec& spec, std::string_view text);

}  // namespace proscale
