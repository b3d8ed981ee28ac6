#include "solvers/SunBordered.h"

#include <exception>
#include <type_traits>

#include "solvers/BorderedBandLU.h"

namespace proscale {
namespace {

static_assert(std::is_same_v<sunrealtype, double>, "proscale requires SUNDIALS in double");

// ---- SUNMatrix ops ----

struct MatrixContent {
  BorderedBandShape shape;
  BorderedBandMatrix matrix;
};

MatrixContent& content(SUNMatrix A) { return *static_cast<MatrixContent*>(A->content); }

SUNMatrix_ID matGetId(SUNMatrix) { return SUNMATRIX_CUSTOM; }

SUNMatrix matClone(SUNMatrix A) { return newBorderedSunMatrix(content(A).shape, A->sunctx); }

void matDestroy(SUNMatrix A) {
  if (A == nullptr) return;
  delete static_cast<MatrixContent*>(A->content);
  A->content = nullptr;
  SUNMatFreeEmpty(A);
}

int matZero(SUNMatrix A) {
  content(A).matrix.setZero();
  return SUNMAT_SUCCESS;
}

// SUNDIALS' convention: copy(A, B) sets B = A.
int matCopy(SUNMatrix A, SUNMatrix B) {
  if (B->ops->getid != matGetId) return SUNMAT_ILL_INPUT;
  BorderedBandMatrix& from = content(A).matrix;
  BorderedBandMatrix& to = content(B).matrix;
  if (!from.sameStructure(to)) return SUNMAT_ILL_INPUT;
  to = from;  // same sizes: copies values without reallocating
  return SUNMAT_SUCCESS;
}

int matScaleAddI(sunrealtype c, SUNMatrix A) {
  content(A).matrix.scaleAddIdentity(c);
  return SUNMAT_SUCCESS;
}

int matSpace(SUNMatrix A, long* lenrw, long* leniw) {
  const BorderedBandMatrix& m = content(A).matrix;
  *lenrw = static_cast<long>(m.storage());
  *leniw = static_cast<long>(m.band() + 4);
  return SUNMAT_SUCCESS;
}

// ---- SUNLinearSolver ops ----

struct SolverContent {
  BorderedBandLU lu;
  sunindextype lastFlag = 0;
};

SolverContent& content(SUNLinearSolver S) { return *static_cast<SolverContent*>(S->content); }

SUNLinearSolver_Type lsGetType(SUNLinearSolver) { return SUNLINEARSOLVER_DIRECT; }
SUNLinearSolver_ID lsGetId(SUNLinearSolver) { return SUNLINEARSOLVER_CUSTOM; }

int lsInitialize(SUNLinearSolver S) {
  content(S).lastFlag = SUNLS_SUCCESS;
  return SUNLS_SUCCESS;
}

int lsSetup(SUNLinearSolver S, SUNMatrix A) {
  SolverContent& c = content(S);
  if (A->ops->getid != matGetId) {
    c.lastFlag = SUNLS_ILL_INPUT;
    return SUNLS_ILL_INPUT;
  }
  try {
    const std::size_t bad = c.lu.factor(borderedContent(A));
    c.lastFlag = static_cast<sunindextype>(bad);
    return bad == 0 ? SUNLS_SUCCESS : SUNLS_LUFACT_FAIL;
  } catch (...) {  // factor allocates nothing; kept so that no exception can reach SUNDIALS
    c.lastFlag = SUNLS_PACKAGE_FAIL_UNREC;
    return SUNLS_PACKAGE_FAIL_UNREC;
  }
}

int lsSolve(SUNLinearSolver S, SUNMatrix A, N_Vector x, N_Vector b, sunrealtype /*tol*/) {
  SolverContent& c = content(S);
  double* xd = N_VGetArrayPointer(x);
  const double* bd = N_VGetArrayPointer(b);
  if (xd == nullptr || bd == nullptr) {
    c.lastFlag = SUNLS_MEM_FAIL;
    return SUNLS_MEM_FAIL;
  }
  BorderedBandMatrix& M = borderedContent(A);
  if (xd != bd)
    for (std::size_t i = 0; i < M.size(); ++i) xd[i] = bd[i];
  try {
    c.lu.solve(M, {xd, M.size()});
  } catch (...) {  // as in lsSetup
    c.lastFlag = SUNLS_PACKAGE_FAIL_UNREC;
    return SUNLS_PACKAGE_FAIL_UNREC;
  }
  c.lastFlag = SUNLS_SUCCESS;
  return SUNLS_SUCCESS;
}

sunindextype lsLastFlag(SUNLinearSolver S) { return content(S).lastFlag; }

int lsSpace(SUNLinearSolver S, long* lenrw, long* leniw) {
  *lenrw = static_cast<long>(content(S).lu.realStorage());
  *leniw = static_cast<long>(content(S).lu.indexStorage());
  return SUNLS_SUCCESS;
}

int lsFree(SUNLinearSolver S) {
  if (S == nullptr) return SUNLS_SUCCESS;
  delete static_cast<SolverContent*>(S->content);
  S->content = nullptr;
  SUNLinSolFreeEmpty(S);
  return SUNLS_SUCCESS;
}

}  // namespace

SUNMatrix newBorderedSunMatrix(const BorderedBandShape& shape, SUNContext context) {
  SUNMatrix A = SUNMatNewEmpty(context);
  if (A == nullptr) return nullptr;
  try {
    A->content = new MatrixContent{shape, BorderedBandMatrix(shape)};
  } catch (const std::exception&) {
    SUNMatFreeEmpty(A);
    return nullptr;
  }
  A->ops->getid = matGetId;
  A->ops->clone = matClone;
  A->ops->destroy = matDestroy;
  A->ops->zero = matZero;
  A->ops->copy = matCopy;
  A->ops->scaleaddi = matScaleAddI;
  A->ops->space = matSpace;
  return A;
}

BorderedBandMatrix& borderedContent(SUNMatrix A) { return content(A).matrix; }

SUNLinearSolver newBorderedSunLinearSolver(const BorderedBandShape& shape, SUNContext context) {
  SUNLinearSolver S = SUNLinSolNewEmpty(context);
  if (S == nullptr) return nullptr;
  try {
    S->content = new SolverContent{BorderedBandLU(shape), 0};
  } catch (const std::exception&) {
    SUNLinSolFreeEmpty(S);
    return nullptr;
  }
  S->ops->gettype = lsGetType;
  S->ops->getid = lsGetId;
  S->ops->initialize = lsInitialize;
  S->ops->setup = lsSetup;
  S->ops->solve = lsSolve;
  S->ops->lastflag = lsLastFlag;
  S->ops->space = lsSpace;
  S->ops->free = lsFree;
  return S;
}

}  // namespace proscale
