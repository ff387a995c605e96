// Loads choreo's MPI module (mpi_module_api.h) for `choreo sweep` under
// mpirun. Looked for next to the executable (where the build puts it),
// then in the install location relative to it (`cmake --install`:
// <prefix>/bin/choreo, <prefix>/lib/choreo/choreo-mpi.so; the library
// directory is CMake's CMAKE_INSTALL_LIBDIR). The module stays loaded for
// the life of the process.
//
// Compiled only into a choreo built with MPI (CHOREO_MPI).
#pragma once

#include <string>

#include "cli/mpi_module_api.h"

namespace choreo::cli {

// The module's table, or nullptr with `error` set to one line naming each
// path tried and why it could not be used (dlerror(), or a foreign module).
const MpiModule* load_mpi_module(std::string& error);

}  // namespace choreo::cli
