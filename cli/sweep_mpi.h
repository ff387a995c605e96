// `choreo sweep` under mpirun: the runs of a grid spread over the ranks of
// an MPI job, rank 0 writing the CSV. Compiled, only when CMake finds MPI
// (CHOREO_MPI), into the choreo-mpi module, which choreo loads under mpirun
// and calls through mpi_module_api.h's table; the choreo executable itself
// never links OpenMPI.
//
// Rank 0 coordinates: it hands out run positions one at a time from one
// counter to whichever rank asks (dynamic distribution: runs differ in
// length), receives each result and records it (the ordered writer puts
// rows in grid order), and runs one run at a time itself on a second
// thread. Every other rank asks, runs, sends the result, and asks again
// until rank 0 answers "stop". Only rank 0's main thread calls MPI
// (MPI_THREAD_FUNNELED). Results travel as opaque bytes; the caller encodes
// them.
//
// Not fault tolerant by itself: when a rank dies, mpirun ends the job, and
// the CSV keeps the whole rows written so far; the sweep's resume runs the
// rest.
#pragma once

#include <cstddef>

#include "cli/mpi_module_api.h"  // ComputeRun, RecordRun

namespace choreo::cli {

// MPI_Init_thread on construction, MPI_Finalize on destruction.
class MpiJob {
 public:
  MpiJob();
  ~MpiJob();
  MpiJob(const MpiJob&) = delete;
  MpiJob& operator=(const MpiJob&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  // True on every rank when `ok` is true on every rank (a collective call).
  bool all(bool ok) const;

 private:
  int rank_ = 0;
  int size_ = 1;
};

// Rank 0: runs positions [first, end) over every rank (itself included);
// record() is called once per finished position, from either of two
// threads; when it returns false no further position is handed out.
// Returns when every rank has been told to stop. Call it (with first ==
// end when there is nothing to do) exactly once, or the other ranks wait.
void coordinate_runs(const MpiJob& job, std::size_t first, std::size_t end, const ComputeRun& compute,
                     const RecordRun& record);
// Every other rank: asks rank 0 for positions until it says stop.
void serve_runs(const ComputeRun& compute);

}  // namespace choreo::cli
