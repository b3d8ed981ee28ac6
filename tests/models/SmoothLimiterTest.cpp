// The van Albada face slope (population.scheme: van-albada): its band Jacobian agrees with
// central differences on a near-flat profile whose one-sided slopes change sign from class to
// class (where the TVD limiters switch branches), and the rates have no kink there: a rate's
// derivative along a path through a = 0 is continuous. The van Leer rates, for contrast, have
// a jump of the derivative on the same path.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/BorderedBandJacobian.h"
#include "models/pbe/FiniteVolumeGrowth.h"
#include "models/pbe/SizeGrid.h"

using namespace proscale;

namespace {
constexpr double kSphere = M_PI / 6;

// A plateau n ~ const with a +-1e-3 relative ripple of alternating sign: every interior slope
// pair has ab < 0.
std::vector<double> ripplePlateau(const SizeGrid& grid) {
  std::vector<double> N(grid.size());
  for (std::size_t i = 0; i < N.size(); ++i)
    N[i] = 1e20 * grid.widths()[i] * (1.0 + (i % 2 == 0 ? 1e-3 : -1e-3) * (1.0 + 0.1 * i));
  return N;
}

std::vector<double> rates(const FiniteVolumeGrowth& fv, const std::vector<double>& N, double G) {
  std::vector<double> faceG(N.size() + 1, G), out(N.size(), 0.0);
  fv.rates(N, faceG, out);
  return out;
}

// d(dN_row/dt)/dN_col by one-sided differences of step h on either side.
std::pair<double, double> oneSided(const FiniteVolumeGrowth& fv, std::vector<double> N, double G,
                                   std::size_t row, std::size_t col, double h) {
  const double r0 = rates(fv, N, G)[row];
  N[col] += h;
  const double up = (rates(fv, N, G)[row] - r0) / h;
  N[col] -= 2 * h;
  const double down = (r0 - rates(fv, N, G)[row]) / h;
  return {down, up};
}
// The band Jacobian of fv at N against central differences of step 1e-7 N_j: 1e-5 relative,
// or the round-off floor 1e-9 |G| / dL_j of an entry that is zero.
void checkBandJacobian(const FiniteVolumeGrowth& fv, const SizeGrid& grid,
                       const std::vector<double>& N, double G) {
  BorderedBandJacobian J(BorderedBandShape{0, N.size(), 2, 2});
  J.setZero();
  std::vector<double> faceG(N.size() + 1, G);
  fv.addJacobian(N, faceG, J);
  for (std::size_t j = 0; j < N.size(); ++j) {
    const double h = 1e-7 * N[j];
    std::vector<double> plus = N, minus = N;
    plus[j] += h;
    minus[j] -= h;
    const std::vector<double> rp = rates(fv, plus, G), rm = rates(fv, minus, G);
    for (std::size_t i = (j > 1 ? j - 2 : 0); i < std::min(N.size(), j + 3); ++i) {
      const double fd = (rp[i] - rm[i]) / (2 * h);
      CHECK(J.B(i, j) == Approx(fd).epsilon(1e-5).margin(1e-9 * std::abs(G) / grid.widths()[j]));
    }
  }
}
}  // namespace

TEST_CASE("van Albada slope: analytic Jacobian on a rippled plateau", "[unit][jacobian][pbe]") {
  const SizeGrid grid(1e-9, 1e-6, 40, GridSpacing::Geometric, kSphere);
  const FiniteVolumeGrowth fv(grid, GrowthScheme::VanAlbada);
  for (const double G : {1e-8, -1e-8}) checkBandJacobian(fv, grid, ripplePlateau(grid), G);
}

TEST_CASE("van Albada slope: no kink where a one-sided slope changes sign", "[unit][pbe]") {
  // Class 10 is the upwind class of face 11 (G > 0); N[9] is set so that a = 0 exactly, with
  // b > 0. Perturbing N[9] moves a through zero: the left and right derivatives of dN_10/dt
  // must agree for van Albada; van Leer switches from sigma = 0 to sigma ~ 2a there.
  const SizeGrid grid(1e-9, 1e-6, 30, GridSpacing::Geometric, kSphere);
  std::vector<double> N(30);
  for (std::size_t i = 0; i < N.size(); ++i) N[i] = 1e20 * grid.widths()[i] * (1.0 + 0.05 * i);
  N[9] = N[10] / grid.widths()[10] * grid.widths()[9];  // n_9 = n_10: a = 0 at class 10
  const double G = 1e-8, h = 1e-6 * N[9];
  const FiniteVolumeGrowth albada(grid, GrowthScheme::VanAlbada), leer(grid, GrowthScheme::VanLeer);
  const auto [downA, upA] = oneSided(albada, N, G, 10, 9, h);
  CHECK(upA == Approx(downA).epsilon(1e-4));
  const auto [downL, upL] = oneSided(leer, N, G, 10, 9, h);
  CHECK(std::abs(upL - downL) > 0.1 * std::abs(downL));  // the kink the option removes
}

TEST_CASE("van Albada slope with a flat difference: first order below it, van Albada above",
          "[unit][jacobian][pbe]") {
  // sigma = ab(a + b)/(a^2 + b^2 + eps^2), eps from a class difference `flat` [1/m^3]. On the
  // rippled plateau the class differences are ~1e-3 N (with N ~ 1e20 dL ~ 1e11 to 1e14 per
  // class): a flat difference 1e6 times larger makes the face values first order (the rates
  // of upwind to 1e-9 relative: the slope scales with (a/eps)^2 a); one 1e6 times smaller
  // leaves van Albada's rates to 1e-9; one of the ripple's size keeps the analytic Jacobian
  // exact (central differences, the tolerance of the first test).
  const SizeGrid grid(1e-9, 1e-6, 40, GridSpacing::Geometric, kSphere);
  const std::vector<double> N = ripplePlateau(grid);
  double smallest = 1e300, largest = 0.0;
  for (std::size_t i = 1; i < N.size(); ++i) {
    smallest = std::min(smallest, std::abs(N[i] - N[i - 1]));
    largest = std::max(largest, std::abs(N[i] - N[i - 1]));
  }
  const double G = 1e-8;
  const FiniteVolumeGrowth upwind(grid, GrowthScheme::Upwind), albada(grid, GrowthScheme::VanAlbada);
  const FiniteVolumeGrowth flatAbove(grid, GrowthScheme::VanAlbada, 1e6 * largest);
  const FiniteVolumeGrowth flatBelow(grid, GrowthScheme::VanAlbada, 1e-6 * smallest);
  const std::vector<double> first = rates(upwind, N, G), second = rates(albada, N, G);
  const std::vector<double> above = rates(flatAbove, N, G), below = rates(flatBelow, N, G);
  double scale = 0.0;
  double apart = 0.0;  // the two schemes differ here, so the checks below can fail
  for (double r : second) scale = std::max(scale, std::abs(r));
  for (std::size_t i = 0; i < N.size(); ++i) apart = std::max(apart, std::abs(first[i] - second[i]));
  CHECK(apart > 1e-6 * scale);
  for (std::size_t i = 0; i < N.size(); ++i) {
    CHECK(above[i] == Approx(first[i]).margin(1e-9 * scale));
    CHECK(below[i] == Approx(second[i]).margin(1e-9 * scale));
  }
  checkBandJacobian(FiniteVolumeGrowth(grid, GrowthScheme::VanAlbada, smallest), grid, N, G);
}
