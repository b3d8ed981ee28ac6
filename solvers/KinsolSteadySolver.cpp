#include "solvers/KinsolSteadySolver.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
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
  std::vector<std::size_t> m_free;   ///< state indices of the unknowns solved for
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
    for (std::size_t k = 0; k < me->m_free.size(); ++k) out[k] = me->m_f[me->m_free[k]];
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

SolverReport KinsolSteadySolver::Impl::run(std::span<const double> times, StateObserver& observer) {
  if (times.empty()) throw std::invalid_argument("KINSOL: no output times");
  SolverReport report;
  report.method = m_method;
  report.steadyState = true;
  m_guard.clear();
  m_kinMessage.clear();
  m_t = times.back();
  m_system.initialState(m_y);
  observer.observe(times.front(), m_y);
  // Scales: u_i / scale_i and f_i / scale_i (a rate of one scale per second) are O(1).
  const std::vector<double> scale = m_system.layout().absoluteTolerances(1.0);
  std::vector<double> u(m_free.size()), inverse(m_free.size());
  for (std::size_t k = 0; k < m_free.size(); ++k) {
    u[k] = std::max(m_y[m_free[k]], 0.0);
    inverse[k] = 1.0 / scale[m_free[k]];
  }
  std::copy(u.begin(), u.end(), view(m_u.get()).begin());
  sun::Vector uScale = vector(inverse), fScale = vector(inverse);
  const auto start = std::chrono::steady_clock::now();
  const int flag = KINSol(m_kin.get(), m_u.get(), KIN_LINESEARCH, uScale.get(), fScale.get());
  report.statistics.wallTime =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  void* mem = m_kin.get();
  long iterations = 0, residuals = 0, jacobians = 0;
  double norm = 0.0;
  KINGetNumNonlinSolvIters(mem, &iterations);
  KINGetNumFuncEvals(mem, &residuals);
  KINGetNumJacEvals(mem, &jacobians);
  KINGetFuncNorm(mem, &norm);
  report.statistics.nonlinearIterations = report.statistics.steps = iterations;
  report.statistics.rhsEvaluations = residuals;
  report.statistics.jacobianEvaluations = jacobians;
  report.flagName = flagName(flag);
  expand(view(m_u.get()));
  std::ostringstream what;
  what << "steady state after " << iterations << " Newton iterations, scaled residual "
       << norm;
  if (flag < 0) {
    report.timeReached = times.front();
    report.message = m_guard.explain("KINSOL: " + (m_kinMessage.empty() ? "returned " + report.flagName
                                                                        : m_kinMessage) +
                                     "; " + what.str());
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
