// Tests of `choreo sweep --shard I/N` and `choreo sweep-merge` through the
// real binary: the shards' CSVs merged are the whole sweep's bytes (in any
// argument order, with --vary values not in sorted order, and with shards so
// small that their rows alone do not fix the order of the values); parts of
// another sweep, overlapping and missing runs are refused with one line;
// bad --shard values exit 2 with one line; a shard resumes like a sweep.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/cli/command.h"
#include "tests/sweep/sweep_test_util.h"

namespace choreo {
namespace {

using testing::choreo;
using testing::count_lines;
using testing::scratch_dir;
using testing::slurp;
using testing::sweep;

// 2 x 2 cells x 3 seeds of a tiny PHOLD; values deliberately not sorted.
const std::string kGrid =
    "scenarios/phold.ini --seeds 1..3 --vary phold.mean_delay=2ms,1ms --vary phold.processes=40,30 "
    "--set run.duration=50ms --set phold.shape=custom -j 1";

// Runs shards 1..n of `grid` into dir/part-I.csv; returns their paths in
// reverse order (the merge must not depend on the argument order).
std::string run_shards(const std::string& grid, const std::string& dir, int n) {
  std::string parts;
  for (int i = n; i >= 1; --i) {
    const std::string part = dir + "part-" + std::to_string(i) + ".csv";
    const auto r = sweep(grid + " --shard " + std::to_string(i) + "/" + std::to_string(n) + " --out " + part);
    EXPECT_LE(r.exit_code, 1) << r.err;
    parts += " " + part;
  }
  return parts;
}

TEST(SweepShard, ShardsMergedEqualTheWholeSweepByteForByte) {
  const std::string dir = scratch_dir("merge");
  ASSERT_EQ(sweep(kGrid + " --out " + dir + "whole.csv").exit_code, 1);
  const std::string whole = slurp(dir + "whole.csv");
  ASSERT_EQ(count_lines(whole), 13u);
  const std::string parts = run_shards(kGrid, dir, 5);
  // Round robin: shard 2 of 5 holds runs 2, 7 and 12 of the grid, in grid order.
  const std::string two = slurp(dir + "part-2.csv");
  EXPECT_EQ(count_lines(two), 4u);
  EXPECT_NE(two.find("\n2ms,40,2,"), std::string::npos) << two;
  EXPECT_TRUE(two.find("\n2ms,40,2,") < two.find("\n1ms,40,1,")) << two;
  EXPECT_TRUE(two.find("\n1ms,40,1,") < two.find("\n1ms,30,3,")) << two;
  const auto merged = choreo("sweep-merge" + parts + " --out " + dir + "merged.csv");
  EXPECT_EQ(merged.exit_code, 1) << merged.err;
  EXPECT_EQ(slurp(dir + "merged.csv"), whole);
  EXPECT_NE(merged.out.find("wrote " + dir + "merged.csv (12 rows from 5 parts)"), std::string::npos)
      << merged.out;
}

// One seed, three values, three shards: each shard has one row, so only the
// fingerprint's grid digest can tell the order 3ms,1ms,2ms.
TEST(SweepShard, OneRowPerShardStillMergesInGridOrder) {
  const std::string dir = scratch_dir("tiny");
  const std::string grid =
      "scenarios/phold.ini --seeds 7 --vary phold.mean_delay=3ms,1ms,2ms --set run.duration=20ms "
      "--set phold.shape=custom -j 1";
  ASSERT_EQ(sweep(grid + " --out " + dir + "whole.csv").exit_code, 1);
  const auto merged = choreo("sweep-merge" + run_shards(grid, dir, 3) + " --out " + dir + "merged.csv");
  EXPECT_EQ(merged.exit_code, 1) << merged.err;
  EXPECT_EQ(slurp(dir + "merged.csv"), slurp(dir + "whole.csv"));
}

// With replicas: the cells CSV and the tables are the whole sweep's too.
TEST(SweepShard, MergeWritesTheCellsCsvAndTablesOfTheWholeSweep) {
  const std::string dir = scratch_dir("cells");
  const std::string grid =
      "scenarios/default.ini --seeds 1..3 --vary broker.kind=sqs,kafka --set run.duration=10s "
      "--set run.settle=10s -j 1";
  const auto whole = sweep(grid + " --out " + dir + "whole.csv");
  ASSERT_EQ(whole.exit_code, 1) << whole.err;
  const auto merged = choreo("sweep-merge" + run_shards(grid, dir, 2) + " --out " + dir + "merged.csv");
  EXPECT_EQ(merged.exit_code, 1) << merged.err;
  EXPECT_EQ(slurp(dir + "merged.csv"), slurp(dir + "whole.csv"));
  EXPECT_EQ(slurp(dir + "merged.cells.csv"), slurp(dir + "whole.cells.csv"));
  const auto tables = [](const std::string& out) { return out.substr(0, out.find("failing runs")); };
  EXPECT_EQ(tables(merged.out), tables(whole.out));
  EXPECT_NE(merged.out.find("  choreo run default.ini --seed 2 --set run.duration=10s --set run.settle=10s "
                            "--set broker.kind=kafka\n"),
            std::string::npos)
      << merged.out;
}

TEST(SweepShard, PartsOfAnotherSweepCommandAreRefused) {
  const std::string dir = scratch_dir("foreign");
  ASSERT_EQ(sweep(kGrid + " --shard 1/2 --out " + dir + "a.csv").exit_code, 1);
  ASSERT_EQ(sweep(kGrid + " --set phold.lookahead=2ms --shard 2/2 --out " + dir + "b.csv").exit_code, 1);
  const auto r = choreo("sweep-merge " + dir + "a.csv " + dir + "b.csv --out " + dir + "m.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "sweep-merge: " + dir + "b.csv line 2 is from another sweep command than " + dir +
                       "a.csv line 2 (different --set overrides); merge the shards of one sweep\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "m.csv"));
}

TEST(SweepShard, OverlappingAndMissingRunsAreRefused) {
  const std::string dir = scratch_dir("cover");
  for (const char* shard : {"1/3", "2/3", "3/3"}) {
    ASSERT_EQ(sweep(kGrid + " --shard " + shard + " --out " + dir + "p" + shard[0] + ".csv").exit_code, 1);
  }
  const auto missing = choreo("sweep-merge " + dir + "p1.csv " + dir + "p3.csv --out " + dir + "m.csv");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err,
            "sweep-merge: 4 of the grid's 12 runs are in no part (the first: phold.mean_delay=2ms, "
            "phold.processes=40, seed 2); give every shard's CSV, each finished\n");
  const auto twice = choreo("sweep-merge " + dir + "p1.csv " + dir + "p2.csv " + dir + "p3.csv " + dir +
                            "p2.csv --out " + dir + "m.csv");
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_EQ(twice.err, "sweep-merge: run (phold.mean_delay=2ms, phold.processes=40, seed 2) is in both " +
                           dir + "p2.csv line 2 and " + dir + "p2.csv line 2: give each shard's CSV once\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "m.csv"));
}

TEST(SweepShard, CutPartIsRefusedAndTheShardResumes) {
  const std::string dir = scratch_dir("resume");
  const std::string part = dir + "p.csv";
  ASSERT_EQ(sweep(kGrid + " --shard 2/3 --out " + part).exit_code, 1);
  const std::string full = slurp(part);
  std::filesystem::resize_file(part, full.size() - 5);
  const auto cut = choreo("sweep-merge " + part + " --out " + dir + "m.csv");
  EXPECT_EQ(cut.exit_code, 2);
  EXPECT_EQ(cut.err, "sweep-merge: " + part +
                         ": its last line is cut short (a shard still running or killed): run its command "
                         "again to finish it\n");
  const auto resumed = sweep(kGrid + " --shard 2/3 --out " + part);
  EXPECT_EQ(resumed.exit_code, 1) << resumed.err;
  EXPECT_EQ(slurp(part), full);
  const auto other = sweep(kGrid + " --shard 3/3 --out " + part);
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_EQ(other.err, "--out " + part +
                           ": line 2 is not run 3 of shard 3/3 of this grid (expected it to start 2ms,40,3); "
                           "resume with the same command, or use another --out\n");
}

TEST(SweepShard, BadShardValuesExitTwoWithOneLine) {
  const std::string out = " --out " + scratch_dir("bad") + "s.csv";
  for (const char* bad : {"0/3", "4/3", "a/3", "3", "1/0", "-1/3", "1/3x", "''", "1/"}) {
    const auto r = sweep(kGrid + " --shard " + bad + out);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(count_lines(r.err), 1u) << r.err;
    EXPECT_TRUE(r.err.starts_with("--shard: '")) << r.err;
    EXPECT_NE(r.err.find("expected I/N, shard I of N with 1 <= I <= N"), std::string::npos) << r.err;
  }
  const auto many = sweep(kGrid + " --shard 1/13" + out);
  EXPECT_EQ(many.exit_code, 2);
  EXPECT_EQ(many.err, "--shard 1/13: 13 shards for a grid of 12 runs (allowed: N <= 12)\n");
}

}  // namespace
}  // namespace choreo
