#include "models/pbe/FiniteVolumeGrowth.h"

#include <algorithm>
#include <cmath>

namespace proscale {

double FiniteVolumeGrowth::limitedSlope(double a, double b, double& dA, double& dB) const {
  dA = dB = 0.0;
  if (m_scheme == GrowthScheme::Upwind || a * b <= 0.0) return 0.0;
  if (m_scheme == GrowthScheme::VanLeer) {  // harmonic mean 2ab/(a+b) (van Leer 1974)
    const double s = a + b;
    dA = 2.0 * b * b / (s * s);
    dB = 2.0 * a * a / (s * s);
    return 2.0 * a * b / s;
  }
  if (std::abs(a) < std::abs(b)) {  // minmod (Roe 1986)
    dA = 1.0;
    return a;
  }
  dB = 1.0;
  return b;
}

FiniteVolumeGrowth::Face FiniteVolumeGrowth::interiorFace(std::span<const double> N, std::size_t k,
                                                          bool positiveGrowth) const {
  const auto& L = m_grid.pivots();
  const auto& dL = m_grid.widths();
  const std::size_t n = N.size();
  Face face;
  face.u = positiveGrowth ? k - 1 : k;
  const std::size_t u = face.u;
  const double nu = N[u] / dL[u];
  face.value = nu;
  face.d[1] = 1.0 / dL[u];
  if (u == 0 || u + 1 == n) return face;  // no neighbour on one side: first order
  const double nl = N[u - 1] / dL[u - 1], nr = N[u + 1] / dL[u + 1];
  const double ha = L[u] - L[u - 1], hb = L[u + 1] - L[u];
  double dA, dB;
  const double sigma = limitedSlope((nu - nl) / ha, (nr - nu) / hb, dA, dB);
  if (sigma == 0.0 && dA == 0.0 && dB == 0.0) return face;
  const double delta = m_grid.faces()[k] - L[u];
  const double v = nu + sigma * delta;
  const double downwind = positiveGrowth ? nr : nl;
  if ((v - downwind) * (downwind - nu) > 0.0) {  // past the downwind value: clip to it
    face.value = downwind;
    face.d[1] = 0.0;
    face.d[positiveGrowth ? 2 : 0] = positiveGrowth ? 1.0 / dL[u + 1] : 1.0 / dL[u - 1];
    return face;
  }
  face.value = v;
  face.d[0] = -delta * dA / ha / dL[u - 1];
  face.d[1] = (1.0 + delta * (dA / ha - dB / hb)) / dL[u];
  face.d[2] = delta * dB / hb / dL[u + 1];
  return face;
}

BoundaryFluxes FiniteVolumeGrowth::rates(std::span<const double> N, double G,
                                         std::span<double> dNdt) const {
  const std::size_t n = N.size();
  const auto& dL = m_grid.widths();
  std::fill(dNdt.begin(), dNdt.end(), 0.0);
  BoundaryFluxes out;
  if (G == 0.0 || n == 0) return out;
  const bool positive = G > 0.0;
  // Outer faces: first order outflow, nothing flows in (nucleation is the caller's source).
  if (positive) {
    out.numberOutTop = G * N[n - 1] / dL[n - 1];
    dNdt[n - 1] -= out.numberOutTop;
  } else {
    out.numberOutBottom = -G * N[0] / dL[0];
    dNdt[0] -= out.numberOutBottom;
  }
  if (m_scheme == GrowthScheme::Upwind) {  // F_k = G n_u: no reconstruction needed
    for (std::size_t k = 1; k < n; ++k) {
      const std::size_t u = positive ? k - 1 : k;
      const double F = G * N[u] / dL[u];
      dNdt[k - 1] -= F;
      dNdt[k] += F;
    }
    return out;
  }
  for (std::size_t k = 1; k < n; ++k) {
    const double F = G * interiorFace(N, k, positive).value;
    dNdt[k - 1] -= F;
    dNdt[k] += F;
  }
  return out;
}

void FiniteVolumeGrowth::addJacobian(std::span<const double> N, double G,
                                     BorderedBandJacobian& J) const {
  const std::size_t n = N.size();
  if (G == 0.0 || n == 0) return;
  const bool positive = G > 0.0;
  if (positive)
    J.B(n - 1, n - 1) -= topOutflowSlope(G);
  else
    J.B(0, 0) -= bottomOutflowSlope(G);
  for (std::size_t k = 1; k < n; ++k) {
    const Face f = interiorFace(N, k, positive);
    for (int s = 0; s < 3; ++s) {
      if (f.d[s] == 0.0) continue;
      const std::size_t j = f.u + s - 1;
      J.B(k - 1, j) -= G * f.d[s];
      J.B(k, j) += G * f.d[s];
    }
  }
}

double FiniteVolumeGrowth::topOutflowSlope(double G) const {
  return G > 0.0 ? G / m_grid.widths().back() : 0.0;
}

double FiniteVolumeGrowth::bottomOutflowSlope(double G) const {
  return G < 0.0 ? -G / m_grid.widths().front() : 0.0;
}

}  // namespace proscale
