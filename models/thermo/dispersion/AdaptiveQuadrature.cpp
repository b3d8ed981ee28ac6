#include "models/thermo/dispersion/AdaptiveQuadrature.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace proscale {
namespace {

// QUADPACK qk15: Kronrod abscissae on [-1, 1] (positive half, the last is 0), their weights,
// and the weights of the embedded 7-point Gauss rule (abscissae xgk[1], xgk[3], xgk[5], xgk[7]).
constexpr double kXgk[8] = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.0};
constexpr double kWgk[8] = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
constexpr double kWg[4] = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

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
