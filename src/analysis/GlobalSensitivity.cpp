#include "analysis/GlobalSensitivity.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "analysis/Random.h"

namespace proscale {
namespace {

double mean(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

// The (1 - c)/2 and (1 + c)/2 quantiles of `values` (sorted here), by the nearest rank.
std::pair<double, double> percentiles(std::vector<double>& values, double confidence) {
  std::sort(values.begin(), values.end());
  const auto at = [&](double q) {
    const double rank = q * static_cast<double>(values.size() - 1);
    return values[static_cast<std::size_t>(std::lround(rank))];
  };
  return {at(0.5 - 0.5 * confidence), at(0.5 + 0.5 * confidence)};
}

// V: the variance of f over the rows `rows` of A and of B together.
double pooledVariance(const std::vector<double>& fA, const std::vector<double>& fB,
                      const std::vector<std::size_t>& rows) {
  double sum = 0.0, squares = 0.0;
  for (std::size_t j : rows) {
    sum += fA[j] + fB[j];
    squares += fA[j] * fA[j] + fB[j] * fB[j];
  }
  const double n = 2.0 * static_cast<double>(rows.size());
  return squares / n - (sum / n) * (sum / n);
}

// S_i and ST_i of the rows `rows` (with repeats, for the bootstrap) of the evaluations.
struct Estimate {
  double first = 0.0, total = 0.0;
};
Estimate estimate(const std::vector<double>& fA, const std::vector<double>& fB,
                  const std::vector<double>& fAB, const std::vector<std::size_t>& rows) {
  // f(B) centred by the mean of f: the estimator's expectation is unchanged (f(A_B) - f(A) has
  // mean zero) but its variance no longer grows with the mean squared -- uncentred, a metric
  // whose mean is large against its spread (a span of 0.85 +- 0.05) gets first-order intervals
  // wider than [0, 1] (Sobol, Math. Comput. Simul. 55 (2001) 271, sec. 4: subtract f0).
  double sum = 0.0;
  for (std::size_t j : rows) sum += fA[j] + fB[j];
  const double f0 = sum / (2.0 * static_cast<double>(rows.size()));
  double first = 0.0, total = 0.0;
  for (std::size_t j : rows) {
    first += (fB[j] - f0) * (fAB[j] - fA[j]);
    total += (fA[j] - fAB[j]) * (fA[j] - fAB[j]);
  }
  const double n = static_cast<double>(rows.size()), variance = pooledVariance(fA, fB, rows);
  return {first / n / variance, total / (2.0 * n) / variance};
}

}  // namespace

MorrisEffects morrisEffects(std::size_t d, std::size_t r, std::size_t levels,
                            const UnitCubeFunction& f, std::uint64_t seed) {
  if (d == 0 || r < 2 || levels < 2 || levels % 2 != 0)
    throw std::invalid_argument("Morris: needs inputs, 2 or more trajectories and an even number "
                                "of levels (2 or more)");
  const double p = static_cast<double>(levels), delta = p / (2.0 * (p - 1.0));
  std::mt19937_64 g(seed);
  std::vector<std::vector<double>> effects(d);
  MorrisEffects out;
  std::vector<std::size_t> order(d);
  for (std::size_t t = 0; t < r; ++t) {
    // A base point on the levels 0, 1/(p-1), ... that leaves room for the step +Delta, then
    // one input at a time in random order.
    std::vector<double> x(d);
    for (double& xi : x) xi = static_cast<double>(random::below(g, levels / 2)) / (p - 1.0);
    for (std::size_t i = 0; i < d; ++i) order[i] = i;
    for (std::size_t i = d; i > 1; --i) std::swap(order[i - 1], order[random::below(g, i)]);
    double fx = f(x);
    ++out.evaluations;
    for (std::size_t i : order) {
      x[i] += delta;
      const double next = f(x);
      ++out.evaluations;
      effects[i].push_back((next - fx) / delta);
      fx = next;
    }
  }
  for (const std::vector<double>& e : effects) {
    std::vector<double> magnitude(e.size());
    for (std::size_t k = 0; k < e.size(); ++k) magnitude[k] = std::abs(e[k]);
    const double m = mean(e);
    double var = 0.0;
    for (double v : e) var += (v - m) * (v - m);
    out.mu.push_back(m);
    out.muStar.push_back(mean(magnitude));
    out.sigma.push_back(std::sqrt(var / static_cast<double>(e.size() - 1)));
  }
  return out;
}

SobolIndices sobolIndices(std::size_t d, std::size_t N, const UnitCubeFunction& f,
                          std::uint64_t seed, std::size_t resamples, double confidence) {
  if (d == 0 || N < 2) throw std::invalid_argument("Sobol: needs inputs and 2 or more samples");
  std::mt19937_64 g(seed);
  std::vector<std::vector<double>> A(N, std::vector<double>(d)), B = A;
  for (auto* M : {&A, &B})
    for (auto& row : *M)
      for (double& x : row) x = random::uniform(g);
  std::vector<double> fA(N), fB(N);
  for (std::size_t j = 0; j < N; ++j) {
    fA[j] = f(A[j]);
    fB[j] = f(B[j]);
  }
  SobolIndices out;
  out.evaluations = N * (d + 2);
  std::vector<std::size_t> all(N);
  for (std::size_t j = 0; j < N; ++j) all[j] = j;
  out.variance = pooledVariance(fA, fB, all);
  if (!(out.variance > 0.0)) throw std::invalid_argument("Sobol: the result does not vary");
  // The bootstrap's rows, drawn once and shared by the inputs.
  std::vector<std::vector<std::size_t>> draws(resamples, std::vector<std::size_t>(N));
  for (auto& rows : draws)
    for (std::size_t& j : rows) j = random::below(g, N);
  std::vector<double> fAB(N), firsts(resamples), totals(resamples);
  for (std::size_t i = 0; i < d; ++i) {
    for (std::size_t j = 0; j < N; ++j) {
      std::vector<double> x = A[j];
      x[i] = B[j][i];
      fAB[j] = f(x);
    }
    const Estimate e = estimate(fA, fB, fAB, all);
    out.first.push_back(e.first);
    out.total.push_back(e.total);
    for (std::size_t k = 0; k < resamples; ++k) {
      const Estimate b = estimate(fA, fB, fAB, draws[k]);
      firsts[k] = b.first;
      totals[k] = b.total;
    }
    if (resamples == 0) continue;
    const auto [fl, fh] = percentiles(firsts, confidence);
    const auto [tl, th] = percentiles(totals, confidence);
    out.firstLow.push_back(fl);
    out.firstHigh.push_back(fh);
    out.totalLow.push_back(tl);
    out.totalHigh.push_back(th);
  }
  return out;
}

}  // namespace proscale
