#pragma once
// Local states and slope checks shared by the rate-law tests.
#include <catch2/catch.hpp>
#include <cmath>

#include "models/particles/DrivingForce.h"

namespace proscale::test {

/// BaSO4 at 25 degC: V_m = 233.39e-3 / 4480 m^3/mol, nu = 2, c_sat = sqrt(K_sp) c° with
/// K_sp = 1.08e-10; free Ba+2 and SO4-2 at cBa and cSO4 [mol/m^3] (c their geometric mean).
inline DrivingForce baso4(double S, double cBa, double cSO4) {
  DrivingForce f;
  f.T = 298.15;
  f.lnS = std::log(S);
  f.c = std::sqrt(cBa * cSO4);
  f.cSat = std::sqrt(1.08e-10) * 1000.0;
  f.molarVolume = 233.39e-3 / 4480.0;
  f.nu = 2.0;
  f.ions = 2;
  f.ionNu = {1.0, 1.0};
  f.ionC = {cBa, cSO4};
  return f;
}
inline DrivingForce baso4(double S, double c) { return baso4(S, c, c); }

/// A rate's slopes against central differences in each of its arguments ln S, ln c, ln c_f
/// (the others held fixed, as the rate law sees them).
template <class Rate>
void checkSlopes(Rate rate, const DrivingForce& f, double tolerance = 1e-5) {
  const RateAndSlopes r = rate(f);
  const double h = 1e-6;
  auto difference = [&](auto&& shift) {
    DrivingForce up = f, down = f;
    shift(up, h);
    shift(down, -h);
    return (rate(up).value - rate(down).value) / (2 * h);
  };
  CHECK(r.dLnS == Approx(difference([](DrivingForce& g, double d) { g.lnS += d; }))
                      .epsilon(tolerance)
                      .margin(1e-300));
  CHECK(r.dLnC == Approx(difference([](DrivingForce& g, double d) { g.c *= std::exp(d); }))
                      .epsilon(tolerance)
                      .margin(1e-12 * std::abs(r.value)));
  for (std::size_t i = 0; i < f.ions; ++i)
    CHECK(r.dLnIon[i] ==
          Approx(difference([i](DrivingForce& g, double d) { g.ionC[i] *= std::exp(d); }))
              .epsilon(tolerance)
              .margin(1e-12 * std::abs(r.value)));
}

}  // namespace proscale::test
