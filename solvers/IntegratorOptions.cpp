#include "solvers/IntegratorOptions.h"

#include <memory>

namespace proscale {

SchemaPtr integratorSchema() {
  static const SchemaPtr schema = [] {
    auto s = std::make_shared<Schema>(
        "solver", "Time integration: CVODE variable-order BDF with Newton iteration.");
    s->add(ParamSpec::real("rtol", dim::none,
                           "Relative tolerance of the local error test (per component).")
               .defaultsTo("1e-6")
               .above(0)
               .below(1));
    s->add(ParamSpec::real("atol", dim::none,
                           "Absolute tolerance in units of each state block's reference scale: "
                           "component i of block b gets atol * scale(b).")
               .defaultsTo("1e-8")
               .above(0));
    s->add(ParamSpec::choice("linear", {"bordered", "klu", "dense"},
                             "Linear solver of the Newton iteration. `bordered` eliminates the "
                             "dense border by a Schur complement over a banded LU (cost linear in "
                             "the number of size classes); `klu` is a general sparse LU; `dense` "
                             "is the only choice for models without an analytic Jacobian.")
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
    else throw section.error("linear", "unknown linear solver '" + key + "'");
  }
  if (section.has("max-steps")) o.maxSteps = section.integer("max-steps");
  if (section.has("initial-step")) o.initialStep = section.real("initial-step");
  if (section.has("max-step")) o.maxStep = section.real("max-step");
  if (section.has("max-order")) o.maxOrder = static_cast<int>(section.integer("max-order"));
  return o;
}

const char* linearSolverKey(IntegratorOptions::LinearSolver linear) {
  switch (linear) {
    case IntegratorOptions::LinearSolver::Bordered: return "bordered";
    case IntegratorOptions::LinearSolver::Klu: return "klu";
    case IntegratorOptions::LinearSolver::Dense: return "dense";
  }
  return "unknown";
}

}  // namespace proscale
