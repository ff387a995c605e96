// `choreo sweep SCENARIO --seeds A..B [--vary key=v1,v2,...]... [-j N]
//  [--out FILE.csv] [--set k=v]... [--wall-time]`
//
// Runs every cell of the grid (see sweep_grid.h) with every seed on N
// threads, one Simulation per run, and appends one CSV row per run in grid
// order (see sweep_row.h), so the CSV is byte-identical for any -j. Running
// the same command again resumes: finished rows are kept and skipped.
// Prints progress on stderr, then a convergence table per cell and the
// replay command of each failing run on stdout.
// With --shard I/N it runs one slice of the grid (sweep_shard.h); started
// by mpirun in a choreo built with MPI, it spreads the runs over the ranks
// (sweep_mpi.h) and rank 0 writes the same CSV.
// Exit: 0 every run's expectations hold, 1 some do not, 2 bad input
// (including a CSV that belongs to another sweep), 3 internal error.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace choreo::cli {

// `args` excludes "choreo" and "sweep". Returns the exit code.
int sweep_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace choreo::cli
