#include "solvers/PetscGridSteadySolver.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "solvers/PetscGrid.h"
#include "solvers/PetscSession.h"
#include "solvers/PetscTsCommon.h"

namespace proscale {
namespace {

constexpr double kRelativeTolerance = 1e-12;
// Pseudo-transient continuation: at most this many steps, each of at most this many Newton
// iterations to a relative decrease of its own residual of kStepTolerance (an implicit Euler
// step need not be solved to the steady state's tolerance), and the pseudo-time step growing at
// most tenfold per step (as KinsolSteadySolver's).
constexpr long kMaxSteps = 400, kStepIterations = 20;
constexpr double kStepTolerance = 1e-6, kMaxGrowth = 10.0;
constexpr long kEasyIterations = 2;
constexpr PetscInt kRestart = 100, kMinLinearIterations = 300, kLinearIterationsPerNode = 3;

}  // namespace

class PetscGridSteadySolver::Impl {
 public:
  Impl(GridSystem& system, SteadyOptions options, const std::string& petscOptions);
  SolverReport run(std::span<const double> times, StateObserver& observer);
  const std::string& method() const { return m_method; }

 private:
  struct Tolerances {
    PetscReal atol = 0.0, rtol = 0.0, stol = 0.0;
    PetscInt maxIterations = 0, maxEvaluations = 0;
  };
  static PetscErrorCode residual(SNES snes, Vec u, Vec F, void* self);
  static PetscErrorCode jacobian(SNES snes, Vec u, Mat A, Mat P, void* self);
  /// SNESSolve from m_u with the tolerances `tol`; true if it converged (counts added).
  bool solve(const Tolerances& tol);
  /// ||G(u)||_2 at m_u without a pseudo-time term (NaN if the model failed there).
  double residualNorm();
  /// Pseudo-transient continuation from m_u (Kelley & Keyes, SIAM J. Numer. Anal. 35 (1998)
  /// 508): implicit Euler steps (u - u_k)/dtau = f(u)/s, dtau from the fastest rate of the
  /// nodes' physics and grown by switched evolution relaxation (Mulder & van Leer 1985,
  /// dtau *= |G_{k-1}| / |G_k|, here at least 1 and at most 10), then Newton on G itself once
  /// dtau is long. True when ||G|| reached `target`.
  bool continuation(double target);
  /// "PETSc SNES: " and why the last solve failed: PETSc's own error, else its reason.
  std::string failure(SNESConvergedReason reason) const;

  PetscGrid m_grid;
  Tolerances m_newton;     ///< SNES's, after the case's petsc-options
  double m_time = 0.0;     ///< the flows' time: the last output time
  double m_shift = 0.0;    ///< 1/dtau of a pseudo-time step; 0 for Newton on G
  long m_newtonIterations = 0, m_linearIterations = 0, m_pseudoSteps = -1;
  bool m_evaluationFailed = false;  ///< the last residual's model evaluation was not fine
  std::string m_petscError;         ///< PETSc's message when the last SNESSolve errored
  std::string m_method;
  Owned<Vec, VecDestroy> m_u, m_held, m_anchor, m_work;  ///< iterate, held budgets, u_k, G
  Owned<SNES, SNESDestroy> m_snes;
};

PetscGridSteadySolver::Impl::Impl(GridSystem& system, SteadyOptions options,
                                  const std::string& petscOptions)
    : m_grid(system) {
  resetPetscOptions(petscOptions);
  for (Vec* v : {&m_u.h, &m_held.h, &m_anchor.h, &m_work.h})
    petscCheck(VecDuplicate(m_grid.state(), v), "VecDuplicate");
  Owned<Vec, VecDestroy> r;
  petscCheck(VecDuplicate(m_grid.state(), &r.h), "VecDuplicate");
  petscCheck(SNESCreate(PetscSession::gridCommunicator(), &m_snes.h), "SNESCreate");
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
  // GMRES restarted after kRestart directions, at most max(kMinLinearIterations,
  // kLinearIterationsPerNode x nodes) iterations: the Gauss-Seidel sweeps leave the dispersion's
  // long waves to GMRES (Pe = 1 on 200 cells: 395 iterations restarted every 100, 1808 every
  // 30, PETSc's default), and a Newton step whose linear solve stalls hands over to the
  // continuation early (PETSc's default cap, 10^4, spent 17 s on cases/dpfr_crystallizer.yaml).
  const auto cap = std::max<PetscInt>(kMinLinearIterations,
                                      kLinearIterationsPerNode * static_cast<PetscInt>(system.nodeCount()));
  petscCheck(KSPSetTolerances(ksp, PETSC_DEFAULT, PETSC_DEFAULT, PETSC_DEFAULT, cap), "KSPSetTolerances");
  petscCheck(KSPGMRESSetRestart(ksp, kRestart), "KSPGMRESSetRestart");
  petscCheck(KSPGetPC(ksp, &pc), "KSPGetPC");
  m_grid.usePreconditioner(pc);
  if (SNESSetFromOptions(m_snes.h) != 0)
    throw SolverSettingError("petsc-options", "PETSc refused an option: " + PetscSession::lastError());
  rejectUnusedOptions();
  Tolerances& t = m_newton;
  petscCheck(SNESGetTolerances(m_snes.h, &t.atol, &t.rtol, &t.stol, &t.maxIterations, &t.maxEvaluations),
             "SNESGetTolerances");
  SNESType sn = nullptr;
  KSPType kt = nullptr;
  SNESGetType(m_snes.h, &sn);
  KSPGetType(ksp, &kt);
  m_method = std::string("PETSc SNES ") + sn + " (steady state; pseudo-transient continuation " +
             "when Newton from the guess fails), KSP " + kt + " on " + m_grid.describe();
}

// G(u) = -f(y) / s + (u - u_k) / dtau for the free unknowns, u - u0 for the held budgets.
PetscErrorCode PetscGridSteadySolver::Impl::residual(SNES snes, Vec u, Vec F, void* self) {
  auto* me = static_cast<Impl*>(self);
  const PetscGrid::Outcome outcome = me->m_grid.evaluateRates(me->m_time, u);
  me->m_evaluationFailed = outcome != PetscGrid::kFine;
  if (outcome == PetscGrid::kFatal) return PETSC_ERR_USER;
  if (outcome == PetscGrid::kRecoverable) {  // on every rank: the line search steps back
    SNESSetFunctionDomainError(snes);
    return 0;
  }
  const PetscScalar *uData = nullptr, *held = nullptr, *anchor = nullptr;
  PetscScalar* fData = nullptr;
  VecGetArrayRead(u, &uData);
  VecGetArrayRead(me->m_held.h, &held);
  VecGetArrayRead(me->m_anchor.h, &anchor);
  VecGetArray(F, &fData);
  const std::vector<double>& f = me->m_grid.rates();
  const double a = me->m_shift;
  for (std::size_t k = 0; k < f.size(); ++k)
    fData[k] = me->m_grid.accumulator(k) ? uData[k] - held[k]
                                         : -f[k] / me->m_grid.scale(k) + a * (uData[k] - anchor[k]);
  VecRestoreArray(F, &fData);
  VecRestoreArrayRead(me->m_anchor.h, &anchor);
  VecRestoreArrayRead(me->m_held.h, &held);
  VecRestoreArrayRead(u, &uData);
  return 0;
}

PetscErrorCode PetscGridSteadySolver::Impl::jacobian(SNES snes, Vec u, Mat, Mat, void* self) {
  auto* me = static_cast<Impl*>(self);
  const PetscGrid::Outcome outcome = me->m_grid.assemble(me->m_time, u, me->m_shift, true);
  if (outcome == PetscGrid::kFatal) return PETSC_ERR_USER;
  if (outcome == PetscGrid::kRecoverable) SNESSetJacobianDomainError(snes);
  return 0;
}

bool PetscGridSteadySolver::Impl::solve(const Tolerances& tol) {
  petscCheck(SNESSetTolerances(m_snes.h, tol.atol, tol.rtol, tol.stol, tol.maxIterations,
                               tol.maxEvaluations),
             "SNESSetTolerances");
  const PetscErrorCode ierr = SNESSolve(m_snes.h, nullptr, m_u.h);
  m_petscError = ierr != 0 ? PetscSession::lastError() : std::string();
  SNESConvergedReason reason = SNES_CONVERGED_ITERATING;
  SNESGetConvergedReason(m_snes.h, &reason);
  PetscInt newton = 0, linear = 0;
  SNESGetIterationNumber(m_snes.h, &newton);
  SNESGetLinearSolveIterations(m_snes.h, &linear);
  m_newtonIterations += newton;
  m_linearIterations += linear;
  return ierr == 0 && reason > 0;
}

double PetscGridSteadySolver::Impl::residualNorm() {
  const double shift = m_shift;
  m_shift = 0.0;
  PetscReal norm = std::numeric_limits<double>::quiet_NaN();
  if (SNESComputeFunction(m_snes.h, m_u.h, m_work.h) == 0 && !m_evaluationFailed)
    VecNorm(m_work.h, NORM_2, &norm);
  m_shift = shift;
  return norm;
}

std::string PetscGridSteadySolver::Impl::failure(SNESConvergedReason reason) const {
  return "PETSc SNES: " + (m_petscError.empty() ? std::string("no steady state, ") + SNESConvergedReasons[reason]
                                                : m_petscError);
}

// Success only when G itself is within the target: an implicit Euler step that converged says
// nothing about the steady state (KinsolSteadySolver.cpp, continuation).
bool PetscGridSteadySolver::Impl::continuation(double target) {
  if (m_grid.assemble(m_time, m_u.h, 0.0, true) != PetscGrid::kFine) return false;
  const double fastest = m_grid.fastestRate();
  const double first = fastest > 0.0 ? 1.0 / fastest : 1.0;
  double dtau = first, previous = residualNorm();
  Tolerances step = m_newton;
  step.atol = target;
  step.rtol = kStepTolerance;
  step.maxIterations = kStepIterations;
  for (m_pseudoSteps = 0; m_pseudoSteps < kMaxSteps; ++m_pseudoSteps) {
    petscCheck(VecCopy(m_u.h, m_anchor.h), "VecCopy");
    m_shift = 1.0 / dtau;
    const long before = m_newtonIterations;
    if (!solve(step)) {
      if (m_grid.failedFatally()) return false;
      petscCheck(VecCopy(m_anchor.h, m_u.h), "VecCopy");  // too long for Newton: shorten it
      dtau *= 0.25;
      if (dtau >= 1e-6 * first) continue;
      return false;
    }
    m_shift = 0.0;
    const double norm = residualNorm();
    if (!(norm == norm)) return false;  // the model failed at u: the grid holds why
    if (norm <= target) return true;
    // Switched evolution relaxation, but never shrinking, and doubling where Newton solved the
    // step at once: while a front fills the tube the residual grows for a while
    // (cases/dpfr_crystallizer.yaml: 5 to 4900 1/s); SER proper shrank dtau to 0.1 s there and
    // stalled for 400 steps, and without the doubling plug flow's first dtau (1/fastest rate)
    // never grew. A step Newton cannot solve is shortened above. Once dtau is long against the
    // slowest scale, Newton on G.
    const bool easy = m_newtonIterations - before <= kEasyIterations;
    dtau *= std::max(easy ? 2.0 : 1.0, std::clamp(previous / norm, 1.0, kMaxGrowth));
    previous = norm;
    if (dtau > 1e12 * first) {
      petscCheck(VecCopy(m_u.h, m_anchor.h), "VecCopy");
      Tolerances finish = m_newton;
      finish.atol = target;
      if (solve(finish)) return true;
      petscCheck(VecCopy(m_anchor.h, m_u.h), "VecCopy");
    }
  }
  return false;
}

SolverReport PetscGridSteadySolver::Impl::run(std::span<const double> times, StateObserver& observer) {
  if (times.empty()) throw std::invalid_argument("PETSc SNES: needs an output time");
  SolverReport report;
  report.method = m_method;
  report.steadyState = true;
  m_grid.clearFailures();
  m_time = times.back();
  m_shift = 0.0;
  m_newtonIterations = m_linearIterations = 0;
  m_pseudoSteps = -1;
  m_grid.setInitialState();
  petscCheck(VecCopy(m_grid.state(), m_held.h), "VecCopy");
  petscCheck(VecCopy(m_grid.state(), m_u.h), "VecCopy");
  petscCheck(VecCopy(m_grid.state(), m_anchor.h), "VecCopy");
  std::vector<double> state;
  m_grid.gather(m_u.h, state);
  observer.observe(times.front(), state);
  const auto start = std::chrono::steady_clock::now();
  const double initial = residualNorm();
  const double target = std::max(m_newton.atol, kRelativeTolerance * initial);
  bool converged = solve(m_newton);
  SNESConvergedReason reason = SNES_CONVERGED_ITERATING;
  SNESGetConvergedReason(m_snes.h, &reason);
  if (!converged && !m_grid.failedFatally()) {
    petscCheck(VecCopy(m_grid.state(), m_u.h), "VecCopy");  // from the guess again
    m_grid.clearFailures();
    converged = continuation(target);
    SNESGetConvergedReason(m_snes.h, &reason);
  }
  m_shift = 0.0;
  report.statistics.nonlinearIterations = m_newtonIterations;
  report.statistics.linearIterations = m_linearIterations;
  report.statistics.steps = m_pseudoSteps > 0 ? m_pseudoSteps : 0;
  report.statistics.wallTime =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.timeReached = times.back();
  report.flagName = m_petscError.empty() ? SNESConvergedReasons[reason] : "PETSC_ERROR";
  const double norm = residualNorm();
  std::ostringstream what;
  what << "steady state after " << m_newtonIterations << " Newton iterations";
  if (m_pseudoSteps >= 0)
    what << " (Newton from the guess failed; " << m_pseudoSteps
         << " pseudo-transient continuation steps)";
  what << ", scaled residual ||f_i / s_i||_2 = " << norm << " 1/s";
  if (!converged) {
    report.message = m_grid.explain(failure(reason) + "; " + what.str());
    return report;  // no state to show: the last iterate is not a steady state
  }
  report.message = what.str();
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
