#pragma once
// The analytic Jacobian of a model against differences of its right-hand side.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include "core/System.h"

namespace proscale::test {

// Differences of the RHS, column by column, against the analytic Jacobian. The
// model has kinks (growth switching off at S = 1, limiter switches), where the analytic
// Jacobian is one of the two one-sided derivatives, and strongly curved stretches (the limiter
// near its switches), where only the central difference is O(h^2) accurate: an entry passes if
// it matches the forward, the backward or the central difference. Step 1e-7 relative (a fraction of the tolerance scale where y = 0);
// agreement to 1e-4 of the column's largest entry leaves room for the O(h) truncation.
// Columns of classes holding less than 1e-14 of their reference scale (1e-6 of the default
// absolute tolerance; the far tail, where differences drown in round-off) are skipped: they
// cannot affect the Newton iteration; nor can entries below the round-off of their row (see the
// check). borderRowsOnly: check only the border rows (models whose
// band block is an approximation, e.g. with aggregation, have exact budget rows).
inline void checkJacobian(System& m, std::span<const double> y, bool borderRowsOnly = false) {
  const std::size_t n = y.size();
  BorderedBandJacobian J(m.jacobianShape());
  std::vector<double> f(n), fp(n), fm(n), yp(y.begin(), y.end());
  m.rhs(0.0, y, f);
  m.jacobian(0.0, y, f, J);
  const auto scale = m.layout().absoluteTolerances(1.0);  // each entry's reference scale
  for (std::size_t j = 0; j < n; ++j) {
    if (y[j] != 0.0 && std::abs(y[j]) < 1e-14 * scale[j]) continue;
    const double h = 1e-7 * (y[j] != 0.0 ? std::abs(y[j]) : scale[j]);
    yp[j] = y[j] + h;
    m.rhs(0.0, yp, fp);
    yp[j] = y[j] - h;
    m.rhs(0.0, yp, fm);
    yp[j] = y[j];
    double largest = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      largest = std::max({largest, std::abs(fp[i] - f[i]) / h, std::abs(f[i] - fm[i]) / h});
    const std::size_t rows = borderRowsOnly ? m.jacobianShape().border : n;
    for (std::size_t i = 0; i < rows; ++i) {
      const double forward = (fp[i] - f[i]) / h, backward = (f[i] - fm[i]) / h;
      const double central = 0.5 * (forward + backward);
      const double error = std::min({std::abs(J.at(i, j) - forward), std::abs(J.at(i, j) - backward),
                                     std::abs(J.at(i, j) - central)});
      INFO("y[j-2..j+2] = " << y[std::max<std::size_t>(j, 2) - 2] << " " << y[std::max<std::size_t>(j, 1) - 1] << " " << y[j] << " " << y[std::min(j + 1, n - 1)] << " " << y[std::min(j + 2, n - 1)]);
      INFO("row " << i << ", column " << j << ": analytic " << J.at(i, j) << ", forward "
                  << forward << ", backward " << backward);
      // Round-off floor of a difference: f_i is a sum over classes computed to ~1e-12 of |f_i|
      // (a few thousand roundings), so a column whose effect on row i is below that cannot be
      // resolved (e.g. a sparse class in a budget row summing 1e16 events per second).
      const double roundOff = 1e-12 * std::abs(f[i]) / h;
      CHECK(error <= 1e-4 * largest + roundOff);
    }
  }
}
}  // namespace proscale::test
