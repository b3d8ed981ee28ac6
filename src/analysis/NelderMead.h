#pragma once
// Derivative-free minimisation in a box by the Nelder-Mead simplex (Nelder & Mead, Computer J.
// 7 (1965) 308) with the dimension-adaptive coefficients of Gao & Han (Comput. Optim. Appl. 51
// (2012) 259): reflection 1, expansion 1 + 2/n, contraction 3/4 - 1/(2n), shrink 1 - 1/n.
// Trial points are projected onto the box [lower, upper]. A search converges when the simplex
// spans less than xTolerance in every coordinate and its values less than fTolerance; it then
// restarts once from a fresh simplex about the best point, whose convergence is the answer's
// (a simplex that has collapsed onto a face is the method's known failure; Kelley, Iterative
// Methods for Optimization, SIAM 1999, sec. 8.1). After maxEvaluations it stops unconverged
// with the best point seen.
#include <cstddef>
#include <functional>
#include <vector>

namespace proscale {

struct NelderMeadOptions {
  double xTolerance = 1e-8;        ///< spread of the simplex in every coordinate
  double fTolerance = 1e-12;       ///< spread of its values
  std::size_t maxEvaluations = 2000;  ///< the iteration under way finishes: up to n + 1 more
  double initialStep = 0.1;        ///< of the box's width, per coordinate
};

struct NelderMeadResult {
  std::vector<double> x;
  double f = 0.0;
  std::size_t evaluations = 0;
  bool converged = false;  ///< ended on the tolerances, not on maxEvaluations
};

/// Minimises f from `start` in the box (lower < upper in every coordinate; start is projected
/// into it). std::invalid_argument for sizes that do not match or an empty box.
NelderMeadResult nelderMead(const std::function<double(const std::vector<double>&)>& f,
                            std::vector<double> start, const std::vector<double>& lower,
                            const std::vector<double>& upper, const NelderMeadOptions& options = {});

}  // namespace proscale
