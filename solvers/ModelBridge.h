#pragma once
// The C callbacks CVODE calls, forwarding to an System: right-hand side, Jacobian (direct
// solvers), preconditioner setup and solve (GMRES). Nothing thrown by the model crosses into
// SUNDIALS: RecoverableError, non-finite derivatives and a singular preconditioner become
// return value 1 (CVODE retries with a smaller step), any other exception becomes -1 (CVODE
// stops) with its message kept here for the SolverReport. Internal to proscale_solvers.
#include <functional>
#include <memory>
#include <string>

#include <sundials/sundials_matrix.h>
#include <sundials/sundials_nvector.h>

#include "core/System.h"

namespace proscale {

class BorderedPreconditioner;
class CompressedRows;
class ForwardSensitivities;

class ModelBridge {
 public:
  using JacobianCopy = std::function<void(const BorderedBandJacobian&, SUNMatrix)>;

  /// `copy` moves the model's Jacobian into CVODE's matrix (unused for a difference-quotient one).
  ModelBridge(System& system, JacobianCopy copy);
  ~ModelBridge();
  ModelBridge(const ModelBridge&) = delete;
  ModelBridge& operator=(const ModelBridge&) = delete;

  /// Equips the bridge for preconditionerSetup/Solve (a bordered LU of I - gamma J).
  void enablePreconditioner();

  /// Routes CVODES' sensitivity right-hand side to `sensitivities` (kept by reference).
  void enableSensitivities(ForwardSensitivities& sensitivities) { m_sensitivities = &sensitivities; }

  /// CVRhsFn; user_data is the ModelBridge.
  static int rhs(sunrealtype t, N_Vector y, N_Vector ydot, void* self);
  /// CVSensRhs1Fn: sensitivity iS's right-hand side (ForwardSensitivities::rhs), guarded as rhs.
  static int sensitivityRhs(int Ns, sunrealtype t, N_Vector y, N_Vector ydot, int iS,
                            N_Vector yS, N_Vector ySdot, void* self, N_Vector work1,
                            N_Vector work2);
  /// CVRootFn: the system's root functions g_i(t, y), guarded as rhs (a failure is fatal).
  static int roots(sunrealtype t, N_Vector y, sunrealtype* g, void* self);
  /// CVLsJacFn; user_data is the ModelBridge.
  static int jacobian(sunrealtype t, N_Vector y, N_Vector fy, SUNMatrix J, void* self,
                      N_Vector, N_Vector, N_Vector);
  /// CVLsPrecSetupFn: on jok == false evaluates the model's Jacobian and saves it (*jcur set),
  /// otherwise reuses the saved one; then factors I - gamma J. A zero pivot is recoverable (1).
  static int preconditionerSetup(sunrealtype t, N_Vector y, N_Vector fy, sunbooleantype jok,
                                 sunbooleantype* jcur, sunrealtype gamma, void* self);
  /// CVLsJacTimesSetupFn, called before each linear solve (each Newton iteration): evaluates
  /// J~ at (t, y) for the products that follow.
  static int jacobianTimesSetup(sunrealtype t, N_Vector y, N_Vector fy, void* self);
  /// CVLsJacTimesVecFn: Jv = J~ v with J~ of the last jacobianTimesSetup, plus the system's
  /// remainder (J - J~) v at (t, y) (System::addJacobianRemainderTimes): the exact J v.
  static int jacobianTimes(N_Vector v, N_Vector Jv, sunrealtype t, N_Vector y, N_Vector fy,
                           void* self, N_Vector tmp);
  /// CVLsPrecSolveFn: z = (I - gamma J)^-1 r with the factors of the last setup.
  static int preconditionerSolve(sunrealtype t, N_Vector y, N_Vector fy, N_Vector r, N_Vector z,
                                 sunrealtype gamma, sunrealtype delta, int lr, void* self);

  /// The message of the exception that made a callback fail fatally (empty if none).
  const std::string& fatalMessage() const { return m_fatal; }
  /// The last recoverable failure (RecoverableError text or non-finite derivative).
  const std::string& recoverableMessage() const { return m_recoverable; }
  void clearRecoverable() { m_recoverable.clear(); }
  void clearAll() { m_fatal.clear(); m_recoverable.clear(); m_stop.clear(); }

  /// Asks `observer` (kept by reference; null: nobody) before every right-hand side whether
  /// the run must stop (StateObserver::stopReason); if so the callback fails fatally.
  void watch(const StateObserver* observer) { m_observer = observer; }
  /// True once the watched observer asked to stop; the reason is stopReason().
  bool stopRequested();
  const std::string& stopReason() const { return m_stop; }

 private:
  int evaluateRhs(double t, N_Vector y, N_Vector ydot) noexcept;
  int evaluateSensitivityRhs(int k, double t, N_Vector y, N_Vector s, N_Vector sdot,
                             N_Vector work1, N_Vector work2) noexcept;
  int evaluateRoots(double t, N_Vector y, double* g) noexcept;
  int evaluateJacobian(double t, N_Vector y, N_Vector fy, SUNMatrix J) noexcept;
  int setupPreconditioner(double t, N_Vector y, N_Vector fy, bool jok, sunbooleantype* jcur,
                          double gamma) noexcept;
  int solvePreconditioner(double t, N_Vector r, N_Vector z) noexcept;
  int setupJacobianTimes(double t, N_Vector y, N_Vector fy) noexcept;
  int multiplyJacobian(double t, N_Vector y, N_Vector v, N_Vector Jv) noexcept;
  /// Runs `action`, turning its exceptions into CVODE's return codes (see the file comment).
  template <class Action>
  int guarded(const char* where, double t, Action&& action) noexcept;
  /// A NaN or inf in the Jacobian (a NaN slope would stall Newton without a reason).
  int nonFiniteJacobian(double t);
  int failRecoverable(std::string message) noexcept;
  int failFatal(const char* where, double t, const char* what) noexcept;

  System& m_system;
  JacobianCopy m_copy;
  BorderedBandJacobian m_jacobian;
  std::unique_ptr<BorderedPreconditioner> m_preconditioner;  // only for a Krylov solver
  std::unique_ptr<BorderedBandJacobian> m_current;  // J~ at the state of the Newton iterate
  std::unique_ptr<CompressedRows> m_currentRows;    // its non-zeros, for the products
  ForwardSensitivities* m_sensitivities = nullptr;  // only with sensitivities
  std::string m_fatal;
  std::string m_recoverable;
  const StateObserver* m_observer = nullptr;
  std::string m_stop;  // the observer's reason to stop, once it gave one
};

}  // namespace proscale
