#include "solvers/PetscSession.h"

#include <cstdlib>
#include <initializer_list>
#include <stdexcept>

#include <petscsys.h>

namespace proscale {
namespace {

std::string& lastMessage() {
  static std::string message;
  return message;
}

// Keeps the first report of an error (where it was raised, with PETSc's own text) and returns
// the code, so that every PETSc call returns it to proscale instead of printing or aborting.
PetscErrorCode keepMessage(MPI_Comm, int line, const char* function, const char* file,
                           PetscErrorCode code, PetscErrorType type, const char* message, void*) {
  if (type != PETSC_ERROR_INITIAL) return code;
  try {
    const char* text = nullptr;
    PetscErrorMessage(code, &text, nullptr);
    std::string m = message != nullptr && *message != '\0' ? message : "";
    if (text != nullptr) m += std::string(m.empty() ? "" : " (") + text + (m.empty() ? "" : ")");
    lastMessage() = m + " [" + (function ? function : "?") + ", " + (file ? file : "?") + ":" +
                    std::to_string(line) + "]";
  } catch (...) {
  }
  return code;
}

struct Session {
  Session() {
    PetscBool initialized = PETSC_FALSE;
    PetscInitialized(&initialized);
    if (!initialized) {
      if (PetscInitializeNoArguments() != 0) throw std::runtime_error("PETSc failed to initialize");
      owner = true;
    }
    PetscPushErrorHandler(keepMessage, nullptr);
  }
  ~Session() {
    PetscPopErrorHandler();
    if (owner) PetscFinalize();
  }
  bool owner = false;
};

/// The first of the environment variables `names` that is set, as a number, or `otherwise`.
int launcherValue(std::initializer_list<const char*> names, int otherwise) {
  for (const char* name : names)
    if (const char* v = std::getenv(name)) return std::atoi(v);
  return otherwise;
}

}  // namespace

void PetscSession::ensure() { static Session session; }

// Before PETSc starts (a case whose solver is not PETSc's), what the MPI launcher told the
// process: Open MPI's, MPICH's or PMIx's variables.
int PetscSession::rank() {
  PetscBool up = PETSC_FALSE;
  PetscInitialized(&up);
  PetscMPIInt rank = 0;
  if (up) MPI_Comm_rank(PETSC_COMM_WORLD, &rank);
  return up ? rank : launcherValue({"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK"}, 0);
}

int PetscSession::size() {
  PetscBool up = PETSC_FALSE;
  PetscInitialized(&up);
  PetscMPIInt size = 1;
  if (up) MPI_Comm_size(PETSC_COMM_WORLD, &size);
  return up ? size : launcherValue({"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}, 1);
}

namespace {
bool& gridsOnEachRank() {
  static bool onEach = false;
  return onEach;
}
}  // namespace

MPI_Comm PetscSession::gridCommunicator() {
  return gridsOnEachRank() ? PETSC_COMM_SELF : PETSC_COMM_WORLD;
}

int PetscSession::gridRank() { return gridsOnEachRank() ? 0 : rank(); }
int PetscSession::gridSize() { return gridsOnEachRank() ? 1 : size(); }

void PetscSession::keepGridsOnEachRank() {
  ensure();
  gridsOnEachRank() = true;
}

std::string PetscSession::lastError() {
  std::string m = lastMessage();
  lastMessage().clear();
  return m.empty() ? "no message" : m;
}

}  // namespace proscale
