// The compressed rows of a bordered-band Jacobian (the Krylov solver's Jacobian-vector
// products) against the bordered-band matrix's own product, on a matrix with zeros scattered
// over every block (a network's border blocks are mostly zero), and its check for non-finite
// entries.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/CompressedRows.h"

using namespace proscale;

namespace {

BorderedBandJacobian sparseRandom(BorderedBandShape s, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  auto entry = [&] { return u(rng) > 0.3 ? u(rng) : 0.0; };  // about 35 % non-zero
  BorderedBandJacobian J(s);
  for (std::size_t i = 0; i < s.border; ++i) {
    for (std::size_t j = 0; j < s.border; ++j) J.D(i, j) = entry();
    for (std::size_t j = 0; j < s.band; ++j) J.R(i, j) = entry();
  }
  for (std::size_t i = 0; i < s.band; ++i) {
    for (std::size_t j = 0; j < s.border; ++j) J.C(i, j) = entry();
    for (std::size_t j = 0; j < s.band; ++j)
      if (J.inBand(i, j)) J.B(i, j) = entry();
  }
  return J;
}

}  // namespace

TEST_CASE("Compressed rows multiply as the bordered-band Jacobian they were taken from",
          "[unit][solvers]") {
  const BorderedBandShape s{7, 40, 3, 2};
  const BorderedBandJacobian J = sparseRandom(s, 11);
  CompressedRows rows;
  REQUIRE(rows.assign(J));
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<double> x(s.size()), expected(s.size()), y(s.size());
  for (double& v : x) v = u(rng);
  J.multiply(x, expected);
  rows.multiply(x, y);
  // Sums of at most 47 products of numbers below 1 in another order: round-off ~1e-15.
  for (std::size_t i = 0; i < s.size(); ++i) CHECK(y[i] == Approx(expected[i]).margin(1e-13));

  // A second assign replaces the first (a zero pattern that changed is followed).
  const BorderedBandJacobian K = sparseRandom(s, 12);
  REQUIRE(rows.assign(K));
  K.multiply(x, expected);
  rows.multiply(x, y);
  for (std::size_t i = 0; i < s.size(); ++i) CHECK(y[i] == Approx(expected[i]).margin(1e-13));
}

TEST_CASE("Compressed rows refuse a Jacobian with a non-finite entry in any block",
          "[unit][solvers]") {
  const BorderedBandShape s{3, 10, 1, 1};
  const double bad[] = {std::numeric_limits<double>::quiet_NaN(),
                        std::numeric_limits<double>::infinity()};
  for (double value : bad)
    for (int block = 0; block < 4; ++block) {
      BorderedBandJacobian J = sparseRandom(s, 3);
      if (block == 0) J.D(1, 2) = value;
      if (block == 1) J.R(2, 7) = value;
      if (block == 2) J.C(9, 0) = value;
      if (block == 3) J.B(4, 5) = value;
      CompressedRows rows;
      INFO("block " << block << ", value " << value);
      CHECK_FALSE(rows.assign(J));
    }
}
