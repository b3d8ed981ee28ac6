#pragma once
// A small streaming JSON emitter (RFC 8259) for summary.json and later machine-readable
// outputs. Output is indented by two spaces per level, one member or element per line.
// Strings are escaped; invalid UTF-8 bytes become U+FFFD. Numbers use the shortest text that
// reads back exactly; non-finite numbers are written as null.
#include <concepts>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace proscale {

/// `text` as a quoted JSON string: '"', '\\' and control characters escaped, valid UTF-8
/// passed through, each byte of an invalid UTF-8 sequence replaced by \ufffd.
std::string jsonQuote(std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : m_out(out) {}

  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();

  /// The name of the next member; only directly inside an object.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);  ///< null when not finite
  JsonWriter& value(bool flag);
  template <std::integral T>
  requires(!std::same_as<T, bool>) JsonWriter& value(T number) {
    return writeScalar(std::to_string(number));
  }
  JsonWriter& null() { return writeScalar("null"); }

  /// key(name) then value(v).
  template <typename T>
  JsonWriter& member(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  /// Checks that the single top-level value is complete and ends the text with a newline.
  void finish();

  // Misuse (a value where a key is due, unbalanced end, a second top-level value) throws
  // std::logic_error: it is a programming error, not a user error.

 private:
  struct Level {
    bool object = false;
    bool empty = true;
  };

  JsonWriter& writeScalar(std::string_view text);
  void beforeValue();
  void newlineAndIndent();
  JsonWriter& close(bool object);

  std::ostream& m_out;
  std::vector<Level> m_levels;
  bool m_keyWritten = false;  ///< inside an object: a key is written, its value is due
  bool m_topLevelDone = false;
};

}  // namespace proscale
