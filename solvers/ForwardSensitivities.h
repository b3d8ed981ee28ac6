#pragma once
// Forward sensitivities s_k = dy/dp_k of the state to named parameters of the system
// (System::parameters()), integrated by CVODES alongside the state (Hindmarsh et al., ACM TOMS
// 31:363, 2005; CVODES guide, "Forward sensitivity analysis"):
//
//   s_k' = (df/dy) s_k + df/dp_k,   s_k(t0) = 0   (the parameters must not enter y(t0)).
//
// The right-hand side of the sensitivity equations is a centred directional difference, the
// scheme of CVODES' own difference quotient (cvSensRhs1InternalDQ, "centred, simultaneous"):
//
//   s_k' ~ [f(t, y + D s_k; p_k + D) - f(t, y - D s_k; p_k - D)] / (2 D),
//   D = min(pbar_k sqrt(rtol), pbar_k / max(||s_k||_wrms pbar_k, 1/sqrt(rtol))),
//
// second-order accurate in D. It is ours, not CVODES', because a parameter is applied through
// ParameterRegistry::set, which reruns the model's recompute hooks (tables built from the
// parameters), and CVODES would only overwrite a bare double. pbar_k is the parameter's scale.
// The corrector is staggered (the state's Newton iteration converges first, then the
// sensitivities', with tolerances rtol, atol_i / pbar_k: CVodeSensEEtolerances). The
// sensitivities are left out of the local error test (CVodeSetSensErrCon false): on the
// flagship, whose flux limiter makes s non-smooth where a class crosses a limiter kink, the
// error test on s took 112 284 steps instead of 1 451 and changed dd50/dgamma by 1e-5 relative
// (tests/models/FlagshipSensitivityTest.cpp; docs/theory/solvers.md). Internal to
// proscale_solvers.
#include <string>
#include <vector>

#include <sundials/sundials_context.h>
#include <sundials/sundials_nvector.h>

#include "core/System.h"

namespace proscale {

class ForwardSensitivities {
 public:
  /// Resolves `names` in system.parameters(); std::invalid_argument naming the known
  /// parameters if one is absent or not perturbable, or if a name repeats.
  ForwardSensitivities(System& system, const std::vector<std::string>& names,
                       sunindextype length, SUNContext context);
  ~ForwardSensitivities();
  ForwardSensitivities(const ForwardSensitivities&) = delete;
  ForwardSensitivities& operator=(const ForwardSensitivities&) = delete;

  std::size_t count() const { return m_indices.size(); }
  const std::vector<std::string>& names() const { return m_names; }

  /// CVodeSensInit1 with the directional-difference right-hand side, staggered corrector,
  /// estimated tolerances, sensitivities outside the error test. Call once after CVodeInit.
  /// Returns the first failing CVODES flag (0 on success) and the call that failed.
  int attach(void* cvodeMemory, double rtol, const char** failedCall);
  /// Zero initial sensitivities at the start of a run (CVodeSensReInit).
  int restart(void* cvodeMemory);
  /// Restart after CVodeReInit: the sensitivities at the last return of CVode become the
  /// initial values (CVodeGetSens, CVodeSensReInit).
  int continueFrom(void* cvodeMemory);
  /// CVodeGetSens at the last return of CVode: s_k in m_values[k].
  int fetch(void* cvodeMemory);
  const std::vector<std::vector<double>>& values() const { return m_values; }

  /// s_k' for sensitivity k at (t, y) (the CVSensRhs1Fn body; may throw what the model throws).
  void rhs(int k, double t, N_Vector y, N_Vector s, N_Vector sdot, N_Vector work1,
           N_Vector work2);

 private:
  System& m_system;
  std::vector<std::string> m_names;
  std::vector<std::size_t> m_indices;  // into system.parameters()
  std::vector<double> m_scales;        // pbar_k
  double m_relativeStep = 0.0;         // sqrt(rtol)
  void* m_cvode = nullptr;             // for CVodeGetErrWeights in rhs
  std::vector<N_Vector> m_vectors;     // CVODES' sensitivity vectors (s_k)
  N_Vector m_weights = nullptr;
  std::vector<std::vector<double>> m_values;
};

}  // namespace proscale
