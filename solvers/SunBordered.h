#pragma once
// The bordered-band matrix and its Schur-complement solver wrapped as SUNDIALS objects, so that
// CVODE's matrix-based linear-solver interface (CVLS) can drive them:
//   SUNMatrix (SUNMATRIX_CUSTOM)        content: BorderedBandMatrix; ops getid, clone, destroy,
//                                       zero, copy, scaleaddi, space (all CVLS uses with a
//                                       user Jacobian: cvodes_ls.c, cvLsLinSys/cvLsInitialize)
//   SUNLinearSolver (DIRECT)            content: BorderedBandLU; ops gettype, getid, initialize,
//                                       setup, solve, lastflag, space, free
// Internal to proscale_solvers. No exception leaves these C callbacks.
#include <sundials/sundials_linearsolver.h>
#include <sundials/sundials_matrix.h>

#include "solvers/BorderedBandMatrix.h"

namespace proscale {

/// A new bordered-band SUNMatrix (all zero), or nullptr if allocation failed.
SUNMatrix newBorderedSunMatrix(const BorderedBandShape& shape, SUNContext context);

/// The matrix inside a SUNMatrix created by newBorderedSunMatrix.
BorderedBandMatrix& borderedContent(SUNMatrix A);

/// A new bordered Schur-complement direct solver, or nullptr if allocation failed. Setup
/// returns SUNLS_LUFACT_FAIL (positive: CVODE retries with a smaller step) on a zero pivot.
SUNLinearSolver newBorderedSunLinearSolver(const BorderedBandShape& shape, SUNContext context);

}  // namespace proscale
