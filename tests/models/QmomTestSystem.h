#pragma once
// A QMOM population alone as an System (state: the moment block), integrated by CVODE with the
// dense solver and difference-quotient Jacobians; shared by the QMOM validation tests.
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "Recorder.h"
#include "core/System.h"
#include "models/pbe/Qmom.h"
#include "solvers/CvodeIntegrator.h"

namespace proscale::test {

inline constexpr double kRtol = 1e-10;  ///< relative tolerance of the QMOM test integrations
inline constexpr double kAtol = 1e-10;  ///< absolute tolerance, in units of each moment's scale

class QmomOde final : public System {
 public:
  /// `scales`: typical magnitude of each moment (absolute tolerance = atol * scale). As a reactor
  /// should, the inversion is told that each moment is uncertain by its absolute tolerance.
  QmomOde(std::vector<double> mu0, std::vector<double> scales, QmomRates processes,
          InversionOptions options = {})
      : m_qmom(mu0.size(), withUncertainty(options, scales)),
        m_mu0(std::move(mu0)),
        m_processes(std::move(processes)) {
    std::vector<std::string> names;
    for (std::size_t k = 0; k < m_mu0.size(); ++k) names.push_back("mu_" + std::to_string(k));
    m_layout.add("moments", "m^k/m^3", std::move(scales), std::move(names));
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override {
    std::copy(m_mu0.begin(), m_mu0.end(), y0.begin());
  }
  void rhs(double, std::span<const double> y, std::span<double> ydot) override {
    m_qmom.rates(y, m_processes, ydot);
  }

 private:
  static InversionOptions withUncertainty(InversionOptions options,
                                          const std::vector<double>& scales) {
    for (std::size_t k = 0; k < scales.size() && k < options.momentUncertainty.size(); ++k)
      options.momentUncertainty[k] = kAtol * scales[k];
    return options;
  }

  QmomSystem m_qmom;
  std::vector<double> m_mu0;
  QmomRates m_processes;
  StateLayout m_layout;
};


/// Integrates to the given output times at kRtol, kAtol with the dense linear solver (CVODE
/// differences the Jacobian); `report` receives the solver's report.
inline Recorder integrateQmom(QmomOde& system, const std::vector<double>& times,
                                SolverReport* report = nullptr) {
  IntegratorOptions options;
  options.rtol = kRtol;
  options.atol = kAtol;
  options.linear = IntegratorOptions::LinearSolver::Dense;
  CvodeIntegrator integrator(system, options);
  Recorder trajectory;
  const SolverReport r = integrator.run(times, trajectory);
  if (report) *report = r;
  return trajectory;
}

/// Log-normal seed moments: mu_k = N exp(k ln Lm + k^2 s^2 / 2) (median Lm, s = ln sigma_g).
inline std::vector<double> logNormalMoments(double N, double Lm, double s, std::size_t count) {
  std::vector<double> mu(count);
  for (std::size_t k = 0; k < count; ++k) {
    const double kk = static_cast<double>(k);
    mu[k] = N * std::exp(kk * std::log(Lm) + 0.5 * kk * kk * s * s);
  }
  return mu;
}

inline double binomial(std::size_t n, std::size_t k) {
  double c = 1.0;
  for (std::size_t i = 1; i <= k; ++i)
    c = c * static_cast<double>(n - k + i) / static_cast<double>(i);
  return c;
}

}  // namespace proscale::test
