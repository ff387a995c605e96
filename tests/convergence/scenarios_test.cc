// The convergence regression: every scenario's [expect] section holds for
// seeds 1..20 (`ctest -L convergence`). Runs each scenario as a sweep; on a
// failure the sweep's report names each failing seed with its replay command.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace choreo
