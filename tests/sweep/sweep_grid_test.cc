// Tests for cli/sweep_grid.h: --seeds and --vary parsing, and grid order.
#include "cli/sweep_grid.h"

#include <gtest/gtest.h>

namespace choreo::cli {
namespace {

TEST(SeedRange, ParsesInclusiveRangeAndSingleSeed) {
  auto r = parse_seed_range("3..7");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, 3u);
  EXPECT_EQ(r->last, 7u);
  EXPECT_EQ(r->count(), 5u);
  auto one = parse_seed_range("42");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->count(), 1u);
}

TEST(SeedRange, RejectsReversedEmptyAndNonNumericRanges) {
  for (const char* bad : {"7..3", "1..", "..4", "a..b", "1...3", "-1..2", ""}) {
    auto r = parse_seed_range(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().message, std::string("--seeds: '") + bad +
                                     "': expected A..B with integers 0 <= A <= B <= 9223372036854775807 "
                                     "(e.g. --seeds 1..100)");
  }
}

TEST(Vary, ParsesKeyAndValuesInOrder) {
  auto v = parse_vary("sqs.loss=0,1%,5%");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->key, "sqs.loss");
  EXPECT_EQ(v->values, (std::vector<std::string>{"0", "1%", "5%"}));
}

TEST(Vary, RejectsMissingSectionEmptyAndRepeatedValues) {
  EXPECT_EQ(parse_vary("loss=1,2").error().message,
            "--vary: 'loss=1,2': expected section.key=v1,v2,... (e.g. --vary sqs.loss=0,1%,5%)");
  EXPECT_EQ(parse_vary("sqs.loss").error().message,
            "--vary: 'sqs.loss': expected section.key=v1,v2,... (e.g. --vary sqs.loss=0,1%,5%)");
  EXPECT_EQ(parse_vary("sqs.loss=1,,2").error().message, "--vary sqs.loss: empty value in 'sqs.loss=1,,2'");
  EXPECT_EQ(parse_vary("sqs.loss=").error().message, "--vary sqs.loss: empty value in 'sqs.loss='");
  EXPECT_EQ(parse_vary("sqs.loss=1,2,1").error().message, "--vary sqs.loss: value '1' given twice");
}

TEST(Grid, RejectsRepeatedKeysRunSeedAndHugeGrids) {
  const SeedRange seeds{1, 10};
  EXPECT_EQ(make_grid(seeds, {{"a.b", {"1"}}, {"a.b", {"2"}}}, 1000).error().message,
            "--vary a.b: key varied twice (give all values in one --vary)");
  EXPECT_EQ(make_grid(seeds, {{"run.seed", {"1"}}}, 1000).error().message,
            "--vary run.seed: vary seeds with --seeds A..B");
  EXPECT_EQ(make_grid(seeds, {{"a.b", {"1", "2"}}}, 19).error().message,
            "--seeds/--vary: the grid has 20 runs; at most 19 are allowed");
}

TEST(Grid, FirstVaryIsOutermostAndSeedsInnermost) {
  auto grid = make_grid({10, 11}, {{"a.x", {"p", "q"}}, {"b.y", {"1", "2", "3"}}}, 1000);
  ASSERT_TRUE(grid);
  EXPECT_EQ(grid->cell_count(), 6u);
  EXPECT_EQ(grid->run_count(), 12u);
  EXPECT_EQ(grid->cell_values(0), (std::vector<std::string>{"p", "1"}));
  EXPECT_EQ(grid->cell_values(1), (std::vector<std::string>{"p", "2"}));
  EXPECT_EQ(grid->cell_values(3), (std::vector<std::string>{"q", "1"}));
  EXPECT_EQ(grid->cell_values(5), (std::vector<std::string>{"q", "3"}));
  EXPECT_EQ(grid->cell_overrides(4), (std::vector<std::string>{"a.x=q", "b.y=2"}));
  EXPECT_EQ(grid->cell_of(7), 3u);
  EXPECT_EQ(grid->seed_of(7), 11u);
  EXPECT_EQ(grid->seed_of(8), 10u);
}

TEST(Grid, WithoutVaryHasOneCell) {
  auto grid = make_grid({1, 5}, {}, 1000);
  ASSERT_TRUE(grid);
  EXPECT_EQ(grid->cell_count(), 1u);
  EXPECT_TRUE(grid->cell_values(0).empty());
  EXPECT_EQ(grid->run_count(), 5u);
}

}  // namespace
}  // namespace choreo::cli
