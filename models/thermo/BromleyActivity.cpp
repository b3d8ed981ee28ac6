#include "models/thermo/BromleyActivity.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "models/thermo/DebyeHuckel.h"

namespace proscale {
namespace {
// Bromley (1973), Table 2: individual-ion B and delta at 25 degC (read in caiofcm/pyequion,
// pyequion/data/species.py, "From Table 2 (Bromley 73)"; an independent copy agrees).
constexpr BromleyIon kIons[] = {
    {"H+", 0.0875, 0.103},    {"Na+", 0.0000, 0.028},  {"K+", -0.0452, -0.079},
    {"Ca+2", 0.0374, 0.119},  {"Ba+2", 0.0022, 0.098}, {"Cl-", 0.0643, -0.067},
    {"NO3-", -0.0250, 0.27},  {"OH-", 0.0760, -1.00},  {"SO4-2", 0.0000, -0.40},
    {"CO3-2", 0.0280, -0.67},
};

// Bromley (1973), Table 1: salt B at 25 degC, fitted to each salt's activity data (read in
// andreasbremen/electrolytemedia, MixtureSolutesData/package.mo, "based on Bromley, 1973";
// NaCl also in pyequion).
struct BromleySalt {
  const char* cation;
  const char* anion;
  double B;
};
constexpr BromleySalt kSalts[] = {
    {"Na+", "Cl-", 0.0574},    {"Na+", "SO4-2", -0.0204}, {"Ba+2", "Cl-", 0.0638},
    {"Ba+2", "SO4-2", -0.037}, {"Ca+2", "Cl-", 0.0948},   {"Ca+2", "SO4-2", -0.0102},
    {"K+", "Cl-", 0.024},      {"K+", "SO4-2", -0.032},   {"H+", "Cl-", 0.1433},
    {"H+", "SO4-2", 0.0606},   {"Na+", "NO3-", -0.0128},  {"Na+", "OH-", 0.0747},
    {"Na+", "CO3-2", 0.0089},  {"Ba+2", "NO3-", -0.0545},
};
}  // namespace

const BromleyIon* bromleyIon(const std::string& name) {
  for (const BromleyIon& ion : kIons)
    if (name == ion.name) return &ion;
  return nullptr;
}

std::optional<double> bromleySalt(const std::string& cation, const std::string& anion) {
  for (const BromleySalt& s : kSalts)
    if (cation == s.cation && anion == s.anion) return s.B;
  return std::nullopt;
}

BromleyActivity::BromleyActivity(const std::vector<SpeciesInfo>& species, double maxIonicStrength)
    : m_maxI(maxIonicStrength) {
  const std::size_t n = species.size();
  std::vector<double> B(n, 0.0), delta(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const SpeciesInfo& s = species[i];
    m_z.push_back(s.charge);
    if (s.charge == 0) continue;
    if (s.bromleyB && s.bromleyDelta) {
      B[i] = *s.bromleyB;
      delta[i] = *s.bromleyDelta;
    } else if (const BromleyIon* ion = bromleyIon(s.name)) {
      B[i] = ion->B;
      delta[i] = ion->delta;
    } else {
      throw std::invalid_argument("no Bromley (1973) parameters for the ion '" + s.name +
                                  "': give bromley-b and bromley-delta under solution.species." +
                                  s.name);
    }
  }
  m_B.assign(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      if (m_z[i] * m_z[j] >= 0) continue;
      const std::size_t cation = m_z[i] > 0 ? i : j, anion = m_z[i] > 0 ? j : i;
      const auto table = species[i].bromleyB || species[j].bromleyB
                             ? std::nullopt
                             : bromleySalt(species[cation].name, species[anion].name);
      m_B[i * n + j] = table ? *table : B[i] + B[j] + delta[i] * delta[j];
    }
}

void BromleyActivity::lnGamma(std::span<const double> c, double T, std::span<double> lnGamma,
                              std::span<double> dLnGamma) const {
  const std::size_t n = m_z.size();
  const double ln10 = std::log(10.0);
  const double A = debyeHuckelA(T);
  const double I = ionicStrength(c, m_z);
  const double s = std::sqrt(I), sf = std::max(s, 1e-8);
  const double g = s / (1.0 + s);
  const double dgdI = 1.0 / (2.0 * sf * (1.0 + sf) * (1.0 + sf));
  for (std::size_t i = 0; i < n; ++i) {
    const double zi2 = static_cast<double>(m_z[i] * m_z[i]);
    double F = 0.0, dFdI = 0.0;
    auto dRow = dLnGamma.subspan(i * n, n);
    std::fill(dRow.begin(), dRow.end(), 0.0);
    for (std::size_t j = 0; j < n; ++j) {
      if (m_z[i] * m_z[j] >= 0) continue;
      const double zz = std::abs(m_z[i] * m_z[j]), B = m_B[i * n + j];
      const double Z = 0.5 * (std::abs(m_z[i]) + std::abs(m_z[j]));
      const double q = 1.0 + 1.5 * I / zz;
      const double Bdot = (0.06 + 0.6 * B) * zz / (q * q) + B;
      const double dBdot = -3.0 * (0.06 + 0.6 * B) / (q * q * q);  // dBdot/dI
      const double m = std::max(c[j], 0.0) / kStandardConcentration;
      F += Bdot * Z * Z * m;
      dFdI += dBdot * Z * Z * m;
      if (c[j] > 0.0) dRow[j] += ln10 * Bdot * Z * Z / kStandardConcentration;
    }
    lnGamma[i] = ln10 * (-A * zi2 * g + F);
    const double dLnDI = ln10 * (-A * zi2 * dgdI + dFdI);
    for (std::size_t k = 0; k < n; ++k)  // dI/dc_k = z_k^2 / (2 c°) for c_k > 0
      if (c[k] > 0.0) dRow[k] += dLnDI * 0.5 * m_z[k] * m_z[k] / kStandardConcentration;
  }
}

}  // namespace proscale
