#pragma once
// The narrow interface between a model and an ODE integrator: y' = f(t, y).
// Models implement it; solvers (solvers/) drive it. Neither side includes the other.
#include <span>

#include "core/BorderedBandJacobian.h"
#include "core/StateLayout.h"

namespace proscale {

class OdeSystem {
 public:
  virtual ~OdeSystem() = default;

  virtual const StateLayout& layout() const = 0;
  std::size_t size() const { return layout().size(); }

  virtual void initialState(std::span<double> y0) const = 0;

  /// ydot = f(t, y). May throw RecoverableError (state outside the model's domain: the
  /// integrator retries with a smaller step) or any other exception (fatal).
  virtual void rhs(double t, std::span<const double> y, std::span<double> ydot) = 0;

  /// The Jacobian's structure. The default, border = size, declares a dense Jacobian.
  virtual BorderedBandShape jacobianShape() const { return {size(), 0, 0, 0}; }
  /// True if jacobian() is implemented (otherwise the solver differentiates numerically).
  virtual bool hasJacobian() const { return false; }
  /// True when jacobian() is the exact df/dy. An approximate Jacobian (for example the banded
  /// part of a dense aggregation operator) is used only to precondition a Krylov (GMRES)
  /// solve whose Jacobian-vector products come from differences of f.
  virtual bool jacobianIsExact() const { return true; }
  /// J = df/dy at (t, y); `f` is f(t, y), already evaluated. J has jacobianShape().
  virtual void jacobian(double /*t*/, std::span<const double> /*y*/, std::span<const double> /*f*/,
                        BorderedBandJacobian& /*J*/) {}
};

/// Receives the state at output times. Writers and collectors of results are observers.
class OdeObserver {
 public:
  virtual ~OdeObserver() = default;
  virtual void observe(double t, std::span<const double> y) = 0;
};

}  // namespace proscale
