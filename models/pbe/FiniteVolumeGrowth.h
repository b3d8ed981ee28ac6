#pragma once
// Finite-volume discretisation of size-independent growth:
//   dN_i/dt = F_{i-1/2} - F_{i+1/2},   F = G n(face),   n_i = N_i / dL_i,
// N_i particles per m^3 in class i. Face values are upwind (first order) or MUSCL-reconstructed
// from the upwind class with a slope limiter (van Leer or minmod), kept between the two
// neighbouring class values, which keeps N >= 0 without spurious oscillations. The van Albada
// slope is differentiable instead (no switch to first order at extrema, hence not TVD there:
// bounded overshoots of the size of the smaller one-sided difference), for stiff runs with
// continuous nucleation whose near-flat profile makes the TVD limiters chatter. G may have
// either sign (dissolution: particles leave through the lower bound). Nucleation is added by
// the caller as a source in the first class.
// Theory, order of accuracy and sources: docs/theory/population-balance.md.
#include <span>

#include "core/BorderedBandJacobian.h"
#include "models/pbe/SizeGrid.h"
#include "models/pbe/SlopeLimiter.h"

namespace proscale {


/// Particles per m^3 and second that cross the outer faces.
struct BoundaryFluxes {
  double numberOutTop = 0.0;     ///< leaving above the largest class (G > 0)
  double numberOutBottom = 0.0;  ///< leaving below the smallest class (G < 0: dissolved)
};

class FiniteVolumeGrowth {
 public:
  /// van Albada only: `flatDifference` [particles per m^3 and class] is the class-to-class
  /// difference below which the profile counts as flat (the slope tends to zero, first order):
  /// differences at the size of the absolute tolerance are the Newton iteration's noise, and
  /// the limiter's response to them is far from linear (docs/theory/population-balance.md).
  FiniteVolumeGrowth(const SizeGrid& grid, GrowthScheme scheme, double flatDifference = 0.0)
      : m_grid(grid), m_scheme(scheme), m_flat(flatDifference) {}

  /// Bandwidths of d(dN/dt)/dN (for either sign of G).
  std::size_t lowerBandwidth() const { return m_scheme == GrowthScheme::Upwind ? 1 : 2; }
  std::size_t upperBandwidth() const { return m_scheme == GrowthScheme::Upwind ? 1 : 2; }

  /// dN/dt due to growth at rates faceG [m/s] given at the n + 1 class faces (size-dependent
  /// growth; a size-independent G is the same at every face). The flow direction at each face
  /// follows the sign of its G.
  BoundaryFluxes rates(std::span<const double> N, std::span<const double> faceG,
                       std::span<double> dNdt) const;
  /// The same growth term with the face rates replaced by `faceWeights` but the face values
  /// and flow directions of faceG: with faceWeights = dG_k/dp it is d(dN/dt)/dp at fixed N.
  BoundaryFluxes weightedRates(std::span<const double> N, std::span<const double> faceG,
                               std::span<const double> faceWeights, std::span<double> out) const;

  /// Adds d(dN_i/dt)/dN_j at face rates faceG to the band block B of J.
  void addJacobian(std::span<const double> N, std::span<const double> faceG,
                   BorderedBandJacobian& J) const;
  /// d(numberOutTop)/dN_{n-1} for growth rate Gtop at the top face, d(numberOutBottom)/dN_0
  /// for Gbottom at the bottom face (the only non-zero slopes).
  double topOutflowSlope(double Gtop) const;
  double bottomOutflowSlope(double Gbottom) const;

 private:
  /// n at face k reconstructed from the upwind class u, with the derivatives of that value
  /// w.r.t. N_{u-1}, N_u, N_{u+1}. Outer faces: first-order outflow, zero inflow.
  struct Face {
    double value = 0.0;
    std::size_t u = 0;
    double d[3] = {0.0, 0.0, 0.0};
  };
  Face face(std::span<const double> N, std::size_t k, bool positiveGrowth) const;
  Face interiorFace(std::span<const double> N, std::size_t k, bool positiveGrowth) const;

  const SizeGrid& m_grid;
  GrowthScheme m_scheme;
  double m_flat = 0.0;
};

}  // namespace proscale
