#include "solvers/ModelBridge.h"

#include <cmath>
#include <exception>
#include <span>

#include "core/Errors.h"
#include "core/NumberFormat.h"
#include "solvers/BorderedPreconditioner.h"
#include "core/CompressedRows.h"
#include "solvers/ForwardSensitivities.h"

namespace proscale {
namespace {

std::span<double> view(N_Vector v) {
  return {N_VGetArrayPointer(v), static_cast<std::size_t>(N_VGetLength(v))};
}

std::string format(double x) { return formatNumber(x, 9); }

}  // namespace

ModelBridge::ModelBridge(System& system, JacobianCopy copy)
    : m_system(system), m_copy(std::move(copy)), m_jacobian(system.jacobianShape()) {}

ModelBridge::~ModelBridge() = default;

void ModelBridge::enablePreconditioner() {
  m_preconditioner = std::make_unique<BorderedPreconditioner>(m_system.jacobianShape());
}

int ModelBridge::rhs(sunrealtype t, N_Vector y, N_Vector ydot, void* self) {
  return static_cast<ModelBridge*>(self)->evaluateRhs(t, y, ydot);
}

int ModelBridge::sensitivityRhs(int, sunrealtype t, N_Vector y, N_Vector, int iS, N_Vector yS,
                                N_Vector ySdot, void* self, N_Vector work1, N_Vector work2) {
  return static_cast<ModelBridge*>(self)->evaluateSensitivityRhs(iS, t, y, yS, ySdot, work1,
                                                                 work2);
}

int ModelBridge::roots(sunrealtype t, N_Vector y, sunrealtype* g, void* self) {
  return static_cast<ModelBridge*>(self)->evaluateRoots(t, y, g);
}

int ModelBridge::jacobian(sunrealtype t, N_Vector y, N_Vector fy, SUNMatrix J, void* self,
                          N_Vector, N_Vector, N_Vector) {
  return static_cast<ModelBridge*>(self)->evaluateJacobian(t, y, fy, J);
}

int ModelBridge::preconditionerSetup(sunrealtype t, N_Vector y, N_Vector fy, sunbooleantype jok,
                                     sunbooleantype* jcur, sunrealtype gamma, void* self) {
  return static_cast<ModelBridge*>(self)->setupPreconditioner(t, y, fy, jok != SUNFALSE, jcur,
                                                              gamma);
}

int ModelBridge::preconditionerSolve(sunrealtype t, N_Vector, N_Vector, N_Vector r, N_Vector z,
                                     sunrealtype, sunrealtype, int, void* self) {
  return static_cast<ModelBridge*>(self)->solvePreconditioner(t, r, z);
}

int ModelBridge::jacobianTimesSetup(sunrealtype t, N_Vector y, N_Vector fy, void* self) {
  return static_cast<ModelBridge*>(self)->setupJacobianTimes(t, y, fy);
}

int ModelBridge::jacobianTimes(N_Vector v, N_Vector Jv, sunrealtype t, N_Vector y, N_Vector,
                               void* self, N_Vector) {
  return static_cast<ModelBridge*>(self)->multiplyJacobian(t, y, v, Jv);
}

template <class Action>
int ModelBridge::guarded(const char* where, double t, Action&& action) noexcept {
  try {
    return action();
  } catch (const RecoverableError& e) {
    try {
      return failRecoverable(std::string(where) + " at t = " + format(t) + " s: " + e.what());
    } catch (...) {
      return 1;
    }
  } catch (const std::exception& e) {
    return failFatal(where, t, e.what());
  } catch (...) {
    return failFatal(where, t, "unknown exception");
  }
}

int ModelBridge::evaluateRhs(double t, N_Vector y, N_Vector ydot) noexcept {
  return guarded("model's right-hand side", t, [&] {
    if (stopRequested()) return -1;  // CVODE stops at once; the integrator reports why
    const std::span<double> out = view(ydot);
    m_system.rhs(t, view(y), out);
    for (std::size_t i = 0; i < out.size(); ++i)
      if (!std::isfinite(out[i]))
        return failRecoverable("non-finite time derivative of " +
                               m_system.layout().componentLabel(i) + " (" + format(out[i]) +
                               ") at t = " + format(t) + " s");
    return 0;
  });
}

int ModelBridge::evaluateSensitivityRhs(int k, double t, N_Vector y, N_Vector s, N_Vector sdot,
                                        N_Vector work1, N_Vector work2) noexcept {
  return guarded("sensitivity right-hand side", t, [&] {
    m_sensitivities->rhs(k, t, y, s, sdot, work1, work2);
    const std::span<double> out = view(sdot);
    for (std::size_t i = 0; i < out.size(); ++i)
      if (!std::isfinite(out[i]))
        return failRecoverable("non-finite sensitivity derivative of " +
                               m_system.layout().componentLabel(i) + " at t = " + format(t) +
                               " s");
    return 0;
  });
}

int ModelBridge::evaluateRoots(double t, N_Vector y, double* g) noexcept {
  const int flag = guarded("model's root functions", t, [&] {
    const std::span<double> out(g, m_system.rootCount());
    m_system.roots(t, view(y), out);
    for (std::size_t i = 0; i < out.size(); ++i)
      if (!std::isfinite(out[i]))
        return failFatal("model's root functions", t,
                         ("root function " + std::to_string(i) + " is not finite").c_str());
    return 0;
  });
  return flag > 0 ? -1 : flag;  // CVODE has no recovery from a failed root function
}

int ModelBridge::evaluateJacobian(double t, N_Vector y, N_Vector fy, SUNMatrix J) noexcept {
  return guarded("model's Jacobian", t, [&] {
    m_jacobian.setZero();
    m_system.jacobian(t, view(y), view(fy), m_jacobian);
    if (!m_jacobian.allFinite()) return nonFiniteJacobian(t);
    m_copy(m_jacobian, J);
    return 0;
  });
}

int ModelBridge::setupPreconditioner(double t, N_Vector y, N_Vector fy, bool jok,
                                     sunbooleantype* jcur, double gamma) noexcept {
  return guarded("model's Jacobian (preconditioner setup)", t, [&] {
    *jcur = SUNFALSE;
    if (!jok) {
      m_jacobian.setZero();
      m_system.jacobian(t, view(y), view(fy), m_jacobian);
      if (!m_jacobian.allFinite()) return nonFiniteJacobian(t);
      m_preconditioner->save(m_jacobian);
      *jcur = SUNTRUE;
    }
    const std::size_t pivot = m_preconditioner->setup(gamma);
    if (pivot == 0) return 0;
    // I - gamma J~ singular (to working precision): CVODE retries with a smaller step.
    return failRecoverable("zero pivot at " + m_system.layout().componentLabel(pivot - 1) +
                           " factoring the preconditioner I - gamma J at t = " + format(t) +
                           " s, gamma = " + format(gamma) + " s");
  });
}

int ModelBridge::solvePreconditioner(double t, N_Vector r, N_Vector z) noexcept {
  return guarded("bordered preconditioner solve", t, [&] {
    m_preconditioner->solve(N_VGetArrayPointer(r), N_VGetArrayPointer(z));
    return 0;
  });
}

int ModelBridge::setupJacobianTimes(double t, N_Vector y, N_Vector fy) noexcept {
  return guarded("model's Jacobian (for Jacobian-vector products)", t, [&] {
    if (m_system.hasOwnJacobianProducts())
      return m_system.prepareJacobianProducts(t, view(y)) ? 0 : nonFiniteJacobian(t);
    if (!m_current) {
      m_current = std::make_unique<BorderedBandJacobian>(m_system.jacobianShape());
      m_currentRows = std::make_unique<CompressedRows>();
    }
    m_current->setZero();
    m_system.jacobian(t, view(y), view(fy), *m_current);
    if (!m_currentRows->assign(*m_current)) return nonFiniteJacobian(t);  // a NaN is non-zero
    return 0;
  });
}

int ModelBridge::multiplyJacobian(double t, N_Vector y, N_Vector v, N_Vector Jv) noexcept {
  return guarded("model's Jacobian-vector product", t, [&] {
    // J~ at the current state (setupJacobianTimes, once per Newton iteration) and the
    // remainder there: the exact J v without a right-hand side.
    const std::span<double> out = view(Jv);
    if (m_system.hasOwnJacobianProducts()) {
      m_system.jacobianTimes(view(v), out);
    } else {
      m_currentRows->multiply(view(v), out);
      m_system.addJacobianRemainderTimes(t, view(y), view(v), out);
    }
    for (double x : out)
      if (!std::isfinite(x))
        return failRecoverable("non-finite Jacobian-vector product at t = " + format(t) + " s");
    return 0;
  });
}

int ModelBridge::nonFiniteJacobian(double t) {
  return failRecoverable("non-finite entry in the model's Jacobian at t = " + format(t) + " s");
}

int ModelBridge::failRecoverable(std::string message) noexcept {
  m_recoverable = std::move(message);  // move-assignment of std::string does not throw
  return 1;
}

bool ModelBridge::stopRequested() {
  if (m_observer == nullptr) return false;
  if (m_stop.empty()) m_stop = m_observer->stopReason();
  return !m_stop.empty();
}

int ModelBridge::failFatal(const char* where, double t, const char* what) noexcept {
  try {
    m_fatal = std::string(what) + " (in the " + where + " at t = " + format(t) + " s)";
  } catch (...) {
    // Out of memory while describing the failure: CVODE still stops; the report says so.
  }
  return -1;
}

}  // namespace proscale
