#include "solvers/IntegratorOptions.h"

#include <memory>

namespace proscale {

SchemaPtr integratorSchema() {
  static const SchemaPtr schema = [] {
    auto s = std::make_shared<Schema>(
        "solver", "The solver of the case: time integration (CVODES, IDAS, PETSc TS) or steady "
                  "state (KINSOL, PETSc SNES).");
    s->add(ParamSpec::choice("type", {"cvodes", "idas", "kinsol", "petsc", "snes"},
                             "Which solver runs the case: `cvodes` integrates the explicit "
                             "system y' = f(t, y) in time (BDF, Newton); `idas` integrates the "
                             "residual form F(t, y, y') = 0 (differential-algebraic systems; "
                             "consistent initial values by IDACalcIC; dense linear solves); "
                             "`kinsol` finds the steady state f(y) = 0 by Newton's method with "
                             "a line search from the initial state (accumulated budgets are "
                             "held; the result is reported at the last output time); `petsc` "
                             "integrates F(t, y, y') = 0 with PETSc's TS (adaptive BDF of order "
                             "4, or max-order if lower; Newton, LU of the assembled Jacobian; "
                             "a tube's cells distributed over the MPI ranks, Newton-GMRES "
                             "preconditioned by its cells' blocks; all of it changeable through "
                             "petsc-options); `snes` finds a tube's steady state with PETSc's "
                             "SNES (Newton-GMRES as petsc's, budgets held as kinsol's).")
               .defaultsTo("cvodes"));
    s->add(ParamSpec::string("petsc-options",
                             "petsc and snes only: options for PETSc's options database, as on a PETSc "
                             "command line (e.g. `-ts_bdf_order 3 -ts_adapt_type basic "
                             "-log_view`)."));
    s->add(ParamSpec::real("steady-tolerance", dim::none,
                           "kinsol and snes only: the steady state is accepted when every "
                           "|f_i| is below this many state scales per second.")
               .defaultsTo("1e-10")
               .above(0));
    s->add(ParamSpec::integer("max-iterations", "kinsol and snes only: Newton iterations allowed.")
               .defaultsTo("200")
               .atLeast(1));
    s->add(ParamSpec::stringList(
               "sensitivities",
               "cvodes only: parameters (key paths of the case file, e.g. "
               "`growth.interfacial-energy`) whose forward sensitivities dy/dp CVODES integrates "
               "with the state; every time-series column's derivative to each is written to "
               "sensitivities.csv. `proscale check` lists a case's parameters.")
               .defaultsTo("[]"));
    s->add(ParamSpec::real("rtol", dim::none,
                           "Relative tolerance of the local error test (per component). From 1e-12 "
                           "(about 5000 unit roundoffs: CVODE cannot meet a tighter test) to "
                           "below 1.")
               .defaultsTo("1e-6")
               .atLeast(1e-12)
               .below(1));
    s->add(ParamSpec::real("atol", dim::none,
                           "Absolute tolerance in units of each state block's reference scale: "
                           "component i of block b gets atol * scale(b). From 1e-30 (far below "
                           "roundoff of a scaled unknown) to 1 (an error as large as the scale).")
               .defaultsTo("1e-8")
               .atLeast(1e-30)
               .atMost(1));
    s->add(ParamSpec::choice("linear", {"bordered", "klu", "dense", "gmres"},
                             "Linear solver of the Newton iteration. `bordered` eliminates the "
                             "dense border by a Schur complement over a banded LU (cost linear in "
                             "the number of size classes); `klu` is a general sparse LU; `dense` "
                             "is the only direct choice for models without an analytic Jacobian; "
                             "`gmres` is matrix-free GMRES (Jacobian-vector products by difference "
                             "quotients of f) left-preconditioned by the `bordered` LU of the "
                             "Newton matrix (unpreconditioned for models without an analytic "
                             "Jacobian). For models whose Jacobian is only an approximation (e.g. "
                             "aggregation), `bordered` means this preconditioned GMRES, and `klu` "
                             "and `dense` are rejected; for models without one (the moment "
                             "methods), `bordered` means `dense`.")
               .defaultsTo("bordered"));
    s->add(ParamSpec::integer("max-steps",
                              "Internal steps allowed between two consecutive output times.")
               .defaultsTo("100000")
               .atLeast(1));
    s->add(ParamSpec::real("initial-step", dim::time,
                           "First step size; when absent CVODE estimates it from the tolerances.")
               .unit("s")
               .above(0));
    s->add(ParamSpec::real("max-step", dim::time, "Largest step size; when absent unlimited.")
               .unit("s")
               .above(0));
    s->add(ParamSpec::integer("max-order", "Highest BDF order used (1 to 5).")
               .defaultsTo("5")
               .atLeast(1)
               .atMost(5));
    s->add(ParamSpec::integer("krylov-dimension",
                              "GMRES only: largest Krylov subspace per linear solve (no "
                              "restarts), i.e. at most this many Jacobian-vector products.")
               .defaultsTo("5")
               .atLeast(1)
               .atMost(500));
    s->add(ParamSpec::choice("jacobian-vector-products", {"differences", "model"},
                             "GMRES only: how its Jacobian-vector products are formed. "
                             "`differences`: a difference quotient of the right-hand side, one "
                             "right-hand side per product (CVODE's default). `model`: the model's "
                             "Jacobian, evaluated once per Newton iteration, plus its exact "
                             "product of the terms that Jacobian leaves out (aggregation and "
                             "breakage between distant size classes): no right-hand side per "
                             "product. `model` pays when the right-hand side is expensive (size-"
                             "dependent growth solved at every class face, compartment networks: "
                             "bench/README.md); for models without such a product it means "
                             "`differences`.")
               .defaultsTo("differences"));
    s->add(ParamSpec::real("linear-tolerance-factor", dim::none,
                           "GMRES only: the linear residual (weighted RMS norm) must fall below "
                           "this factor times the Newton iteration's tolerance (CVODE's eps_lin).")
               .defaultsTo("1e-4")
               .above(0)
               .atMost(1));
    return SchemaPtr(std::move(s));
  }();
  return schema;
}

IntegratorOptions integratorOptionsFrom(const Parameters& section) {
  IntegratorOptions o;
  if (section.has("rtol")) o.rtol = section.real("rtol");
  if (section.has("atol")) o.atol = section.real("atol");
  if (section.has("linear")) {
    const std::string& key = section.string("linear");
    if (key == "bordered") o.linear = IntegratorOptions::LinearSolver::Bordered;
    else if (key == "klu") o.linear = IntegratorOptions::LinearSolver::Klu;
    else if (key == "dense") o.linear = IntegratorOptions::LinearSolver::Dense;
    else if (key == "gmres") o.linear = IntegratorOptions::LinearSolver::Gmres;
    else throw section.error("linear", "unknown linear solver '" + key + "'");
  }
  if (section.has("max-steps")) o.maxSteps = section.integer("max-steps");
  if (section.has("initial-step")) o.initialStep = section.real("initial-step");
  if (section.has("max-step")) o.maxStep = section.real("max-step");
  if (section.has("max-order")) o.maxOrder = static_cast<int>(section.integer("max-order"));
  if (section.has("krylov-dimension"))
    o.krylovDimension = static_cast<int>(section.integer("krylov-dimension"));
  if (section.has("sensitivities")) o.sensitivities = section.strings("sensitivities");
  if (section.has("jacobian-vector-products") &&
      section.string("jacobian-vector-products") == "model")
    o.products = IntegratorOptions::Products::Model;
  if (section.has("linear-tolerance-factor"))
    o.linearToleranceFactor = section.real("linear-tolerance-factor");
  return o;
}

const char* linearSolverKey(IntegratorOptions::LinearSolver linear) {
  switch (linear) {
    case IntegratorOptions::LinearSolver::Bordered: return "bordered";
    case IntegratorOptions::LinearSolver::Klu: return "klu";
    case IntegratorOptions::LinearSolver::Dense: return "dense";
    case IntegratorOptions::LinearSolver::Gmres: return "gmres";
  }
  return "unknown";
}

}  // namespace proscale
