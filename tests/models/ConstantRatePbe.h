#pragma once
// Test system: the finite-volume population balance with constant growth rate G, nucleation B
// into the first class and optional washout 1/tau (MSMPR):
//   dN/dt = growth fluxes + B delta_i0 - N / tau   (tau = 0: no washout),
// integrated with CVODE at tight tolerances so that only the discretisation error remains.
#include <catch2/catch.hpp>
#include <vector>

#include "Recorder.h"
#include "core/System.h"
#include "models/pbe/FiniteVolumeGrowth.h"
#include "solvers/CvodeIntegrator.h"

namespace proscale::test {

class ConstantRatePbe final : public System {
 public:
  ConstantRatePbe(const SizeGrid& grid, GrowthScheme scheme, double G, double B, double tau,
                  std::vector<double> N0)
      : m_grid(grid), m_fv(m_grid, scheme), m_faceG(grid.size() + 1, G), m_B(B), m_tau(tau),
        m_N0(std::move(N0)) {
    m_layout.add("psd", grid.size(), "1/m^3", 1e10);
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override {
    std::copy(m_N0.begin(), m_N0.end(), y0.begin());
  }
  void rhs(double, std::span<const double> y, std::span<double> ydot) override {
    m_fv.rates(y, m_faceG, ydot);
    ydot[0] += m_B;
    if (m_tau > 0.0)
      for (std::size_t i = 0; i < y.size(); ++i) ydot[i] -= y[i] / m_tau;
  }
  BorderedBandShape jacobianShape() const override {
    return {0, m_grid.size(), m_fv.lowerBandwidth(), m_fv.upperBandwidth()};
  }
  bool hasJacobian() const override { return true; }
  void jacobian(double, std::span<const double> y, std::span<const double>,
                JacobianSink& sink) override {
    BorderedBandJacobian& J = sink.arrow();
    J.setZero();
    m_fv.addJacobian(y, m_faceG, J);
    if (m_tau > 0.0)
      for (std::size_t i = 0; i < y.size(); ++i) J.B(i, i) -= 1.0 / m_tau;
  }

 private:
  const SizeGrid& m_grid;
  FiniteVolumeGrowth m_fv;
  std::vector<double> m_faceG;
  double m_B, m_tau;
  std::vector<double> m_N0;
  StateLayout m_layout;
};

/// The class counts at tEnd (rtol 1e-10; atol 1e-10 of the 1e10 scale).
inline std::vector<double> integrateConstantRate(const SizeGrid& grid, GrowthScheme scheme,
                                                 double G, double B, double tau,
                                                 std::vector<double> N0, double tEnd) {
  if (N0.empty()) N0.assign(grid.size(), 0.0);
  ConstantRatePbe pbe(grid, scheme, G, B, tau, std::move(N0));
  IntegratorOptions options;
  options.rtol = 1e-10;
  options.atol = 1e-10;
  CvodeIntegrator integrator(pbe, options);
  Recorder recorder;
  const std::vector<double> times{0.0, tEnd};
  REQUIRE(integrator.run(times, recorder).complete);
  return recorder.y.back();
}

}  // namespace proscale::test
