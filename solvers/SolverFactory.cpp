#include "solvers/SolverFactory.h"

#include <stdexcept>

#include "solvers/CvodeIntegrator.h"
#include "solvers/IdasIntegrator.h"
#include "solvers/IntegratorOptions.h"
#include "solvers/KinsolSteadySolver.h"

namespace proscale {

SchemaPtr solverSchema() { return integratorSchema(); }

std::unique_ptr<Solver> makeSolver(System& system, const Parameters& section) {
  const std::string type = section.has("type") ? section.string("type") : "cvodes";
  try {
    if (type == "cvodes")
      return std::make_unique<CvodeIntegrator>(system, integratorOptionsFrom(section));
    if (type == "idas") return std::make_unique<IdasIntegrator>(system, integratorOptionsFrom(section));
  } catch (const std::invalid_argument& e) {
    throw section.error("linear", e.what());
  }
  if (type == "kinsol") {
    SteadyOptions o;
    if (section.has("steady-tolerance")) o.residualTolerance = section.real("steady-tolerance");
    if (section.has("max-iterations")) o.maxIterations = section.integer("max-iterations");
    try {
      return std::make_unique<KinsolSteadySolver>(system, o);
    } catch (const std::invalid_argument& e) {
      throw section.error("type", e.what());
    }
  }
  throw section.error("type", "unknown solver type '" + type + "'");
}

}  // namespace proscale
