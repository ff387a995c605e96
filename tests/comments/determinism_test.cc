// Every scenario is deterministic: the same seed gives the same trace hash
// and the same summary (wall time aside), twice; another seed another hash.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "tests/cli/command.h"

namespace choreo {
namespace {

std::vector<std::string> scenario_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CHOREO_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() == ".ini") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

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

INSTANTIATE_TEST_SUITE_P(Scenarios, Deterministic, ::testing::ValuesIn(scenario_names()), [](const auto& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

}  // namespace
}  // namespace choreo
