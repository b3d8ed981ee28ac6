#pragma once
// How much memory a case will need, from its settings alone (before a model or solver is
// built), so that a case that cannot fit is refused at once with the estimate instead of
// failing inside an allocation. docs/reference/outputs.md ("Limits before work") gives the
// formula; it is an estimate of the largest terms, not an account of every byte.
#include <string>

#include "core/Parameters.h"

namespace proscale {

struct MemoryEstimate {
  double classes = 0;      ///< size classes (or moments) of the largest run
  double unknowns = 0;     ///< state size N = classes + kBorderAllowance
  double solverBytes = 0;  ///< integrator vectors (x sensitivities), Jacobian, its factors, tables
  double outputBytes = 0;  ///< the size distribution's history and the time series
  double bytes() const { return solverBytes + outputBytes; }
};

/// Fluid unknowns, moments and budgets beside the size classes (the Jacobian's dense border);
/// an allowance above the shipped cases' 5..30.
inline constexpr double kBorderAllowance = 32;
/// The most classes the tool chooses for itself, refinement included
/// (models/representations/SizeClassesAdvice.cpp, kMaxVerifiedClasses).
inline constexpr double kToolClasses = 4000;

/// output.count's default (src/app/CaseSchema.cpp).
inline constexpr double kDefaultOutputTimes = 101;

/// The estimate for a validated case (`params`: its top-level sections), with at most
/// `maxOutputTimes` output times.
MemoryEstimate estimateMemory(const Parameters& params, double maxOutputTimes = 1e300);

/// Half the machine's physical memory (the default of --max-memory), in bytes.
double defaultMemoryLimit();

/// InputError located at the key that drives the estimate (output.count if the case would
/// fit with kDefaultOutputTimes output times, population.classes otherwise) if it exceeds
/// `limitBytes`: "the run would need about 12.3 GB ..., more than --max-memory 8 GB".
void checkMemory(const Parameters& params, double limitBytes);

/// "12.3 GB" (decimal units, 3 significant digits).
std::string formatBytes(double bytes);

}  // namespace proscale
