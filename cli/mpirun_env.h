// What the MPI launcher says about this process, read from the environment
// before (or without) MPI: whether mpirun (OpenMPI's, or a PMIx launcher
// such as Slurm's srun) started it, its rank and the number of ranks.
//
// Compiled with or without MPI: a choreo built without MPI uses it to
// refuse a multi-rank launch, where every rank would run the whole sweep
// into the same CSV.
#pragma once

namespace choreo::cli {

// True when a launcher set a rank for this process.
bool launched_by_mpirun();
// The rank (0 when not launched, or not said).
int mpirun_rank();
// The number of ranks (1 when not launched, or not said).
int mpirun_size();

}  // namespace choreo::cli
