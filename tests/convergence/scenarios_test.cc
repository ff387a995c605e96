// The convergence regression: every scenario's [expect] section holds for
// seeds 1..20 (`ctest -L convergence`). Runs each scenario as a sweep; on a
// failure the sweep's report names each failing seed with its replay command.
// A regression case (scenarios/regressions/*.ini, a shrunk failure that
// pins its seed) holds at its own seed.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/cli/command.h"

namespace choreo {
namespace {

class ScenarioHolds : public ::testing::TestWithParam<std::string> {};

TEST_P(ScenarioHolds, ForSeedsOneToTwenty) {
  const std::string csv = ::testing::TempDir() + "convergence_" + GetParam() + ".csv";
  std::filesystem::remove(csv);
  const auto r = testing::choreo("sweep scenarios/" + GetParam() + ".ini --seeds 1..20 -j 2 --out " + csv);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ScenarioHolds, ::testing::ValuesIn(testing::scenario_names()),
                         testing::scenario_test_name);

TEST(RegressionCases, EachHoldsAtItsOwnSeed) {
  std::vector<std::string> paths;
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(CHOREO_SOURCE_DIR) + "/scenarios/regressions")) {
    if (e.path().extension() == ".ini")
      paths.push_back("scenarios/regressions/" + e.path().filename().string());
  }
  ASSERT_FALSE(paths.empty());
  for (const auto& path : paths) {
    const auto r = testing::choreo("run " + path + " --out " + ::testing::TempDir() + "regression_case");
    EXPECT_EQ(r.exit_code, 0) << path << "\n" << r.out << r.err;
  }
}

}  // namespace
}  // namespace choreo
