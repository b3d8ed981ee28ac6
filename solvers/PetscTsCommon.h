#pragma once
// What the PETSc time integrators share (PetscTsIntegrator for a 0-D System on one rank,
// PetscGridIntegrator for a GridSystem on a DMDA over MPI ranks): ownership of PETSc objects,
// the TS set-up from the `solver:` options, and the loop over output times with proscale's
// failure semantics (docs/theory/solvers.md). Internal to proscale_solvers.
#include <functional>
#include <span>
#include <string>

#include <petscts.h>

#include "core/SolverReport.h"
#include "core/System.h"
#include "solvers/IntegratorOptions.h"

namespace proscale {

/// A PETSc object owned: destroyed with its Destroy function when the owner goes.
template <class Handle, PetscErrorCode (*Destroy)(Handle*)>
struct Owned {
  Handle h = nullptr;
  Owned() = default;
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() {
    if (h != nullptr) Destroy(&h);
  }
};

/// Throws std::runtime_error naming `call` and PETSc's message when ierr is not 0.
void petscCheck(PetscErrorCode ierr, const char* call);

/// The options database holds `petscOptions` only (an earlier integrator's must not carry over:
/// a sweep, a test after another). SolverSettingError("petsc-options") if PETSc cannot read them.
void resetPetscOptions(const std::string& petscOptions);

/// SolverSettingError("petsc-options") naming the options of `petscOptions` that the
/// solver's SetFromOptions did not read (a misspelt option would otherwise be ignored without
/// a word; PETSc itself only warns at exit with -options_left). Options PETSc reads at other
/// times (-log_view, -options_left, -info, -malloc_*, and the viewers a solve reads at its
/// end: -*_view, -*_view_pre, -*_converged_reason) are not judged.
void rejectUnusedOptions();

/// TSSetFromOptions, then SolverSettingError("petsc-options") for a -ts_type that cannot
/// integrate proscale's implicit residual F(t, y, y') = y' - f(t, y) in time: the explicit
/// methods (they need a right-hand side PETSc calls on its own), and pseudo, a steady-state
/// continuation whose "time" is not the model's (solver.type: snes gives steady states).
void setTsFromOptions(TS ts);

/// TSBDF of order min(max-order, 4), relative tolerance rtol and the absolute ones in `atol`,
/// steps that match the output times, and failed steps retried (up to a limit) instead of
/// raised as errors.
void configureTs(TS ts, const IntegratorOptions& options, Vec atol);

/// "PETSc TS bdf (order 4), SNES newtonls, KSP gmres with PC shell" for the configured solver.
std::string describeTs(TS ts);

SolverStatistics tsStatistics(TS ts);

/// Integrates with `ts` from times.front() (y holds the initial state) through the output
/// times, stopping also at the system's stop times in between; `observe(t)` hands the state
/// at t to the observer; `stopReason()` asks it whether to stop (the same on every rank);
/// `explain(library)` prefixes the model's reason to a failure's.
SolverReport integrateTs(TS ts, Vec y, std::span<const double> times,
                         const std::vector<double>& stopTimes, const IntegratorOptions& options,
                         const std::function<void(double)>& observe,
                         const std::function<std::string()>& stopReason,
                         const std::function<std::string(const std::string&)>& explain,
                         const std::string& method);

}  // namespace proscale
