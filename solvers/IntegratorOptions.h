#pragma once
// Settings of the time integrator and their case-file declaration (the `solver:` section).
#include <stdexcept>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

struct IntegratorOptions {
  enum class LinearSolver {
    Bordered,  ///< Schur-complement solve exploiting the arrow structure, O(n) per solve
    Klu,       ///< general sparse LU (SuiteSparse KLU) on the same structure
    Dense,     ///< dense LU; the only direct choice for systems without an analytic Jacobian
    Gmres,     ///< matrix-free GMRES, left-preconditioned by the bordered LU of I - gamma J
  };

  double rtol = 1e-6;   ///< relative tolerance
  double atol = 1e-8;   ///< absolute tolerance in units of each state block's scale
  LinearSolver linear = LinearSolver::Bordered;
  long maxSteps = 100000;   ///< internal steps allowed between two output times
  double initialStep = 0;   ///< s; 0 lets CVODE estimate it
  double maxStep = 0;       ///< s; 0 means unlimited
  int maxOrder = 5;         ///< highest BDF order, 1..5
  int krylovDimension = 5;  ///< GMRES: largest Krylov subspace (SPGMR's maxl), no restarts
  /// GMRES: the linear residual must be below this fraction of the Newton tolerance (CVODE's
  /// eps_lin, CVodeSetEpsLin).
  double linearToleranceFactor = 1e-4;
  /// GMRES: how the Jacobian-vector products are formed.
  enum class Products {
    Model,        ///< J~ at each Newton iterate plus the model's remainder (System::
                  ///< addJacobianRemainderTimes), when the model has one; else Differences
    Differences,  ///< a difference quotient of f at the current state (one f per product)
  };
  Products products = Products::Differences;
  /// Names of System::parameters() whose forward sensitivities dy/dp CVODES integrates with the
  /// state (staggered corrector, sensitivities in the error test); empty: none.
  std::vector<std::string> sensitivities;
};

/// A setting of the `solver:` section that this system cannot be integrated with; key() names
/// it ("linear", "atol") so that the case loader blames the key the user wrote.
class SolverSettingError : public std::invalid_argument {
 public:
  SolverSettingError(std::string key, const std::string& problem)
      : std::invalid_argument(problem), m_key(std::move(key)) {}
  const std::string& key() const { return m_key; }

 private:
  std::string m_key;
};

/// Case-file keys of the `solver:` section.
SchemaPtr integratorSchema();

/// Options from a validated `solver:` section; absent keys keep the defaults above.
IntegratorOptions integratorOptionsFrom(const Parameters& section);

/// The case-file spelling of a linear solver choice ("bordered", "klu", "dense", "gmres").
const char* linearSolverKey(IntegratorOptions::LinearSolver linear);

}  // namespace proscale
