// [expect] through the CLI: `--set expect.KEY=...` replaces the file's entry,
// a bad [expect] entry stops `run` and `sweep` before anything runs, and the
// summary shape they check against has every key a real run writes, for
// every scenario in the library.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/run_one.h"
#include "cli/scenario.h"
#include "tests/cli/command.h"

namespace choreo {
namespace {

using testing::choreo;

std::string out_dir(const std::string& name) { return ::testing::TempDir() + "choreo_expect_" + name; }

// Issue 14: the override was added next to the file's entry, which failed.
TEST(ExpectOverride, SetReplacesTheScenariosExpectation) {
  const auto r = choreo(
      "run scenarios/phold.ini --set run.duration=1s --set expect.events_processed=1..1000000000 --out " +
      out_dir("phold"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("  ok   events_processed = 1..1000000000  (actual "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("8600000..9550000"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("verdict: PASS (1 of 1 expectations hold;"), std::string::npos) << r.out;
}

// Issue 14: a typo in an [expect] path was reported after the whole run.
TEST(ExpectPaths, ATypoStopsTheRunBeforeItStarts) {
  const auto r = choreo("run scenarios/default.ini --set expect.replicas.mirror-lw.converged=true --out " +
                        out_dir("typo"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");  // not even the header: nothing ran
  EXPECT_EQ(r.err,
            "--set expect.replicas.mirror-lw.converged: 'true': no 'mirror-lw' in replicas (did you mean "
            "'mirror-lww'?)\n");
  EXPECT_FALSE(std::filesystem::exists(out_dir("typo") + "/summary.json"));
}

TEST(ExpectPaths, ATypoStopsTheSweepBeforeAnyRun) {
  const std::string csv = out_dir("sweep.csv");
  std::filesystem::remove(csv);
  const auto r = choreo(
      "sweep scenarios/phold.ini --seeds 1..3 --vary phold.processes=10,20 "
      "--set expect.events_procesed=1..2 --out " +
      csv);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "--set expect.events_procesed: '1..2': no 'events_procesed' in the summary (did you mean "
            "'events_processed'?)\n");
  EXPECT_FALSE(std::filesystem::exists(csv));
}

// Every key path of `j`: objects by key, arrays by their elements' names
// (elements without one are values, not paths).
void paths(const nlohmann::json& j, const std::string& prefix, std::set<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      out.insert(prefix + k);
      paths(v, prefix + k + ".", out);
    }
  } else if (j.is_array()) {
    for (const auto& e : j) {
      if (!e.is_object() || !e.contains("name") || !e.at("name").is_string()) continue;
      out.insert(prefix + e.at("name").get<std::string>());
      paths(e, prefix + e.at("name").get<std::string>() + ".", out);
    }
  }
}

class ShapeOfEveryScenario : public ::testing::TestWithParam<std::string> {};

// The shape that [expect] paths are checked against before a run must have
// exactly the keys of the real summary, or a valid path would be refused.
TEST_P(ShapeOfEveryScenario, HasEveryKeyOfTheRunsSummary) {
  const std::string path = "scenarios/" + GetParam() + ".ini";
  const std::vector<std::string> shorter = {"run.duration=3s", "run.settle=2s"};
  auto scenario = cli::load_scenario(std::string(CHOREO_SOURCE_DIR) + "/" + path, shorter, "");
  ASSERT_TRUE(scenario) << scenario.error().message;
  auto shape = cli::summary_shape(*scenario);
  ASSERT_TRUE(shape) << shape.error().message;
  auto outcome = cli::run_scenario(*scenario, nullptr);
  ASSERT_TRUE(outcome) << outcome.error().message;
  shape->erase("expectations");  // filled by the check itself
  outcome->summary.erase("expectations");
  std::set<std::string> before, after;
  paths(*shape, "", before);
  paths(outcome->summary, "", after);
  std::string missing, extra;
  for (const auto& p : after) missing += before.contains(p) ? "" : " " + p;
  for (const auto& p : before) extra += after.contains(p) ? "" : " " + p;
  EXPECT_EQ(missing, "") << "keys the run writes that the shape lacks";
  EXPECT_EQ(extra, "") << "keys of the shape the run does not write";
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShapeOfEveryScenario, ::testing::ValuesIn(testing::scenario_names()),
                         testing::scenario_test_name);

}  // namespace
}  // namespace choreo
