#pragma once
// The exception family of proscale. Input errors carry where in the case file the problem is;
// the app turns them into exit code 2. A failed integration is not an exception: solvers return
// an incomplete SolverReport (time reached, the library's flag name), which the app turns into
// partial results and exit code 3 (docs/architecture.md, "Errors").
#include <stdexcept>
#include <string>
#include <vector>

namespace proscale {

/// A position in a case file (1-based line and column). line == 0 means "no position known".
struct SourceMark {
  std::string file;
  int line = 0;
  int column = 0;
};

/// Base of every error proscale reports to a user.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad input: `FILE:LINE:COL: key.path: what is wrong`.
class InputError : public Error {
 public:
  InputError(SourceMark mark, std::string keyPath, std::string problem);
  const SourceMark& mark() const { return m_mark; }
  const std::string& keyPath() const { return m_keyPath; }
  const std::string& problem() const { return m_problem; }

 private:
  SourceMark m_mark;
  std::string m_keyPath;
  std::string m_problem;
};

/// Several input errors found at once (`proscale check` reports every problem of a file, in
/// file order, so that one run shows them all). what() is the first one's message.
class InputErrors : public Error {
 public:
  explicit InputErrors(std::vector<InputError> errors)
      : Error(errors.at(0).what()), m_errors(std::move(errors)) {}
  const std::vector<InputError>& errors() const { return m_errors; }

 private:
  std::vector<InputError> m_errors;
};

/// Thrown by a model's right-hand side when the state is outside its domain (for example a
/// negative concentration under a logarithm). Solvers treat it as recoverable: they retry with
/// a smaller step instead of failing.
class RecoverableError : public Error {
 public:
  using Error::Error;
};

}  // namespace proscale
