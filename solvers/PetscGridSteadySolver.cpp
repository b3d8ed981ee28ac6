#include "solvers/PetscGridSteadySolver.h"

#include <chrono>
#include <stdexcept>
#include <vector>

#include "solvers/PetscGrid.h"
#include "solvers/PetscSession.h"
#include "solvers/PetscTsCommon.h"

namespace proscale {
namespace {

constexpr double kRelativeTolerance = 1e-12;

}  // namespace

class PetscGridSteadySolver::Impl {
 public:
  Impl(GridSystem& system, SteadyOptions options, const std::string& petscOptions);
  SolverReport run(std::span<const double> times, StateObserver& observer);
  const std::string& method() const { return m_method; }

 private:
  static PetscErrorCode residual(SNES snes, Vec u, Vec F, void* self);
  static PetscErrorCode jacobian(SNES snes, Vec u, Mat A, Mat P, void* self);

  PetscGrid m_grid;
  double m_time = 0.0;  ///< the flows' time: the last output time
  std::string m_method;
  Owned<Vec, VecDestroy> m_u, m_held;  ///< the iterate; the initial state (the held budgets)
  Owned<SNES, SNESDestroy> m_snes;
};

PetscGridSteadySolver::Impl::Impl(GridSystem& system, SteadyOptions options,
                                  const std::string& petscOptions)
    : m_grid(system) {
  resetPetscOptions(petscOptions);
  petscCheck(VecDuplicate(m_grid.state(), &m_u.h), "VecDuplicate");
  petscCheck(VecDuplicate(m_grid.state(), &m_held.h), "VecDuplicate");
  Owned<Vec, VecDestroy> r;
  petscCheck(VecDuplicate(m_grid.state(), &r.h), "VecDuplicate");
  petscCheck(SNESCreate(PETSC_COMM_WORLD, &m_snes.h), "SNESCreate");
  petscCheck(SNESSetType(m_snes.h, SNESNEWTONLS), "SNESSetType");
  petscCheck(SNESSetFunction(m_snes.h, r.h, residual, this), "SNESSetFunction");
  petscCheck(SNESSetJacobian(m_snes.h, m_grid.shell(), m_grid.shell(), jacobian, this), "SNESSetJacobian");
  // Converged when ||f / s||_2 <= tolerance, or 1e-12 of its initial value: on a fine grid
  // the transport's rates (D / dz^2) c cancel to a round-off floor above a fixed tolerance
  // (200 cells at Pe = 1: 5e-10 1/s against the default 1e-10). No step test may stop it.
  petscCheck(SNESSetTolerances(m_snes.h, options.residualTolerance, kRelativeTolerance, 0.0,
                               static_cast<PetscInt>(options.maxIterations), PETSC_DEFAULT),
             "SNESSetTolerances");
  KSP ksp = nullptr;
  PC pc = nullptr;
  petscCheck(SNESGetKSP(m_snes.h, &ksp), "SNESGetKSP");
  petscCheck(KSPSetType(ksp, KSPGMRES), "KSPSetType");
  petscCheck(KSPGetPC(ksp, &pc), "KSPGetPC");
  m_grid.usePreconditioner(pc);
  if (SNESSetFromOptions(m_snes.h) != 0)
    throw SolverSettingError("petsc-options", "PETSc refused an option: " + PetscSession::lastError());
  rejectUnusedOptions();
  SNESType sn = nullptr;
  KSPType kt = nullptr;
  SNESGetType(m_snes.h, &sn);
  KSPGetType(ksp, &kt);
  m_method = std::string("PETSc SNES ") + sn + " (steady state), KSP " + kt + " on " +
             m_grid.describe();
}

// G(u) = -f(y) / s for the free unknowns, u - u0 for the held budgets.
PetscErrorCode PetscGridSteadySolver::Impl::residual(SNES snes, Vec u, Vec F, void* self) {
  auto* me = static_cast<Impl*>(self);
  const PetscGrid::Outcome outcome = me->m_grid.evaluateRates(me->m_time, u);
  if (outcome == PetscGrid::kFatal) return PETSC_ERR_USER;
  if (outcome == PetscGrid::kRecoverable) {  // on every rank: the line search steps back
    SNESSetFunctionDomainError(snes);
    return 0;
  }
  const PetscScalar *uData = nullptr, *held = nullptr;
  PetscScalar* fData = nullptr;
  VecGetArrayRead(u, &uData);
  VecGetArrayRead(me->m_held.h, &held);
  VecGetArray(F, &fData);
  const std::vector<double>& f = me->m_grid.rates();
  for (std::size_t k = 0; k < f.size(); ++k)
    fData[k] = me->m_grid.accumulator(k) ? uData[k] - held[k] : -f[k] / me->m_grid.scale(k);
  VecRestoreArray(F, &fData);
  VecRestoreArrayRead(me->m_held.h, &held);
  VecRestoreArrayRead(u, &uData);
  return 0;
}

PetscErrorCode PetscGridSteadySolver::Impl::jacobian(SNES snes, Vec u, Mat, Mat, void* self) {
  auto* me = static_cast<Impl*>(self);
  const PetscGrid::Outcome outcome = me->m_grid.assemble(me->m_time, u, 0.0, true);
  if (outcome == PetscGrid::kFatal) return PETSC_ERR_USER;
  if (outcome == PetscGrid::kRecoverable) SNESSetJacobianDomainError(snes);
  return 0;
}

SolverReport PetscGridSteadySolver::Impl::run(std::span<const double> times, StateObserver& observer) {
  if (times.empty()) throw std::invalid_argument("PETSc SNES: needs an output time");
  SolverReport report;
  report.method = m_method;
  report.steadyState = true;
  m_grid.clearFailures();
  m_time = times.back();
  m_grid.setInitialState();
  petscCheck(VecCopy(m_grid.state(), m_held.h), "VecCopy");
  petscCheck(VecCopy(m_grid.state(), m_u.h), "VecCopy");
  std::vector<double> state;
  m_grid.gather(m_u.h, state);
  observer.observe(times.front(), state);
  const auto start = std::chrono::steady_clock::now();
  const PetscErrorCode ierr = SNESSolve(m_snes.h, nullptr, m_u.h);
  SNESConvergedReason reason = SNES_CONVERGED_ITERATING;
  SNESGetConvergedReason(m_snes.h, &reason);
  PetscInt newton = 0, linear = 0;
  SNESGetIterationNumber(m_snes.h, &newton);
  SNESGetLinearSolveIterations(m_snes.h, &linear);
  report.statistics.nonlinearIterations = newton;
  report.statistics.linearIterations = linear;
  report.statistics.wallTime =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.timeReached = times.back();
  report.flagName = ierr != 0 ? "PETSC_ERROR" : SNESConvergedReasons[reason];
  if (ierr != 0 || reason <= 0) {
    report.message = m_grid.explain(
        "PETSc SNES: " + (ierr != 0 ? PetscSession::lastError()
                                    : std::string("no steady state, ") + SNESConvergedReasons[reason]));
    return report;  // no state to show: the last iterate is not a steady state
  }
  m_grid.gather(m_u.h, state);
  observer.observe(times.back(), state);
  report.complete = true;
  return report;
}

PetscGridSteadySolver::PetscGridSteadySolver(GridSystem& system, SteadyOptions options,
                                             std::string petscOptions)
    : m_impl(std::make_unique<Impl>(system, options, petscOptions)) {}
PetscGridSteadySolver::~PetscGridSteadySolver() = default;
SolverReport PetscGridSteadySolver::run(std::span<const double> times, StateObserver& observer) {
  return m_impl->run(times, observer);
}
const std::string& PetscGridSteadySolver::method() const { return m_impl->method(); }

}  // namespace proscale
