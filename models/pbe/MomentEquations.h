#pragma once
// Standard method of moments for size-independent growth G and nucleation B at size L0:
//   d mu_k / dt = k G mu_{k-1} + B L0^k,   mu_k = integral L^k n(L) dL  [m^k / m^3],
// closed for these rates (Randolph & Larson 1988, ch. 3; Hulburt & Katz 1964).
#include <cstddef>
#include <span>

namespace proscale {

class MomentEquations {
 public:
  static constexpr std::size_t kCount = 5;  ///< mu_0 .. mu_4
  explicit MomentEquations(double nucleusSize) : m_L0(nucleusSize) {}
  double nucleusSize() const { return m_L0; }

  void rates(std::span<const double> mu, double G, double B, std::span<double> dmu) const;
  /// d(dmu_k/dt)/dG and d(dmu_k/dt)/dB.
  void slopes(std::span<const double> mu, std::span<double> dG, std::span<double> dB) const;

 private:
  double m_L0;
};

}  // namespace proscale
