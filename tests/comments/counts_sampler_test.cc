// The incremental counters' checker: with honest marks it reports exactly
// what a full comparison reports, sample after sample; a divergence planted
// in a key nobody marked (a replica bug) is missed by the incremental
// samples and found by the periodic full one, and by the final verdict.
#include "models/wattpad/counts_sampler.h"

#include <gtest/gtest.h>

#include <map>

#include "models/wattpad/checker.h"
#include "sim/random.h"

namespace choreo::wattpad {
namespace {

// A replica's counts, set by the test.
struct FixedCounts final : CountsView {
  std::map<std::uint32_t, std::int64_t> counts;
  std::int64_t count(std::uint32_t key) const override {
    const auto it = counts.find(key);
    return it == counts.end() ? 0 : it->second;
  }
};

void expect_same(const sim::Divergence& a, const sim::Divergence& b, int step) {
  EXPECT_EQ(a.keys, b.keys) << "step " << step;
  EXPECT_EQ(a.abs_error, b.abs_error) << "step " << step;
  ASSERT_EQ(a.examples.size(), b.examples.size()) << "step " << step;
  for (std::size_t i = 0; i < a.examples.size(); ++i) EXPECT_EQ(a.examples[i].key, b.examples[i].key);
}

TEST(CountsSampler, WithHonestMarksEverySampleEqualsAFullComparison) {
  KeyIndex keys;
  CommentLedger owner(2, keys, CommentRecords::kEvery);
  FixedCounts replica;
  ChangedKeys marks;
  CountsSampler sampler(owner, replica, marks, 1000);  // no periodic full scan in this test
  sim::Rng rng(11);
  std::uint64_t next = 0;
  for (int step = 0; step < 300; ++step) {
    for (int i = 0; i < 5; ++i) {  // the owner posts; the replica applies some, late or wrongly
      const Location where{.story = sim::uniform_int(rng, 4),
                           .chapter = static_cast<std::uint32_t>(sim::uniform_int(rng, 3))};
      owner.create(next++, where);
    }
    for (int i = 0; i < 4; ++i) {
      const auto key = static_cast<std::uint32_t>(sim::uniform_int(rng, keys.size()));
      replica.counts[key] = owner.live(key) + static_cast<std::int64_t>(sim::uniform_int(rng, 3)) - 1;
      marks.mark(key);
    }
    const sim::Divergence full = compare_counts(owner, replica);
    expect_same(sampler.sample(sim::DivergenceBuilder::kExamples, false), full, step);
    owner.forget_changes();
  }
  EXPECT_EQ(sampler.full_samples(), 0u);
}

TEST(CountsSampler, ADivergenceInAnUnchangedKeyIsFoundByThePeriodicFullScan) {
  KeyIndex keys;
  CommentLedger owner(1, keys, CommentRecords::kHeld);
  owner.create(0, {.story = 0, .chapter = 0});
  owner.create(1, {.story = 1, .chapter = 0});
  FixedCounts replica;
  replica.counts = {{0, 1}, {1, 1}, {2, 1}, {3, 1}};
  ChangedKeys marks;
  CountsSampler sampler(owner, replica, marks, 4);
  EXPECT_EQ(sampler.sample(5, false).keys, 0u);  // sample 1
  owner.forget_changes();
  replica.counts[2] = 7;  // the bug: story 1's count changes, no event marked it
  EXPECT_EQ(sampler.sample(5, false).keys, 0u) << "sample 2: incremental, key 2 unchanged";
  EXPECT_EQ(sampler.sample(5, false).keys, 0u) << "sample 3";
  const sim::Divergence caught = sampler.sample(5, false);  // sample 4: the periodic full scan
  EXPECT_EQ(caught.keys, 1u);
  EXPECT_EQ(caught.abs_error, 6u);
  ASSERT_EQ(caught.examples.size(), 1u);
  EXPECT_EQ(caught.examples[0].key, "story 1");
  EXPECT_EQ(sampler.sample(5, false).keys, 1u) << "a differing key is compared again until it heals";
  replica.counts[2] = 1;  // healed, unmarked: still compared, since it differed
  EXPECT_EQ(sampler.sample(5, false).keys, 0u);
  replica.counts[3] = 0;  // a second planted bug
  EXPECT_EQ(sampler.sample(5, true).keys, 1u) << "the final verdict compares every key";
}

TEST(CountsSampler, APullOrALostStoreMakesTheNextSampleFull) {
  KeyIndex keys;
  CommentLedger owner(1, keys, CommentRecords::kHeld);
  owner.create(0, {.story = 0, .chapter = 0});
  FixedCounts replica;
  ChangedKeys marks;
  CountsSampler sampler(owner, replica, marks, 1000);
  EXPECT_EQ(sampler.sample(5, false).keys, 2u);
  owner.forget_changes();
  replica.counts = {{0, 1}, {1, 1}};
  marks.mark_all();
  EXPECT_EQ(sampler.sample(5, false).keys, 0u);
  EXPECT_EQ(sampler.full_samples(), 1u);
  EXPECT_FALSE(marks.all()) << "a sample clears the replica's marks";
}

}  // namespace
}  // namespace choreo::wattpad
