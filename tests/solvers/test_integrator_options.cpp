// The `solver:` section declaration and its translation into IntegratorOptions.
#include <catch2/catch.hpp>

#include <string>

#include "solvers/IntegratorOptions.h"

using namespace proscale;

TEST_CASE("integrator schema declares the solver keys", "[unit]") {
  const SchemaPtr schema = integratorSchema();
  REQUIRE(schema);
  CHECK(schema->name() == "solver");
  const ParamSpec* rtol = schema->find("rtol");
  REQUIRE(rtol);
  CHECK(rtol->type == ParamType::Real);
  CHECK(rtol->dimension.isDimensionless());
  CHECK(rtol->defaultText == "1e-6");
  // rtol in [1e-12, 1): CVODE cannot meet a test within a few thousand unit roundoffs
  REQUIRE(rtol->lower);
  CHECK(rtol->lower->inclusive);
  CHECK(rtol->lower->value == 1e-12);
  REQUIRE(rtol->upper);
  CHECK_FALSE(rtol->upper->inclusive);
  CHECK(rtol->upper->value == 1.0);
  // atol in [1e-30, 1] of each block's scale: atol * scale stays a normal double (issue 10,
  // defect 19: 1e-320 and 1e300 reached the integrator and were blamed on solver.linear)
  const ParamSpec* atol = schema->find("atol");
  REQUIRE(atol);
  REQUIRE(atol->lower);
  CHECK(atol->lower->value == 1e-30);
  REQUIRE(atol->upper);
  CHECK(atol->upper->value == 1.0);
  const ParamSpec* linear = schema->find("linear");
  REQUIRE(linear);
  CHECK(linear->type == ParamType::Choice);
  CHECK(linear->choices == std::vector<std::string>{"bordered", "klu", "dense", "gmres"});
  CHECK(linear->defaultText == "bordered");
  const ParamSpec* maxStep = schema->find("max-step");
  REQUIRE(maxStep);
  CHECK(maxStep->dimension == dim::time);
  CHECK_FALSE(maxStep->required);
  CHECK_FALSE(maxStep->defaultText);
  const ParamSpec* order = schema->find("max-order");
  REQUIRE(order);
  CHECK(order->type == ParamType::Integer);
  CHECK(order->upper->value == 5.0);
  for (const char* key : {"atol", "max-steps", "initial-step"}) CHECK(schema->find(key));
  const ParamSpec* krylov = schema->find("krylov-dimension");
  REQUIRE(krylov);
  CHECK(krylov->type == ParamType::Integer);
  CHECK(krylov->defaultText == "5");
  CHECK(krylov->lower->value == 1.0);
  const ParamSpec* epsLin = schema->find("linear-tolerance-factor");
  REQUIRE(epsLin);
  CHECK(epsLin->type == ParamType::Real);
  CHECK(epsLin->dimension.isDimensionless());
  CHECK(epsLin->defaultText == "1e-4");
  CHECK_FALSE(epsLin->lower->inclusive);
  CHECK(epsLin->upper->inclusive);
  // The declared defaults are the struct's.
  const IntegratorOptions d;
  CHECK(std::stoi(*krylov->defaultText) == d.krylovDimension);
  CHECK(std::stod(*epsLin->defaultText) == d.linearToleranceFactor);
}

TEST_CASE("integrator options from parameters", "[unit]") {
  SECTION("empty section keeps the defaults") {
    const IntegratorOptions o = integratorOptionsFrom(Parameters("solver", {}));
    const IntegratorOptions d;
    CHECK(o.rtol == d.rtol);
    CHECK(o.atol == d.atol);
    CHECK(o.linear == IntegratorOptions::LinearSolver::Bordered);
    CHECK(o.maxSteps == d.maxSteps);
    CHECK(o.initialStep == 0);
    CHECK(o.maxStep == 0);
    CHECK(o.maxOrder == 5);
    CHECK(o.krylovDimension == d.krylovDimension);
    CHECK(o.linearToleranceFactor == d.linearToleranceFactor);
  }
  SECTION("every key is read") {
    Parameters p("solver", {});
    p.set("rtol", 1e-9, {});
    p.set("atol", 1e-11, {});
    p.set("linear", std::string("klu"), {});
    p.set("max-steps", 500L, {});
    p.set("initial-step", 1e-6, {});
    p.set("max-step", 10.0, {});
    p.set("max-order", 3L, {});
    p.set("krylov-dimension", 12L, {});
    p.set("linear-tolerance-factor", 0.1, {});
    const IntegratorOptions o = integratorOptionsFrom(p);
    CHECK(o.rtol == 1e-9);
    CHECK(o.atol == 1e-11);
    CHECK(o.linear == IntegratorOptions::LinearSolver::Klu);
    CHECK(o.maxSteps == 500);
    CHECK(o.initialStep == 1e-6);
    CHECK(o.maxStep == 10.0);
    CHECK(o.maxOrder == 3);
    CHECK(o.krylovDimension == 12);
    CHECK(o.linearToleranceFactor == 0.1);
    p.set("linear", std::string("dense"), {});
    CHECK(integratorOptionsFrom(p).linear == IntegratorOptions::LinearSolver::Dense);
    CHECK(std::string(linearSolverKey(IntegratorOptions::LinearSolver::Dense)) == "dense");
    p.set("linear", std::string("gmres"), {});
    CHECK(integratorOptionsFrom(p).linear == IntegratorOptions::LinearSolver::Gmres);
    CHECK(std::string(linearSolverKey(IntegratorOptions::LinearSolver::Gmres)) == "gmres");
  }
  SECTION("an unknown linear solver is an input error at that key") {
    Parameters p("solver", {});
    p.set("linear", std::string("lapack"), SourceMark{"case.yaml", 7, 11});
    CHECK_THROWS_AS(integratorOptionsFrom(p), InputError);
    try {
      integratorOptionsFrom(p);
    } catch (const InputError& e) {
      CHECK(e.keyPath() == "solver.linear");
      CHECK(e.mark().line == 7);
    }
  }
}
