#pragma once
// Bromley's (AIChE J. 19 (1973) 313) individual-ion equation for mixed electrolytes:
//   log10 gamma_i = -A z_i^2 sqrt(I)/(1 + sqrt(I)) + F_i,
//   F_i = sum_j Bdot_ij Z_ij^2 m_j  (j: ions of opposite charge),  Z_ij = (|z_i| + |z_j|)/2,
//   Bdot_ij = (0.06 + 0.6 B_ij) |z_i z_j| / (1 + 1.5 I / |z_i z_j|)^2 + B_ij,
// with B_ij Bromley's salt parameter (his Table 1) where tabulated, else the ion sum
// B_ij = B_i + B_j + delta_i delta_j (his Table 2). For a single salt it reduces to Bromley's
// mean-activity equation. Valid to I = 6 mol/kg. docs/theory/solution-thermodynamics.md.
#include <vector>

#include "models/thermo/ActivityModel.h"
#include "models/thermo/DebyeHuckel.h"

namespace proscale {

/// Bromley's individual-ion parameters B and delta (Table 2), or nullptr for an unknown ion.
struct BromleyIon {
  const char* name;
  double B, delta;
};
const BromleyIon* bromleyIon(const std::string& name);
/// Bromley's salt parameter B of a cation-anion pair (Table 1), if tabulated.
std::optional<double> bromleySalt(const std::string& cation, const std::string& anion);

class BromleyActivity final : public ActivityModel {
 public:
  /// Throws std::invalid_argument naming an ion without parameters.
  BromleyActivity(const std::vector<SpeciesInfo>& species, double maxIonicStrength);
  void lnGamma(std::span<const double> c, double T, std::span<double> lnGamma,
               std::span<double> dLnGamma) const override;
  double maxIonicStrength() const override { return m_maxI; }
  std::string name() const override { return "Bromley"; }
  double minTemperature() const override { return kDebyeHuckelTmin; }
  double maxTemperature() const override { return kDebyeHuckelTmax; }
  /// B_ij of two species (0 unless their charges have opposite signs).
  double pairB(std::size_t i, std::size_t j) const { return m_B[i * m_z.size() + j]; }

 private:
  std::vector<int> m_z;
  std::vector<double> m_B;  // n x n, B_ij for opposite charges
  double m_maxI;
};

}  // namespace proscale
