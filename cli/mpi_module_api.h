// The table of functions between the choreo executable and its MPI module,
// choreo-mpi.so (sweep_mpi.h's code, the only part of choreo linked to
// OpenMPI). choreo loads the module with dlopen only when `choreo sweep`
// runs under mpirun (mpi_module.h), so no other command maps OpenMPI's
// libraries. Both sides include this header.
//
// The module is built in the same tree with the same compiler and standard
// library as choreo, so the std::function callbacks cross the boundary as
// they are. Its one exported symbol, choreo_mpi_module(), returns the
// table; the loader refuses a table whose abi is not its own kMpiModuleAbi,
// which changes with the table's layout or the meaning of any function in it.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace choreo::cli {

// A run position in, the run's result as opaque bytes out.
using ComputeRun = std::function<std::string(std::size_t position)>;
// A finished position and its result; false stops handing out positions.
using RecordRun = std::function<bool(std::size_t position, const std::string& result)>;

class MpiJob;  // sweep_mpi.h; opaque to the executable

inline constexpr int kMpiModuleAbi = 1;

// sweep_mpi.h's functions, one pointer each.
struct MpiModule {
  int abi;                         // first, whatever the version: kMpiModuleAbi of the module's build
  MpiJob* (*open_job)();           // MPI_Init_thread
  void (*close_job)(MpiJob* job);  // MPI_Finalize
  int (*rank)(const MpiJob& job);
  int (*size)(const MpiJob& job);
  bool (*all)(const MpiJob& job, bool ok);
  void (*coordinate_runs)(const MpiJob& job, std::size_t first, std::size_t end, const ComputeRun& compute,
                          const RecordRun& record);
  void (*serve_runs)(const ComputeRun& compute);
};

// The name of the module's entry point, a `const MpiModule* ()`.
inline constexpr char kMpiModuleEntry[] = "choreo_mpi_module";

}  // namespace choreo::cli

extern "C" const choreo::cli::MpiModule* choreo_mpi_module();
