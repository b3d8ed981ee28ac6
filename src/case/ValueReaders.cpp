#include "case/ValueReaders.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <sstream>

#include "case/DidYouMean.h"
#include "core/Units.h"

namespace proscale {
namespace {

std::string hintSuffix(const ParamSpec& spec) {
  return spec.unitHint.empty() ? "" : " (e.g. " + spec.unitHint + ")";
}

std::string withUnit(double value, const Dimension& d) {
  return formatNumber(value) + (d.isDimensionless() ? "" : " " + d.toString());
}

/// Throws when `value` (SI) violates the spec's lower or upper bound. The message speaks in
/// the unit the user wrote when that unit is a plain factor ("J/m^2"), else in SI.
void checkBounds(const ParamSpec& spec, double value, const Dimension& d,
                 std::string_view writtenUnit = {}) {
  auto fail = [&](const char* op, double bound) {
    // Whole numbers are shown whole (10, not 1e+01; 4294967297, not 4.29497e+09) while a
    // double holds them exactly.
    const auto whole = [](double v) {
      return std::abs(v) < 1e15 ? std::to_string(static_cast<long long>(v)) : formatNumber(v);
    };
    if (spec.type == ParamType::Integer)
      throw ValueError(0, std::string("must be ") + op + " " + whole(bound) + ", got " + whole(value));
    Quantity unit;
    try {
      if (!writtenUnit.empty()) unit = parseUnit(writtenUnit);
    } catch (const UnitError&) {
      unit = Quantity{};  // offset units (degC): report in SI
    }
    if (unit.hasUnit && unit.value > 0.0) {
      const std::string u(writtenUnit);
      throw ValueError(0, std::string("must be ") + op + " " + formatNumber(bound / unit.value) +
                              " " + u + ", got " + formatNumber(value / unit.value) + " " + u);
    }
    throw ValueError(0, std::string("must be ") + op + " " + withUnit(bound, d) + ", got " +
                            withUnit(value, d));
  };
  // An inclusive bound admits the rounding of a unit conversion: 1e-7 mol/L is
  // 9.999999999999999e-05 mol/m^3, and a lower bound of 1e-4 mol/m^3 must accept it.
  const auto slack = [](double bound) {
    return 4.0 * std::numeric_limits<double>::epsilon() * std::abs(bound);
  };
  if (spec.lower && (spec.lower->inclusive ? value < spec.lower->value - slack(spec.lower->value)
                                           : value <= spec.lower->value))
    fail(spec.lower->inclusive ? ">=" : ">", spec.lower->value);
  if (spec.upper && (spec.upper->inclusive ? value > spec.upper->value + slack(spec.upper->value)
                                           : value >= spec.upper->value))
    fail(spec.upper->inclusive ? "<=" : "<", spec.upper->value);
}

std::string numberPart(std::string_view text, std::string_view unit) {
  std::string_view head = text.substr(0, static_cast<std::size_t>(unit.data() - text.data()));
  std::size_t b = head.find_first_not_of(" \t"), e = head.find_last_not_of(" \t");
  return b == std::string_view::npos ? std::string(text) : std::string(head.substr(b, e - b + 1));
}

}  // namespace


std::string expectedText(const ParamSpec& spec) {
  const std::string unit = spec.dimension.isDimensionless()
                               ? ""
                               : " with a unit of " + spec.dimension.toString() + hintSuffix(spec);
  switch (spec.type) {
    case ParamType::Real: return "a number" + unit;
    case ParamType::RealList: return "a list of numbers" + unit;
    case ParamType::StringList: return "a list of strings";
    case ParamType::Integer: return "a whole number";
    case ParamType::Bool: return "true or false";
    case ParamType::String: return "a string";
    case ParamType::Choice: return "one of: " + joinWords(spec.choices);
    case ParamType::Section:
    case ParamType::TypedSection:
    case ParamType::SectionMap: return "a mapping";
    case ParamType::QuantityMap: return "a mapping of names to numbers" + unit;
    case ParamType::SectionList: return "a list of mappings";
  }
  return "a value";
}

double readReal(const ParamSpec& spec, std::string_view text) {
  Quantity q;
  try {
    q = parseQuantity(text);
  } catch (const UnitError& e) {
    throw ValueError(e.column(), e.what());
  }
  std::string_view unit = unitText(text);
  const std::size_t unitColumn = static_cast<std::size_t>(unit.data() - text.data());
  if (!q.hasUnit && spec.dimension == dim::temperature) {
    // A bare number is ambiguous between the two scales people use: show both readings.
    const std::string n = numberPart(text, unit);
    throw ValueError(0, "missing unit: did you mean '" + n + " K' (" +
                            formatNumber(q.value - 273.15) + " degC) or '" + n + " degC' (" +
                            formatNumber(q.value + 273.15) + " K)?");
  }
  if (!q.hasUnit && !spec.dimension.isDimensionless()) {
    std::string expected = spec.unitHint.empty() ? spec.dimension.toString() : spec.unitHint;
    throw ValueError(0, "missing unit: expected a quantity in " + expected + ", e.g. '" +
                            numberPart(text, unit) + " " + expected + "'");
  }
  if (q.dimension != spec.dimension) {
    std::string expected = spec.dimension.isDimensionless()
                               ? "a plain number (or %, ppm)"
                               : spec.dimension.toString() + hintSuffix(spec);
    throw ValueError(unitColumn, "unit '" + std::string(unit) + "' has dimension " +
                                     q.dimension.toString() + ", expected " + expected);
  }
  if (!std::isfinite(q.value)) throw ValueError(0, "must be a finite number");
  checkBounds(spec, q.value, spec.dimension, unit);
  return q.value;
}

long readInteger(const ParamSpec& spec, std::string_view text) {
  std::size_t from = !text.empty() && text[0] == '+' ? 1 : 0;
  long value = 0;
  auto r = std::from_chars(text.data() + from, text.data() + text.size(), value);
  if (r.ec == std::errc::result_out_of_range)
    throw ValueError(0, "whole number '" + std::string(text) + "' is out of range");
  if (r.ec != std::errc() || r.ptr != text.data() + text.size())
    throw ValueError(0, "expected a whole number, got '" + std::string(text) + "'");
  checkBounds(spec, static_cast<double>(value), dim::none);
  return value;
}

bool readBool(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  throw ValueError(0, "expected true or false, got '" + std::string(text) + "'");
}

std::string readChoice(const ParamSpec& spec, std::string_view text) {
  std::string value(text);
  for (const auto& c : spec.choices)
    if (c == value) return value;
  throw ValueError(0, "unknown value '" + value + "'" + didYouMean(value, spec.choices) +
                          "; one of: " + joinWords(spec.choices));
}

}  // namespace proscale
