#include "solvers/IdasIntegrator.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include <idas/idas.h>
#include <idas/idas_ls.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#include "solvers/CallbackGuard.h"
#include "solvers/LinearSystem.h"
#include "solvers/SunHandles.h"

namespace proscale {
namespace {

struct IdaFree {
  void operator()(void* mem) const noexcept { IDAFree(&mem); }
};
using IdaMemory = std::unique_ptr<void, IdaFree>;

std::string flagName(int flag) {
  char* name = IDAGetReturnFlagName(flag);  // malloc'ed by IDAS
  std::string result = name != nullptr ? name : "IDA_UNKNOWN";
  std::free(name);
  return result;
}

std::span<double> view(N_Vector v) {
  return {N_VGetArrayPointer(v), static_cast<std::size_t>(N_VGetLength(v))};
}

sun::Vector filled(std::span<const double> values, SUNContext context) {
  sun::Vector v = sun::checked(
      sun::Vector(N_VNew_Serial(static_cast<sunindextype>(values.size()), context)), "vector");
  std::copy(values.begin(), values.end(), N_VGetArrayPointer(v.get()));
  return v;
}

}  // namespace

class IdasIntegrator::Impl {
 public:
  Impl(System& system, IntegratorOptions options);
  SolverReport run(std::span<const double> times, StateObserver& observer);
  const std::string& method() const { return m_method; }

 private:
  static int residual(sunrealtype t, N_Vector y, N_Vector yp, N_Vector F, void* self);
  static int jacobian(sunrealtype t, sunrealtype cj, N_Vector y, N_Vector yp, N_Vector F,
                      SUNMatrix J, void* self, N_Vector, N_Vector, N_Vector);
  static void errorHandler(int code, const char*, const char*, char* message, void* self);
  void check(int flag, const char* call) const;
  SolverReport failed(int flag, double t, SolverReport report) const;
  SolverStatistics statistics() const;

  System& m_system;
  IntegratorOptions m_options;
  std::string m_method, m_idaMessage;
  CallbackGuard m_guard;
  BorderedBandJacobian m_jacobian;
  sun::Context m_context;
  sun::Vector m_y, m_yp;
  sun::Matrix m_matrix;
  sun::LinearSolver m_solver;
  IdaMemory m_ida;  // declared last: freed first
};

IdasIntegrator::Impl::Impl(System& system, IntegratorOptions options)
    : m_system(system), m_options(options), m_jacobian(system.jacobianShape()) {
  const std::size_t n = system.size();
  if (n == 0) throw std::invalid_argument("IDAS: the system has no unknowns");
  if (!system.stopTimes().empty() || system.rootCount() > 0)
    throw std::invalid_argument("IDAS: the system has stop times or roots, which only the "
                                "cvodes solver handles so far");
  SUNContext context = nullptr;
  if (SUNContext_Create(nullptr, &context) != 0) throw std::runtime_error("no SUNDIALS context");
  m_context.reset(context);
  const std::vector<double> zeros(n, 0.0);
  m_y = filled(zeros, context);
  m_yp = filled(zeros, context);
  const auto size = static_cast<sunindextype>(n);
  m_matrix = sun::checked(sun::Matrix(SUNDenseMatrix(size, size, context)), "dense matrix");
  m_solver = sun::checked(sun::LinearSolver(SUNLinSol_Dense(m_y.get(), m_matrix.get(), context)),
                          "dense linear solver");
  m_ida.reset(IDACreate(context));
  if (!m_ida) throw std::runtime_error("SUNDIALS could not create IDAS");
  void* mem = m_ida.get();
  check(IDASetErrHandlerFn(mem, errorHandler, this), "IDASetErrHandlerFn");
  check(IDAInit(mem, residual, 0.0, m_y.get(), m_yp.get()), "IDAInit");
  sun::Vector atol = filled(system.layout().absoluteTolerances(m_options.atol), context);
  check(IDASVtolerances(mem, m_options.rtol, atol.get()), "IDASVtolerances");  // copies
  check(IDASetUserData(mem, this), "IDASetUserData");
  check(IDASetMaxNumSteps(mem, m_options.maxSteps), "IDASetMaxNumSteps");
  check(IDASetMaxOrd(mem, m_options.maxOrder), "IDASetMaxOrd");
  if (m_options.initialStep > 0) check(IDASetInitStep(mem, m_options.initialStep), "IDASetInitStep");
  if (m_options.maxStep > 0) check(IDASetMaxStep(mem, m_options.maxStep), "IDASetMaxStep");
  sun::Vector id = filled(system.layout().differentialIds(), context);
  check(IDASetId(mem, id.get()), "IDASetId");  // copies
  const std::vector<double> nonNegative = system.layout().nonNegativity();
  if (std::any_of(nonNegative.begin(), nonNegative.end(), [](double c) { return c != 0.0; })) {
    sun::Vector constraints = filled(nonNegative, context);
    check(IDASetConstraints(mem, constraints.get()), "IDASetConstraints");
  }
  check(IDASetLinearSolver(mem, m_solver.get(), m_matrix.get()), "IDASetLinearSolver");
  if (system.hasJacobian()) check(IDASetJacFn(mem, jacobian), "IDASetJacFn");
  m_method = "IDAS BDF (max order " + std::to_string(m_options.maxOrder) +
             "), Newton, dense direct, " +
             (system.hasJacobian() ? "analytic Jacobian" : "difference-quotient Jacobian") +
             ", consistent initial conditions by IDACalcIC";
}

int IdasIntegrator::Impl::residual(sunrealtype t, N_Vector y, N_Vector yp, N_Vector F, void* self) {
  auto* me = static_cast<Impl*>(self);
  return me->m_guard("model's residual", t, [&] {
    me->m_system.residual(t, view(y), view(yp), view(F));
    return me->m_guard.checkFinite(view(F), me->m_system.layout(), "residual", t);
  });
}

int IdasIntegrator::Impl::jacobian(sunrealtype t, sunrealtype cj, N_Vector y, N_Vector yp,
                                   N_Vector, SUNMatrix J, void* self, N_Vector, N_Vector,
                                   N_Vector) {
  auto* me = static_cast<Impl*>(self);
  return me->m_guard("model's Jacobian", t, [&] {
    me->m_jacobian.setZero();
    me->m_system.residualJacobian(t, view(y), view(yp), cj, me->m_jacobian);
    copyToDense(me->m_jacobian, J);
    return 0;
  });
}

void IdasIntegrator::Impl::errorHandler(int code, const char*, const char*, char* message,
                                        void* self) {
  if (code == IDA_WARNING || message == nullptr) return;
  try {
    static_cast<Impl*>(self)->m_idaMessage = message;
  } catch (...) {
  }
}

void IdasIntegrator::Impl::check(int flag, const char* call) const {
  if (flag >= 0) return;
  throw std::runtime_error(std::string(call) + " failed with flag " + std::to_string(flag) +
                           (m_idaMessage.empty() ? "" : ": " + m_idaMessage));
}

SolverStatistics IdasIntegrator::Impl::statistics() const {
  void* mem = m_ida.get();
  SolverStatistics s;
  long residuals = 0, residualsForJacobian = 0;
  IDAGetNumSteps(mem, &s.steps);
  IDAGetNumResEvals(mem, &residuals);
  IDAGetNumLinResEvals(mem, &residualsForJacobian);
  s.rhsEvaluations = residuals + residualsForJacobian;
  IDAGetNumJacEvals(mem, &s.jacobianEvaluations);
  IDAGetNumLinSolvSetups(mem, &s.linearSetups);
  IDAGetNumNonlinSolvIters(mem, &s.nonlinearIterations);
  IDAGetNumNonlinSolvConvFails(mem, &s.nonlinearConvergenceFailures);
  IDAGetNumErrTestFails(mem, &s.errorTestFailures);
  return s;
}

SolverReport IdasIntegrator::Impl::failed(int flag, double t, SolverReport report) const {
  report.timeReached = t;
  report.flagName = flagName(flag);
  report.message =
      m_guard.explain("IDAS: " + (m_idaMessage.empty() ? "returned " + report.flagName : m_idaMessage));
  report.statistics = statistics();
  return report;
}

SolverReport IdasIntegrator::Impl::run(std::span<const double> times, StateObserver& observer) {
  if (times.empty()) throw std::invalid_argument("IDAS: no output times");
  for (std::size_t i = 1; i < times.size(); ++i)
    if (!(times[i] > times[i - 1])) throw std::invalid_argument("IDAS: output times must ascend");
  SolverReport report;
  report.method = m_method;
  m_guard.clear();
  m_idaMessage.clear();
  const double t0 = times.front();
  m_system.initialState(view(m_y.get()));
  N_VConst(0.0, m_yp.get());
  // y'0: for an explicit system f(t0, y0); otherwise IDACalcIC computes it (and the algebraic
  // components) from the differential values.
  if (m_system.isExplicit()) m_system.rhs(t0, view(m_y.get()), view(m_yp.get()));
  void* mem = m_ida.get();
  check(IDAReInit(mem, t0, m_y.get(), m_yp.get()), "IDAReInit");
  const auto start = std::chrono::steady_clock::now();
  auto wall = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  if (m_system.layout().hasAlgebraic() && times.size() > 1) {
    const int flag = IDACalcIC(mem, IDA_YA_YDP_INIT, times[1]);
    if (flag < 0) {
      report = failed(flag, t0, report);
      report.message = "no consistent initial state: " + report.message;
      return report;
    }
    check(IDAGetConsistentIC(mem, m_y.get(), m_yp.get()), "IDAGetConsistentIC");
  }
  // Between outputs only: IDAS runs are short (no stop check inside its residual).
  const auto stopAsked = [&](double t) {
    const std::string why = observer.stopReason();
    if (why.empty()) return false;
    report.timeReached = t;
    report.flagName = "STOPPED";
    report.message = why;
    report.statistics = statistics();
    report.statistics.wallTime = wall();
    return true;
  };
  observer.observe(t0, view(m_y.get()));
  if (stopAsked(t0)) return report;
  for (std::size_t i = 1; i < times.size(); ++i) {
    sunrealtype tReturned = t0;
    const int flag = IDASolve(mem, times[i], &tReturned, m_y.get(), m_yp.get(), IDA_NORMAL);
    if (flag < 0) {
      sunrealtype tCurrent = t0;
      IDAGetCurrentTime(mem, &tCurrent);
      report = failed(flag, tCurrent, report);
      report.statistics.wallTime = wall();
      if (tCurrent > times[i - 1] && IDAGetDky(mem, tCurrent, 0, m_y.get()) == IDA_SUCCESS)
        observer.observe(tCurrent, view(m_y.get()));
      return report;
    }
    observer.observe(times[i], view(m_y.get()));
    if (stopAsked(times[i])) return report;
  }
  report.complete = true;
  report.timeReached = times.back();
  report.flagName = flagName(IDA_SUCCESS);
  report.statistics = statistics();
  report.statistics.wallTime = wall();
  return report;
}

IdasIntegrator::IdasIntegrator(System& system, IntegratorOptions options)
    : m_impl(std::make_unique<Impl>(system, options)) {}
IdasIntegrator::~IdasIntegrator() = default;
SolverReport IdasIntegrator::run(std::span<const double> times, StateObserver& observer) {
  return m_impl->run(times, observer);
}
const std::string& IdasIntegrator::method() const { return m_impl->method(); }

}  // namespace proscale
