#include "core/Units.h"

#include <charconv>
#include <cmath>
#include <string>
#include <utility>

namespace proscale {
namespace {

struct UnitDef {
  std::string_view symbol;
  double factor;  ///< SI value of one unit
  Dimension dimension;
  bool prefixable;
};

constexpr Dimension kVolt = dim::power / dim::current;
constexpr Dimension kOhm = kVolt / dim::current;

// Exact SI definitions (BIPM SI brochure, 9th ed.); cal is the thermochemical calorie.
const UnitDef kUnits[] = {
    {"m", 1.0, dim::length, true},
    {"g", 1e-3, dim::mass, true},
    {"s", 1.0, dim::time, true},
    {"min", 60.0, dim::time, false},
    {"h", 3600.0, dim::time, false},
    {"day", 86400.0, dim::time, false},
    {"K", 1.0, dim::temperature, true},
    {"mol", 1.0, dim::amount, true},
    {"M", 1e3, dim::concentration, true},  // mol/L
    {"L", 1e-3, dim::volume, true},
    {"l", 1e-3, dim::volume, true},
    {"J", 1.0, dim::energy, true},
    {"W", 1.0, dim::power, true},
    {"N", 1.0, dim::energy / dim::length, true},
    {"Pa", 1.0, dim::pressure, true},
    {"bar", 1e5, dim::pressure, true},
    {"atm", 101325.0, dim::pressure, false},
    {"Hz", 1.0, dim::frequency, true},
    {"rpm", 1.0 / 60.0, dim::frequency, false},
    {"A", 1.0, dim::current, true},
    {"V", 1.0, kVolt, true},
    {"C", 1.0, dim::current * dim::time, true},
    {"S", 1.0, dim::none / kOhm, true},
    {"ohm", 1.0, kOhm, true},
    {"eV", 1.602176634e-19, dim::energy, true},
    {"cal", 4.184, dim::energy, true},
    {"P", 0.1, dim::viscosity, true},  // poise
    {"%", 1e-2, dim::none, false},
    {"ppm", 1e-6, dim::none, false},
};

struct Prefix {
  std::string_view symbol;
  double factor;
};
const Prefix kPrefixes[] = {
    {"p", 1e-12}, {"n", 1e-9}, {"u", 1e-6}, {"\xC2\xB5", 1e-6} /* U+00B5 micro sign */,
    {"\xCE\xBC", 1e-6} /* U+03BC Greek mu */, {"m", 1e-3}, {"c", 1e-2}, {"d", 1e-1},
    {"k", 1e3}, {"M", 1e6}, {"G", 1e9}, {"T", 1e12},
};

const UnitDef* findUnit(std::string_view symbol) {
  for (const auto& u : kUnits)
    if (u.symbol == symbol) return &u;
  return nullptr;
}

// Units people write that the table spells otherwise: the suggestion in the error message.
std::string_view commonSpelling(std::string_view symbol) {
  static const std::pair<std::string_view, std::string_view> kMistakes[] = {
      {"\xC2\xB0" "C", "degC"}, {"\xE2\x84\x83", "degC"}, {"\xC2\xB0" "F", "degF"},
      {"\xC2\xB0" "K", "K"},     {"deg", "degC"},            {"degrees", "degC"},
      {"celsius", "degC"},        {"Celsius", "degC"},        {"kelvin", "K"},
      {"Kelvin", "K"},            {"sec", "s"},               {"secs", "s"},
      {"second", "s"},            {"seconds", "s"},           {"mins", "min"},
      {"minute", "min"},          {"minutes", "min"},         {"hr", "h"},
      {"hrs", "h"},               {"hour", "h"},              {"hours", "h"},
      {"liter", "L"},             {"liters", "L"},            {"litre", "L"},
      {"litres", "L"},            {"l", "L"},                 {"micron", "um"},
      {"microns", "um"}};
  for (const auto& [wrong, right] : kMistakes)
    if (symbol == wrong) return right;
  return {};
}

bool isTemperatureScale(std::string_view s) { return s == "degC" || s == "degF"; }

/// A symbol is ASCII letters, '%' or UTF-8 bytes (for µ).
bool isSymbolChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t'; }

/// Left-to-right evaluation of a unit expression inside `text`, starting at `begin`.
class UnitParser {
 public:
  UnitParser(std::string_view text, std::size_t begin, std::size_t end)
      : m_text(text), m_pos(begin), m_end(end) {}

  Quantity parse() {
    Quantity q{1.0, dim::none, true};
    bool divide = false;
    std::size_t opColumn = m_pos;
    while (true) {
      skipSpaces();
      if (m_pos >= m_end) fail(opColumn, "missing unit after '" + std::string(1, m_text[opColumn]) + "'");
      applyTerm(q, divide);
      bool spaced = skipSpaces();
      if (m_pos >= m_end) return q;
      char c = m_text[m_pos];
      if (c == '*' || c == '.' || c == '/') {
        divide = c == '/';
        opColumn = m_pos++;
      } else if (spaced) {
        divide = false;  // a space between two units is a product ("Pa s")
      } else {
        fail(m_pos, "unexpected character '" + std::string(1, c) + "'");
      }
    }
  }

 private:
  void applyTerm(Quantity& q, bool divide) {
    std::size_t start = m_pos;
    double factor = 1.0;
    Dimension d;
    if (isDigit(m_text[m_pos])) {
      while (m_pos < m_end && isDigit(m_text[m_pos])) ++m_pos;
      if (m_text.substr(start, m_pos - start) != "1")
        fail(start, "unexpected number '" + std::string(m_text.substr(start, m_pos - start)) +
                        "' in a unit (only '1', as in '1/s', is allowed)");
    } else {
      while (m_pos < m_end && isSymbolChar(m_text[m_pos])) ++m_pos;
      std::string_view symbol = m_text.substr(start, m_pos - start);
      if (symbol.empty()) fail(start, "unexpected character '" + std::string(1, m_text[start]) + "'");
      lookup(symbol, start, factor, d);
    }
    int exponent = readExponent();
    factor = std::pow(factor, exponent);
    try {
      d = d.pow(exponent);
      q.dimension = divide ? q.dimension / d : q.dimension * d;
    } catch (const std::overflow_error&) {
      fail(start, "exponent of a base unit beyond +-" + std::to_string(Dimension::kMaxExponent));
    }
    q.value = divide ? q.value / factor : q.value * factor;
    // pm^20*pm^20 underflows to 0 (and Tm^20*Tm^20 overflows): a unit is a finite non-zero factor.
    if (!(std::isfinite(q.value) && q.value != 0.0))
      fail(start, "the unit's factor to SI is beyond the range of a double");
  }

  void lookup(std::string_view symbol, std::size_t column, double& factor, Dimension& d) const {
    if (isTemperatureScale(symbol))
      throw UnitError(column, "'" + std::string(symbol) + "' cannot be part of a compound unit in '" +
                                  std::string(m_text) + "'; write absolute temperatures alone (e.g. '25 " +
                                  std::string(symbol) + "') and use K in compound units");
    if (const UnitDef* u = findUnit(symbol)) {
      factor = u->factor;
      d = u->dimension;
      return;
    }
    for (const auto& p : kPrefixes) {
      if (symbol.size() <= p.symbol.size() || symbol.substr(0, p.symbol.size()) != p.symbol) continue;
      const UnitDef* u = findUnit(symbol.substr(p.symbol.size()));
      if (u && u->prefixable) {
        factor = p.factor * u->factor;
        d = u->dimension;
        return;
      }
    }
    const std::string_view right = commonSpelling(symbol);
    fail(column, "unknown unit '" + std::string(symbol) + "'" +
                     (right.empty() ? "" : " (did you mean '" + std::string(right) + "'?)"));
  }

  int readExponent() {
    if (m_pos < m_end && isDigit(m_text[m_pos]))
      fail(m_pos, "write exponents with '^' (e.g. 'm^2')");
    if (m_pos >= m_end || m_text[m_pos] != '^') return 1;
    std::size_t caret = m_pos++;
    bool negative = false;
    if (m_pos < m_end && (m_text[m_pos] == '-' || m_text[m_pos] == '+')) negative = m_text[m_pos++] == '-';
    std::size_t digits = m_pos;
    while (m_pos < m_end && isDigit(m_text[m_pos])) ++m_pos;
    if (m_pos == digits || m_pos - digits > 2)
      fail(caret, "expected an integer exponent from -99 to 99 after '^'");
    int value = 0;
    std::from_chars(m_text.data() + digits, m_text.data() + m_pos, value);
    return negative ? -value : value;
  }

  bool skipSpaces() {
    std::size_t start = m_pos;
    while (m_pos < m_end && isSpace(m_text[m_pos])) ++m_pos;
    return m_pos != start;
  }

  [[noreturn]] void fail(std::size_t column, const std::string& what) const {
    throw UnitError(column, what + " in '" + std::string(m_text) + "'");
  }

  std::string_view m_text;
  std::size_t m_pos;
  std::size_t m_end;
};

std::size_t skipSpaces(std::string_view s, std::size_t pos) {
  while (pos < s.size() && isSpace(s[pos])) ++pos;
  return pos;
}

std::size_t trimmedEnd(std::string_view s, std::size_t begin) {
  std::size_t end = s.size();
  while (end > begin && isSpace(s[end - 1])) --end;
  return end;
}

/// Reads the leading number of `text`; `next` receives the offset just after it.
double readNumber(std::string_view text, std::size_t& next) {
  std::size_t start = skipSpaces(text, 0);
  std::size_t pos = start;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) ++pos;
  std::size_t digits = 0;
  while (pos < text.size() && isDigit(text[pos])) ++pos, ++digits;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && isDigit(text[pos])) ++pos, ++digits;
  }
  if (digits == 0) throw UnitError(start, "expected a number at the start of '" + std::string(text) + "'");
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    std::size_t e = pos + 1;
    if (e < text.size() && (text[e] == '-' || text[e] == '+')) ++e;
    if (e < text.size() && isDigit(text[e])) {
      pos = e;
      while (pos < text.size() && isDigit(text[pos])) ++pos;
    }
  }
  std::size_t from = text[start] == '+' ? start + 1 : start;
  double value = 0.0;
  auto result = std::from_chars(text.data() + from, text.data() + pos, value);
  // Subnormal numbers (below 2.2e-308) carry fewer digits than written: out of range as well.
  if (result.ec != std::errc() || !std::isfinite(value) || (value != 0.0 && !std::isnormal(value)))
    throw UnitError(start, "number '" + std::string(text.substr(start, pos - start)) +
                               "' is out of range in '" + std::string(text) + "'");
  next = pos;
  return value;
}

double absoluteTemperature(std::string_view scale, double value) {
  if (scale == "degC") return value + 273.15;
  return (value - 32.0) * 5.0 / 9.0 + 273.15;  // degF
}

}  // namespace

Quantity parseQuantity(std::string_view text) {
  std::size_t pos = 0;
  double number = readNumber(text, pos);
  std::size_t unitBegin = skipSpaces(text, pos);
  std::size_t unitEnd = trimmedEnd(text, unitBegin);
  if (unitBegin == unitEnd) return Quantity{number, dim::none, false};
  std::string_view unit = text.substr(unitBegin, unitEnd - unitBegin);
  if (isTemperatureScale(unit)) return Quantity{absoluteTemperature(unit, number), dim::temperature, true};
  Quantity q = UnitParser(text, unitBegin, unitEnd).parse();
  q.value *= number;
  // 1e-320 nm is 0 m (and 1e-300 nm a subnormal): a value the unit pushes past a double's range.
  if (!std::isfinite(q.value) || (number != 0.0 && !std::isnormal(q.value)))
    throw UnitError(skipSpaces(text, 0), "value of '" + std::string(text) + "' is out of range");
  return q;
}

Quantity parseUnit(std::string_view unit) {
  std::size_t begin = skipSpaces(unit, 0);
  std::size_t end = trimmedEnd(unit, begin);
  if (begin == end) throw UnitError(0, "empty unit");
  std::string_view symbol = unit.substr(begin, end - begin);
  if (isTemperatureScale(symbol))
    throw UnitError(begin, "'" + std::string(symbol) +
                               "' is an offset temperature scale, not a unit factor; use K");
  return UnitParser(unit, begin, end).parse();
}

UnitScale unitScale(std::string_view unit) {
  const std::size_t begin = skipSpaces(unit, 0);
  const std::string_view symbol = unit.substr(begin, trimmedEnd(unit, begin) - begin);
  if (symbol.empty() || symbol == "-") return {};
  if (isTemperatureScale(symbol)) {
    const double zero = parseQuantity("0 " + std::string(symbol)).value;
    return {parseQuantity("1 " + std::string(symbol)).value - zero, zero, dim::temperature};
  }
  const Quantity q = parseUnit(symbol);
  return {q.value, 0.0, q.dimension};
}

std::string_view unitText(std::string_view text) {
  std::size_t pos = 0;
  readNumber(text, pos);
  std::size_t begin = skipSpaces(text, pos);
  return text.substr(begin, trimmedEnd(text, begin) - begin);
}

}  // namespace proscale
