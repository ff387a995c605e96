// The choreo-mpi module's entry point: sweep_mpi.h's functions in the
// table of mpi_module_api.h. The module's only exported symbol (the
// module builds with hidden visibility).
#include "cli/mpi_module_api.h"
#include "cli/sweep_mpi.h"

namespace choreo::cli {

namespace {

constexpr MpiModule kModule{
    .abi = kMpiModuleAbi,
    .open_job = []() { return new MpiJob; },
    .close_job = [](MpiJob* job) { delete job; },
    .rank = [](const MpiJob& job) { return job.rank(); },
    .size = [](const MpiJob& job) { return job.size(); },
    .all = [](const MpiJob& job, bool ok) { return job.all(ok); },
    .coordinate_runs = coordinate_runs,
    .serve_runs = serve_runs,
};

}  // namespace

}  // namespace choreo::cli

extern "C" __attribute__((visibility("default"))) const choreo::cli::MpiModule* choreo_mpi_module() {
  return &choreo::cli::kModule;
}
