#pragma once
// Finite-volume discretisation of size-independent growth:
//   dN_i/dt = F_{i-1/2} - F_{i+1/2},   F = G n(face),   n_i = N_i / dL_i,
// N_i particles per m^3 in class i. Face values are upwind (first order) or MUSCL-reconstructed
// from the upwind class with a slope limiter (van Leer or minmod), kept between the two
// neighbouring class values, which keeps N >= 0 without spurious oscillations. G may have
// either sign (dissolution: particles leave through the lower bound). Nucleation is added by
// the caller as a source in the first class.
// Theory, order of accuracy and sources: docs/theory/population-balance.md.
#include <span>

#include "core/BorderedBandJacobian.h"
#include "models/pbe/SizeGrid.h"

namespace proscale {

enum class GrowthScheme { Upwind, VanLeer, Minmod };

/// Particles per m^3 and second that cross the outer faces.
struct BoundaryFluxes {
  double numberOutTop = 0.0;     ///< leaving above the largest class (G > 0)
  double numberOutBottom = 0.0;  ///< leaving below the smallest class (G < 0: dissolved)
};

class FiniteVolumeGrowth {
 public:
  FiniteVolumeGrowth(const SizeGrid& grid, GrowthScheme scheme) : m_grid(grid), m_scheme(scheme) {}

  /// Bandwidths of d(dN/dt)/dN (for either sign of G).
  std::size_t lowerBandwidth() const { return m_scheme == GrowthScheme::Upwind ? 1 : 2; }
  std::size_t upperBandwidth() const { return m_scheme == GrowthScheme::Upwind ? 1 : 2; }

  /// Writes dN/dt due to growth at rate G [m/s] (for a given sign of G, linear in G).
  BoundaryFluxes rates(std::span<const double> N, double G, std::span<double> dNdt) const;

  /// Adds d(dN_i/dt)/dN_j at rate G to the band block B of J.
  void addJacobian(std::span<const double> N, double G, BorderedBandJacobian& J) const;
  /// d(numberOutTop)/dN_{n-1} and d(numberOutBottom)/dN_0 (the only non-zero slopes).
  double topOutflowSlope(double G) const;
  double bottomOutflowSlope(double G) const;

 private:
  /// n at face k (between classes k-1 and k) reconstructed from the upwind class u, with the
  /// derivatives of that value w.r.t. N_{u-1}, N_u, N_{u+1}.
  struct Face {
    double value = 0.0;
    std::size_t u = 0;
    double d[3] = {0.0, 0.0, 0.0};
  };
  Face interiorFace(std::span<const double> N, std::size_t k, bool positiveGrowth) const;
  double limitedSlope(double a, double b, double& dA, double& dB) const;

  const SizeGrid& m_grid;
  GrowthScheme m_scheme;
};

}  // namespace proscale
