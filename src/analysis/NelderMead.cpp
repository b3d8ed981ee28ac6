#include "analysis/NelderMead.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace proscale {
namespace {

struct Simplex {
  std::vector<std::vector<double>> x;
  std::vector<double> f;
};

}  // namespace

NelderMeadResult nelderMead(const std::function<double(const std::vector<double>&)>& f,
                            std::vector<double> start, const std::vector<double>& lower,
                            const std::vector<double>& upper, const NelderMeadOptions& options) {
  const std::size_t n = start.size();
  if (n == 0 || lower.size() != n || upper.size() != n)
    throw std::invalid_argument("Nelder-Mead: the start and the bounds must have the same, nonzero size");
  for (std::size_t i = 0; i < n; ++i)
    if (!(lower[i] < upper[i])) throw std::invalid_argument("Nelder-Mead: an empty box");
  const double dn = static_cast<double>(n);
  // Gao & Han's coefficients; at n = 2 they are the classic 2, 1/2, 1/2, which n = 1 takes too.
  const double na = std::max(dn, 2.0);
  const double expand = 1.0 + 2.0 / na, contract = 0.75 - 0.5 / na, shrink = 1.0 - 1.0 / na;

  NelderMeadResult result;
  const auto project = [&](std::vector<double> x) {
    for (std::size_t i = 0; i < n; ++i) x[i] = std::clamp(x[i], lower[i], upper[i]);
    return x;
  };
  const auto value = [&](const std::vector<double>& x) {
    ++result.evaluations;
    const double v = f(x);
    return std::isnan(v) ? INFINITY : v;
  };
  const auto combine = [&](const std::vector<double>& a, const std::vector<double>& b, double t) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = a[i] + t * (b[i] - a[i]);
    return project(std::move(x));
  };

  std::vector<double> best = project(std::move(start));
  double bestF = value(best);
  for (int round = 0; round < 2; ++round) {  // the search, then one restart about its answer
    Simplex s;
    s.x.push_back(best);
    s.f.push_back(bestF);
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<double> x = best;
      const double step = options.initialStep * (upper[i] - lower[i]);
      x[i] = x[i] + step <= upper[i] ? x[i] + step : x[i] - step;  // stay in the box
      s.x.push_back(project(x));
      s.f.push_back(value(s.x.back()));
    }
    bool converged = false;
    while (result.evaluations < options.maxEvaluations) {
      std::vector<std::size_t> order(n + 1);
      std::iota(order.begin(), order.end(), 0);
      std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return s.f[a] < s.f[b]; });
      Simplex sorted;
      for (std::size_t k : order) {
        sorted.x.push_back(s.x[k]);
        sorted.f.push_back(s.f[k]);
      }
      s = std::move(sorted);
      double spread = 0.0;
      for (std::size_t k = 1; k <= n; ++k)
        for (std::size_t i = 0; i < n; ++i) spread = std::max(spread, std::abs(s.x[k][i] - s.x[0][i]));
      if (spread < options.xTolerance && s.f[n] - s.f[0] < options.fTolerance) {
        converged = true;
        break;
      }
      std::vector<double> centroid(n, 0.0);
      for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i) centroid[i] += s.x[k][i] / dn;
      const std::vector<double> reflected = combine(centroid, s.x[n], -1.0);
      const double fr = value(reflected);
      if (fr < s.f[0]) {
        const std::vector<double> expanded = combine(centroid, s.x[n], -expand);
        const double fe = value(expanded);
        s.x[n] = fe < fr ? expanded : reflected;
        s.f[n] = std::min(fe, fr);
        continue;
      }
      if (fr < s.f[n - 1]) {
        s.x[n] = reflected;
        s.f[n] = fr;
        continue;
      }
      // Contract outside (toward the reflected point) or inside (toward the worst).
      const bool outside = fr < s.f[n];
      const std::vector<double> contracted = combine(centroid, outside ? reflected : s.x[n], contract);
      const double fc = value(contracted);
      if (fc < (outside ? fr : s.f[n])) {
        s.x[n] = contracted;
        s.f[n] = fc;
        continue;
      }
      for (std::size_t k = 1; k <= n; ++k) {
        s.x[k] = combine(s.x[0], s.x[k], shrink);
        s.f[k] = value(s.x[k]);
      }
    }
    const std::size_t lowest = static_cast<std::size_t>(std::min_element(s.f.begin(), s.f.end()) - s.f.begin());
    if (s.f[lowest] <= bestF) {
      best = s.x[lowest];
      bestF = s.f[lowest];
    }
    result.converged = converged;
    if (!converged) break;
  }
  result.x = best;
  result.f = bestF;
  return result;
}

}  // namespace proscale
