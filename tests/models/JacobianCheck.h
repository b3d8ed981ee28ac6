#pragma once
// The analytic Jacobian of a model against differences of its right-hand side.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include "core/System.h"

namespace proscale::test {

// Differences of the RHS, column by column, against the analytic Jacobian. Step h = 1e-7
// relative (a fraction of the tolerance scale where y = 0). Each entry is classified by its
// one-sided differences:
//  * smooth: forward and backward agree to within the tolerance below, or their gap halves with
//    h (curvature: the gap is O(h)); the analytic entry must match the central difference
//    (O(h^2) accurate; no one-sided choice allowed);
//  * kink: the gap does not shrink with h (growth switching off at S = 1, a limiter switching
//    within +-h): the model's Jacobian is one of the two one-sided derivatives and must match
//    the forward or the backward difference. Kinks are counted and returned.
// Tolerance: 1e-6 of the column's largest difference quotient, plus the round-off floor of the
// row (see the check). Columns of classes holding less than 1e-14 of their reference scale
// (1e-6 of the default absolute tolerance; the far tail, where differences drown in round-off)
// are skipped: they cannot affect the Newton iteration. borderRowsOnly: check only the border
// rows (models whose band block is an approximation, e.g. with aggregation, have exact budget
// rows).
struct JacobianCheckCount {
  std::size_t smooth = 0, kinks = 0;
};

inline JacobianCheckCount checkJacobian(System& m, std::span<const double> y,
                                        bool borderRowsOnly = false) {
  const std::size_t n = y.size();
  BorderedBandJacobian J(m.jacobianShape());
  std::vector<double> f(n), fp(n), fm(n), yp(y.begin(), y.end());
  m.rhs(0.0, y, f);
  m.jacobian(0.0, y, f, J);
  const auto scale = m.layout().absoluteTolerances(1.0);  // each entry's reference scale
  JacobianCheckCount count;
  std::vector<double> fp2(n), fm2(n);  // at h / 2, evaluated only for a column that needs them
  for (std::size_t j = 0; j < n; ++j) {
    if (y[j] != 0.0 && std::abs(y[j]) < 1e-14 * scale[j]) continue;
    const double h = 1e-7 * (y[j] != 0.0 ? std::abs(y[j]) : scale[j]);
    auto differences = [&](double step, std::vector<double>& plus, std::vector<double>& minus) {
      yp[j] = y[j] + step;
      m.rhs(0.0, yp, plus);
      yp[j] = y[j] - step;
      m.rhs(0.0, yp, minus);
      yp[j] = y[j];
    };
    differences(h, fp, fm);
    bool halved = false;
    double largest = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      largest = std::max({largest, std::abs(fp[i] - f[i]) / h, std::abs(f[i] - fm[i]) / h});
    const std::size_t rows = borderRowsOnly ? m.jacobianShape().border : n;
    for (std::size_t i = 0; i < rows; ++i) {
      const double forward = (fp[i] - f[i]) / h, backward = (f[i] - fm[i]) / h;
      double central = 0.5 * (forward + backward);
      // Round-off floor of a difference: f_i is a sum over classes computed to ~1e-12 of |f_i|
      // (a few thousand roundings), so a column whose effect on row i is below that cannot be
      // resolved (e.g. a sparse class in a budget row summing 1e16 events per second).
      const double tolerance = 1e-6 * largest + 1e-12 * std::abs(f[i]) / h;
      bool kink = false;
      if (std::abs(forward - backward) > 2 * tolerance) {
        if (!halved) differences(0.5 * h, fp2, fm2), halved = true;
        const double forward2 = (fp2[i] - f[i]) / (0.5 * h), backward2 = (f[i] - fm2[i]) / (0.5 * h);
        kink = std::abs(forward2 - backward2) > 0.75 * std::abs(forward - backward);
        if (!kink) central = 0.5 * (forward2 + backward2);
      }
      INFO("y[j-2..j+2] = " << y[std::max<std::size_t>(j, 2) - 2] << " " << y[std::max<std::size_t>(j, 1) - 1] << " " << y[j] << " " << y[std::min(j + 1, n - 1)] << " " << y[std::min(j + 2, n - 1)]);
      INFO("row " << i << ", column " << j << ": analytic " << J.at(i, j) << ", forward "
                  << forward << ", backward " << backward << (kink ? " (kink)" : " (smooth)"));
      if (kink) {
        ++count.kinks;
        CHECK(std::min(std::abs(J.at(i, j) - forward), std::abs(J.at(i, j) - backward)) <=
              tolerance);
      } else {
        ++count.smooth;
        CHECK(std::abs(J.at(i, j) - central) <= tolerance);
      }
    }
  }
  return count;
}
}  // namespace proscale::test
