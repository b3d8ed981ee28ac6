#pragma once
// The contract between a model and every solver: a dynamical system in residual form
//
//     F(t, y, y', p) = 0,
//
// with the explicit ODE y' = f(t, y, p) as the common special case (F = y' - f). Models
// implement it; solvers (solvers/: CVODES, IDAS, KINSOL; later PETSc TS and SNES) drive it.
// Neither side includes the other. What a model declares:
//   * its state layout: named blocks with units, scales and roles (differential or algebraic,
//     non-negative, accumulator) -- core/StateLayout.h;
//   * the equations: rhs() for an explicit system (the default), residual() otherwise;
//   * its Jacobian's structure and, optionally, the Jacobian itself, written into a
//     JacobianSink that the solver implements -- core/JacobianSink.h;
//   * its parameters (name, SI value, unit, scale) -- core/ParameterRegistry.h;
//   * events: stop times (recipe or feed switches at known times) and root functions (switches
//     at states), with the action taken when one is reached.
#include <span>
#include <string>
#include <vector>

#include "core/BorderedBandJacobian.h"
#include "core/JacobianSink.h"
#include "core/ParameterRegistry.h"
#include "core/StateLayout.h"

namespace proscale {

class System {
 public:
  virtual ~System() = default;

  virtual const StateLayout& layout() const = 0;
  std::size_t size() const { return layout().size(); }

  virtual void initialState(std::span<double> y0) const = 0;

  // ---- equations ----
  /// True if the system is y' = f(t, y) on every component (no algebraic blocks): rhs() is
  /// implemented and residual() derives from it.
  virtual bool isExplicit() const { return true; }
  /// ydot = f(t, y). May throw RecoverableError (state outside the model's domain: the
  /// integrator retries with a smaller step) or any other exception (fatal).
  virtual void rhs(double t, std::span<const double> y, std::span<double> ydot);
  /// F(t, y, y'). The default for an explicit system is F = y' - f(t, y).
  virtual void residual(double t, std::span<const double> y, std::span<const double> yp,
                        std::span<double> F);

  // ---- Jacobian ----
  /// The Jacobian's structure as an arrow (core/BorderedBandJacobian.h). The default, border =
  /// size, declares a dense Jacobian.
  virtual BorderedBandShape jacobianShape() const { return {size(), 0, 0, 0}; }
  /// True if jacobian() is implemented (otherwise the solver differentiates numerically).
  virtual bool hasJacobian() const { return false; }
  /// True when jacobian() is the exact derivative. An approximate Jacobian (for example the
  /// banded part of a dense aggregation operator) is used only to precondition a Krylov (GMRES)
  /// solve whose Jacobian-vector products come from differences of f.
  virtual bool jacobianIsExact() const { return true; }
  /// Explicit systems: J = df/dy at (t, y); `f` is f(t, y), already evaluated.
  virtual void jacobian(double /*t*/, std::span<const double> /*y*/, std::span<const double> /*f*/,
                        JacobianSink& /*J*/) {}
  /// With an approximate jacobian(): true if addJacobianRemainderTimes() is implemented.
  virtual bool hasJacobianRemainder() const { return false; }
  /// Adds (J - J~) v at (t, y) to Jv: the product of the exact Jacobian's terms that jacobian()
  /// leaves out (the dense part of aggregation and breakage). A Krylov solver can then form
  /// J v as J~(y) v plus this remainder, both at the Newton iterate, instead of differencing f
  /// once per product (solver.jacobian-vector-products: model).
  virtual void addJacobianRemainderTimes(double /*t*/, std::span<const double> /*y*/,
                                         std::span<const double> /*v*/,
                                         std::span<double> /*Jv*/) {}
  /// True if the system forms those products J v itself (prepareJacobianProducts,
  /// jacobianTimes), more cheaply than a solver can from the assembled jacobian() and the
  /// remainder: a compartment network multiplies zone by zone, never filling its network-wide
  /// border blocks, which are mostly zeros.
  virtual bool hasOwnJacobianProducts() const { return false; }
  /// Takes J at (t, y) for the products that follow (once per Newton iteration); false if an
  /// entry there is not finite.
  virtual bool prepareJacobianProducts(double /*t*/, std::span<const double> /*y*/) {
    return false;
  }
  /// Jv = J v, the remainder included, at the (t, y) of the last prepareJacobianProducts.
  virtual void jacobianTimes(std::span<const double> /*v*/, std::span<double> /*Jv*/) {}
  /// Residual form: J = dF/dy + cj dF/dy'. The default (explicit systems) adds cj I - df/dy.
  virtual void residualJacobian(double t, std::span<const double> y, std::span<const double> yp,
                                double cj, JacobianSink& J);

  // ---- parameters ----
  /// The model's parameters; empty for a model that exposes none.
  virtual ParameterRegistry& parameters() { return m_noParameters; }

  // ---- events ----
  /// Times at which the equations change (a feed starts, a recipe step ends): an integrator
  /// stops exactly there and calls atStopTime before going on. Ascending.
  virtual std::vector<double> stopTimes() const { return {}; }
  /// Called at each stop time with the state there; may change the state (a dose) and the
  /// model's mode. The integrator restarts from the returned state.
  virtual void atStopTime(double /*t*/, std::span<double> /*y*/) {}
  /// Number of root functions g_i(t, y) whose sign changes are events.
  virtual std::size_t rootCount() const { return 0; }
  virtual void roots(double /*t*/, std::span<const double> /*y*/, std::span<double> /*g*/) {}
  /// Called when root `i` is found at (t, y); may change the state and mode. Returning false
  /// ends the integration there (complete, reported as stopped by the event).
  virtual bool atRoot(std::size_t /*i*/, double /*t*/, std::span<double> /*y*/) { return true; }

 private:
  ParameterRegistry m_noParameters;
};

/// Receives the state at output times. Writers and collectors of results are observers.
class StateObserver {
 public:
  virtual ~StateObserver() = default;
  virtual void observe(double t, std::span<const double> y) = 0;
  /// Non-empty when the run must end now (an interrupt, a time limit, results that cannot be
  /// kept): a solver asks after every output and between steps, stops at once and returns an
  /// incomplete report with flag "STOPPED" and this reason.
  virtual std::string stopReason() const { return {}; }
};

}  // namespace proscale
