// The generic convergence checker: divergence counted key by key, the time
// a replica last became equal, examples of differing keys, and the columns
// it feeds to timeseries.csv.
#include "sim/convergence.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace choreo::sim {
namespace {

Divergence compare(const std::vector<std::int64_t>& owner, const std::vector<std::int64_t>& replica,
                   std::size_t examples = DivergenceBuilder::kExamples) {
  DivergenceBuilder d(examples);
  for (std::size_t k = 0; k < owner.size(); ++k) {
    d.key(owner[k], replica[k], [k] { return std::string("k").append(std::to_string(k)); });
  }
  return d.take();
}

TEST(Convergence, CountsDifferingKeysAndTheirAbsoluteError) {
  const Divergence d = compare({5, 3, 7, 0}, {5, 4, 2, 0});
  EXPECT_EQ(d.keys, 2u);
  EXPECT_EQ(d.abs_error, 6u);  // |3-4| + |7-2|
  ASSERT_EQ(d.examples.size(), 2u);
  EXPECT_EQ(d.examples[0].key, "k1");
  EXPECT_EQ(d.examples[0].owner, 3);
  EXPECT_EQ(d.examples[0].replica, 4);
  EXPECT_EQ(d.examples[1].key, "k2");
}

TEST(Convergence, KeepsOnlyTheFirstExamplesAndNamesNoEqualKey) {
  DivergenceBuilder d;
  int named = 0;
  for (int k = 0; k < 20; ++k) {
    d.key(k, k % 2 == 0 ? k : -k, [&] {
      ++named;
      return std::to_string(k);
    });
  }
  const Divergence out = d.take();
  EXPECT_EQ(out.keys, 10u);
  EXPECT_EQ(out.examples.size(), DivergenceBuilder::kExamples);
  EXPECT_EQ(named, static_cast<int>(DivergenceBuilder::kExamples));
  EXPECT_EQ(out.examples.back().key, "9");
}

TEST(Convergence, ConvergedAtIsTheFirstSampleOfTheLatestEqualRun) {
  std::vector<std::int64_t> owner = {1, 1}, replica = {1, 1};
  ConvergenceChecker checker;
  checker.track("r", [&](std::size_t n) { return compare(owner, replica, n); });
  checker.sample(10);
  EXPECT_EQ(checker.replicas()[0].equal_since, Time{0});  // equal from the start
  replica[1] = 0;
  checker.sample(20);
  EXPECT_FALSE(checker.replicas()[0].converged());
  EXPECT_FALSE(checker.replicas()[0].equal_since.has_value());
  EXPECT_FALSE(checker.all_converged());
  checker.sample(30);
  replica[1] = 1;
  checker.sample(40);
  checker.sample(50);
  EXPECT_TRUE(checker.all_converged());
  EXPECT_EQ(checker.replicas()[0].equal_since, Time{40});
  const auto json = checker.to_json(0);
  EXPECT_EQ(json["converged"], true);
  EXPECT_DOUBLE_EQ(json["converged_at_s"].get<double>(), 40e-6);
  EXPECT_EQ(json["divergent_keys"], 0);
  EXPECT_TRUE(json["divergent_examples"].empty());
}

TEST(Convergence, ADivergedReplicaHasNoConvergedAtAndListsItsKeys) {
  ConvergenceChecker checker;
  checker.track("a", [](std::size_t n) { return compare({1}, {1}, n); });
  checker.track("b", [](std::size_t n) { return compare({4, 2}, {4, 9}, n); });
  checker.sample(5);
  const auto json = checker.to_json(1);
  EXPECT_EQ(json["converged"], false);
  EXPECT_TRUE(json["converged_at_s"].is_null());
  EXPECT_EQ(json["abs_error"], 7);
  EXPECT_EQ(json["divergent_examples"][0]["key"], "k1");
  EXPECT_EQ(json["divergent_examples"][0]["owner"], 2);
  EXPECT_EQ(json["divergent_examples"][0]["replica"], 9);
  EXPECT_EQ(checker.columns(),
            (std::vector<std::string>{"a.divergent_keys", "a.abs_error", "b.divergent_keys", "b.abs_error"}));
  std::vector<double> row;
  checker.append_row(row);
  EXPECT_EQ(row, (std::vector<double>{0, 0, 1, 7}));
}

TEST(Convergence, EveryKeyNamesAllDifferingKeysAndLeavesTheSampleAlone) {
  std::vector<std::int64_t> owner(12, 3), replica(12, 3);
  for (std::size_t k = 0; k < 12; k += 2) replica[k] = 4;  // 6 keys differ, one more than kExamples
  ConvergenceChecker checker;
  checker.track("r", [&](std::size_t n) { return compare(owner, replica, n); });
  checker.sample(1);
  EXPECT_EQ(checker.replicas()[0].last.examples.size(), DivergenceBuilder::kExamples);
  const Divergence all = checker.every_key(0);
  EXPECT_EQ(all.keys, 6u);
  EXPECT_EQ(all.abs_error, 6u);
  ASSERT_EQ(all.examples.size(), 6u);
  EXPECT_EQ(all.examples.back().key, "k10");
  EXPECT_EQ(checker.replicas()[0].last.examples.size(), DivergenceBuilder::kExamples);
  EXPECT_EQ(checker.to_json(0)["divergent_examples"].size(), DivergenceBuilder::kExamples);
}

}  // namespace
}  // namespace choreo::sim
