#pragma once
// Finite-volume size-space diffusion in the Zeldovich-Frenkel form (molecular fluctuations of
// growth, models/particles/GrowthFluctuations.h):
//
//   F = -(D_L / a) d(a n)/dL,   a ~ 1/L^2 (the size change per attached unit),
//   F_k = -D_k (L_k^2 / h_k) (n_k / p_k^2 - n_{k-1} / p_{k-1}^2),  h_k = p_k - p_{k-1},
//
// at the interior faces L_k between classes k-1 and k (pivots p, n_i = N_i / dL_i); no
// diffusive flux through the outer faces (particles leave by growth or dissolution only).
// Conservative (sum N unchanged), second order on smooth grids, linear in N and in D_k.
// Theory: docs/theory/population-balance.md "Size-space diffusion".
//
// The Fickian form (growth-rate dispersion, Randolph & White 1977: dn/dt = D_g d^2n/dL^2) drops
// the weight a: F_k = -D_k (n_k - n_{k-1}) / h_k, so that the variance of a population grows
// by 2 D_g t (docs/theory/crystallizer-chemistry.md).
#include <span>
#include <vector>

#include "core/BorderedBandJacobian.h"
#include "models/pbe/SizeGrid.h"

namespace proscale {

enum class DiffusionForm { ZeldovichFrenkel, Fickian };

class FiniteVolumeDiffusion {
 public:
  explicit FiniteVolumeDiffusion(const SizeGrid& grid,
                                 DiffusionForm form = DiffusionForm::ZeldovichFrenkel);

  /// Adds the diffusion term at face diffusivities faceD [m^2/s] (n + 1 faces; the outer two
  /// unused) to dNdt. With faceD = dD_k/dp it is the term's derivative in p at fixed N.
  void addRates(std::span<const double> N, std::span<const double> faceD,
                std::span<double> dNdt) const;
  /// Adds d(dN_i/dt)/dN_j (tridiagonal) to the band block of J.
  void addJacobian(std::span<const double> faceD, BorderedBandJacobian& J) const;

 private:
  /// F_k = D_k (below_k N_{k-1} - above_k N_k) at interior face k.
  std::vector<double> m_below, m_above;
};

}  // namespace proscale
