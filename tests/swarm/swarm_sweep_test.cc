// The CI swarm sweep (ctest -L swarm; both CI builds): `choreo sweep
// --swarm` over 200 seeds of scenarios/swarm-target.ini, each seed its own
// fault mix (README.md, "Swarm sweeps"). Asserts that no run ends in an
// internal error or a sanitizer report (the sweep exits 0 or 1 and writes
// every row) and that every 10th seed, run again in another process on one
// thread, gives the same row, trace hash included. Failing rows are
// expected: the mixes break the naive counter and the 2P-Set.
// CHOREO_SWARM_SWEEP_SEEDS=N sweeps seeds 1..N instead (a campaign).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/command.h"

namespace choreo::testing {
namespace {

std::vector<std::string> lines_of(const std::string& path) {
  std::istringstream in(slurp(path));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(SwarmSweep, TwoHundredSeedsNoInternalErrorAndAResampleGivesTheSameRows) {
  const char* env = std::getenv("CHOREO_SWARM_SWEEP_SEEDS");
  const std::size_t seeds = env != nullptr ? std::stoul(env) : 200;
  const std::string dir = ::testing::TempDir() + "choreo_swarm_sweep_" + std::to_string(::getpid()) + "/";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string sweep =
      "sweep scenarios/swarm-target.ini --swarm --seeds 1.." + std::to_string(seeds) + " ";
  const auto whole = choreo(sweep + "-j 2 --out " + dir + "whole.csv");
  ASSERT_LE(whole.exit_code, 1) << whole.err;
  const auto rows = lines_of(dir + "whole.csv");
  ASSERT_EQ(rows.size(), seeds + 1);  // and the header
  const auto sample = choreo(sweep + "-j 1 --shard 1/10 --out " + dir + "sample.csv");
  ASSERT_LE(sample.exit_code, 1) << sample.err;
  const auto again = lines_of(dir + "sample.csv");
  ASSERT_EQ(again.size(), (seeds + 9) / 10 + 1);
  EXPECT_EQ(again[0], rows[0]);
  for (std::size_t i = 1; i < again.size(); ++i) EXPECT_EQ(again[i], rows[1 + (i - 1) * 10]) << "row " << i;
}

}  // namespace
}  // namespace choreo::testing
