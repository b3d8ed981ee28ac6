#include "core/Expression.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <system_error>

namespace proscale {
namespace {

struct Function {
  std::string_view name;
  int arguments;
};

// In the order the "known:" list names them.
constexpr std::array<Function, 8> kFunctions = {{
    {"exp", 1},
    {"log", 1},
    {"log10", 1},
    {"sqrt", 1},
    {"abs", 1},
    {"min", 2},
    {"max", 2},
    {"pow", 2},
}};

/// Deeper nesting (parentheses, unary signs, right-associative '^') is refused rather than
/// risking the parser's stack.
constexpr int kMaxNesting = 256;

bool isNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string knownFunctions() {
  std::string list;
  for (const auto& f : kFunctions) list += (list.empty() ? "" : ", ") + std::string(f.name);
  return list;
}

}  // namespace

ExpressionError::ExpressionError(std::size_t column, const std::string& problem)
    : Error("column " + std::to_string(column) + ": " + problem),
      m_column(column),
      m_problem(problem) {}

/// Recursive descent over the text with a one-token lookahead, emitting postfix code.
class ExpressionParser {
 public:
  explicit ExpressionParser(const std::string& text) : m_text(text) { m_result.m_text = text; }

  Expression parse() {
    advance();
    if (m_kind == Kind::End) throw ExpressionError(0, "empty expression");
    expression();
    if (m_kind != Kind::End) {
      throw ExpressionError(m_begin, "unexpected " + describe() + " after the end");
    }
    return std::move(m_result);
  }

 private:
  enum class Kind { End, Number, Name, Symbol };
  using Op = Expression::Op;

  // --- lexer: the current token is [m_begin, m_end) of kind m_kind --------------------------

  void advance() {
    std::size_t i = m_end;
    while (i < m_text.size() && isSpace(m_text[i])) ++i;
    m_begin = i;
    if (i == m_text.size()) {
      m_kind = Kind::End;
      m_end = i;
      return;
    }
    const char c = m_text[i];
    if (isNameStart(c)) {
      while (i < m_text.size() && isNameChar(m_text[i])) ++i;
      m_kind = Kind::Name;
    } else if (isDigit(c) || (c == '.' && i + 1 < m_text.size() && isDigit(m_text[i + 1]))) {
      i = scanNumber(i);
      m_kind = Kind::Number;
    } else if (std::string_view("+-*/^(),").find(c) != std::string_view::npos) {
      ++i;
      m_kind = Kind::Symbol;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x21 || byte >= 0x7F) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
        throw ExpressionError(
            i, std::string("unexpected byte ") + hex + " (expressions are plain ASCII)");
      }
      throw ExpressionError(i, std::string("unexpected character '") + c + "'");
    }
    m_end = i;
  }

  /// Scans a number starting at `i`, sets m_number, returns the index after it.
  std::size_t scanNumber(std::size_t i) {
    const std::size_t begin = i;
    while (i < m_text.size() && isDigit(m_text[i])) ++i;
    if (i < m_text.size() && m_text[i] == '.') {
      ++i;
      while (i < m_text.size() && isDigit(m_text[i])) ++i;
    }
    if (i < m_text.size() && (m_text[i] == 'e' || m_text[i] == 'E')) {
      std::size_t k = i + 1;
      if (k < m_text.size() && (m_text[k] == '+' || m_text[k] == '-')) ++k;
      if (k == m_text.size() || !isDigit(m_text[k])) {
        throw ExpressionError(
            begin, "expected digits in the exponent of '" + m_text.substr(begin, k - begin) + "'");
      }
      while (k < m_text.size() && isDigit(m_text[k])) ++k;
      i = k;
    }
    const char* first = m_text.data() + begin;
    const char* last = m_text.data() + i;
    const auto [end, status] = std::from_chars(first, last, m_number);
    // from_chars also reports an underflow to a subnormal or 0 ("1e-400") as out of range.
    if (status == std::errc::result_out_of_range || end != last || !std::isfinite(m_number)) {
      throw ExpressionError(begin,
                            "number '" + m_text.substr(begin, i - begin) + "' is out of range");
    }
    return i;
  }

  std::string_view token() const {
    return std::string_view(m_text).substr(m_begin, m_end - m_begin);
  }
  bool isSymbol(char c) const { return m_kind == Kind::Symbol && m_text[m_begin] == c; }
  std::string describe() const {
    if (m_kind == Kind::End) return "the end";
    std::string quoted(1, '\'');
    quoted += token();
    quoted += '\'';
    return quoted;
  }

  // --- code generation -------------------------------------------------------------------

  void emit(Op op) {
    switch (op.code) {
      case Op::Code::Constant:
      case Op::Code::Variable:
        ++m_depth;
        break;
      case Op::Code::Add:
      case Op::Code::Subtract:
      case Op::Code::Multiply:
      case Op::Code::Divide:
      case Op::Code::Power:
      case Op::Code::Min:
      case Op::Code::Max:
        --m_depth;
        break;
      default:  // one value in, one out
        break;
    }
    m_result.m_stackDepth = std::max(m_result.m_stackDepth, m_depth);
    m_result.m_code.push_back(op);
  }

  void variable(std::string_view name, std::size_t column) {
    auto& names = m_result.m_variables;
    const auto found = std::find(names.begin(), names.end(), name);
    const auto index = static_cast<std::size_t>(found - names.begin());
    if (found == names.end()) {
      names.emplace_back(name);
      m_result.m_variableColumns.push_back(column);
    }
    emit({Op::Code::Variable, index, 0.0});
  }

  // --- grammar ---------------------------------------------------------------------------

  void expression() {
    term();
    while (isSymbol('+') || isSymbol('-')) {
      const auto code = isSymbol('+') ? Op::Code::Add : Op::Code::Subtract;
      advance();
      term();
      emit({code});
    }
  }

  void term() {
    unary();
    while (isSymbol('*') || isSymbol('/')) {
      const auto code = isSymbol('*') ? Op::Code::Multiply : Op::Code::Divide;
      advance();
      unary();
      emit({code});
    }
  }

  void unary() {
    const Nesting guard(*this);
    if (isSymbol('+') || isSymbol('-')) {
      const bool negate = isSymbol('-');
      advance();
      unary();
      if (negate) emit({Op::Code::Negate});
      return;
    }
    power();
  }

  void power() {
    primary();
    if (isSymbol('^')) {
      advance();
      unary();  // right-associative: 2^3^2 = 2^(3^2); 2^-1 allowed
      emit({Op::Code::Power});
    }
  }

  void primary() {
    if (m_kind == Kind::Number) {
      emit({Op::Code::Constant, 0, m_number});
      advance();
      return;
    }
    if (isSymbol('(')) {
      advance();
      expression();
      if (!isSymbol(')')) throw ExpressionError(m_begin, "expected ')'");
      advance();
      return;
    }
    if (m_kind == Kind::Name) {
      const std::string_view name = token();
      const std::size_t column = m_begin;
      advance();
      if (isSymbol('(')) {
        call(name, column);
        return;
      }
      for (const auto& f : kFunctions) {
        if (f.name == name) {
          throw ExpressionError(column, "expected '(' after function '" + std::string(name) + "'");
        }
      }
      variable(name, column);
      return;
    }
    throw ExpressionError(m_begin, "expected a number, a name or '(' but found " + describe());
  }

  /// A function call; the current token is its '('.
  void call(std::string_view name, std::size_t column) {
    const auto f = std::find_if(kFunctions.begin(), kFunctions.end(),
                                [&](const Function& k) { return k.name == name; });
    if (f == kFunctions.end()) {
      throw ExpressionError(
          column, "unknown function '" + std::string(name) + "' (known: " + knownFunctions() + ")");
    }
    advance();
    int arguments = 0;
    if (!isSymbol(')')) {
      for (;;) {
        expression();
        ++arguments;
        if (isSymbol(')')) break;
        if (!isSymbol(',')) throw ExpressionError(m_begin, "expected ',' or ')'");
        advance();
      }
    }
    if (arguments != f->arguments) {
      throw ExpressionError(column, "function '" + std::string(name) + "' takes " +
                                        std::to_string(f->arguments) + " argument" +
                                        (f->arguments == 1 ? "" : "s") + ", not " +
                                        std::to_string(arguments));
    }
    advance();  // the ')'
    static constexpr Op::Code kCodes[] = {Op::Code::Exp,  Op::Code::Log,  Op::Code::Log10,
                                          Op::Code::Sqrt, Op::Code::Abs,  Op::Code::Min,
                                          Op::Code::Max,  Op::Code::Power};
    emit({kCodes[f - kFunctions.begin()]});
  }

  /// Counts nesting levels while a unary() is active.
  struct Nesting {
    explicit Nesting(ExpressionParser& p) : parser(p) {
      if (++parser.m_nesting > kMaxNesting) {
        throw ExpressionError(parser.m_begin, "expression nested more than " +
                                                  std::to_string(kMaxNesting) + " levels deep");
      }
    }
    ~Nesting() { --parser.m_nesting; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    ExpressionParser& parser;
  };

  const std::string& m_text;
  Kind m_kind = Kind::End;
  std::size_t m_begin = 0;
  std::size_t m_end = 0;
  double m_number = 0.0;
  int m_nesting = 0;
  std::size_t m_depth = 0;
  Expression m_result;
};

Expression Expression::parse(const std::string& text) { return ExpressionParser(text).parse(); }

double Expression::run(const double* values) const {
  // A small stack lives in the frame; only unusually long expressions allocate.
  std::array<double, 32> local{};
  std::vector<double> heap;
  double* stack = local.data();
  if (m_stackDepth > local.size()) {
    heap.resize(m_stackDepth);
    stack = heap.data();
  }
  std::size_t top = 0;  // number of values on the stack
  for (const Op& op : m_code) {
    switch (op.code) {
      case Op::Code::Constant:
        stack[top++] = op.value;
        break;
      case Op::Code::Variable:
        stack[top++] = values[op.index];
        break;
      case Op::Code::Negate:
        stack[top - 1] = -stack[top - 1];
        break;
      case Op::Code::Exp:
        stack[top - 1] = std::exp(stack[top - 1]);
        break;
      case Op::Code::Log:
        stack[top - 1] = std::log(stack[top - 1]);
        break;
      case Op::Code::Log10:
        stack[top - 1] = std::log10(stack[top - 1]);
        break;
      case Op::Code::Sqrt:
        stack[top - 1] = std::sqrt(stack[top - 1]);
        break;
      case Op::Code::Abs:
        stack[top - 1] = std::fabs(stack[top - 1]);
        break;
      default: {  // two values in, one out: x (below) op y (top)
        const double y = stack[--top];
        double& x = stack[top - 1];
        switch (op.code) {
          case Op::Code::Add:
            x += y;
            break;
          case Op::Code::Subtract:
            x -= y;
            break;
          case Op::Code::Multiply:
            x *= y;
            break;
          case Op::Code::Divide:
            x /= y;
            break;
          case Op::Code::Power:
            x = std::pow(x, y);
            break;
          case Op::Code::Min:
            x = std::isnan(x) || std::isnan(y) ? std::numeric_limits<double>::quiet_NaN()
                                               : std::min(x, y);
            break;
          case Op::Code::Max:
            x = std::isnan(x) || std::isnan(y) ? std::numeric_limits<double>::quiet_NaN()
                                               : std::max(x, y);
            break;
          default:
            break;
        }
      }
    }
  }
  return stack[0];
}

double Expression::evaluate(const std::vector<double>& values) const {
  if (values.size() != m_variables.size()) {
    throw std::invalid_argument("expression '" + m_text + "' has " +
                                std::to_string(m_variables.size()) + " variables, got " +
                                std::to_string(values.size()) + " values");
  }
  return run(values.data());
}

double Expression::evaluate(const std::map<std::string, double>& values) const {
  std::array<double, 16> local{};
  std::vector<double> heap;
  double* ordered = local.data();
  if (m_variables.size() > local.size()) {
    heap.resize(m_variables.size());
    ordered = heap.data();
  }
  for (std::size_t i = 0; i < m_variables.size(); ++i) {
    const auto found = values.find(m_variables[i]);
    if (found == values.end()) {
      throw ExpressionError(m_variableColumns[i],
                            "no value for variable '" + m_variables[i] + "' in '" + m_text + "'");
    }
    ordered[i] = found->second;
  }
  return run(ordered);
}

}  // namespace proscale
