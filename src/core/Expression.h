#pragma once
// A small arithmetic language for derived study inputs and user-defined dimensionless groups:
// "2e-3 / tau", "rho * u * d / mu", "log10(c) + 2", "T - 273.15", "-a + (b - c) * 3".
// Parsed once by recursive descent into postfix code, then evaluated many times against
// variable values given by index.
//
// Grammar (whitespace is space, tab, CR, LF between tokens):
//   expression := term (('+' | '-') term)*                    left-associative
//   term       := unary (('*' | '/') unary)*                  left-associative
//   unary      := ('+' | '-') unary | power
//   power      := primary ('^' unary)?                        right-associative, binds tighter
//                                                             than unary minus: -x^2 = -(x^2),
//                                                             2^-1 = 0.5, 2^3^2 = 2^9
//   primary    := number | name | name '(' arguments ')' | '(' expression ')'
//   number     := digits ['.' [digits]] [exponent] | '.' digits [exponent]
//   exponent   := ('e' | 'E') ['+' | '-'] digits
//   name       := [A-Za-z_][A-Za-z0-9_]*
// Functions: exp, log (natural), log10, sqrt, abs (one argument); min, max, pow (two).
// Function names are reserved: they cannot be variables. Arithmetic is IEEE double (C++
// <cmath>): division by zero, log of a negative number and the like give inf or NaN, which
// the caller checks; min and max return NaN when either argument is NaN (a failed run stays
// failed, unlike std::fmin).
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/Errors.h"

namespace proscale {

/// An expression text that cannot be read, or a variable without a value. what() is
/// "column <column>: <problem>", column 0-based (a byte offset into the text).
class ExpressionError : public Error {
 public:
  ExpressionError(std::size_t column, const std::string& problem);
  std::size_t column() const { return m_column; }
  const std::string& problem() const { return m_problem; }

 private:
  std::size_t m_column;
  std::string m_problem;
};

class Expression {
 public:
  /// Parses `text`. Throws ExpressionError ("empty expression", "expected ')'",
  /// "unknown function 'lg' (known: exp, log, ...)", "unexpected 'x' after the end", ...).
  static Expression parse(const std::string& text);

  /// The distinct variable names, in order of first appearance in the text.
  const std::vector<std::string>& variables() const { return m_variables; }

  /// The value with variables()[i] = values[i]. Throws std::invalid_argument when
  /// values.size() != variables().size().
  double evaluate(const std::vector<double>& values) const;

  /// The value with each variable taken from `values` (other entries are ignored). Throws
  /// ExpressionError ("no value for variable 'tau'", at its first appearance) for a missing one.
  double evaluate(const std::map<std::string, double>& values) const;

  /// The text as given to parse().
  const std::string& text() const { return m_text; }

 private:
  /// One instruction of the postfix code.
  struct Op {
    enum class Code : unsigned char {
      Constant, Variable,                                     // push a value
      Negate, Exp, Log, Log10, Sqrt, Abs,                     // one value in, one out
      Add, Subtract, Multiply, Divide, Power, Min, Max,       // two values in, one out
    };
    Code code;
    std::size_t index = 0;  ///< Variable: position in variables()
    double value = 0.0;     ///< Constant
  };

  Expression() = default;
  double run(const double* values) const;

  std::string m_text;
  std::vector<std::string> m_variables;
  std::vector<std::size_t> m_variableColumns;  ///< first appearance of each variable
  std::vector<Op> m_code;
  std::size_t m_stackDepth = 0;  ///< the most values the code holds at once

  friend class ExpressionParser;
};

}  // namespace proscale
