#include "solvers/PetscSession.h"

#include <cstdlib>
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

}  // namespace

void PetscSession::ensure() { static Session session; }

int PetscSession::rank() {
  PetscBool up = PETSC_FALSE;
  PetscInitialized(&up);
  if (up) {
    PetscMPIInt rank = 0;
    MPI_Comm_rank(PETSC_COMM_WORLD, &rank);
    return rank;
  }
  for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK"})
    if (const char* v = std::getenv(name)) return std::atoi(v);
  return 0;
}

int PetscSession::size() {
  PetscBool up = PETSC_FALSE;
  PetscInitialized(&up);
  if (up) {
    PetscMPIInt size = 1;
    MPI_Comm_size(PETSC_COMM_WORLD, &size);
    return size;
  }
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"})
    if (const char* v = std::getenv(name)) return std::atoi(v);
  return 1;
}

std::string PetscSession::lastError() {
  std::string m = lastMessage();
  lastMessage().clear();
  return m.empty() ? "no message" : m;
}

}  // namespace proscale
