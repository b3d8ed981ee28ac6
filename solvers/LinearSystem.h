#pragma once
// The matrix and linear solver CVODE's Newton iteration uses, chosen by
// IntegratorOptions::linear, and how a model's BorderedBandJacobian is copied into that
// matrix. Internal to proscale_solvers.
#include <functional>
#include <string>

#include "core/BorderedBandJacobian.h"
#include "solvers/IntegratorOptions.h"
#include "solvers/SunHandles.h"

namespace proscale {

struct LinearSystem {
  sun::Matrix matrix;
  sun::LinearSolver solver;
  /// Copies J into CVODE's Jacobian matrix; empty when CVODE differentiates numerically.
  std::function<void(const BorderedBandJacobian&, SUNMatrix)> copyJacobian;
  std::string description;  ///< e.g. "bordered-band direct (Schur complement)"
};

/// Builds the linear system for `shape`. With analyticJacobian false only Dense is possible
/// (CVODE's difference-quotient Jacobian); any other choice throws std::invalid_argument.
LinearSystem makeLinearSystem(IntegratorOptions::LinearSolver kind, const BorderedBandShape& shape,
                              bool analyticJacobian, N_Vector y, SUNContext context);

}  // namespace proscale
