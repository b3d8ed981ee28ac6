#pragma once
// The ranks mpirun started, as a study shares its runs over them (`mpirun -n K proscale sweep`):
// each rank runs whole cases of its own (a tube's grid then lives on its rank alone), the ranks
// meet before the runs start and after they end, and rank 0 tells the others its decisions.
// Without mpirun there is one rank and every call is cheap. The app sees no MPI: only this.

namespace proscale {

/// Starts MPI (through PETSc) if a launcher started several ranks, and makes every later grid
/// stay on its own rank. Returns the number of ranks.
int shareRunsOverRanks();
/// This rank and the number of ranks (0 and 1 without mpirun).
int studyRank();
int studyRanks();
/// Returns when every rank has called it.
void waitForAllRanks();
/// Rank 0's `value` on every rank (MPI_Bcast).
int valueOfRankZero(int value);

}  // namespace proscale
