// The bordered matrix and solver as SUNDIALS objects: the operations CVODE's linear-solver
// interface performs on them (clone, zero, copy, I - gamma J, setup, solve), and the
// preconditioner callbacks GMRES calls through it.
#include <catch2/catch.hpp>

#include <cmath>
#include <span>
#include <vector>

#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>

#include "solvers/BorderedBandMatrix.h"
#include "solvers/ModelBridge.h"
#include "solvers/SunBordered.h"
#include "solvers/SunHandles.h"
#include "TestSystems.h"

using namespace proscale;

namespace {

BorderedBandJacobian exampleJacobian(BorderedBandShape s) {
  BorderedBandJacobian J(s);
  for (std::size_t i = 0; i < s.border; ++i) {
    J.D(i, i) = -3.0 - static_cast<double>(i);
    for (std::size_t j = 0; j < s.band; ++j)
      J.R(i, j) = 0.01 * std::sin(static_cast<double>(i + j));
  }
  for (std::size_t i = 0; i < s.band; ++i) {
    for (std::size_t j = 0; j < s.border; ++j)
      J.C(i, j) = 0.2 * std::cos(static_cast<double>(i * j));
    J.B(i, i) = -2.0 - 0.1 * static_cast<double>(i);
    if (i > 0) J.B(i, i - 1) = 1.0;
    if (i + 1 < s.band) J.B(i, i + 1) = 0.5;
  }
  return J;
}

}  // namespace

TEST_CASE("bordered SUNMatrix and SUNLinearSolver follow CVODE's protocol", "[unit]") {
  const BorderedBandShape s{2, 30, 1, 1};
  SUNContext raw = nullptr;
  REQUIRE(SUNContext_Create(nullptr, &raw) == 0);
  const sun::Context context(raw);
  const sun::Matrix A(newBorderedSunMatrix(s, raw));
  const sun::LinearSolver LS(newBorderedSunLinearSolver(s, raw));
  REQUIRE(A);
  REQUIRE(LS);
  CHECK(SUNMatGetID(A.get()) == SUNMATRIX_CUSTOM);
  CHECK(SUNLinSolGetType(LS.get()) == SUNLINEARSOLVER_DIRECT);

  // What cvLsLinSys does: zero, fill J (the Jacobian callback), save a copy, form I - gamma J.
  const BorderedBandJacobian J = exampleJacobian(s);
  const sun::Matrix saved(SUNMatClone(A.get()));
  REQUIRE(saved);
  REQUIRE(SUNMatZero(A.get()) == SUNMAT_SUCCESS);
  borderedContent(A.get()).assign(J);
  REQUIRE(SUNMatCopy(A.get(), saved.get()) == SUNMAT_SUCCESS);
  const double gamma = 0.05;
  REQUIRE(SUNMatScaleAddI(-gamma, A.get()) == SUNMAT_SUCCESS);
  CHECK(borderedContent(saved.get()).at(3, 4) == J.at(3, 4));
  CHECK(borderedContent(A.get()).at(3, 3) == 1.0 - gamma * J.at(3, 3));

  REQUIRE(SUNLinSolInitialize(LS.get()) == SUNLS_SUCCESS);
  REQUIRE(SUNLinSolSetup(LS.get(), A.get()) == SUNLS_SUCCESS);
  const sun::Vector x(N_VNew_Serial(static_cast<sunindextype>(s.size()), raw));
  const sun::Vector b(N_VNew_Serial(static_cast<sunindextype>(s.size()), raw));
  for (std::size_t i = 0; i < s.size(); ++i)
    NV_Ith_S(b.get(), i) = 1.0 + 0.1 * static_cast<double>(i);
  REQUIRE(SUNLinSolSolve(LS.get(), A.get(), x.get(), b.get(), 0.0) == SUNLS_SUCCESS);
  // Residual of (I - gamma J) x = b, with J x from the Jacobian's own product.
  std::vector<double> xv(s.size()), Jx(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) xv[i] = NV_Ith_S(x.get(), i);
  J.multiply(xv, Jx);
  for (std::size_t i = 0; i < s.size(); ++i)
    CHECK(xv[i] - gamma * Jx[i] == Approx(NV_Ith_S(b.get(), i)).epsilon(1e-13));

  // Restoring from the saved copy, as CVODE does when it reuses J with a new gamma.
  REQUIRE(SUNMatCopy(saved.get(), A.get()) == SUNMAT_SUCCESS);
  CHECK(borderedContent(A.get()).at(3, 3) == J.at(3, 3));

  long realWords = 0, intWords = 0;
  CHECK(SUNMatSpace(A.get(), &realWords, &intWords) == SUNMAT_SUCCESS);
  CHECK(realWords > 0);
}

TEST_CASE("a singular Newton matrix is a recoverable setup failure", "[unit]") {
  const BorderedBandShape s{1, 5, 1, 0};
  SUNContext raw = nullptr;
  REQUIRE(SUNContext_Create(nullptr, &raw) == 0);
  const sun::Context context(raw);
  const sun::Matrix A(newBorderedSunMatrix(s, raw));
  const sun::LinearSolver LS(newBorderedSunLinearSolver(s, raw));
  REQUIRE(SUNMatZero(A.get()) == SUNMAT_SUCCESS);  // the zero matrix: every pivot vanishes
  const int flag = SUNLinSolSetup(LS.get(), A.get());
  CHECK(flag == SUNLS_LUFACT_FAIL);
  CHECK(flag > 0);  // positive: CVODE retries the step with a smaller step size
  CHECK(SUNLinSolLastFlag(LS.get()) == 2);  // first band column (global index 1, 1-based 2)
}

TEST_CASE("preconditioner callbacks follow CVODE's protocol", "[unit]") {
  // cvLsPSetup passes jok: false asks for a fresh Jacobian (reported back through jcur), true
  // lets the saved one be reused with the new gamma; psolve applies (I - gamma J)^-1.
  test::DecayChain system;
  int evaluations = 0;
  system.onJacobian = [&evaluations](double) { ++evaluations; };
  ModelBridge bridge(system, {});
  bridge.enablePreconditioner();
  SUNContext raw = nullptr;
  REQUIRE(SUNContext_Create(nullptr, &raw) == 0);
  const sun::Context context(raw);
  const auto size = static_cast<sunindextype>(system.size());
  const sun::Vector y(N_VNew_Serial(size, raw)), fy(N_VNew_Serial(size, raw));
  const sun::Vector r(N_VNew_Serial(size, raw)), z(N_VNew_Serial(size, raw));
  const std::span<double> yv(N_VGetArrayPointer(y.get()), system.size());
  system.initialState(yv);
  system.rhs(0.0, yv, {N_VGetArrayPointer(fy.get()), system.size()});
  for (std::size_t i = 0; i < system.size(); ++i)
    NV_Ith_S(r.get(), i) = 1.0 + 0.2 * static_cast<double>(i);
  BorderedBandJacobian J(system.jacobianShape());
  system.jacobian(0.0, yv, {}, J);
  evaluations = 0;

  // Residual of (I - gamma J) z = r.
  auto requireSolved = [&](double gamma) {
    REQUIRE(ModelBridge::preconditionerSolve(0.0, y.get(), fy.get(), r.get(), z.get(), gamma,
                                             0.0, 1, &bridge) == 0);
    std::vector<double> zv(system.size()), Jz(system.size());
    for (std::size_t i = 0; i < system.size(); ++i) zv[i] = NV_Ith_S(z.get(), i);
    J.multiply(zv, Jz);
    for (std::size_t i = 0; i < system.size(); ++i)
      CHECK(zv[i] - gamma * Jz[i] == Approx(NV_Ith_S(r.get(), i)).epsilon(1e-13));
  };
  sunbooleantype jcur = SUNFALSE;
  REQUIRE(ModelBridge::preconditionerSetup(0.0, y.get(), fy.get(), SUNFALSE, &jcur, 0.01,
                                           &bridge) == 0);
  CHECK(jcur == SUNTRUE);
  CHECK(evaluations == 1);
  requireSolved(0.01);
  REQUIRE(ModelBridge::preconditionerSetup(0.0, y.get(), fy.get(), SUNTRUE, &jcur, 0.3,
                                           &bridge) == 0);
  CHECK(jcur == SUNFALSE);
  CHECK(evaluations == 1);  // the saved J, re-factored with the new gamma
  requireSolved(0.3);

  // J(0, 0) = -a = 2 and gamma = 1/2: I - gamma J is singular, a recoverable failure.
  system.a = -2;
  CHECK(ModelBridge::preconditionerSetup(0.0, y.get(), fy.get(), SUNFALSE, &jcur, 0.5,
                                         &bridge) == 1);
  CHECK_THAT(bridge.recoverableMessage(), Catch::Matchers::Contains("zero pivot at"));
  CHECK(bridge.fatalMessage().empty());
}
