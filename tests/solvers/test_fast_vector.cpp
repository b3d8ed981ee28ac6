// The compiled-in serial N_Vector kernels reproduce SUNDIALS' own bit for bit.
#include <catch2/catch.hpp>

#include <cstring>
#include <memory>
#include <random>
#include <utility>
#include <vector>

#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunlinsol/sunlinsol_spgmr.h>

#include "solvers/FastSerialVector.h"

using namespace proscale;

namespace {

constexpr sunindextype kLength = 37;

// Four vectors with identical contents: one set with SUNDIALS' kernels, one with ours.
struct Family {
  Family(SUNContext context, bool fast) {
    for (auto& v : vectors) {
      v = N_VNew_Serial(kLength, context);
      if (fast) sun::installFastSerialOps(v);
    }
  }
  ~Family() {
    for (auto v : vectors) N_VDestroy(v);
  }
  Family(const Family&) = delete;
  Family& operator=(const Family&) = delete;
  N_Vector vectors[4]{};
};

class Fixture {
 public:
  Fixture() {
    SUNContext_Create(nullptr, &m_context);
    m_reference = std::make_unique<Family>(m_context, false);
    m_fast = std::make_unique<Family>(m_context, true);
  }
  ~Fixture() {
    m_reference.reset();
    m_fast.reset();
    SUNContext_Free(&m_context);
  }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  /// Fills both families with the same random data (a few special values included).
  void randomize(unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-3.0, 3.0);
    for (int v = 0; v < 4; ++v)
      for (sunindextype i = 0; i < kLength; ++i) {
        const double value = i == 5 ? 0.0 : i == 6 ? -1.0 : u(rng);
        NV_Ith_S(m_reference->vectors[v], i) = value;
        NV_Ith_S(m_fast->vectors[v], i) = value;
      }
  }
  /// Runs `op` on both families and requires bitwise equal vectors afterwards.
  template <class Op>
  void same(Op op) {
    op(m_reference->vectors);
    op(m_fast->vectors);
    for (int v = 0; v < 4; ++v)
      REQUIRE(std::memcmp(N_VGetArrayPointer(m_reference->vectors[v]),
                          N_VGetArrayPointer(m_fast->vectors[v]), sizeof(double) * kLength) == 0);
  }
  /// Runs `op` on both families and returns the two results.
  template <class Op>
  auto both(Op op) {
    return std::pair{op(m_reference->vectors), op(m_fast->vectors)};
  }
  template <class Op>
  void sameValue(Op op) {
    const double a = op(m_reference->vectors), b = op(m_fast->vectors);
    REQUIRE(std::memcmp(&a, &b, sizeof a) == 0);
  }

 private:
  SUNContext m_context = nullptr;
  std::unique_ptr<Family> m_reference, m_fast;
};

}  // namespace

TEST_CASE("fast serial vector kernels are bitwise equal to SUNDIALS'", "[unit]") {
  Fixture f;
  const double coefficients[][2] = {{1, 1},  {1, -1}, {-1, 1},   {-1, -1}, {2, 2},  {2, -2},
                                    {0.5, 3}, {1, 3},  {3, 1},    {-1, 3},  {3, -1}, {0, 2},
                                    {2, 0},   {-0.7, -0.7}, {1e-3, 7}};
  unsigned seed = 1;
  for (const auto& c : coefficients) {
    INFO("a = " << c[0] << ", b = " << c[1]);
    for (int out : {2, 0, 1}) {  // z separate, z == x, z == y
      f.randomize(seed++);
      f.same([&](N_Vector* v) { N_VLinearSum(c[0], v[0], c[1], v[1], v[out]); });
    }
  }
  for (double c : {1.0, -1.0, 2.5}) {
    f.randomize(seed++);
    f.same([&](N_Vector* v) { N_VScale(c, v[0], v[2]); });
    f.same([&](N_Vector* v) { N_VScale(c, v[0], v[0]); });
  }
  f.randomize(seed++);
  f.same([](N_Vector* v) { N_VConst(0.25, v[3]); });
  f.same([](N_Vector* v) { N_VProd(v[0], v[1], v[2]); });
  f.same([](N_Vector* v) { N_VDiv(v[0], v[1], v[2]); });
  f.same([](N_Vector* v) { N_VAbs(v[0], v[2]); });
  f.same([](N_Vector* v) { N_VInv(v[1], v[2]); });
  f.same([](N_Vector* v) { N_VAddConst(v[0], -0.5, v[2]); });
  f.same([](N_Vector* v) { N_VCompare(1.0, v[0], v[2]); });
  f.sameValue([](N_Vector* v) { return N_VDotProd(v[0], v[1]); });
  f.sameValue([](N_Vector* v) { return N_VMaxNorm(v[0]); });
  f.sameValue([](N_Vector* v) { return N_VWrmsNorm(v[0], v[1]); });
  f.sameValue([](N_Vector* v) { return N_VMin(v[1]); });
}

TEST_CASE("fast fused kernels are bitwise equal to SUNDIALS'", "[unit]") {
  Fixture f;
  double c[4] = {1.0, -0.3, 2.0, 0.7};
  for (int count = 1; count <= 3; ++count) {
    INFO(count << " vectors");
    f.randomize(static_cast<unsigned>(10 + count));
    f.same([&](N_Vector* v) { N_VLinearCombination(count, c, v, v[3]); });
    f.same([&](N_Vector* v) { N_VLinearCombination(count, c, v, v[0]); });  // z == X[0], c0 = 1
    c[0] = 1.5;
    f.same([&](N_Vector* v) { N_VLinearCombination(count, c, v, v[0]); });  // z == X[0]
    c[0] = 1.0;
    f.same([&](N_Vector* v) {
      N_Vector Y[2] = {v[1], v[2]}, Z[2] = {v[3], v[0]};
      N_VScaleAddMulti(count > 2 ? 2 : count, c, v[0], Y, Z);
    });
    f.same([&](N_Vector* v) {
      N_Vector Y[2] = {v[1], v[2]};
      N_VScaleAddMulti(count > 2 ? 2 : count, c, v[0], Y, Y);  // in place
    });
  }
}

namespace {

// A x = tridiag(-1, 4 + i/10, -1.5) x, and a Jacobi (diagonal) preconditioner.
int tridiagonalTimes(void*, N_Vector v, N_Vector z) {
  const double* vd = N_VGetArrayPointer(v);
  double* zd = N_VGetArrayPointer(z);
  for (sunindextype i = 0; i < kLength; ++i)
    zd[i] = (4 + 0.1 * static_cast<double>(i)) * vd[i] - (i > 0 ? vd[i - 1] : 0.0) -
            1.5 * (i + 1 < kLength ? vd[i + 1] : 0.0);
  return 0;
}
int diagonalSolve(void*, N_Vector r, N_Vector z, double, int) {
  for (sunindextype i = 0; i < kLength; ++i)
    NV_Ith_S(z, i) = NV_Ith_S(r, i) / (4 + 0.1 * static_cast<double>(i));
  return 0;
}

}  // namespace

TEST_CASE("GMRES (SPGMR) runs bitwise alike on fast and SUNDIALS kernels", "[unit]") {
  // SPGMR with left preconditioning and scaling, as CVODE drives it, uses N_VScale,
  // N_VLinearSum, N_VProd, N_VDiv, N_VDotProd, N_VConst and N_VLinearCombination (modified
  // Gram-Schmidt; SUNDIALS 6.4.1 sunlinsol_spgmr.c, sundials_iterative.c): all compiled in.
  Fixture f;
  f.randomize(99);
  const auto solve = [](N_Vector* v) {  // v: b, weights (made positive), x, scratch
    SUNLinearSolver S = SUNLinSol_SPGMR(v[0], SUN_PREC_LEFT, 5, v[0]->sunctx);
    REQUIRE(S != nullptr);
    N_VAbs(v[1], v[1]);
    N_VAddConst(v[1], 0.5, v[1]);
    SUNLinSolSetATimes(S, nullptr, tridiagonalTimes);
    SUNLinSolSetPreconditioner(S, nullptr, nullptr, diagonalSolve);
    REQUIRE(SUNLinSolInitialize(S) == SUNLS_SUCCESS);
    SUNLinSolSetScalingVectors(S, v[1], v[1]);
    REQUIRE(SUNLinSolSetup(S, nullptr) == SUNLS_SUCCESS);
    N_VConst(0.0, v[2]);
    SUNLinSolSetZeroGuess(S, SUNTRUE);
    const int flag = SUNLinSolSolve(S, nullptr, v[2], v[0], 1e-10);
    const std::pair result{SUNLinSolNumIters(S), SUNLinSolResNorm(S)};
    SUNLinSolFree(S);
    CHECK((flag == SUNLS_SUCCESS || flag == SUNLS_RES_REDUCED));
    return result;
  };
  const auto [reference, fast] = f.both(solve);
  CHECK(reference.first == 5);  // the whole Krylov dimension: every kernel is exercised
  CHECK(fast.first == reference.first);
  CHECK(std::memcmp(&fast.second, &reference.second, sizeof(double)) == 0);
  f.same([](N_Vector*) {});  // the solutions (and every other vector) are bitwise equal
}
