#pragma once
// PETSc for the whole process: initialized on first use (one rank unless the program runs
// under mpirun), errors returned to the caller instead of printed (PetscReturnErrorHandler
// semantics), each error's message kept for the solver's report, finalized at exit. Internal
// to proscale_solvers: no other layer includes PETSc.
#include <string>

#include <mpi.h>

namespace proscale {

class PetscSession {
 public:
  /// Initializes PETSc (and MPI, if nobody has) once; std::runtime_error if it cannot.
  static void ensure();
  /// The message of the last PETSc error raised since the last call ("" if none).
  static std::string lastError();
  /// This process's rank in PETSC_COMM_WORLD and their number; before PETSc starts, the rank
  /// the MPI launcher gave (0 and 1 without one).
  static int rank();
  static int size();

  /// The communicator a grid is distributed over: PETSC_COMM_WORLD, or PETSC_COMM_SELF once a
  /// study has shared its runs over the ranks (each rank then runs whole cases of its own).
  static MPI_Comm gridCommunicator();
  static int gridRank();  ///< this rank in gridCommunicator()
  static int gridSize();  ///< ranks in gridCommunicator()
  /// Starts PETSc (and MPI) and makes every later grid live on its own rank alone.
  static void keepGridsOnEachRank();
};

}  // namespace proscale
