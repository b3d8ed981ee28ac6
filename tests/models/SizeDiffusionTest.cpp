// The molecular fluctuations of growth (models/particles/GrowthFluctuations.h) and their
// finite-volume discretisation (models/pbe/FiniteVolumeDiffusion.h): the diffusivity against the
// Becker-Doring attachment frequency of diffusion to a sphere, its slopes against differences,
// and the discrete operator against the exact solution of the Zeldovich-Frenkel equation.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/Constants.h"
#include "models/particles/GrowthFluctuations.h"
#include "models/particles/GrowthLaws.h"
#include "models/pbe/FiniteVolumeDiffusion.h"
#include "RateLawSupport.h"

using namespace proscale;

namespace {
constexpr double kSphere = constants::pi / 6.0;

/// A molecular solute (one species, nu = 1) at concentration c [mol/m^3] and ln S.
DrivingForce solute(double lnS, double c) {
  DrivingForce f;
  f.T = 298.15;
  f.lnS = lnS;
  f.c = c;
  f.cSat = c / std::exp(lnS);
  f.molarVolume = 5.2e-5;
  f.nu = 1.0;
  f.ions = 1;
  f.ionNu = {1.0};
  f.ionC = {c};
  return f;
}

InterfaceGrowth diffusionToSphere(double D, double gamma) {
  InterfaceGrowth::Settings s;
  s.diffusivity = AqueousDiffusivity(D, 298.15);
  s.gibbsThomson.given = gamma;
  return InterfaceGrowth(s);
}

/// D_L at size L for the law and force (the formula of PrecipitationPoint::sizeDiffusivity).
RateAndSlopes diffusivity(const GrowthLaw& law, const DrivingForce& f, double L) {
  auto growthAt = [&](const DrivingForce& g) { return law.rate(g, L); };
  RateAndSlopes D = exchangeRate(growthAt, f, law.lnEquilibriumRatio(f, L), law.rate(f, L));
  D.scale(sizeStepPerSpecies(f, L, kSphere));
  return D;
}
}  // namespace

TEST_CASE("Fluctuation diffusivity equals the Becker-Doring attachment frequency times a^2",
          "[unit][nucleation]") {
  // At the critical size (S = S_eq(L*)) attachment and detachment balance, and the Zeldovich-
  // Frenkel diffusivity in g is the attachment frequency of diffusion to a sphere,
  // beta = 2 pi L D c N_A (Kashchiev 2000, ch. 10), so D_L = beta a^2, a = v_m / (3 k_v L^2).
  // The law knows nothing of beta: D_L comes from G by detailed balance. gamma 0.1 J/m^2,
  // V_m 5.2e-5 m^3/mol, D 1e-9 m^2/s, c 1 mol/m^3.
  const double D = 1e-9, gamma = 0.1, c = 1.0;
  const InterfaceGrowth law = diffusionToSphere(D, gamma);
  for (const double L : {1e-9, 3e-9, 2e-8}) {
    // ln S at which L is critical: ln S_eq(L) = 4 gamma V_m / (R T L)
    const double lnS = 4 * gamma * 5.2e-5 / (constants::R * 298.15 * L);
    const DrivingForce f = solute(lnS, c);
    REQUIRE(law.rate(f, L).value == Approx(0.0).margin(1e-20));
    const double vm = 5.2e-5 / constants::NA, a = vm / (3 * kSphere * L * L);
    const double beta = 2 * constants::pi * L * D * c * constants::NA;
    INFO("L = " << L);
    CHECK(diffusivity(law, f, L).value == Approx(beta * a * a).epsilon(1e-6));
    // Far from equilibrium, the same law: D_L = a G / ln(S/S_eq).
    const DrivingForce far = solute(lnS + 0.5, c);
    CHECK(diffusivity(law, far, L).value ==
          Approx(a * law.rate(far, L).value / 0.5).epsilon(1e-12));
  }
}

TEST_CASE("Fluctuation diffusivity: slopes against differences, near and far from L*",
          "[unit][jacobian]") {
  // BaSO4 with diffusion and surface integration in series and Gibbs-Thomson solubility (the
  // flagship's law); L* = 1 nm at ln S = 4 gamma V_m / (nu R T L*). The slopes hold inside the
  // interpolated band |ln(S/S_eq)| < 1e-4 and outside it.
  InterfaceGrowth::Settings s;
  s.diffusivity = AqueousDiffusivity(9.4e-10, 298.15);
  s.gibbsThomson.given = 0.126;
  s.integration = IntegrationLaw{2.48e-11, 2.0};
  const InterfaceGrowth law(s);
  const double L = 1e-9;
  const double lnSeq = 4 * 0.126 * (233.39e-3 / 4480.0) / (2 * constants::R * 298.15 * L);
  for (const double x : {0.3, -0.2, 5e-5, -2e-5}) {
    INFO("ln(S/S_eq) = " << x);
    DrivingForce f = test::baso4(std::exp(lnSeq + x), 20.0, 30.0);
    CHECK(diffusivity(law, f, L).value > 0.0);
    // h = 1e-6 in the differences is far inside the band: there the interpolant is exact-linear.
    test::checkSlopes([&](const DrivingForce& g) { return diffusivity(law, g, L); }, f, 1e-4);
  }
}

namespace {
/// Exact solution of the Zeldovich-Frenkel equation with D_L = b a^2 (a constant diffusivity b
/// in g = L^3 / 3, a = dL/dg = 1/L^2): f(g) Gaussian in g, centre g0, variance s^2 (any time),
/// df/dt = b f''(g). Per class [L_i, L_i+1]: N_i = int f dg, dN_i/dt = b [f'(g)] over the class.
struct GaussianInG {
  double g0, s, b;
  double g(double L) const { return L * L * L / 3.0; }
  double cdf(double L) const { return 0.5 * std::erfc(-(g(L) - g0) / (s * std::sqrt(2.0))); }
  double slope(double L) const {  // f'(g)
    const double z = (g(L) - g0) / s;
    return -z / s * std::exp(-0.5 * z * z) / (s * std::sqrt(2 * constants::pi));
  }
};

/// Max over classes of |discrete - exact dN/dt|, relative to the largest exact rate.
double consistencyError(std::size_t classes, const GaussianInG& exact) {
  // k_v chosen so that the grid's volumes are irrelevant; the operator sees faces and pivots.
  const SizeGrid grid(1.0, 3.0, classes, GridSpacing::Geometric, kSphere);
  const FiniteVolumeDiffusion op(grid);
  const auto& L = grid.faces();
  std::vector<double> N(classes), D(classes + 1), rate(classes, 0.0);
  for (std::size_t i = 0; i < classes; ++i) N[i] = exact.cdf(L[i + 1]) - exact.cdf(L[i]);
  for (std::size_t k = 0; k <= classes; ++k) D[k] = exact.b / std::pow(L[k], 4);  // b a^2
  op.addRates(N, D, rate);
  double sum = 0.0, worst = 0.0, scale = 0.0;
  for (std::size_t i = 0; i < classes; ++i) {
    const double want = exact.b * (exact.slope(L[i + 1]) - exact.slope(L[i]));
    worst = std::max(worst, std::abs(rate[i] - want));
    scale = std::max(scale, std::abs(want));
    sum += rate[i];
  }
  CHECK(std::abs(sum) <= 1e-13 * scale * static_cast<double>(classes));  // conserves number
  return worst / scale;
}
}  // namespace

TEST_CASE("Size-space diffusion: second-order consistent with the Zeldovich-Frenkel equation",
          "[validation][pbe]") {
  // g from 1/3 to 9 on L in [1, 3]; the Gaussian at g0 = 4.5, s = 0.8 is 4.2 s from the lower
  // end (f ~ 1e-4 of its peak, where the zero-flux face leaves an O(f') error) and 5.6 s from
  // the top. The discrete rate must converge to the exact one at order >= 1.8 (second order on
  // a smooth geometric grid; observed orders are printed).
  const GaussianInG exact{4.5, 0.8, 0.1};
  std::vector<double> errors;
  for (const std::size_t n : {50, 100, 200, 400}) errors.push_back(consistencyError(n, exact));
  for (std::size_t k = 1; k < errors.size(); ++k) {
    const double order = std::log2(errors[k - 1] / errors[k]);
    INFO("classes " << (50 << k) << ": error " << errors[k] << ", order " << order);
    CHECK(order > 1.8);
    CHECK(order < 2.3);
  }
}

TEST_CASE("Size-space diffusion: the Jacobian is the operator's matrix", "[unit][jacobian]") {
  const SizeGrid grid(1e-9, 1e-6, 30, GridSpacing::Geometric, kSphere);
  const FiniteVolumeDiffusion op(grid);
  std::vector<double> D(31), N(30);
  for (std::size_t k = 0; k < D.size(); ++k) D[k] = 1e-20 * (1.0 + 0.1 * static_cast<double>(k));
  for (std::size_t i = 0; i < N.size(); ++i) N[i] = 1e15 * std::exp(-0.1 * static_cast<double>(i));
  BorderedBandJacobian J(BorderedBandShape{0, 30, 1, 1});
  J.setZero();
  op.addJacobian(D, J);
  // The operator is linear in N: J N equals the rates, column by column.
  for (std::size_t j = 0; j < N.size(); ++j) {
    std::vector<double> unit(N.size(), 0.0), rate(N.size(), 0.0);
    unit[j] = 1.0;
    op.addRates(unit, D, rate);
    for (std::size_t i = (j > 0 ? j - 1 : 0); i < std::min(N.size(), j + 2); ++i)
      CHECK(J.B(i, j) == Approx(rate[i]).epsilon(1e-14).margin(1e-300));
  }
}
