#pragma once
// The matrix and linear solver CVODE's Newton iteration uses, chosen by
// IntegratorOptions::linear and by what Jacobian the model provides, and how a model's
// BorderedBandJacobian is copied into that matrix. Internal to proscale_solvers.
#include <functional>
#include <string>

#include "core/BorderedBandJacobian.h"
#include "core/System.h"
#include "solvers/IntegratorOptions.h"
#include "solvers/SunHandles.h"

namespace proscale {

struct LinearSystem {
  sun::Matrix matrix;  ///< null for the matrix-free Krylov solver
  sun::LinearSolver solver;
  /// Copies J into CVODE's Jacobian matrix; empty when CVODE differentiates numerically or
  /// the solver is matrix-free.
  std::function<void(const BorderedBandJacobian&, SUNMatrix)> copyJacobian;
  bool iterative = false;       ///< GMRES with difference-quotient Jacobian-vector products
  bool preconditioned = false;  ///< GMRES left-preconditioned by the bordered LU of I - gamma J
  std::string description;      ///< e.g. "bordered-band direct (Schur complement)"
};

/// Copies every entry of J into the dense SUNMatrix A (same size).
void copyToDense(const BorderedBandJacobian& J, SUNMatrix A);

/// Builds the linear system for `system`, as IntegratorOptions::linear asks:
///  - exact analytic Jacobian: any choice; `gmres` is preconditioned by it;
///  - no analytic Jacobian: `dense` (difference-quotient Jacobian) or unpreconditioned `gmres`;
///  - approximate Jacobian (jacobianIsExact() false): `bordered` or `gmres`, both GMRES
///    preconditioned by the bordered LU of I - gamma J~.
/// Any other combination throws std::invalid_argument saying what to choose instead.
LinearSystem makeLinearSystem(const IntegratorOptions& options, const System& system,
                              N_Vector y, SUNContext context);

}  // namespace proscale
