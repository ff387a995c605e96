// Tests of how choreo reaches OpenMPI (cli/mpi_module.h): no command maps
// libmpi unless `choreo sweep` runs under mpirun, and a choreo whose MPI
// module is missing refuses an mpirun sweep in one line with exit 2. The
// mpirun sweeps themselves are sweep_mpi_test.cc's.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/cli/command.h"
#include "tests/sweep/sweep_test_util.h"

namespace choreo {
namespace {

using testing::count_lines;
using testing::run_shell;
using testing::scratch_dir;

const std::string kMpiexec = CHOREO_MPIEXEC;

// The dynamic loader's account (LD_DEBUG=files) of every library that
// `choreo ARGS` loaded, at start or by dlopen, on stderr. The runs below
// are too short for phold.ini's expectation: they exit 1.
std::string libraries_loaded_by(const std::string& args) {
  const auto r = run_shell("LD_DEBUG=files " + std::string(CHOREO_BINARY) + " " + args);
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.exit_code << "\n" << r.err;
  EXPECT_NE(r.err.find("file=libc.so.6"), std::string::npos) << "LD_DEBUG said nothing:\n" << r.err;
  return r.err;
}

TEST(MpiModule, CommandsOutsideMpirunNeverLoadOpenMpi) {
  const std::string dir = scratch_dir("libs");
  EXPECT_EQ(libraries_loaded_by("--version").find("libmpi"), std::string::npos);
  EXPECT_EQ(
      libraries_loaded_by("run scenarios/phold.ini --seed 1 --set run.duration=10ms --out " + dir + "run")
          .find("libmpi"),
      std::string::npos);
  const std::string sweep = libraries_loaded_by(
      "sweep scenarios/phold.ini --seeds 1..2 --set run.duration=10ms --out " + dir + "sweep.csv");
  EXPECT_EQ(sweep.find("libmpi"), std::string::npos);
  EXPECT_EQ(sweep.find("choreo-mpi"), std::string::npos);
}

TEST(MpiModule, MissingModuleUnderMpirunIsOneLineAndExit2) {
  if (kMpiexec.empty()) GTEST_SKIP() << "choreo was built without MPI";
  // choreo alone in a scratch directory: no module beside it, none where
  // `cmake --install` would put it.
  const std::string dir = scratch_dir("alone");
  std::filesystem::copy_file(CHOREO_BINARY, dir + "choreo");
  const std::string sweep = dir + "choreo sweep scenarios/phold.ini --seeds 1..2 --out " + dir + "x.csv";
  const auto root = run_shell("OMPI_COMM_WORLD_SIZE=2 OMPI_COMM_WORLD_RANK=0 " + sweep);
  EXPECT_EQ(root.exit_code, 2);
  EXPECT_EQ(root.out, "");
  EXPECT_EQ(count_lines(root.err), 1u) << root.err;
  EXPECT_EQ(
      root.err.rfind(
          "choreo sweep: started by mpirun, but cannot load the MPI module: " + dir + "choreo-mpi.so: ", 0),
      0u)
      << root.err;
  EXPECT_NE(root.err.find("No such file or directory"), std::string::npos) << root.err;
  // Then the install location, <exe dir>/../<libdir>/choreo/.
  EXPECT_NE(root.err.find("/choreo/choreo-mpi.so: ", root.err.find("; ")), std::string::npos) << root.err;
  // Every other rank refuses too, silently.
  const auto worker = run_shell("OMPI_COMM_WORLD_SIZE=2 OMPI_COMM_WORLD_RANK=1 " + sweep);
  EXPECT_EQ(worker.exit_code, 2);
  EXPECT_EQ(worker.out + worker.err, "");
  EXPECT_FALSE(std::filesystem::exists(dir + "x.csv"));
}

}  // namespace
}  // namespace choreo
