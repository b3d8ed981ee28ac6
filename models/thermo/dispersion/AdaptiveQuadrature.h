#pragma once
// Globally adaptive Gauss-Kronrod 7-15 quadrature (Piessens, de Doncker-Kapenga, Überhuber &
// Kahaner, QUADPACK, Springer 1983: the qag strategy with the qk15 rule): the panel with the
// largest |K15 - G7| is bisected until the sum of the estimates is below
// max(absTol, relTol |integral|). The initial panels are the intervals between consecutive
// cuts, which should sit at every discontinuity of the integrand or its derivatives.
#include <functional>
#include <vector>

namespace proscale {

struct QuadratureResult {
  double value = 0.0;
  double errorEstimate = 0.0;
  int evaluations = 0;
};

/// ∫ f over [cuts.front(), cuts.back()]; cuts increasing, at least two. Throws
/// std::runtime_error naming `what` when maxBisections do not reach the tolerance.
QuadratureResult integrateAdaptive(const std::function<double(double)>& f,
                                   const std::vector<double>& cuts, double relTol,
                                   double absTol, const char* what, int maxBisections = 20000);

}  // namespace proscale
