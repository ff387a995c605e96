// Every scenario is deterministic: the same seed gives the same trace hash
// and the same summary (wall time aside), twice; another seed another hash.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli/command.h"

namespace choreo {
namespace {

nlohmann::json run(const std::string& scenario, int seed) {
  const auto r = testing::choreo("run scenarios/" + scenario + ".ini --json --seed " + std::to_string(seed) +
                                 " --out " + ::testing::TempDir() + "det_" + scenario);
  EXPECT_LE(r.exit_code, 1) << r.err;
  auto s = nlohmann::json::parse(r.out);
  s.erase("wall_time_s");
  return s;
}

class Deterministic : public ::testing::TestWithParam<std::string> {};

TEST_P(Deterministic, SameSeedSameTraceAndSummary) {
  const auto a = run(GetParam(), 5);
  const auto b = run(GetParam(), 5);
  EXPECT_EQ(a.at("trace_hash"), b.at("trace_hash"));
  EXPECT_EQ(a, b);
  EXPECT_NE(a.at("trace_hash"), run(GetParam(), 6).at("trace_hash"));
}

INSTANTIATE_TEST_SUITE_P(Scenarios, Deterministic, ::testing::ValuesIn(testing::scenario_names()),
                         testing::scenario_test_name);

}  // namespace
}  // namespace choreo
