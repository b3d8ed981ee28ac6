#include "solvers/StudyRanks.h"

#include "solvers/PetscSession.h"

namespace proscale {

int shareRunsOverRanks() {
  if (PetscSession::size() > 1) PetscSession::keepGridsOnEachRank();
  return PetscSession::size();
}

int studyRank() { return PetscSession::rank(); }
int studyRanks() { return PetscSession::size(); }

void waitForAllRanks() {
  if (PetscSession::size() > 1) MPI_Barrier(MPI_COMM_WORLD);
}

int valueOfRankZero(int value) {
  if (PetscSession::size() > 1) MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return value;
}

}  // namespace proscale
