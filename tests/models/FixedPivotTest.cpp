// Fixed-pivot aggregation and breakage: what one RHS evaluation conserves, and the Jacobians
// (exact dense vs central differences, J v, the band part).
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "models/pbe/FixedPivotAggregation.h"
#include "models/pbe/FixedPivotBreakage.h"

using namespace proscale;

namespace {
constexpr double kKv = M_PI / 6;

// n classes whose pivot volumes grow by `ratio`, smallest pivot diameter 10 nm.
SizeGrid volumeRatioGrid(double ratio, std::size_t n) {
  const double step = std::cbrt(ratio), L0 = 10e-9;
  return SizeGrid(L0 / std::sqrt(step), L0 * std::pow(step, n - 0.5), n, GridSpacing::Geometric,
                  kKv);
}

// A smooth positive distribution with a few orders of magnitude of variation [1/m^3].
std::vector<double> sampleN(std::size_t n) {
  std::vector<double> N(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double s = static_cast<double>(i) / static_cast<double>(n);
    N[i] = 1e15 * std::exp(-8.0 * (s - 0.3) * (s - 0.3)) * (1.0 + 0.3 * std::sin(7.0 * i));
  }
  return N;
}

double volumeRate(const SizeGrid& g, const std::vector<double>& dN, double& scale) {
  double sum = 0.0;
  scale = 0.0;
  for (std::size_t i = 0; i < dN.size(); ++i) {
    sum += g.volumes()[i] * dN[i];
    scale += g.volumes()[i] * std::abs(dN[i]);
  }
  return sum;
}
}  // namespace

TEST_CASE("Fixed-pivot aggregation conserves volume and loses number at -1/2 sum beta N N",
          "[unit][pbe][aggregation]") {
  const BrownianKernel brownian(BrownianRegime::Continuum, 0.0);
  const ShearKernel shear(50.0);
  const SumKernel sum(1e6);
  const ConstantKernel constant(1e-17);
  for (double ratio : {std::cbrt(2.0), 1.1, 1.5, 2.0})
    for (const AggregationKernel* kernel :
         std::vector<const AggregationKernel*>{&brownian, &shear, &sum, &constant}) {
      const std::size_t n = 40;
      const SizeGrid grid = volumeRatioGrid(ratio, n);
      const FixedPivotAggregation agg(grid, *kernel, {});
      CHECK(agg.pairCount() == n * (n + 1) / 2);
      const std::vector<double> N = sampleN(n);
      std::vector<double> dN(n, 0.0);
      const AggregationLoss loss = agg.rates(N, dN);
      double scale = 0.0;
      const double volume = volumeRate(grid, dN, scale) + loss.volume;
      double pairs = 0.0, number = loss.number;
      for (std::size_t j = 0; j < n; ++j)
        for (std::size_t k = 0; k < n; ++k) pairs += 0.5 * agg.kernel(j, k) * N[j] * N[k];
      for (double d : dN) number += d;
      INFO("volume ratio " << ratio);
      CHECK(loss.number > 0.0);  // the largest classes aggregate beyond the grid
      CHECK(std::abs(volume) < 1e-12 * (scale + loss.volume));
      CHECK(number == Approx(-pairs).epsilon(1e-12));
    }
}

TEST_CASE("Fixed-pivot aggregation: exact Jacobian, J v, band part, loss gradient",
          "[jacobian][pbe][aggregation]") {
  const BrownianKernel brownian(BrownianRegime::Continuum, 0.0);
  const std::size_t n = 24;
  const SizeGrid grid = volumeRatioGrid(1.5, n);
  const FixedPivotAggregation agg(grid, brownian, {});
  const std::vector<double> N = sampleN(n);
  Eigen::MatrixXd J = Eigen::MatrixXd::Zero(n, n);
  agg.addExactJacobianDense(N, J);
  // Central differences are exact for the quadratic operator up to rounding.
  std::vector<double> dNumber(n, 0.0), dVolume(n, 0.0), dMerged(n, 0.0);
  agg.addLossGradient(N, dNumber, dVolume);
  agg.addMergedGradient(N, dMerged);
  for (std::size_t m = 0; m < n; ++m) {
    std::vector<double> up = N, down = N, fUp(n, 0.0), fDown(n, 0.0);
    const double h = 1e-4 * N[m];
    up[m] += h;
    down[m] -= h;
    const AggregationLoss lUp = agg.rates(up, fUp), lDown = agg.rates(down, fDown);
    const double columnScale = J.col(static_cast<Eigen::Index>(m)).cwiseAbs().maxCoeff();
    for (std::size_t i = 0; i < n; ++i)
      CHECK(J(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(m)) ==
            Approx((fUp[i] - fDown[i]) / (2 * h)).margin(1e-9 * columnScale));
    CHECK(dNumber[m] == Approx((lUp.number - lDown.number) / (2 * h)).epsilon(1e-8).margin(1e-300));
    CHECK(dVolume[m] == Approx((lUp.volume - lDown.volume) / (2 * h)).epsilon(1e-8).margin(1e-300));
    // The collision frequency sum_k beta_mk N_k = d(events)/dN_m.
    CHECK(dMerged[m] == Approx((lUp.events - lDown.events) / (2 * h)).epsilon(1e-8));
  }
  // J v by the pair loop equals the dense product.
  std::vector<double> v(n), Jv(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) v[i] = std::cos(3.0 * i) * N[i];
  agg.jacobianTimes(N, v, Jv);
  const Eigen::VectorXd dense =
      J * Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i)
    CHECK(Jv[i] ==
          Approx(dense(static_cast<Eigen::Index>(i))).margin(1e-12 * dense.cwiseAbs().maxCoeff()));
  // The band approximation is the exact Jacobian restricted to the band (border of 2 included).
  BorderedBandJacobian band({2, n, 3, 2});
  band.setZero();
  agg.addApproximateJacobian(N, band);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t m = 0; m < n; ++m) {
      const double expected =
          band.inBand(i, m) ? J(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(m)) : 0.0;
      CHECK(band.at(2 + i, 2 + m) == Approx(expected).margin(1e-14 * std::abs(expected)));
    }
  // What the band leaves out: band part + off-band product = the exact J v (the Krylov
  // products of a lagged Newton matrix, solvers/ModelBridge). Rounding of the O(n) terms of
  // a row: 1e-12 of the largest entry.
  std::vector<double> offBand(n, 0.0);
  agg.addOffBandJacobianTimes(N, v, 3, 2, offBand);
  for (std::size_t i = 0; i < n; ++i) {
    double inBand = 0.0;
    for (std::size_t m = 0; m < n; ++m) inBand += band.at(2 + i, 2 + m) * v[m];
    CHECK(offBand[i] + inBand ==
          Approx(dense(static_cast<Eigen::Index>(i))).margin(1e-12 * dense.cwiseAbs().maxCoeff()));
  }
  // Negligible tails (N below 1e-100 per m^3 take no part in rates()): J v still pairs a
  // significant class with any class of v, as the dense Jacobian does.
  std::vector<double> tails = N;
  for (std::size_t i = 0; i < 5; ++i) tails[i] = 0.0;
  for (std::size_t i = 18; i < n; ++i) tails[i] = 0.0;
  Eigen::MatrixXd Jt = Eigen::MatrixXd::Zero(n, n);
  agg.addExactJacobianDense(tails, Jt);
  std::vector<double> ones(n, 1e10), Jt1(n, 0.0);
  agg.jacobianTimes(tails, ones, Jt1);
  const Eigen::VectorXd denseTails =
      Jt * Eigen::Map<const Eigen::VectorXd>(ones.data(), static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i)
    CHECK(Jt1[i] == Approx(denseTails(static_cast<Eigen::Index>(i)))
                        .margin(1e-12 * denseTails.cwiseAbs().maxCoeff()));
}

TEST_CASE("Fixed-pivot aggregation rebuilds the kernel only on setConditions",
          "[unit][pbe][aggregation]") {
  const BrownianKernel brownian(BrownianRegime::Continuum, 0.0);
  const SizeGrid grid = volumeRatioGrid(2.0, 10);
  FixedPivotAggregation agg(grid, brownian, {});
  const double before = agg.kernel(2, 5);
  AggregationConditions hot;
  hot.temperature = 2 * 298.15;
  hot.viscosity = 0.5 * 8.9e-4;
  agg.setConditions(hot);
  CHECK(agg.kernel(5, 2) == Approx(4.0 * before).epsilon(1e-14));  // beta ~ T / mu
}

TEST_CASE("Fixed-pivot breakage conserves volume and adds one particle per event",
          "[unit][pbe][breakage]") {
  for (DaughterDistribution daughters :
       {DaughterDistribution::Binary, DaughterDistribution::Uniform})
    for (double ratio : {std::cbrt(2.0), 1.1, 1.5, 2.0}) {
      const std::size_t n = 40;
      const SizeGrid grid = volumeRatioGrid(ratio, n);
      const FixedPivotBreakage breakage(grid, {0.2, 100e-9, 0.7, daughters});
      const std::vector<double> N = sampleN(n);
      std::vector<double> dN(n, 0.0);
      const BreakageLoss loss = breakage.rates(N, dN);
      double scale = 0.0, events = 0.0, number = loss.number;
      const double volume = volumeRate(grid, dN, scale);
      for (std::size_t k = 0; k < n; ++k) events += breakage.selection(k) * N[k];
      for (double d : dN) number += d;
      INFO("volume ratio " << ratio
                           << (daughters == DaughterDistribution::Binary ? ", binary"
                                                                         : ", uniform"));
      CHECK(std::abs(volume) < 1e-12 * scale);
      CHECK(number == Approx(events).epsilon(1e-12));  // two daughters per broken particle
      CHECK(loss.number > 0.0);                        // the first pivots shed sub-grid fragments
      std::vector<double> dLoss(n, 0.0);
      breakage.addLossGradient(dLoss);
      double linear = 0.0;
      for (std::size_t k = 0; k < n; ++k) linear += dLoss[k] * N[k];
      CHECK(linear == Approx(loss.number).epsilon(1e-13));
      CHECK(breakage.selection(0) == Approx(0.2 * std::pow(grid.pivots()[0] / 100e-9, 2.1)));
      for (std::size_t k = 1; k < n; ++k) {  // each breakage: 2 daughters, volume x_k
        double count = 0.0, vol = 0.0;
        for (std::size_t i = 0; i <= k; ++i) {
          count += breakage.fragments(i, k);
          vol += breakage.fragments(i, k) * grid.volumes()[i];
        }
        CHECK(vol == Approx(grid.volumes()[k]).epsilon(1e-13));
        CHECK(count <= 2.0 + 1e-13);
        if (daughters == DaughterDistribution::Binary && grid.volumes()[k] >= 2 * grid.volumes()[0])
          CHECK(count == Approx(2.0).epsilon(1e-13));
      }
    }
}

TEST_CASE("Fixed-pivot breakage: binary halves land on the pivot x_k/2 of a 2^(1/q) grid",
          "[unit][pbe][breakage]") {
  const SizeGrid grid = volumeRatioGrid(std::cbrt(2.0), 12);  // q = 3
  const FixedPivotBreakage breakage(grid, {1.0, 1e-6, 0.0, DaughterDistribution::Binary});
  CHECK(breakage.fragments(6, 9) == Approx(2.0).epsilon(1e-12));
  CHECK(breakage.fragments(7, 9) == Approx(0.0).margin(1e-12));
  // Uniform daughters: n_ik = (x_{i+1} - x_{i-1}) / x_k below the parent class,
  // (x_k - x_{k-1}) / x_k at it.
  const FixedPivotBreakage uniform(grid, {1.0, 1e-6, 0.0, DaughterDistribution::Uniform});
  const auto& x = grid.volumes();
  CHECK(uniform.fragments(4, 9) == Approx((x[5] - x[3]) / x[9]).epsilon(1e-14));
  CHECK(uniform.fragments(9, 9) == Approx((x[9] - x[8]) / x[9]).epsilon(1e-14));
}

TEST_CASE("Fixed-pivot breakage: Jacobian is the constant matrix, band part and J v",
          "[jacobian][pbe][breakage]") {
  const std::size_t n = 20;
  const SizeGrid grid = volumeRatioGrid(1.5, n);
  const FixedPivotBreakage breakage(grid, {0.5, 50e-9, 1.0, DaughterDistribution::Uniform});
  Eigen::MatrixXd A = Eigen::MatrixXd::Zero(n, n);
  breakage.addExactJacobianDense(A);
  const std::vector<double> N = sampleN(n);
  for (std::size_t m = 0; m < n; ++m) {  // linear: a unit vector picks column m
    std::vector<double> e(n, 0.0), column(n, 0.0);
    e[m] = 1.0;
    breakage.rates(e, column);
    for (std::size_t i = 0; i < n; ++i)
      CHECK(A(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(m)) ==
            Approx(column[i]).margin(1e-15));
  }
  std::vector<double> Av(n, 0.0), f(n, 0.0);
  breakage.jacobianTimes(N, Av);
  breakage.rates(N, f);
  for (std::size_t i = 0; i < n; ++i) CHECK(Av[i] == Approx(f[i]).epsilon(1e-14));
  BorderedBandJacobian band({0, n, 1, 4});
  band.setZero();
  breakage.addApproximateJacobian(band);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t m = 0; m < n; ++m)
      CHECK(band.at(i, m) == (band.inBand(i, m)
                                  ? A(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(m))
                                  : 0.0));
  // What the band leaves out, times N: with the band part, A N (round-off of a row's sum).
  std::vector<double> offBand(n, 0.0);
  breakage.addOffBandJacobianTimes(N, 1, 4, offBand);
  for (std::size_t i = 0; i < n; ++i) {
    double inBand = 0.0;
    for (std::size_t m = 0; m < n; ++m) inBand += band.at(i, m) * N[m];
    CHECK(offBand[i] + inBand == Approx(f[i]).epsilon(1e-13).margin(1e-13 * std::abs(N[i])));
  }
}
