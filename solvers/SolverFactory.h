#pragma once
// The `solver:` section and the solver it chooses (`solver.type`). The app holds the result
// through core/Solver.h only; adding a solver is one branch here and one class in solvers/.
#include <memory>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "core/Solver.h"

namespace proscale {

/// Case-file keys of the `solver:` section (the type and every solver's settings).
SchemaPtr solverSchema();

/// The solver of a validated `solver:` section for `system` (kept by reference; it must outlive
/// the solver). InputError located in the section for settings the system cannot use.
std::unique_ptr<Solver> makeSolver(System& system, const Parameters& section);

/// This process's rank among those mpirun started (0 in a serial run). A grid distributed by
/// solver.type petsc runs on all of them, each seeing the same results; only rank 0 reports.
int parallelRank();

}  // namespace proscale
