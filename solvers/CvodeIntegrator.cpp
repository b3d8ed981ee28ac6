#include "solvers/CvodeIntegrator.h"

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include <cvodes/cvodes.h>
#include <cvodes/cvodes_ls.h>
#include <nvector/nvector_serial.h>

#include "solvers/FastSerialVector.h"
#include "solvers/ForwardSensitivities.h"
#include "solvers/LinearSystem.h"
#include "solvers/ModelBridge.h"
#include "solvers/SunHandles.h"

namespace proscale {
namespace {

constexpr int kEndedByEvent = 100;  // advance(): a root's handler ended the run

std::string flagName(int flag) {
  char* name = CVodeGetReturnFlagName(flag);  // malloc'ed by CVODES
  std::string result = name != nullptr ? name : "CV_UNKNOWN";
  std::free(name);
  return result;
}

IntegratorOptions validated(const IntegratorOptions& o) {
  auto fail = [](const std::string& what) { throw std::invalid_argument("integrator: " + what); };
  if (!(o.rtol > 0 && o.rtol < 1)) fail("rtol must lie in (0, 1)");
  if (!(o.atol > 0) || !std::isfinite(o.atol)) fail("atol must be positive");
  if (o.maxSteps < 1) fail("maxSteps must be at least 1");
  if (o.maxOrder < 1 || o.maxOrder > 5) fail("maxOrder must lie in 1..5");
  if (!(o.initialStep >= 0) || !(o.maxStep >= 0)) fail("step sizes must not be negative");
  if (o.krylovDimension < 1 || o.krylovDimension > 500) fail("krylovDimension must lie in 1..500");
  if (!(o.linearToleranceFactor > 0 && o.linearToleranceFactor <= 1))
    fail("linearToleranceFactor must lie in (0, 1]");
  return o;
}

// Size of the state, checked against the Jacobian's declared structure.
sunindextype checkedSize(const System& system) {
  const std::size_t n = system.size();
  if (n == 0) throw std::invalid_argument("integrator: the system has no unknowns");
  const BorderedBandShape shape = system.jacobianShape();
  if (shape.size() != n)
    throw std::invalid_argument("integrator: the Jacobian shape has " +
                                std::to_string(shape.size()) + " unknowns, the state layout " +
                                std::to_string(n));
  return static_cast<sunindextype>(n);
}

// The state vector, with the fast kernels installed before anything (CVODE, GMRES) clones it,
// so that every vector cloned from it inherits them.
sun::Vector newStateVector(sunindextype length, SUNContext context) {
  sun::Vector y = sun::checked(sun::Vector(N_VNew_Serial(length, context)), "state");
#ifdef PROSCALE_FAST_VECTOR_KERNELS  // SUNDIALS built without optimisation (CMake's check)
  sun::installFastSerialOps(y.get());
#endif
  N_VConst(0.0, y.get());
  return y;
}

sun::Context newContext() {
  SUNContext context = nullptr;
  if (SUNContext_Create(nullptr, &context) != 0 || context == nullptr)
    throw std::runtime_error("SUNDIALS could not create a context");
  return sun::Context(context);
}

}  // namespace

class CvodeIntegrator::Impl {
 public:
  Impl(System& system, IntegratorOptions options);
  SolverReport integrate(std::span<const double> times, StateObserver& observer);
  const std::string& method() const { return m_method; }

 private:
  static void errorHandler(int code, const char*, const char*, char* message, void* self);
  void check(int flag, const char* call) const;
  std::span<double> state() const {
    return {N_VGetArrayPointer(m_y.get()), static_cast<std::size_t>(N_VGetLength(m_y.get()))};
  }
  SolverStatistics statistics() const;
  SolverReport stopped(SolverReport report, double t, double wallTime) const;
  std::string failureMessage(int flag) const;
  void attachSensitivities();
  void prepareEvents(std::span<const double> times);
  int advance(double target, SolverReport& report, double* reached);
  void restartAt(double t);
  void reportSensitivities(double t, StateObserver& observer, bool atStart);

  System& m_system;
  IntegratorOptions m_options;
  std::string m_method;
  std::string m_cvodeMessage;  // last error CVODE reported through errorHandler
  sun::Context m_context;
  sun::Vector m_y;
  LinearSystem m_linear;
  ModelBridge m_bridge;
  std::unique_ptr<ForwardSensitivities> m_sensitivities;  // only if options.sensitivities
  std::vector<double> m_stops;  // the system's stop times inside this run
  std::size_t m_nextStop = 0;
  double m_noStop = 0.0;        // a stop time beyond the run, when none is due
  sun::CvodeMemory m_cvode;  // declared last: freed before the objects it points to
};

CvodeIntegrator::Impl::Impl(System& system, IntegratorOptions options)
    : m_system(system),
      m_options(validated(options)),
      m_context(newContext()),
      m_y(newStateVector(checkedSize(system), m_context.get())),
      m_linear(makeLinearSystem(m_options, system, m_y.get(), m_context.get())),
      m_bridge(system, m_linear.copyJacobian),
      m_cvode(sun::checked(sun::CvodeMemory(CVodeCreate(CV_BDF, m_context.get())), "CVODE")) {
  const std::size_t n = system.size();
  const std::vector<double> atol = system.layout().absoluteTolerances(m_options.atol);
  for (std::size_t i = 0; i < n; ++i)
    if (!(atol[i] > 0) || !std::isfinite(atol[i]))
      throw SolverSettingError("atol", "the absolute tolerance of " +
                                           system.layout().componentLabel(i) +
                                           ", atol times its block's scale, is not a positive "
                                           "finite number");
  const auto length = static_cast<sunindextype>(n);
  void* mem = m_cvode.get();
  check(CVodeSetErrHandlerFn(mem, errorHandler, this), "CVodeSetErrHandlerFn");
  check(CVodeInit(mem, ModelBridge::rhs, 0.0, m_y.get()), "CVodeInit");
  sun::Vector tolerances =
      sun::checked(sun::Vector(N_VNew_Serial(length, m_context.get())), "tolerances");
  for (std::size_t i = 0; i < n; ++i) N_VGetArrayPointer(tolerances.get())[i] = atol[i];
  check(CVodeSVtolerances(mem, m_options.rtol, tolerances.get()), "CVodeSVtolerances");  // copies
  check(CVodeSetUserData(mem, &m_bridge), "CVodeSetUserData");
  check(CVodeSetMaxNumSteps(mem, m_options.maxSteps), "CVodeSetMaxNumSteps");
  check(CVodeSetMaxOrd(mem, m_options.maxOrder), "CVodeSetMaxOrd");
  if (m_options.initialStep > 0)
    check(CVodeSetInitStep(mem, m_options.initialStep), "CVodeSetInitStep");
  if (m_options.maxStep > 0) check(CVodeSetMaxStep(mem, m_options.maxStep), "CVodeSetMaxStep");
  check(CVodeSetLinearSolver(mem, m_linear.solver.get(), m_linear.matrix.get()),
        "CVodeSetLinearSolver");
  if (m_linear.copyJacobian) check(CVodeSetJacFn(mem, ModelBridge::jacobian), "CVodeSetJacFn");
  if (m_linear.iterative)
    check(CVodeSetEpsLin(mem, m_options.linearToleranceFactor), "CVodeSetEpsLin");
  if (m_linear.preconditioned) {
    m_bridge.enablePreconditioner();
    check(CVodeSetPreconditioner(mem, ModelBridge::preconditionerSetup,
                                 ModelBridge::preconditionerSolve),
          "CVodeSetPreconditioner");
  }
  const bool modelProducts = m_linear.preconditioned && system.hasJacobianRemainder() &&
                             m_options.products == IntegratorOptions::Products::Model;
  if (modelProducts)
    check(CVodeSetJacTimes(mem, ModelBridge::jacobianTimesSetup, ModelBridge::jacobianTimes),
          "CVodeSetJacTimes");

  if (!m_options.sensitivities.empty()) attachSensitivities();
  if (system.rootCount() > 0)
    check(CVodeRootInit(mem, static_cast<int>(system.rootCount()), ModelBridge::roots),
          "CVodeRootInit");

  m_method = "CVODE BDF (max order " + std::to_string(m_options.maxOrder) + "), Newton, " +
             m_linear.description + ", " +
             (modelProducts ? "Jacobian-vector products from the model's Jacobian and its "
                              "remainder at each Newton iterate"
              : m_linear.iterative ? "difference-quotient Jacobian-vector products"
              : m_linear.copyJacobian ? "analytic Jacobian"
                                      : "difference-quotient Jacobian");
  if (m_sensitivities)
    m_method += ", forward sensitivities to " + std::to_string(m_sensitivities->count()) +
                " parameter(s) (staggered corrector, centred directional differences)";
}

void CvodeIntegrator::Impl::attachSensitivities() {
  m_sensitivities = std::make_unique<ForwardSensitivities>(
      m_system, m_options.sensitivities, static_cast<sunindextype>(m_system.size()),
      m_context.get());
  const char* call = "";
  check(m_sensitivities->attach(m_cvode.get(), m_options.rtol, &call), call);
  m_bridge.enableSensitivities(*m_sensitivities);
}

// Hands dy/dp at the output time just reached (zero at the start) to an observer that wants it.
void CvodeIntegrator::Impl::reportSensitivities(double t, StateObserver& observer, bool atStart) {
  auto* wants = dynamic_cast<SensitivityObserver*>(&observer);
  if (!m_sensitivities || wants == nullptr) return;
  if (!atStart) check(m_sensitivities->fetch(m_cvode.get()), "CVodeGetSens");
  wants->observeSensitivities(t, m_sensitivities->values());
}

void CvodeIntegrator::Impl::errorHandler(int code, const char*, const char*, char* message,
                                         void* self) {
  // Replaces CVODE's default handler (which prints to stderr); warnings are dropped.
  if (code == CV_WARNING || message == nullptr) return;
  try {
    static_cast<Impl*>(self)->m_cvodeMessage = message;
  } catch (...) {
  }
}

void CvodeIntegrator::Impl::check(int flag, const char* call) const {
  if (flag >= 0) return;
  throw std::runtime_error(std::string(call) + " failed with flag " + std::to_string(flag) +
                           (m_cvodeMessage.empty() ? "" : ": " + m_cvodeMessage));
}

SolverStatistics CvodeIntegrator::Impl::statistics() const {
  void* mem = m_cvode.get();
  SolverStatistics s;
  long rhs = 0, rhsForJacobian = 0;
  CVodeGetNumSteps(mem, &s.steps);
  CVodeGetNumRhsEvals(mem, &rhs);
  CVodeGetNumLinRhsEvals(mem, &rhsForJacobian);
  s.rhsEvaluations = rhs + rhsForJacobian;
  long sensitivityRhs = 0;  // each is two evaluations of f (centred directional difference)
  if (m_sensitivities && CVodeGetSensNumRhsEvals(mem, &sensitivityRhs) == CV_SUCCESS)
    s.rhsEvaluations += 2 * sensitivityRhs;
  // With GMRES the model's Jacobian is evaluated only for the preconditioner (CVODE's "npe").
  if (m_linear.preconditioned) CVodeGetNumPrecEvals(mem, &s.jacobianEvaluations);
  else CVodeGetNumJacEvals(mem, &s.jacobianEvaluations);
  CVodeGetNumLinSolvSetups(mem, &s.linearSetups);
  CVodeGetNumNonlinSolvIters(mem, &s.nonlinearIterations);
  CVodeGetNumLinIters(mem, &s.linearIterations);
  CVodeGetNumNonlinSolvConvFails(mem, &s.nonlinearConvergenceFailures);
  CVodeGetNumErrTestFails(mem, &s.errorTestFailures);
  return s;
}

// Ended because the observer asked (StateObserver::stopReason): incomplete, flag STOPPED.
SolverReport CvodeIntegrator::Impl::stopped(SolverReport report, double t, double wallTime) const {
  report.complete = false;
  report.timeReached = t;
  report.flagName = "STOPPED";
  report.message = m_bridge.stopReason();
  report.statistics = statistics();
  report.statistics.wallTime = wallTime;
  return report;
}

// The model's reason first (a fatal exception, or the last recoverable failure since the last
// output time: non-finite derivative, RecoverableError), then CVODE's own message.
std::string CvodeIntegrator::Impl::failureMessage(int flag) const {
  const std::string cvode =
      m_cvodeMessage.empty() ? "CVODE returned " + flagName(flag) : m_cvodeMessage;
  if (!m_bridge.fatalMessage().empty()) return m_bridge.fatalMessage() + " [CVODE: " + cvode + "]";
  if (!m_bridge.recoverableMessage().empty())
    return "the model failed recoverably, last: " + m_bridge.recoverableMessage() + " [CVODE: " +
           cvode + "]";
  return cvode;
}

// The stop times of the system inside (t0, t_end], checked ascending.
void CvodeIntegrator::Impl::prepareEvents(std::span<const double> times) {
  m_stops.clear();
  m_nextStop = 0;
  const std::vector<double> stops = m_system.stopTimes();
  for (std::size_t i = 0; i < stops.size(); ++i) {
    if (!std::isfinite(stops[i]) || (i > 0 && !(stops[i] > stops[i - 1])))
      throw std::invalid_argument("integrate: the system's stop times must be finite and "
                                  "strictly ascending");
    if (stops[i] > times.front() && stops[i] <= times.back()) m_stops.push_back(stops[i]);
  }
  m_noStop = times.back() + (times.back() - times.front()) + 1.0;
}

// A fresh start at t from the current state (after an event changed the state or the model's
// equations): order 1, new step size; sensitivities continue from their values at t (jumps of
// the state at the event are not carried into them).
void CvodeIntegrator::Impl::restartAt(double t) {
  void* mem = m_cvode.get();
  check(CVodeReInit(mem, t, m_y.get()), "CVodeReInit");
  if (m_sensitivities) check(m_sensitivities->continueFrom(mem), "CVodeSensReInit");
}

// Advances to `target`, stopping at the system's stop times and roots on the way and handing
// each to the system (the events are added to the report). Returns a failing CVODE flag (< 0),
// kEndedByEvent when a root's handler ended the run at *reached, or CV_SUCCESS at target.
int CvodeIntegrator::Impl::advance(double target, SolverReport& report, double* reached) {
  void* mem = m_cvode.get();
  while (true) {
    const bool stopFirst = m_nextStop < m_stops.size() && m_stops[m_nextStop] <= target;
    const double goal = stopFirst ? m_stops[m_nextStop] : target;
    // CVODE steps past tout and interpolates back, but never past a stop time: the next one
    // is set even when an output comes first.
    if (!m_stops.empty())
      check(CVodeSetStopTime(mem, m_nextStop < m_stops.size() ? m_stops[m_nextStop] : m_noStop),
            "CVodeSetStopTime");
    sunrealtype t = goal;
    const int flag = CVode(mem, goal, m_y.get(), &t, CV_NORMAL);
    *reached = t;
    if (flag < 0) return flag;
    if (flag == CV_ROOT_RETURN) {
      std::vector<int> found(m_system.rootCount(), 0);
      check(CVodeGetRootInfo(mem, found.data()), "CVodeGetRootInfo");
      bool goOn = true;
      for (std::size_t r = 0; r < found.size(); ++r)
        if (found[r] != 0) {
          report.events.push_back({t, "root " + std::to_string(r)});
          goOn = m_system.atRoot(r, t, state()) && goOn;
        }
      if (!goOn) return kEndedByEvent;
      restartAt(t);
      if (t < goal) continue;
    }
    if (!stopFirst) return CV_SUCCESS;
    report.events.push_back({goal, "stop time"});
    m_system.atStopTime(goal, state());
    ++m_nextStop;
    restartAt(goal);
    if (goal == target) return CV_SUCCESS;
  }
}

SolverReport CvodeIntegrator::Impl::integrate(std::span<const double> times,
                                              StateObserver& observer) {
  if (times.empty()) throw std::invalid_argument("integrate: no output times");
  for (std::size_t i = 0; i < times.size(); ++i)
    if (!std::isfinite(times[i]) || (i > 0 && !(times[i] > times[i - 1])))
      throw std::invalid_argument("integrate: output times must be finite and strictly ascending");

  SolverReport report;
  report.method = m_method;
  m_bridge.clearAll();
  m_cvodeMessage.clear();
  m_bridge.watch(&observer);
  struct Unwatch {
    ModelBridge& bridge;
    ~Unwatch() { bridge.watch(nullptr); }
  } unwatch{m_bridge};
  const double t0 = times.front();
  m_system.initialState(state());
  for (std::size_t i = 0; i < state().size(); ++i)
    if (!std::isfinite(state()[i])) {
      report.timeReached = t0;
      report.flagName = "CV_ILL_INPUT";
      report.message = "initial value of " + m_system.layout().componentLabel(i) +
                       " is not finite";
      return report;
    }
  void* mem = m_cvode.get();
  prepareEvents(times);
  check(CVodeReInit(mem, t0, m_y.get()), "CVodeReInit");
  if (m_sensitivities) check(m_sensitivities->restart(mem), "CVodeSensReInit");
  observer.observe(t0, state());
  reportSensitivities(t0, observer, true);
  if (m_bridge.stopRequested()) return stopped(std::move(report), t0, 0.0);

  std::chrono::steady_clock::duration inside{};
  for (std::size_t i = 1; i < times.size(); ++i) {
    double reached = t0;
    const auto start = std::chrono::steady_clock::now();
    const int flag = advance(times[i], report, &reached);
    inside += std::chrono::steady_clock::now() - start;
    if (flag == kEndedByEvent) {
      observer.observe(reached, state());
      reportSensitivities(reached, observer, false);
      report.complete = true;
      report.endedByEvent = true;
      report.timeReached = reached;
      report.flagName = "CV_ROOT_RETURN";
      report.message = "ended by the model at an event";
      report.statistics = statistics();
      report.statistics.wallTime = std::chrono::duration<double>(inside).count();
      return report;
    }
    if (flag < 0) {
      sunrealtype tCurrent = t0;
      CVodeGetCurrentTime(mem, &tCurrent);
      const bool stop = !m_bridge.stopReason().empty();
      // The state at the farthest time reached (CVODE's Nordsieck zn[0]); skipped when no step
      // was taken past the last observed output, whose state the observer already has.
      if (tCurrent > times[i - 1] && CVodeGetDky(mem, tCurrent, 0, m_y.get()) == CV_SUCCESS)
        observer.observe(tCurrent, state());
      if (stop) return stopped(std::move(report), tCurrent, std::chrono::duration<double>(inside).count());
      report.timeReached = tCurrent;
      report.flagName = flagName(flag);
      report.message = failureMessage(flag);
      report.statistics = statistics();
      report.statistics.wallTime = std::chrono::duration<double>(inside).count();
      return report;
    }
    m_bridge.clearRecoverable();
    observer.observe(times[i], state());
    reportSensitivities(times[i], observer, false);
    if (m_bridge.stopRequested())
      return stopped(std::move(report), times[i], std::chrono::duration<double>(inside).count());
  }
  report.complete = true;
  report.timeReached = times.back();
  report.flagName = flagName(CV_SUCCESS);
  report.statistics = statistics();
  report.statistics.wallTime = std::chrono::duration<double>(inside).count();
  return report;
}

CvodeIntegrator::CvodeIntegrator(System& system, IntegratorOptions options)
    : m_impl(std::make_unique<Impl>(system, options)) {}
CvodeIntegrator::~CvodeIntegrator() = default;
CvodeIntegrator::CvodeIntegrator(CvodeIntegrator&&) noexcept = default;
CvodeIntegrator& CvodeIntegrator::operator=(CvodeIntegrator&&) noexcept = default;

SolverReport CvodeIntegrator::run(std::span<const double> outputTimes,
                                        StateObserver& observer) {
  return m_impl->integrate(outputTimes, observer);
}

const std::string& CvodeIntegrator::method() const { return m_impl->method(); }

}  // namespace proscale
