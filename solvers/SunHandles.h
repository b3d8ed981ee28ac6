#pragma once
// Owning handles for SUNDIALS objects (internal to proscale_solvers): each is a unique_ptr
// whose deleter is the matching SUNDIALS destructor, so no handle outlives its owner or leaks
// on an exception.
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <cvodes/cvodes.h>
#include <sundials/sundials_context.h>
#include <sundials/sundials_linearsolver.h>
#include <sundials/sundials_matrix.h>
#include <sundials/sundials_nvector.h>

namespace proscale::sun {

struct ContextFree {
  void operator()(SUNContext c) const noexcept { SUNContext_Free(&c); }
};
struct VectorFree {
  void operator()(N_Vector v) const noexcept { N_VDestroy(v); }
};
struct MatrixFree {
  void operator()(SUNMatrix m) const noexcept { SUNMatDestroy(m); }
};
struct LinearSolverFree {
  void operator()(SUNLinearSolver s) const noexcept { SUNLinSolFree(s); }
};
struct CvodeFree {
  void operator()(void* mem) const noexcept { CVodeFree(&mem); }
};

using Context = std::unique_ptr<std::remove_pointer_t<SUNContext>, ContextFree>;
using Vector = std::unique_ptr<std::remove_pointer_t<N_Vector>, VectorFree>;
using Matrix = std::unique_ptr<std::remove_pointer_t<SUNMatrix>, MatrixFree>;
using LinearSolver = std::unique_ptr<std::remove_pointer_t<SUNLinearSolver>, LinearSolverFree>;
using CvodeMemory = std::unique_ptr<void, CvodeFree>;

/// Throws std::runtime_error naming `what` if a SUNDIALS constructor returned null.
template <class Handle>
Handle checked(Handle h, const char* what) {
  if (!h) throw std::runtime_error(std::string("SUNDIALS could not create ") + what);
  return h;
}

}  // namespace proscale::sun
