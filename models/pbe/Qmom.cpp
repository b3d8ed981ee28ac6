#include "models/pbe/Qmom.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace proscale {
namespace {

constexpr std::size_t kMaxMoments = 2 * kMaxQuadratureNodes;

double integerPower(double x, std::size_t k) {
  double result = 1.0;
  for (std::size_t i = 0; i < k; ++i) result *= x;
  return result;
}

}  // namespace

double equalBinaryDaughterMoment(int k, double L) {
  return std::pow(2.0, 1.0 - k / 3.0) * std::pow(L, k);
}

double uniformBinaryDaughterMoment(int k, double L) { return 6.0 * std::pow(L, k) / (k + 3.0); }

std::string QmomSystem::invalidMomentCountMessage(std::size_t count) {
  return "QMOM needs an even number of moments from 2 to " + std::to_string(kMaxMoments) +
         " (n = 1 to " + std::to_string(kMaxQuadratureNodes) +
         " quadrature nodes carry mu_0 .. mu_(2n-1)); got " + std::to_string(count);
}

QmomSystem::QmomSystem(std::size_t momentCount, InversionOptions options)
    : m_count(momentCount), m_options(options) {
  if (momentCount < 2 || momentCount % 2 != 0 || momentCount > kMaxMoments)
    throw std::invalid_argument(invalidMomentCountMessage(momentCount));
}

void QmomSystem::checkSize(std::size_t size, const char* what) const {
  if (size != m_count)
    throw std::invalid_argument(std::string("QMOM: ") + what + " has " + std::to_string(size) +
                                " entries, expected " + std::to_string(m_count));
}

std::optional<RealizabilityFailure> QmomSystem::check(std::span<const double> mu) const {
  checkSize(mu.size(), "the moment vector");
  return invertMoments(mu, m_options).failure;
}

GaussQuadrature QmomSystem::quadrature(std::span<const double> mu) const {
  checkSize(mu.size(), "the moment vector");
  InversionResult result = invertMoments(mu, m_options);
  if (result.failure) throw NonRealizableMoments(std::move(*result.failure));
  return result.quadrature;
}

void QmomSystem::rates(std::span<const double> mu, const QmomRates& processes,
                       std::span<double> dmu) const {
  checkSize(dmu.size(), "the rate vector");
  sourceTerms(quadrature(mu), processes, dmu);
}

void QmomSystem::sourceTerms(const GaussQuadrature& q, const QmomRates& processes,
                             std::span<double> dmu) {
  const std::size_t K = dmu.size();
  const std::size_t n = q.nodes;
  if (K > kMaxMoments) throw std::invalid_argument("QMOM: at most 10 moments");
  if (processes.breakage && !processes.daughterMoment)
    throw std::invalid_argument("QMOM: breakage needs the daughter-moment function bbar^(k)(L)");
  // powers[i][k] = L_i^k, k = 0 .. max(K, 3) (L_i^3 for aggregation also when K = 2).
  std::array<std::array<double, kMaxMoments + 1>, kMaxQuadratureNodes> powers{};
  for (std::size_t i = 0; i < n; ++i) {
    powers[i][0] = 1.0;
    for (std::size_t k = 1; k <= std::max<std::size_t>(K, 3); ++k)
      powers[i][k] = powers[i][k - 1] * q.abscissas[i];
  }

  // Nucleation: B L0^k (L0^0 = 1).
  for (std::size_t k = 0; k < K; ++k)
    dmu[k] = processes.nucleationRate * integerPower(processes.nucleusSize, k);

  // Growth: k sum_i w_i L_i^{k-1} G(L_i).
  if (processes.growth)
    for (std::size_t i = 0; i < n; ++i) {
      const double wG = q.weights[i] * processes.growth(q.abscissas[i]);
      for (std::size_t k = 1; k < K; ++k) dmu[k] += static_cast<double>(k) * wG * powers[i][k - 1];
    }

  // Aggregation: 1/2 sum_ij w_i w_j beta_ij [(L_i^3 + L_j^3)^{k/3} - L_i^k - L_j^k], summed over
  // i <= j (the pair i < j carries beta_ij + beta_ji). (L_i^3 + L_j^3)^{k/3} is evaluated as
  // s^{floor(k/3)} c^{k mod 3} with s = L_i^3 + L_j^3, c = cbrt(s), so that k = 3 gives
  // s - L_i^3 - L_j^3 (volume conserved to round-off).
  if (processes.aggregation)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i; j < n; ++j) {
        const double beta = i == j ? processes.aggregation(q.abscissas[i], q.abscissas[i])
                                   : processes.aggregation(q.abscissas[i], q.abscissas[j]) +
                                         processes.aggregation(q.abscissas[j], q.abscissas[i]);
        const double rate = 0.5 * q.weights[i] * q.weights[j] * beta;
        const double s = powers[i][3] + powers[j][3];
        const double c = std::cbrt(s);
        for (std::size_t k = 0; k < K; ++k) {
          const double merged = integerPower(s, k / 3) * integerPower(c, k % 3);
          dmu[k] += rate * (merged - powers[i][k] - powers[j][k]);
        }
      }

  // Breakage: sum_i w_i S(L_i) [bbar^(k)(L_i) - L_i^k].
  if (processes.breakage)
    for (std::size_t i = 0; i < n; ++i) {
      const double wS = q.weights[i] * processes.breakage(q.abscissas[i]);
      for (std::size_t k = 0; k < K; ++k)
        dmu[k] += wS * (processes.daughterMoment(static_cast<int>(k), q.abscissas[i]) -
                        powers[i][k]);
    }
}

}  // namespace proscale
