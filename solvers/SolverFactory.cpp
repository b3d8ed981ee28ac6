#include "solvers/SolverFactory.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/GridSystem.h"
#include "solvers/CvodeIntegrator.h"
#include "solvers/IdasIntegrator.h"
#include "solvers/IntegratorOptions.h"
#include "solvers/KinsolSteadySolver.h"
#include "solvers/PetscGridIntegrator.h"
#include "solvers/PetscGridSteadySolver.h"
#include "solvers/PetscSession.h"
#include "solvers/PetscTsIntegrator.h"

namespace proscale {

SchemaPtr solverSchema() { return integratorSchema(); }

namespace {

// Each name in solver.sensitivities is a parameter of the model, named once, and the solver
// integrates sensitivities (cvodes).
void checkSensitivities(System& system, const Parameters& section, const std::string& type) {
  if (!section.has("sensitivities")) return;
  const std::vector<std::string>& names = section.strings("sensitivities");
  if (names.empty()) return;
  if (type != "cvodes")
    throw section.error("sensitivities", "sensitivities need solver.type cvodes, not " + type);
  const ParameterRegistry& registry = system.parameters();
  std::string known;
  for (const ModelParameter& p : registry.all()) known += (known.empty() ? "" : ", ") + p.name;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!registry.has(names[i]))
      throw section.error("sensitivities",
                          "the model has no parameter '" + names[i] + "' (" +
                              (known.empty() ? "it has none" : "its parameters: " + known) + ")");
    if (std::find(names.begin(), names.begin() + static_cast<long>(i), names[i]) !=
        names.begin() + static_cast<long>(i))
      throw section.error("sensitivities", "parameter '" + names[i] + "' is named twice");
  }
}

}  // namespace

std::unique_ptr<Solver> makeSolver(System& system, const Parameters& section) {
  const std::string type = section.has("type") ? section.string("type") : "cvodes";
  checkSensitivities(system, section, type);
  try {
    if (type == "cvodes")
      return std::make_unique<CvodeIntegrator>(system, integratorOptionsFrom(section));
    if (type == "idas") return std::make_unique<IdasIntegrator>(system, integratorOptionsFrom(section));
    // A grid is distributed over the MPI ranks on a DMDA; any other system runs on one rank.
    if (auto* grid = dynamic_cast<GridSystem*>(&system); grid != nullptr && type == "petsc")
      return std::make_unique<PetscGridIntegrator>(
          *grid, integratorOptionsFrom(section),
          section.has("petsc-options") ? section.string("petsc-options") : "");
    if (type == "petsc")
      return std::make_unique<PetscTsIntegrator>(
          system, integratorOptionsFrom(section),
          section.has("petsc-options") ? section.string("petsc-options") : "");
  } catch (const SolverSettingError& e) {
    throw section.error(e.key(), e.what());
  }  // any other std::invalid_argument is a defect of the model, not of the case: exit 1
  if (type == "kinsol" || type == "snes") {
    SteadyOptions o;
    if (section.has("steady-tolerance")) o.residualTolerance = section.real("steady-tolerance");
    if (section.has("max-iterations")) o.maxIterations = section.integer("max-iterations");
    auto* grid = dynamic_cast<GridSystem*>(&system);
    if (type == "snes" && grid == nullptr)
      throw section.error("type", "snes finds the steady state of a tube; give kinsol for this "
                                  "model's steady state");
    try {
      if (type == "snes")
        return std::make_unique<PetscGridSteadySolver>(
            *grid, o, section.has("petsc-options") ? section.string("petsc-options") : "");
      return std::make_unique<KinsolSteadySolver>(system, o);
    } catch (const SolverSettingError& e) {
      throw section.error(e.key(), e.what());
    } catch (const std::invalid_argument& e) {
      throw section.error("type", e.what());
    }
  }
  throw section.error("type", "unknown solver type '" + type + "'");
}

int parallelRank() { return PetscSession::rank(); }

}  // namespace proscale
