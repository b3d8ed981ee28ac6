// The stirred vessel chains a particle representation's slopes to the fluid unknowns and gives
// the fluid rows the point model's coupling times the solid-volume row. Its Jacobian must then
// leave every conserved moiety of (solute, solid) unchanged, w^T J = 0, for any representation:
// Newton's corrections keep solute + solid to round-off only if it does. States are taken along
// the flagship run, where the rates span 20 orders of magnitude.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "CaseRunSupport.h"
#include "case/Overrides.h"
#include "models/points/PrecipitationPoint.h"

namespace proscale::test {
namespace {

/// max over the formula species f of |w_f^T J| / (|w_f|^T |J|), with w_f = e_f + (nu_f/V_m)
/// d(solid volume)/dy (the solid volume is linear in the state: its value at unit vectors).
double worstMoietyDrift(ProcessRun& run, std::size_t k) {
  auto& vessel = dynamic_cast<StirredVessel&>(*run.loaded.process);
  const auto& point = dynamic_cast<const PrecipitationPoint&>(vessel.point());
  const std::vector<double>& y = run.rec.y[k];
  const std::size_t n = y.size();
  std::vector<double> f(n), unit(n, 0.0), dSolid(n);
  vessel.rhs(run.rec.t[k], y, f);
  for (std::size_t j = point.fluidSize(); j < n; ++j) {
    unit[j] = 1.0;
    dSolid[j] = vessel.particles().solidVolume(unit);
    unit[j] = 0.0;
  }
  BorderedBandJacobian J(vessel.jacobianShape());
  vessel.jacobian(run.rec.t[k], y, f, J);
  double worst = 0.0;
  for (const auto& [fi, nu] : point.solid().formula()) {
    std::vector<double> w(n, 0.0);
    w[fi] = 1.0;
    for (std::size_t j = point.fluidSize(); j < n; ++j) w[j] = nu / point.solid().molarVolume() * dSolid[j];
    for (std::size_t c = 0; c < n; ++c) {
      double sum = 0.0, size = 0.0;
      for (std::size_t r = 0; r < n; ++r) {
        sum += w[r] * J.at(r, c);
        size += std::abs(w[r] * J.at(r, c));
      }
      if (size > 0.0) worst = std::max(worst, std::abs(sum) / size);
    }
  }
  return worst;
}

void checkAlongRun(const std::vector<std::string>& sets) {
  std::vector<Override> overrides;
  for (const auto& s : sets) overrides.push_back(parseOverride(s));
  ProcessRun run = runProcess("cases/baso4_batch.yaml", overrides);
  for (std::size_t k = 1; k < run.rec.t.size(); k += 7) {
    INFO("t = " << run.rec.t[k] << " s");
    // Cancellation of terms of one size leaves round-off: 1e-12 is 5000 ulps of the largest.
    CHECK(worstMoietyDrift(run, k) < 1e-12);
  }
}

}  // namespace

TEST_CASE("The vessel's Jacobian conserves solute + solid on size classes", "[jacobian]") {
  checkAlongRun({});
}

TEST_CASE("The vessel's Jacobian conserves solute + solid with QMOM", "[jacobian][qmom]") {
  // With film growth: moments cannot carry the flagship's Gibbs-Thomson growth with nuclei at
  // the critical size (refused at population.method; docs/theory/qmom.md, Limits).
  checkAlongRun({"population.method=qmom", "population.moment-count=4",
                 "growth={type: diffusion-limited, diffusivity: 9.4e-10 m^2/s, film-thickness: 50 nm}"});
}

}  // namespace proscale::test
