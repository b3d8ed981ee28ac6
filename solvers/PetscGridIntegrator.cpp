#include "solvers/PetscGridIntegrator.h"

#include <stdexcept>
#include <vector>

#include "solvers/PetscGrid.h"
#include "solvers/PetscSession.h"
#include "solvers/PetscTsCommon.h"

namespace proscale {

class PetscGridIntegrator::Impl {
 public:
  Impl(GridSystem& system, IntegratorOptions options, const std::string& petscOptions);
  SolverReport run(std::span<const double> times, StateObserver& observer);
  const std::string& method() const { return m_method; }

 private:
  static PetscErrorCode residual(TS ts, PetscReal t, Vec y, Vec yp, Vec F, void* self);
  static PetscErrorCode jacobian(TS ts, PetscReal t, Vec y, Vec yp, PetscReal a, Mat A, Mat P,
                                 void* self);

  IntegratorOptions m_options;
  PetscGrid m_grid;
  std::string m_method;
  Owned<Vec, VecDestroy> m_atol;
  Owned<Mat, MatDestroy> m_differences;
  Owned<TS, TSDestroy> m_ts;
};

PetscGridIntegrator::Impl::Impl(GridSystem& system, IntegratorOptions options,
                                const std::string& petscOptions)
    : m_options(options), m_grid(system) {
  if (!(options.rtol > 0) || !(options.atol > 0))
    throw std::invalid_argument("PETSc TS: tolerances must be positive");
  resetPetscOptions(petscOptions);
  petscCheck(VecDuplicate(m_grid.state(), &m_atol.h), "VecDuplicate");
  petscCheck(VecSet(m_atol.h, options.atol), "VecSet");  // atol x scale, in the scaled unknowns
  petscCheck(TSCreate(PetscSession::gridCommunicator(), &m_ts.h), "TSCreate");
  petscCheck(TSSetDM(m_ts.h, m_grid.dm()), "TSSetDM");
  configureTs(m_ts.h, options, m_atol.h);
  petscCheck(TSSetIFunction(m_ts.h, nullptr, residual, this), "TSSetIFunction");
  SNES snes = nullptr;
  KSP ksp = nullptr;
  PC pc = nullptr;
  petscCheck(TSGetSNES(m_ts.h, &snes), "TSGetSNES");
  if (m_grid.exact()) {
    petscCheck(TSSetIJacobian(m_ts.h, m_grid.shell(), m_grid.shell(), jacobian, this), "TSSetIJacobian");
  } else {  // products by differences of F; the node blocks precondition
    petscCheck(MatCreateSNESMF(snes, &m_differences.h), "MatCreateSNESMF");
    petscCheck(TSSetIJacobian(m_ts.h, m_differences.h, m_grid.shell(), jacobian, this), "TSSetIJacobian");
  }
  petscCheck(SNESGetKSP(snes, &ksp), "SNESGetKSP");
  petscCheck(KSPSetType(ksp, KSPGMRES), "KSPSetType");
  petscCheck(KSPGetPC(ksp, &pc), "KSPGetPC");
  m_grid.usePreconditioner(pc);
  setTsFromOptions(m_ts.h);
  rejectUnusedOptions();
  m_method = describeTs(m_ts.h) + " on " + m_grid.describe();
}

PetscErrorCode PetscGridIntegrator::Impl::residual(TS ts, PetscReal t, Vec y, Vec yp, Vec F,
                                                   void* self) {
  auto* me = static_cast<Impl*>(self);
  const PetscGrid::Outcome outcome = me->m_grid.evaluateRates(t, y);
  if (outcome == PetscGrid::kFatal) return PETSC_ERR_USER;
  if (outcome == PetscGrid::kRecoverable) {  // on every rank: TS retries with a smaller step
    SNES snes = nullptr;
    TSGetSNES(ts, &snes);
    SNESSetFunctionDomainError(snes);
    return 0;
  }
  const PetscScalar* ypData = nullptr;
  PetscScalar* fData = nullptr;
  VecGetArrayRead(yp, &ypData);
  VecGetArray(F, &fData);
  const std::vector<double>& f = me->m_grid.rates();
  for (std::size_t k = 0; k < f.size(); ++k) fData[k] = ypData[k] - f[k] / me->m_grid.scale(k);
  VecRestoreArray(F, &fData);
  VecRestoreArrayRead(yp, &ypData);
  return 0;
}

PetscErrorCode PetscGridIntegrator::Impl::jacobian(TS ts, PetscReal t, Vec y, Vec, PetscReal a,
                                                   Mat A, Mat, void* self) {
  auto* me = static_cast<Impl*>(self);
  const PetscGrid::Outcome outcome = me->m_grid.assemble(t, y, a, false);
  if (outcome == PetscGrid::kFatal) return PETSC_ERR_USER;
  if (outcome == PetscGrid::kRecoverable) {
    SNES snes = nullptr;
    TSGetSNES(ts, &snes);
    SNESSetJacobianDomainError(snes);
    return 0;
  }
  if (A != me->m_grid.shell()) {  // difference products: their base point is the new iterate
    PetscErrorCode ierr = MatAssemblyBegin(A, MAT_FINAL_ASSEMBLY);
    if (ierr == 0) ierr = MatAssemblyEnd(A, MAT_FINAL_ASSEMBLY);
    return ierr;
  }
  return 0;
}

SolverReport PetscGridIntegrator::Impl::run(std::span<const double> times, StateObserver& observer) {
  m_grid.clearFailures();
  m_grid.setInitialState();
  std::vector<double> state;
  auto observe = [&](double t) {  // every rank gathers the whole state: all see the same
    m_grid.gather(m_grid.state(), state);
    observer.observe(t, state);
  };
  return integrateTs(
      m_ts.h, m_grid.state(), times, m_grid.system().stopTimes(), m_options, observe,
      [&] { return m_grid.sharedText(observer.stopReason()); },  // one rank's interrupt stops all
      [this](const std::string& library) { return m_grid.explain(library); }, m_method);
}

PetscGridIntegrator::PetscGridIntegrator(GridSystem& system, IntegratorOptions options,
                                         std::string petscOptions)
    : m_impl(std::make_unique<Impl>(system, options, petscOptions)) {}
PetscGridIntegrator::~PetscGridIntegrator() = default;
SolverReport PetscGridIntegrator::run(std::span<const double> times, StateObserver& observer) {
  return m_impl->run(times, observer);
}
const std::string& PetscGridIntegrator::method() const { return m_impl->method(); }

}  // namespace proscale
