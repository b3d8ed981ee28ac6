#include "output/JsonWriter.h"

#include <array>
#include <cmath>
#include <stdexcept>

#include "output/TextFormat.h"

namespace proscale {
namespace {

/// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is not valid
/// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t validUtf8Length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char secondLow = 0x80;
  unsigned char secondHigh = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) secondLow = 0xA0;
    if (lead == 0xED) secondHigh = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) secondLow = 0x90;
    if (lead == 0xF4) secondHigh = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < secondLow || byte(i + 1) > secondHigh) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

std::string jsonQuote(std::string_view text) {
  static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = validUtf8Length(text, i);
      if (length == 0) {
        out += "\\ufffd";
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  return out + '"';
}

void JsonWriter::newlineAndIndent() {
  m_out << '\n';
  for (std::size_t k = 0; k < m_levels.size(); ++k) m_out << "  ";
}

void JsonWriter::beforeValue() {
  if (m_levels.empty()) {
    if (m_topLevelDone) throw std::logic_error("JsonWriter: a second top-level value");
    return;
  }
  Level& level = m_levels.back();
  if (level.object) {
    if (!m_keyWritten) throw std::logic_error("JsonWriter: value in an object without a key");
    m_keyWritten = false;
    return;
  }
  if (!level.empty) m_out << ',';
  level.empty = false;
  newlineAndIndent();
}

JsonWriter& JsonWriter::writeScalar(std::string_view text) {
  beforeValue();
  m_out << text;
  if (m_levels.empty()) m_topLevelDone = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (m_levels.empty() || !m_levels.back().object) {
    throw std::logic_error("JsonWriter: key outside an object");
  }
  if (m_keyWritten) throw std::logic_error("JsonWriter: two keys without a value");
  Level& level = m_levels.back();
  if (!level.empty) m_out << ',';
  level.empty = false;
  newlineAndIndent();
  m_out << jsonQuote(name) << ": ";
  m_keyWritten = true;
  return *this;
}

JsonWriter& JsonWriter::beginObject() {
  beforeValue();
  m_out << '{';
  m_levels.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::beginArray() {
  beforeValue();
  m_out << '[';
  m_levels.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::close(bool object) {
  if (m_levels.empty() || m_levels.back().object != object || m_keyWritten) {
    throw std::logic_error(object ? "JsonWriter: unbalanced endObject"
                                  : "JsonWriter: unbalanced endArray");
  }
  const bool empty = m_levels.back().empty;
  m_levels.pop_back();
  if (!empty) newlineAndIndent();
  m_out << (object ? '}' : ']');
  if (m_levels.empty()) m_topLevelDone = true;
  return *this;
}

JsonWriter& JsonWriter::endObject() { return close(true); }
JsonWriter& JsonWriter::endArray() { return close(false); }

JsonWriter& JsonWriter::value(std::string_view text) { return writeScalar(jsonQuote(text)); }

JsonWriter& JsonWriter::value(double number) {
  return writeScalar(std::isfinite(number) ? formatShortest(number) : "null");
}

JsonWriter& JsonWriter::value(bool flag) { return writeScalar(flag ? "true" : "false"); }

void JsonWriter::finish() {
  if (!m_topLevelDone || !m_levels.empty()) {
    throw std::logic_error("JsonWriter: finish() before the top-level value is complete");
  }
  m_out << '\n';
}

}  // namespace proscale
