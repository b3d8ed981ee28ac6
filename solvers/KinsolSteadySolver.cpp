#include "solvers/KinsolSteadySolver.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <kinsol/kinsol.h>
#include <kinsol/kinsol_ls.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include "solvers/CallbackGuard.h"
#include "solvers/SunHandles.h"

namespace proscale {
namespace {

struct KinFree {
  void operator()(void* mem) const noexcept { KINFree(&mem); }
};
using KinMemory = std::unique_ptr<void, KinFree>;

std::string flagName(int flag) {
  char* name = KINGetReturnFlagName(flag);  // malloc'ed by KINSOL
  std::string result = name != nullptr ? name : "KIN_UNKNOWN";
  std::free(name);
  return result;
}

std::span<double> view(N_Vector v) {
  return {N_VGetArrayPointer(v), static_cast<std::size_t>(N_VGetLength(v))};
}

}  // namespace

class KinsolSteadySolver::Impl {
 public:
  Impl(System& system, SteadyOptions options);
  SolverReport run(std::span<const double> times, StateObserver& observer);
  const std::string& method() const { return m_method; }

 private:
  static int residual(N_Vector u, N_Vector F, void* self);
  static int jacobian(N_Vector u, N_Vector F, SUNMatrix J, void* self, N_Vector, N_Vector);
  static void errorHandler(int code, const char*, const char*, char* message, void* self);
  void check(int flag, const char* call) const;
  /// The whole state with the free unknowns u and the held accumulators.
  void expand(std::span<const double> u);
  sun::Vector vector(std::span<const double> values) const;

  System& m_system;
  SteadyOptions m_options;
  std::string m_method, m_kinMessage;
  CallbackGuard m_guard;
  double m_t = 0.0;                  ///< time at which f is evaluated (autonomous systems)
  /// KINSOL from u (free unknowns, updated in place); its flag.
  int solve(std::vector<double>& u, const sun::Vector& uScale, const sun::Vector& fScale,
            long maxIterations);
  /// max_k |f_k| / scale_k at u (the norm KINSOL's tolerance applies to).
  double residualNorm(std::span<const double> u);
  /// The fastest time scale at u, 1 / max_k |J_kk|: the first pseudo-time step.
  double fastestTimeScale(std::span<const double> u);
  /// Pseudo-transient continuation from u (Kelley & Keyes, SIAM J. Numer. Anal. 35 (1998) 508):
  /// implicit Euler steps (u - u_k)/dtau = f(u) solved by KINSOL, dtau grown by switched
  /// evolution relaxation (dtau *= |f_{k-1}| / |f_k|), then Newton on f itself. Its flag.
  int continuation(std::vector<double>& u, const sun::Vector& uScale, const sun::Vector& fScale,
                   long& steps);

  std::vector<std::size_t> m_free;   ///< state indices of the unknowns solved for
  std::vector<double> m_scale;       ///< scale of each free unknown (its rate per second too)
  double m_shift = 0.0;              ///< 1/dtau of a continuation step; 0 for Newton on f
  std::vector<double> m_anchor;      ///< u_k of a continuation step
  long m_iterations = 0, m_residuals = 0, m_jacobians = 0;  ///< over all KINSOL calls
  std::vector<double> m_y, m_f;      ///< whole state and its rates
  BorderedBandJacobian m_jacobian;
  sun::Context m_context;
  sun::Vector m_u;
  sun::Matrix m_matrix;
  sun::LinearSolver m_solver;
  KinMemory m_kin;  // declared last: freed first
};

KinsolSteadySolver::Impl::Impl(System& system, SteadyOptions options)
    : m_system(system), m_options(options), m_jacobian(system.jacobianShape()) {
  if (!system.isExplicit())
    throw std::invalid_argument("KINSOL: the steady state of a residual-form system is not "
                                "supported; use an explicit system");
  if (!system.stopTimes().empty() || system.rootCount() > 0)
    throw std::invalid_argument("KINSOL: a system with stop times or roots (a recipe) has no "
                                "single steady state");
  const std::vector<bool> held = system.layout().accumulators();
  for (std::size_t i = 0; i < held.size(); ++i)
    if (!held[i]) m_free.push_back(i);
  if (m_free.empty())
    throw std::invalid_argument("the system has no unknowns with a steady state (all are "
                                "accumulators)");
  m_y.resize(system.size());
  m_f.resize(system.size());
  SUNContext context = nullptr;
  if (SUNContext_Create(nullptr, &context) != 0) throw std::runtime_error("no SUNDIALS context");
  m_context.reset(context);
  const auto n = static_cast<sunindextype>(m_free.size());
  m_u = vector(std::vector<double>(m_free.size(), 0.0));
  m_matrix = sun::checked(sun::Matrix(SUNDenseMatrix(n, n, context)), "dense matrix");
  m_solver = sun::checked(sun::LinearSolver(SUNLinSol_Dense(m_u.get(), m_matrix.get(), context)),
                          "dense linear solver");
  m_kin.reset(KINCreate(context));
  if (!m_kin) throw std::runtime_error("SUNDIALS could not create KINSOL");
  void* mem = m_kin.get();
  check(KINSetErrHandlerFn(mem, errorHandler, this), "KINSetErrHandlerFn");
  check(KINInit(mem, residual, m_u.get()), "KINInit");
  check(KINSetUserData(mem, this), "KINSetUserData");
  check(KINSetLinearSolver(mem, m_solver.get(), m_matrix.get()), "KINSetLinearSolver");
  const bool exact = system.hasJacobian() && system.jacobianIsExact();
  if (exact) check(KINSetJacFn(mem, jacobian), "KINSetJacFn");
  check(KINSetFuncNormTol(mem, m_options.residualTolerance), "KINSetFuncNormTol");
  check(KINSetNumMaxIters(mem, m_options.maxIterations), "KINSetNumMaxIters");
  check(KINSetMaxSetupCalls(mem, 1), "KINSetMaxSetupCalls");  // exact Newton: J every iteration
  // KINSOL's default step bound, 1000 |D u0|, is zero for a start from y = 0 (an empty
  // vessel); the line search guards the step instead. Scaled units: state scales.
  check(KINSetMaxNewtonStep(mem, 1e8 * std::sqrt(static_cast<double>(m_free.size()))),
        "KINSetMaxNewtonStep");
  const std::vector<double> nonNegative = system.layout().nonNegativity();
  std::vector<double> constraints(m_free.size());
  for (std::size_t k = 0; k < m_free.size(); ++k) constraints[k] = nonNegative[m_free[k]];
  sun::Vector c = vector(constraints);
  check(KINSetConstraints(mem, c.get()), "KINSetConstraints");  // copies
  m_method = std::string("KINSOL Newton with line search, dense direct, ") +
             (exact ? "analytic Jacobian" : "difference-quotient Jacobian") + ", " +
             std::to_string(m_free.size()) + " unknowns (" +
             std::to_string(system.size() - m_free.size()) + " accumulators held)";
}

sun::Vector KinsolSteadySolver::Impl::vector(std::span<const double> values) const {
  sun::Vector v = sun::checked(
      sun::Vector(N_VNew_Serial(static_cast<sunindextype>(values.size()), m_context.get())),
      "vector");
  std::copy(values.begin(), values.end(), N_VGetArrayPointer(v.get()));
  return v;
}

void KinsolSteadySolver::Impl::expand(std::span<const double> u) {
  for (std::size_t k = 0; k < m_free.size(); ++k) m_y[m_free[k]] = u[k];
}

int KinsolSteadySolver::Impl::residual(N_Vector u, N_Vector F, void* self) {
  auto* me = static_cast<Impl*>(self);
  return me->m_guard("model's right-hand side", me->m_t, [&] {
    me->expand(view(u));
    me->m_system.rhs(me->m_t, me->m_y, me->m_f);
    auto out = view(F);
    const auto in = view(u);
    for (std::size_t k = 0; k < me->m_free.size(); ++k)
      out[k] = me->m_f[me->m_free[k]] - me->m_shift * (in[k] - me->m_anchor[k]);
    return me->m_guard.checkFinite(out, me->m_system.layout(), "time derivative", me->m_t);
  });
}

int KinsolSteadySolver::Impl::jacobian(N_Vector u, N_Vector, SUNMatrix J, void* self, N_Vector,
                                       N_Vector) {
  auto* me = static_cast<Impl*>(self);
  return me->m_guard("model's Jacobian", me->m_t, [&] {
    me->expand(view(u));
    me->m_system.rhs(me->m_t, me->m_y, me->m_f);
    me->m_jacobian.setZero();
    me->m_system.jacobian(me->m_t, me->m_y, me->m_f, me->m_jacobian);
    const auto& free = me->m_free;
    for (std::size_t c = 0; c < free.size(); ++c) {
      double* column = SUNDenseMatrix_Column(J, static_cast<sunindextype>(c));
      for (std::size_t r = 0; r < free.size(); ++r) column[r] = me->m_jacobian.at(free[r], free[c]);
      column[c] -= me->m_shift;
    }
    return 0;
  });
}

void KinsolSteadySolver::Impl::errorHandler(int, const char*, const char*, char* message,
                                            void* self) {
  if (message == nullptr) return;
  try {
    static_cast<Impl*>(self)->m_kinMessage = message;
  } catch (...) {
  }
}

void KinsolSteadySolver::Impl::check(int flag, const char* call) const {
  if (flag >= 0) return;
  throw std::runtime_error(std::string(call) + " failed with flag " + std::to_string(flag) +
                           (m_kinMessage.empty() ? "" : ": " + m_kinMessage));
}

int KinsolSteadySolver::Impl::solve(std::vector<double>& u, const sun::Vector& uScale,
                                    const sun::Vector& fScale, long maxIterations) {
  void* mem = m_kin.get();
  std::copy(u.begin(), u.end(), view(m_u.get()).begin());
  check(KINSetNumMaxIters(mem, maxIterations), "KINSetNumMaxIters");
  const int flag = KINSol(mem, m_u.get(), KIN_LINESEARCH, uScale.get(), fScale.get());
  long iterations = 0, residuals = 0, jacobians = 0;
  KINGetNumNonlinSolvIters(mem, &iterations);
  KINGetNumFuncEvals(mem, &residuals);
  KINGetNumJacEvals(mem, &jacobians);
  m_iterations += iterations;
  m_residuals += residuals;
  m_jacobians += jacobians;
  const auto result = view(m_u.get());
  std::copy(result.begin(), result.end(), u.begin());
  return flag;
}

double KinsolSteadySolver::Impl::residualNorm(std::span<const double> u) {
  double norm = std::numeric_limits<double>::quiet_NaN();
  m_guard("model's right-hand side", m_t, [&] {
    expand(u);
    m_system.rhs(m_t, m_y, m_f);
    norm = 0.0;
    for (std::size_t k = 0; k < m_free.size(); ++k)
      norm = std::max(norm, std::abs(m_f[m_free[k]]) / m_scale[k]);
    return 0;
  });
  return norm;
}

double KinsolSteadySolver::Impl::fastestTimeScale(std::span<const double> u) {
  double fastest = 0.0;
  m_guard("model's Jacobian", m_t, [&] {
    expand(u);
    m_system.rhs(m_t, m_y, m_f);
    m_jacobian.setZero();
    m_system.jacobian(m_t, m_y, m_f, m_jacobian);
    for (std::size_t k = 0; k < m_free.size(); ++k)
      fastest = std::max(fastest, std::abs(m_jacobian.at(m_free[k], m_free[k])));
    return 0;
  });
  return fastest > 0.0 ? 1.0 / fastest : 1.0;
}

// Success only when f itself is within the tolerance: an implicit Euler step that converged
// says nothing about the steady state (a system without one took 400 of them and was reported
// steady with a residual of 4.7e3 before this was written so).
int KinsolSteadySolver::Impl::continuation(std::vector<double>& u, const sun::Vector& uScale,
                                           const sun::Vector& fScale, long& steps) {
  constexpr long kMaxSteps = 400, kStepIterations = 20;
  const double first = fastestTimeScale(u);
  double dtau = first, previous = residualNorm(u);
  int result = KIN_MAXITER_REACHED;
  for (steps = 0; steps < kMaxSteps; ++steps) {
    m_anchor = u;
    m_shift = 1.0 / dtau;
    if (const int flag = solve(u, uScale, fScale, kStepIterations); flag < 0) {
      u = m_anchor;  // the step was too long for Newton: retreat and shorten it
      dtau *= 0.25;
      if (dtau >= 1e-6 * first) continue;
      result = flag;
      break;
    }
    const double norm = residualNorm(u);
    if (!(norm == norm)) {  // the model failed at u: the guard holds why
      result = KIN_SYSFUNC_FAIL;
      break;
    }
    if (norm <= m_options.residualTolerance) {
      result = KIN_SUCCESS;
      break;
    }
    // Switched evolution relaxation, growth bounded to x10 per step; once the pseudo-time step
    // is long against the slowest scale, Newton on f itself finishes.
    dtau *= std::min(10.0, previous / norm);
    previous = norm;
    if (dtau > 1e12 * first) {
      m_shift = 0.0;
      std::vector<double> tried = u;
      if (const int flag = solve(tried, uScale, fScale, m_options.maxIterations); flag >= 0) {
        u = tried;
        result = flag;
        break;
      }
    }
  }
  m_shift = 0.0;
  return result;
}

SolverReport KinsolSteadySolver::Impl::run(std::span<const double> times, StateObserver& observer) {
  if (times.empty()) throw std::invalid_argument("KINSOL: no output times");
  SolverReport report;
  report.method = m_method;
  report.steadyState = true;
  m_guard.clear();
  m_kinMessage.clear();
  m_iterations = m_residuals = m_jacobians = 0;
  m_shift = 0.0;
  m_t = times.back();
  m_system.initialState(m_y);
  observer.observe(times.front(), m_y);
  // Scales: u_i / scale_i and f_i / scale_i (a rate of one scale per second) are O(1).
  const std::vector<double> scale = m_system.layout().absoluteTolerances(1.0);
  std::vector<double> u(m_free.size()), inverse(m_free.size());
  m_scale.resize(m_free.size());
  for (std::size_t k = 0; k < m_free.size(); ++k) {
    u[k] = std::max(m_y[m_free[k]], 0.0);
    m_scale[k] = scale[m_free[k]];
    inverse[k] = 1.0 / m_scale[k];
  }
  m_anchor = u;
  sun::Vector uScale = vector(inverse), fScale = vector(inverse);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<double> guess = u;
  int flag = solve(u, uScale, fScale, m_options.maxIterations);
  long continuationSteps = -1;  // -1: Newton alone converged
  if (flag < 0 && m_guard.fatalMessage().empty()) {
    u = guess;
    m_kinMessage.clear();
    flag = continuation(u, uScale, fScale, continuationSteps);
  }
  report.statistics.wallTime =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.statistics.nonlinearIterations = report.statistics.steps = m_iterations;
  report.statistics.rhsEvaluations = m_residuals;
  report.statistics.jacobianEvaluations = m_jacobians;
  report.flagName = flagName(flag);
  const double norm = m_guard.fatalMessage().empty() ? residualNorm(u) : std::numeric_limits<double>::quiet_NaN();
  expand(u);
  std::ostringstream what;
  what << "steady state after " << m_iterations << " Newton iterations";
  if (continuationSteps >= 0)
    what << " (Newton from the guess failed; " << continuationSteps
         << " pseudo-transient continuation steps)";
  what << ", scaled residual max |f_i| / scale_i = " << norm << " 1/s";
  if (flag < 0) {
    report.timeReached = times.front();
    report.message = m_guard.explain("KINSOL: " + (m_kinMessage.empty() ? "returned " + report.flagName
                                                                        : m_kinMessage) +
                                     "; " + what.str() + "; the last iterate is written");
    if (m_guard.fatalMessage().empty()) observer.observe(times.back(), m_y);
    return report;
  }
  report.complete = true;
  report.timeReached = times.back();
  report.message = what.str();
  observer.observe(times.back(), m_y);
  return report;
}

KinsolSteadySolver::KinsolSteadySolver(System& system, SteadyOptions options)
    : m_impl(std::make_unique<Impl>(system, options)) {}
KinsolSteadySolver::~KinsolSteadySolver() = default;
SolverReport KinsolSteadySolver::run(std::span<const double> times, StateObserver& observer) {
  return m_impl->run(times, observer);
}
const std::string& KinsolSteadySolver::method() const { return m_impl->method(); }

}  // namespace proscale
