#include "core/Errors.h"

#include <sstream>

namespace proscale {
namespace {
std::string formatInputError(const SourceMark& mark, const std::string& keyPath,
                             const std::string& problem) {
  std::ostringstream out;
  out << (mark.file.empty() ? "<case>" : mark.file);
  if (mark.line > 0) out << ':' << mark.line << ':' << mark.column;
  out << ": ";
  if (!keyPath.empty()) out << keyPath << ": ";
  out << problem;
  return out.str();
}

std::string formatSolverError(double t, const std::string& flag, const std::string& detail) {
  std::ostringstream out;
  out << "solver failed at t = " << t << " s with " << flag;
  if (!detail.empty()) out << ": " << detail;
  return out.str();
}
}  // namespace

InputError::InputError(SourceMark mark, std::string keyPath, std::string problem)
    : Error(formatInputError(mark, keyPath, problem)),
      m_mark(std::move(mark)),
      m_keyPath(std::move(keyPath)),
      m_problem(std::move(problem)) {}

SolverError::SolverError(double timeReached, std::string flagName, std::string detail)
    : Error(formatSolverError(timeReached, flagName, detail)),
      m_time(timeReached),
      m_flag(std::move(flagName)) {}

}  // namespace proscale
