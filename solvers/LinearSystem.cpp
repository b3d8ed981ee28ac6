#include "solvers/LinearSystem.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <sunlinsol/sunlinsol_dense.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunlinsol/sunlinsol_spgmr.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include "solvers/SunBordered.h"

namespace proscale {
namespace {

/// Compressed-column pattern of a bordered-band matrix: border columns are dense; band column
/// j has the k border rows, then band rows j - upper .. j + lower.
struct SparsePattern {
  std::vector<sunindextype> columnStart;
  std::vector<sunindextype> rows;
};

SparsePattern sparsePattern(const BorderedBandShape& s) {
  const std::size_t k = s.border, n = s.band, size = s.size();
  SparsePattern p;
  p.columnStart.reserve(size + 1);
  p.columnStart.push_back(0);
  for (std::size_t c = 0; c < k; ++c) {
    for (std::size_t r = 0; r < size; ++r) p.rows.push_back(static_cast<sunindextype>(r));
    p.columnStart.push_back(static_cast<sunindextype>(p.rows.size()));
  }
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t r = 0; r < k; ++r) p.rows.push_back(static_cast<sunindextype>(r));
    const std::size_t lo = j >= s.upper ? j - s.upper : 0;
    const std::size_t hi = std::min(n - 1, j + s.lower);
    for (std::size_t i = lo; i <= hi; ++i) p.rows.push_back(static_cast<sunindextype>(k + i));
    p.columnStart.push_back(static_cast<sunindextype>(p.rows.size()));
  }
  return p;
}

// CVLS zeroes a sparse matrix, pattern included (SUNMatZero_Sparse), before every Jacobian
// evaluation, so the pattern is written together with the values.
void copyToSparse(const SparsePattern& p, const BorderedBandJacobian& J, SUNMatrix A) {
  sunindextype* start = SUNSparseMatrix_IndexPointers(A);
  sunindextype* rows = SUNSparseMatrix_IndexValues(A);
  double* values = SUNSparseMatrix_Data(A);
  std::copy(p.columnStart.begin(), p.columnStart.end(), start);
  std::copy(p.rows.begin(), p.rows.end(), rows);
  const std::size_t columns = p.columnStart.size() - 1;
  for (std::size_t c = 0; c < columns; ++c)
    for (auto e = p.columnStart[c]; e < p.columnStart[c + 1]; ++e)
      values[e] = J.at(static_cast<std::size_t>(p.rows[static_cast<std::size_t>(e)]), c);
}

LinearSystem krylovSystem(const IntegratorOptions& options, bool preconditioned, N_Vector y,
                          SUNContext context) {
  LinearSystem ls;
  // y must already carry the fast vector kernels: SPGMR's Krylov basis is cloned from it.
  ls.solver = sun::checked(
      sun::LinearSolver(SUNLinSol_SPGMR(y, preconditioned ? SUN_PREC_LEFT : SUN_PREC_NONE,
                                        options.krylovDimension, context)),
      "GMRES linear solver");
  ls.iterative = true;
  ls.preconditioned = preconditioned;
  ls.description = "GMRES (Krylov dimension " + std::to_string(options.krylovDimension) + ")";
  return ls;
}

}  // namespace

void copyToDense(const BorderedBandJacobian& J, SUNMatrix A) {
  const std::size_t size = J.shape().size();
  for (std::size_t c = 0; c < size; ++c) {
    double* column = SUNDenseMatrix_Column(A, static_cast<sunindextype>(c));
    for (std::size_t r = 0; r < size; ++r) column[r] = J.at(r, c);
  }
}

LinearSystem makeLinearSystem(const IntegratorOptions& options, const System& system,
                              N_Vector y, SUNContext context) {
  using Kind = IntegratorOptions::LinearSolver;
  const bool analyticJacobian = system.hasJacobian();
  // `bordered` (the default) needs the model's Jacobian; a model without one (a small system
  // such as a moment method) gets the dense LU of a difference-quotient Jacobian instead.
  const Kind kind =
      options.linear == Kind::Bordered && !analyticJacobian ? Kind::Dense : options.linear;
  if (!system.jacobianIsExact()) {
    if (!analyticJacobian)
      throw std::invalid_argument(
          "the model declares an approximate Jacobian but does not provide one");
    if (kind == Kind::Klu || kind == Kind::Dense)
      throw SolverSettingError("linear", std::string("linear solver '") + linearSolverKey(kind) +
                                  "' needs the exact Jacobian; this model's Jacobian is an "
                                  "approximation that can only precondition GMRES: use "
                                  "'bordered' (the default) or 'gmres'");
    LinearSystem ls = krylovSystem(options, true, y, context);
    ls.description += ", left-preconditioned by the bordered-band LU of an approximate Jacobian";
    return ls;
  }
  if (kind == Kind::Gmres) {
    LinearSystem ls = krylovSystem(options, analyticJacobian, y, context);
    ls.description += analyticJacobian
                          ? ", left-preconditioned by the bordered-band LU of the Jacobian"
                          : ", unpreconditioned";
    return ls;
  }
  if (!analyticJacobian && kind != Kind::Dense)
    throw SolverSettingError("linear", std::string("linear solver '") + linearSolverKey(kind) +
                                "' needs an analytic Jacobian; this model has none, use 'dense' "
                                "or 'gmres'");
  const BorderedBandShape shape = system.jacobianShape();
  const auto size = static_cast<sunindextype>(shape.size());
  LinearSystem ls;
  switch (kind) {
    case Kind::Bordered:
      ls.matrix =
          sun::checked(sun::Matrix(newBorderedSunMatrix(shape, context)), "bordered matrix");
      ls.solver = sun::checked(sun::LinearSolver(newBorderedSunLinearSolver(shape, context)),
                               "bordered linear solver");
      ls.copyJacobian = [](const BorderedBandJacobian& J, SUNMatrix A) {
        borderedContent(A).assign(J);
      };
      ls.description = "bordered-band direct (Schur complement)";
      break;
    case Kind::Klu: {
      SparsePattern pattern = sparsePattern(shape);
      const auto nnz = static_cast<sunindextype>(pattern.rows.size());
      ls.matrix = sun::checked(sun::Matrix(SUNSparseMatrix(size, size, nnz, CSC_MAT, context)),
                               "sparse matrix");
      copyToSparse(pattern, BorderedBandJacobian(shape), ls.matrix.get());  // pattern for KLU
      ls.solver = sun::checked(sun::LinearSolver(SUNLinSol_KLU(y, ls.matrix.get(), context)),
                               "KLU linear solver");
      // SUNDIALS' KLU refactors every later Jacobian on the pivot order of the first one
      // (klu_refactor, no pivoting; only a cheap rcond estimate guards it). A precipitation
      // Jacobian changes its scale by many decades between the clear initial solution and the
      // nucleation burst, and that stale pivot order broke Newton's convergence (CV_CONV_FAILURE
      // at ~1 s on the flagship). A partial re-initialisation makes the next setup analyse and
      // factor afresh with partial pivoting: one symbolic analysis per Jacobian evaluation.
      ls.copyJacobian = [p = std::move(pattern), solver = ls.solver.get(), nnz](
                            const BorderedBandJacobian& J, SUNMatrix A) {
        copyToSparse(p, J, A);
        if (SUNLinSol_KLUReInit(solver, A, nnz, SUNKLU_REINIT_PARTIAL) != SUNLS_SUCCESS)
          throw std::runtime_error("KLU: re-initialisation failed");
      };
      ls.description = "KLU sparse direct";
      break;
    }
    case Kind::Dense:
      ls.matrix = sun::checked(sun::Matrix(SUNDenseMatrix(size, size, context)), "dense matrix");
      ls.solver = sun::checked(sun::LinearSolver(SUNLinSol_Dense(y, ls.matrix.get(), context)),
                               "dense linear solver");
      if (analyticJacobian) ls.copyJacobian = copyToDense;
      ls.description = "dense direct";
      break;
    case Kind::Gmres:
      break;  // handled above
  }
  return ls;
}

}  // namespace proscale
