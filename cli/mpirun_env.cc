// The launcher's environment; see mpirun_env.h.
#include "cli/mpirun_env.h"

#include <cstdlib>

namespace choreo::cli {

namespace {

// The first of two variables that is set, as a number; `fallback` if none.
int number(const char* openmpi, const char* pmix, int fallback) {
  const char* text = std::getenv(openmpi);
  if (text == nullptr) text = std::getenv(pmix);
  return text == nullptr ? fallback : std::atoi(text);
}

}  // namespace

bool launched_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_RANK") != nullptr || std::getenv("PMIX_RANK") != nullptr;
}

int mpirun_rank() { return number("OMPI_COMM_WORLD_RANK", "PMIX_RANK", 0); }

int mpirun_size() { return number("OMPI_COMM_WORLD_SIZE", "PMIX_SIZE", 1); }

}  // namespace choreo::cli
