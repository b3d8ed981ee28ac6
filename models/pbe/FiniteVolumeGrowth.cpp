#include "models/pbe/FiniteVolumeGrowth.h"

#include <algorithm>
#include <cmath>

namespace proscale {

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
  // A class difference of m_flat particles per m^3, as a slope of the number density n.
  const double eps = m_flat / (dL[u] * std::max(ha, hb));
  const double sigma = limitedSlope(m_scheme, (nu - nl) / ha, (nr - nu) / hb, eps, dA, dB);
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

FiniteVolumeGrowth::Face FiniteVolumeGrowth::face(std::span<const double> N, std::size_t k,
                                                  bool positiveGrowth) const {
  const std::size_t n = N.size();
  if (k > 0 && k < n) return interiorFace(N, k, positiveGrowth);
  Face f;  // outer face: outflow carries the class value, nothing flows in
  const bool outflow = (k == 0 && !positiveGrowth) || (k == n && positiveGrowth);
  if (!outflow) return f;
  f.u = k == 0 ? 0 : n - 1;
  f.value = N[f.u] / m_grid.widths()[f.u];
  f.d[1] = 1.0 / m_grid.widths()[f.u];
  return f;
}

BoundaryFluxes FiniteVolumeGrowth::weightedRates(std::span<const double> N,
                                                 std::span<const double> faceG,
                                                 std::span<const double> faceWeights,
                                                 std::span<double> out) const {
  const std::size_t n = N.size();
  const auto& dL = m_grid.widths();
  std::fill(out.begin(), out.end(), 0.0);
  BoundaryFluxes b;
  if (n == 0) return b;
  // F_k = w_k n(face k); dN_i/dt = F_i - F_{i+1} with faces i (left) and i + 1 (right).
  auto add = [&](std::size_t k, double F) {
    if (k > 0) out[k - 1] -= F;
    if (k < n) out[k] += F;
  };
  for (std::size_t k = 0; k <= n; ++k) {
    const double w = faceWeights[k];
    if (w == 0.0) continue;
    const bool positive = faceG[k] >= 0.0;  // G = 0: the G > 0 branch (one-sided slope)
    double value;
    if (m_scheme == GrowthScheme::Upwind || k == 0 || k == n) {  // no reconstruction needed
      const bool inflow = (k == 0 && positive) || (k == n && !positive);
      if (inflow) continue;
      const std::size_t u = positive ? k - 1 : k;
      value = N[u] / dL[u];
    } else {
      value = interiorFace(N, k, positive).value;
    }
    const double F = w * value;
    add(k, F);
    if (k == n) b.numberOutTop = F;
    if (k == 0) b.numberOutBottom = -F;
  }
  return b;
}

BoundaryFluxes FiniteVolumeGrowth::rates(std::span<const double> N, std::span<const double> faceG,
                                         std::span<double> dNdt) const {
  return weightedRates(N, faceG, faceG, dNdt);
}

void FiniteVolumeGrowth::addJacobian(std::span<const double> N, std::span<const double> faceG,
                                     BorderedBandJacobian& J) const {
  const std::size_t n = N.size();
  for (std::size_t k = 0; k <= n && n > 0; ++k) {
    const double G = faceG[k];
    if (G == 0.0) continue;
    const Face f = face(N, k, G > 0.0);
    for (int s = 0; s < 3; ++s) {
      if (f.d[s] == 0.0) continue;
      const std::size_t j = f.u + s - 1;
      if (k > 0) J.B(k - 1, j) -= G * f.d[s];
      if (k < n) J.B(k, j) += G * f.d[s];
    }
  }
}

double FiniteVolumeGrowth::topOutflowSlope(double Gtop) const {
  return Gtop > 0.0 ? Gtop / m_grid.widths().back() : 0.0;
}

double FiniteVolumeGrowth::bottomOutflowSlope(double Gbottom) const {
  return Gbottom < 0.0 ? -Gbottom / m_grid.widths().front() : 0.0;
}

}  // namespace proscale
