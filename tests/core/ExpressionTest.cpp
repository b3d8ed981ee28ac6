// The expression language of core/Expression.h: precedence and associativity against values
// worked out by hand, functions, variable order, and the column and message of each error.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/Expression.h"

using proscale::Expression;
using proscale::ExpressionError;

namespace {

/// An expression without variables; exact comparison (all cases are exact in double).
double constant(const std::string& text) {
  INFO(text);
  const Expression e = Expression::parse(text);
  REQUIRE(e.variables().empty());
  return e.evaluate(std::vector<double>{});
}

double withValues(const std::string& text, const std::map<std::string, double>& values) {
  return Expression::parse(text).evaluate(values);
}

void checkError(const std::string& text, std::size_t column, const std::string& problem) {
  INFO("text: '" << text << "'");
  try {
    (void)Expression::parse(text);
    FAIL("no ExpressionError for '" + text + "'");
  } catch (const ExpressionError& e) {
    CHECK(e.column() == column);
    CHECK(e.problem() == problem);
    CHECK(std::string(e.what()) == "column " + std::to_string(column) + ": " + problem);
  }
}

}  // namespace

TEST_CASE("expression precedence: * / before + -, parentheses first", "[unit]") {
  CHECK(constant("1 + 2 * 3") == 7.0);
  CHECK(constant("(1 + 2) * 3") == 9.0);
  CHECK(constant("2 * 3 + 4 * 5") == 26.0);
  CHECK(constant("1 + 6 / 3 - 4") == -1.0);
  CHECK(constant("2 * 3 ^ 2") == 18.0);  // ^ before *
  CHECK(constant("2 ^ 3 * 2") == 16.0);
  CHECK(constant("((((7))))") == 7.0);
}

TEST_CASE("expression associativity: + - * / to the left, ^ to the right", "[unit]") {
  CHECK(constant("10 - 4 - 3") == 3.0);   // (10 - 4) - 3, not 10 - (4 - 3) = 9
  CHECK(constant("64 / 4 / 2") == 8.0);   // (64 / 4) / 2, not 64 / (4 / 2) = 32
  CHECK(constant("2 ^ 3 ^ 2") == 512.0);  // 2 ^ 9, not 8 ^ 2 = 64
  CHECK(constant("2^1^3^0") == 2.0);      // 2 ^ (1 ^ (3 ^ 0)) = 2 ^ 1
}

TEST_CASE("unary minus binds looser than ^ and tighter than * /", "[unit]") {
  CHECK(constant("-2 ^ 2") == -4.0);  // -(2 ^ 2)
  CHECK(constant("(-2) ^ 2") == 4.0);
  CHECK(constant("2 ^ -1") == 0.5);     // a signed exponent
  CHECK(constant("-2 ^ -2") == -0.25);  // -(2 ^ (-2))
  CHECK(constant("2 * -3") == -6.0);
  CHECK(constant("- -3") == 3.0);
  CHECK(constant("+4") == 4.0);
  CHECK(constant("-3 - -3") == 0.0);
  CHECK(withValues("-x^2", {{"x", 3.0}}) == -9.0);
  CHECK(withValues("x^2", {{"x", -3.0}}) == 9.0);
  CHECK(withValues("-a + (b - c) * 3", {{"a", 1.0}, {"b", 5.0}, {"c", 2.0}}) == 8.0);  // -1 + 9
}

TEST_CASE("expression numbers: decimals and exponents", "[unit]") {
  CHECK(constant("1.5e+2 + .5 + 5.") == 155.5);
  CHECK(constant("2E3") == 2000.0);
  CHECK(constant("25e-2") == 0.25);
  CHECK(constant("0.1 + 0.2") == 0.1 + 0.2);  // same rounding as C++
}

TEST_CASE("expressions of the kind studies use", "[unit]") {
  CHECK(withValues("2e-3 / tau", {{"tau", 4e-3}}) == 0.5);
  // Reynolds number of water in a 2 cm pipe at 0.5 m/s: 1000 * 0.5 * 0.02 / 1e-3 = 1e4.
  CHECK(withValues("rho * u * d / mu", {{"rho", 1000.0}, {"u", 0.5}, {"d", 0.02}, {"mu", 1e-3}}) ==
        Approx(1e4).epsilon(1e-15));
  CHECK(withValues("log10(c) + 2", {{"c", 1e-3}}) == Approx(-1.0).epsilon(1e-15));
  CHECK(withValues("T - 273.15", {{"T", 298.15}}) == Approx(25.0).epsilon(1e-12));
}

TEST_CASE("expression functions", "[unit]") {
  CHECK(constant("exp(0)") == 1.0);
  CHECK(constant("exp(1)") == Approx(2.718281828459045).epsilon(1e-15));
  CHECK(constant("log(exp(2))") == Approx(2.0).epsilon(1e-15));  // natural logarithm
  CHECK(constant("log(1)") == 0.0);
  CHECK(constant("log10(1000)") == Approx(3.0).epsilon(1e-15));
  CHECK(constant("sqrt(16)") == 4.0);
  CHECK(constant("abs(-2.5)") == 2.5);
  CHECK(constant("min(3, -1)") == -1.0);
  CHECK(constant("max(3, -1)") == 3.0);
  CHECK(constant("pow(2, 10)") == 1024.0);
  CHECK(constant("pow(2, 3) ^ 2") == 64.0);
  CHECK(constant("min(2, max(1, 3))") == 2.0);
  CHECK(constant("-sqrt(4) * abs(-3)") == -6.0);
  CHECK(constant("sqrt(2 + 7) ^ 2") == 9.0);
}

TEST_CASE("out-of-domain arithmetic gives inf or NaN, not an exception", "[unit]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(withValues("1 / x", {{"x", 0.0}}) == std::numeric_limits<double>::infinity());
  CHECK(std::isnan(withValues("log(x)", {{"x", -1.0}})));
  CHECK(std::isnan(constant("sqrt(-1)")));
  CHECK(withValues("log10(x)", {{"x", 0.0}}) == -std::numeric_limits<double>::infinity());
  // min and max keep a failed run's NaN (std::fmin would drop it)
  CHECK(std::isnan(withValues("min(x, 1)", {{"x", nan}})));
  CHECK(std::isnan(withValues("max(1, x)", {{"x", nan}})));
  CHECK(std::isnan(withValues("2 * x + 1", {{"x", nan}})));
}

TEST_CASE("expression variables are distinct names in first-appearance order", "[unit]") {
  const Expression e = Expression::parse("b * a + b / c - a");
  CHECK(e.variables() == std::vector<std::string>{"b", "a", "c"});
  CHECK(e.text() == "b * a + b / c - a");
  // b = 2, a = 3, c = 4: 6 + 0.5 - 3
  CHECK(e.evaluate(std::vector<double>{2.0, 3.0, 4.0}) == 3.5);
  CHECK(e.evaluate(std::map<std::string, double>{
            {"a", 3.0}, {"b", 2.0}, {"c", 4.0}, {"unused", 9.0}}) == 3.5);

  CHECK(Expression::parse("log(x) + exp(y) * x").variables() == std::vector<std::string>{"x", "y"});
  CHECK(Expression::parse("_t1 + T_2 * t1").variables() ==
        std::vector<std::string>{"_t1", "T_2", "t1"});
  CHECK(Expression::parse("3 * 4").variables().empty());
}

TEST_CASE("a parsed expression evaluates many times with new values", "[unit]") {
  const Expression re = Expression::parse("rho * u * d / mu");
  for (int k = 1; k <= 1000; ++k) {
    const double u = 1e-3 * k;
    CHECK(re.evaluate(std::vector<double>{998.0, u, 0.05, 1.002e-3}) ==
          998.0 * u * 0.05 / 1.002e-3);  // the same operations in the same order: exact
  }
}

TEST_CASE("long expressions: deep value stacks and many variables", "[unit]") {
  // 1 + (1 + (1 + ...)): 50 values on the stack at once (beyond the 32 kept in the frame)
  std::string nested = "1";
  for (int k = 1; k < 50; ++k) nested = std::string("1 + (") + nested + ")";
  CHECK(constant(nested) == 50.0);

  // 20 variables (beyond the 16 the map overload keeps in the frame): sum of 0..19
  std::string sum = "v0";
  std::map<std::string, double> values{{"v0", 0.0}};
  for (int k = 1; k < 20; ++k) {
    const std::string name = std::string("v") + std::to_string(k);
    sum += " + " + name;
    values[name] = k;
  }
  CHECK(withValues(sum, values) == 190.0);
}

TEST_CASE("evaluate without a value names the variable", "[unit]") {
  const Expression e = Expression::parse("2e-3 / tau + tau * k");
  try {
    (void)e.evaluate(std::map<std::string, double>{{"tau", 1.0}});
    FAIL("no ExpressionError");
  } catch (const ExpressionError& error) {
    CHECK(error.column() == 19);  // first appearance of k
    CHECK(std::string(error.what()) ==
          "column 19: no value for variable 'k' in '2e-3 / tau + tau * k'");
  }
  CHECK_THROWS_AS(e.evaluate(std::vector<double>{1.0}), std::invalid_argument);
  CHECK_THROWS_AS(e.evaluate(std::vector<double>{1.0, 2.0, 3.0}), std::invalid_argument);
}

TEST_CASE("expression errors: empty text, missing operands and parentheses", "[unit]") {
  checkError("", 0, "empty expression");
  checkError("   ", 0, "empty expression");
  checkError("(a + b", 6, "expected ')'");
  checkError("(a + b c", 7, "expected ')'");
  checkError("a +", 3, "expected a number, a name or '(' but found the end");
  checkError("a * / b", 4, "expected a number, a name or '(' but found '/'");
  checkError("()", 1, "expected a number, a name or '(' but found ')'");
  checkError("x^", 2, "expected a number, a name or '(' but found the end");
  checkError("2 * (3 + )", 9, "expected a number, a name or '(' but found ')'");
}

TEST_CASE("expression errors: text after the end", "[unit]") {
  checkError("a b", 2, "unexpected 'b' after the end");
  checkError("2x", 1, "unexpected 'x' after the end");  // no implicit multiplication
  checkError("1 + 2)", 5, "unexpected ')' after the end");
  checkError("1, 2", 1, "unexpected ',' after the end");
  checkError("3 4.5e1", 2, "unexpected '4.5e1' after the end");
}

TEST_CASE("expression errors: functions", "[unit]") {
  checkError("lg(x)", 0,
             "unknown function 'lg' (known: exp, log, log10, sqrt, abs, min, max, pow)");
  checkError("2 * ln(x)", 4,
             "unknown function 'ln' (known: exp, log, log10, sqrt, abs, min, max, pow)");
  checkError("min(a)", 0, "function 'min' takes 2 arguments, not 1");
  checkError("1 + exp(a, b)", 4, "function 'exp' takes 1 argument, not 2");
  checkError("sqrt()", 0, "function 'sqrt' takes 1 argument, not 0");
  checkError("min(a b)", 6, "expected ',' or ')'");
  checkError("max(a, b", 8, "expected ',' or ')'");
  checkError("exp + 1", 0, "expected '(' after function 'exp'");  // function names are reserved
}

TEST_CASE("expression errors: characters and numbers", "[unit]") {
  checkError("a # b", 2, "unexpected character '#'");
  checkError("a == b", 2, "unexpected character '='");
  checkError("2 \xC2\xB5m", 2, "unexpected byte 0xC2 (expressions are plain ASCII)");
  checkError("1e", 0, "expected digits in the exponent of '1e'");
  checkError("3 * 2e+x", 4, "expected digits in the exponent of '2e+'");
  checkError("1e999", 0, "number '1e999' is out of range");
  checkError("x + 1e-400", 4, "number '1e-400' is out of range");
  checkError(". 5", 0, "unexpected character '.'");
}

TEST_CASE("expression nesting is limited to 256 levels", "[unit]") {
  const auto nested = [](int levels) {
    return std::string(static_cast<std::size_t>(levels), '(') + "1" +
           std::string(static_cast<std::size_t>(levels), ')');
  };
  CHECK(constant(nested(255)) == 1.0);  // 256 levels: each '(' and the innermost value
  checkError(nested(300), 256, "expression nested more than 256 levels deep");
  checkError(std::string(300, '-') + "1", 256, "expression nested more than 256 levels deep");
}

TEST_CASE("ExpressionError is a proscale::Error and a std::runtime_error", "[unit]") {
  CHECK_THROWS_AS(Expression::parse("(1"), proscale::Error);
  CHECK_THROWS_AS(Expression::parse("(1"), std::runtime_error);
}
