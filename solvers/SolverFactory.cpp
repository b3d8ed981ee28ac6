#include "solvers/SolverFactory.h"

#include <stdexcept>

#include "solvers/CvodeIntegrator.h"
#include "solvers/IntegratorOptions.h"

namespace proscale {

SchemaPtr solverSchema() { return integratorSchema(); }

std::unique_ptr<Solver> makeSolver(System& system, const Parameters& section) {
  const std::string type = section.has("type") ? section.string("type") : "cvodes";
  try {
    if (type == "cvodes")
      return std::make_unique<CvodeIntegrator>(system, integratorOptionsFrom(section));
  } catch (const std::invalid_argument& e) {
    throw section.error("linear", e.what());
  }
  throw section.error("type", "unknown solver type '" + type + "'");
}

}  // namespace proscale
