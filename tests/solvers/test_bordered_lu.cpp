// The bordered-band Schur-complement LU on its own, against Eigen's dense LU.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include <Eigen/Dense>

#include "solvers/BorderedBandLU.h"
#include "solvers/BorderedBandMatrix.h"

using namespace proscale;

namespace {

// A random bordered-band Jacobian; the band block is made diagonally dominant so that B (and
// hence the Schur complement) is well conditioned, and D is shifted so that S = D - R B^-1 C is.
BorderedBandJacobian randomJacobian(BorderedBandShape s, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  BorderedBandJacobian J(s);
  for (std::size_t i = 0; i < s.border; ++i) {
    for (std::size_t j = 0; j < s.border; ++j) J.D(i, j) = u(rng);
    J.D(i, i) += 4.0 + static_cast<double>(s.band) / 10;
    for (std::size_t j = 0; j < s.band; ++j) J.R(i, j) = u(rng) / 10;
  }
  for (std::size_t i = 0; i < s.band; ++i) {
    for (std::size_t j = 0; j < s.border; ++j) J.C(i, j) = u(rng);
    for (std::size_t j = 0; j < s.band; ++j)
      if (J.inBand(i, j)) J.B(i, j) = u(rng);
    J.B(i, i) = 0.5 * u(rng) + (u(rng) > 0 ? 1 : -1) * (s.lower + s.upper + 1.5);
  }
  return J;
}

Eigen::MatrixXd dense(const BorderedBandJacobian& J) {
  const auto size = static_cast<Eigen::Index>(J.shape().size());
  Eigen::MatrixXd M(size, size);
  for (Eigen::Index r = 0; r < size; ++r)
    for (Eigen::Index c = 0; c < size; ++c)
      M(r, c) = J.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
  return M;
}

void checkAgainstEigen(const BorderedBandJacobian& J, unsigned seed) {
  const BorderedBandShape s = J.shape();
  const Eigen::MatrixXd Md = dense(J);
  std::mt19937 rng(seed + 1);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  Eigen::VectorXd b(Md.rows());
  for (auto& v : b) v = u(rng);
  const Eigen::VectorXd expected = Md.partialPivLu().solve(b);

  BorderedBandMatrix M(s);
  M.assign(J);
  BorderedBandLU lu(s);
  REQUIRE(lu.factor(M) == 0);
  std::vector<double> x(b.begin(), b.end());
  lu.solve(M, x);
  const Eigen::Map<const Eigen::VectorXd> got(x.data(), static_cast<Eigen::Index>(x.size()));
  // Both are backward-stable direct solves of a matrix with condition number O(10); 1e-12
  // relative (in the 2-norm) leaves a margin of ~1e3 over double rounding.
  CHECK((got - expected).norm() <= 1e-12 * expected.norm());
  // The same factorization serves repeated solves (CVODE reuses it across Newton iterations).
  std::vector<double> again(b.begin(), b.end());
  lu.solve(M, again);
  CHECK(again == x);
}

void checkAgainstEigen(BorderedBandShape s, unsigned seed) {
  checkAgainstEigen(randomJacobian(s, seed), seed);
}

// The border of a compartment network: C acts only through some border columns (the others,
// budgets and the like, are zero), and each border row sees only its own zone's classes (every
// third band column, zone = index mod 3). The LU skips those zeros (BorderedBandLU.h).
BorderedBandJacobian networkLikeJacobian(BorderedBandShape s, unsigned seed,
                                         std::size_t everyNthColumnActive) {
  BorderedBandJacobian J = randomJacobian(s, seed);
  for (std::size_t j = 0; j < s.border; ++j)
    if (j % everyNthColumnActive != 0)
      for (std::size_t i = 0; i < s.band; ++i) J.C(i, j) = 0.0;
  for (std::size_t i = 0; i < s.border; ++i)
    for (std::size_t l = 0; l < s.band; ++l)
      if (l % 3 != i % 3) J.R(i, l) = 0.0;
  return J;
}

}  // namespace

TEST_CASE("bordered-band matrix: assign, entries and I + cJ", "[unit]") {
  const BorderedBandShape s{3, 12, 2, 1};
  const BorderedBandJacobian J = randomJacobian(s, 7);
  BorderedBandMatrix M(s);
  M.assign(J);
  for (std::size_t r = 0; r < s.size(); ++r)
    for (std::size_t c = 0; c < s.size(); ++c) REQUIRE(M.at(r, c) == J.at(r, c));
  M.scaleAddIdentity(-0.5);
  for (std::size_t r = 0; r < s.size(); ++r)
    for (std::size_t c = 0; c < s.size(); ++c)
      REQUIRE(M.at(r, c) == Approx((r == c ? 1.0 : 0.0) - 0.5 * J.at(r, c)).margin(1e-15));
  BorderedBandMatrix copy(s);
  copy = M;
  CHECK(copy.at(4, 5) == M.at(4, 5));
  CHECK(copy.sameStructure(M));
}

TEST_CASE("bordered LU solves like a dense LU", "[unit]") {
  SECTION("k = 3, n = 60, lower 2, upper 1") { checkAgainstEigen({3, 60, 2, 1}, 1); }
  SECTION("k = 2, n = 200, lower 2, upper 1") { checkAgainstEigen({2, 200, 2, 1}, 2); }
  SECTION("k = 1, n = 50, lower 0, upper 3") { checkAgainstEigen({1, 50, 0, 3}, 3); }
  SECTION("no border: k = 0 (plain band LU)") { checkAgainstEigen({0, 40, 1, 1}, 4); }
  SECTION("no band: n = 0 (plain dense LU of D)") { checkAgainstEigen({5, 0, 0, 0}, 5); }
  SECTION("bandwidth wider than the band block is clipped") { checkAgainstEigen({2, 3, 4, 4}, 6); }
}

TEST_CASE("bordered LU with sparse borders solves like a dense LU", "[unit]") {
  const BorderedBandShape s{9, 90, 5, 5};
  SECTION("a third of C's columns non-zero, R by zone") {
    const BorderedBandJacobian J = networkLikeJacobian(s, 11, 3);
    checkAgainstEigen(J, 11);
    BorderedBandMatrix M(s);
    M.assign(J);
    BorderedBandLU lu(s);
    REQUIRE(lu.factor(M) == 0);
    CHECK(lu.activeBorderColumns() == 3);  // columns 0, 3, 6
  }
  SECTION("C all zero: the border decouples, S = D") { checkAgainstEigen(networkLikeJacobian(s, 12, 100), 12); }
  SECTION("the structure is found anew at each factor") {
    // One LU object factors a sparse matrix, then a dense one, then the sparse one again; each
    // solve must match the dense LU of its own matrix.
    BorderedBandLU lu(s);
    for (const unsigned seed : {13u, 14u, 15u}) {
      const BorderedBandJacobian J =
          seed == 14u ? randomJacobian(s, seed) : networkLikeJacobian(s, seed, 4);
      BorderedBandMatrix M(s);
      M.assign(J);
      REQUIRE(lu.factor(M) == 0);
      CHECK(lu.activeBorderColumns() == (seed == 14u ? s.border : 3));  // 0, 4, 8
      const Eigen::MatrixXd Md = dense(J);
      Eigen::VectorXd b = Eigen::VectorXd::LinSpaced(Md.rows(), -1.0, 2.0);
      const Eigen::VectorXd expected = Md.partialPivLu().solve(b);
      std::vector<double> x(b.begin(), b.end());
      lu.solve(M, x);
      const Eigen::Map<const Eigen::VectorXd> got(x.data(), static_cast<Eigen::Index>(x.size()));
      // As in checkAgainstEigen: two backward-stable solves of a well-conditioned matrix.
      CHECK((got - expected).norm() <= 1e-12 * expected.norm());
    }
  }
}

TEST_CASE("bordered LU reports zero pivots", "[unit]") {
  SECTION("singular band block") {
    const BorderedBandShape s{2, 10, 1, 1};
    BorderedBandJacobian J = randomJacobian(s, 8);
    for (std::size_t j = 0; j < s.band; ++j)
      if (J.inBand(4, j)) J.B(4, j) = 0;  // row 4 of B vanishes
    BorderedBandMatrix M(s);
    M.assign(J);
    BorderedBandLU lu(s);
    CHECK(lu.factor(M) > s.border);
  }
  SECTION("singular Schur complement") {
    const BorderedBandShape s{2, 10, 1, 1};
    BorderedBandJacobian J = randomJacobian(s, 9);
    for (std::size_t j = 0; j < s.border; ++j) J.D(1, j) = 0;  // border row 1 vanishes
    for (std::size_t j = 0; j < s.band; ++j) J.R(1, j) = 0;
    BorderedBandMatrix M(s);
    M.assign(J);
    BorderedBandLU lu(s);
    CHECK(lu.factor(M) == 2);
  }
}
