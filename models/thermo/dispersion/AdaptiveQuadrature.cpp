#include "models/thermo/dispersion/AdaptiveQuadrature.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/GaussKronrod15.h"

namespace proscale {
namespace {

using namespace gauss_kronrod15;  // kXgk, kWgk, kWg (core/GaussKronrod15.h)

struct Panel {
  double lo, hi, value, error;
};

Panel rule(const std::function<double(double)>& f, double lo, double hi) {
  const double centre = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
  const double mid = f(centre);
  double kronrod = kWgk[7] * mid, gauss = kWg[3] * mid;
  for (int j = 0; j < 7; ++j) {
    const double pair = f(centre - half * kXgk[j]) + f(centre + half * kXgk[j]);
    kronrod += kWgk[j] * pair;
    if (j % 2 == 1) gauss += kWg[j / 2] * pair;
  }
  return {lo, hi, kronrod * half, std::abs(kronrod - gauss) * half};
}

}  // namespace

QuadratureResult integrateAdaptive(const std::function<double(double)>& f,
                                   const std::vector<double>& cuts, double relTol,
                                   double absTol, const char* what, int maxBisections) {
  if (cuts.size() < 2) throw std::invalid_argument("integrateAdaptive: fewer than two cuts");
  std::vector<Panel> panels;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
    if (cuts[k + 1] > cuts[k]) panels.push_back(rule(f, cuts[k], cuts[k + 1]));
  const auto byError = [](const Panel& x, const Panel& y) { return x.error < y.error; };
  std::make_heap(panels.begin(), panels.end(), byError);
  QuadratureResult r;
  for (int bisections = 0;; ++bisections) {
    double value = 0.0, error = 0.0;
    for (const Panel& p : panels) value += p.value, error += p.error;
    r.value = value, r.errorEstimate = error;
    r.evaluations = 15 * static_cast<int>(panels.size() + 2 * bisections);
    if (!std::isfinite(value))
      throw std::runtime_error(std::string(what) + ": the integrand is not finite");
    if (error <= std::max(absTol, relTol * std::abs(value))) return r;
    std::pop_heap(panels.begin(), panels.end(), byError);
    const Panel worst = panels.back();
    panels.pop_back();
    const double centre = 0.5 * (worst.lo + worst.hi);
    if (bisections == maxBisections || !(centre > worst.lo && centre < worst.hi))
      throw std::runtime_error(std::string(what) + ": the quadrature did not converge (error " +
                               std::to_string(error) + " of " + std::to_string(value) + ")");
    for (const Panel& half : {rule(f, worst.lo, centre), rule(f, centre, worst.hi)}) {
      panels.push_back(half);
      std::push_heap(panels.begin(), panels.end(), byError);
    }
  }
}

}  // namespace proscale
