// The printed summary of two scenarios, compared line by line with
// tests/comments/golden/*.txt (the wall-time figures and the out dir
// masked). A change in what a run prints, or in its results, shows up here.
//
// Update mode: when a change of output is intended, run
//   CHOREO_UPDATE_GOLDEN=1 build/tests/comments_tests --gtest_filter='*GoldenOutput*'
// which rewrites the golden files from the current binary (and still
// checks the exit code), then review `git diff tests/comments/golden`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/cli/command.h"

namespace choreo {
namespace {

std::string masked(std::string text) {
  const std::string from = " s simulated in ";
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
    const std::size_t end = text.find(')', at);
    text.replace(at + 13, end - (at + 13) + 1, "in WALL");
  }
  return text;
}

bool update_mode() {
  const char* v = std::getenv("CHOREO_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

class GoldenOutput : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenOutput, MatchesTheGoldenFile) {
  const auto r = testing::choreo("run scenarios/" + GetParam() + ".ini --seed 1 --out " +
                                 ::testing::TempDir() + "golden_" + GetParam());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string out = masked(r.out);
  // The out dir is per machine: mask the path the verdict names.
  const std::string dir = ::testing::TempDir() + "golden_" + GetParam();
  for (std::size_t at = out.find(dir); at != std::string::npos; at = out.find(dir))
    out.replace(at, dir.size(), "OUT");
  const std::string path = std::string(CHOREO_SOURCE_DIR) + "/tests/comments/golden/" + GetParam() + ".txt";
  if (update_mode()) {
    std::ofstream(path, std::ios::binary) << out;
    std::cout << "CHOREO_UPDATE_GOLDEN=1: rewrote " << path << "\n";
  }
  const std::string golden = testing::slurp(path);
  ASSERT_FALSE(golden.empty());
  EXPECT_EQ(out, golden);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, GoldenOutput, ::testing::Values("clock-skew", "duplicates-sqs"),
                         testing::scenario_test_name);

}  // namespace
}  // namespace choreo
