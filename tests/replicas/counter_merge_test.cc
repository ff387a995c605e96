// G-Counter and PN-Counter merges in place: exact results when the other
// state's replicas interleave with ours, raise() as the merge of a
// one-entry state, and no allocation once the replicas are known (counted
// by replacing the global operator new in this test binary: tests/counting_new.h),
// also in the comment counters built on them and the ledger feeding them.
#include <gtest/gtest.h>

#include "models/replicas/g_counter.h"
#include "models/replicas/pn_counter.h"
#include "models/wattpad/counter_merges.h"
#include "tests/counting_new.h"

namespace choreo::replicas {
namespace {

GCounter counter(std::initializer_list<std::pair<ReplicaId, std::uint64_t>> entries) {
  GCounter c;
  for (const auto& [r, n] : entries) c.increment(r, n);
  return c;
}

TEST(CounterMerge, InterleavedReplicasTakeTheMaximumOfEach) {
  GCounter a = counter({{2, 5}, {4, 1}, {9, 3}});
  a.merge(counter({{1, 7}, {4, 6}, {5, 2}, {9, 1}, {12, 4}}));
  EXPECT_EQ(a, counter({{1, 7}, {2, 5}, {4, 6}, {5, 2}, {9, 3}, {12, 4}}));
  EXPECT_EQ(a.value(), 27u);
}

TEST(CounterMerge, RaiseIsTheMergeOfAOneEntryState) {
  for (const ReplicaId r : {0u, 3u, 4u, 8u}) {
    for (const std::uint64_t n : {0u, 1u, 5u, 9u}) {
      GCounter merged = counter({{3, 5}, {8, 2}});
      GCounter raised = merged;
      merged.merge(counter({{r, n}}));
      raised.raise(r, n);
      EXPECT_EQ(raised, merged) << "replica " << r << " count " << n;
    }
  }
}

TEST(CounterMerge, MergingKnownReplicasAllocatesNothing) {
  GCounter a = counter({{1, 1}, {2, 2}, {3, 3}, {4, 4}});
  const GCounter b = counter({{1, 5}, {3, 1}, {4, 9}});
  PNCounter p;
  p.increment(1, 2);
  p.decrement(1, 1);
  PNCounter q = p;
  q.increment(1, 3);
  const std::size_t before = choreo::testing::allocation_count.calls;
  a.merge(b);
  a.raise(2, 7);
  p.merge(q);
  p.raise_increments(1, 9);
  p.raise_decrements(1, 4);
  EXPECT_EQ(choreo::testing::allocation_count.calls, before);
  EXPECT_EQ(a.value(), 5u + 7u + 3u + 9u);
  EXPECT_EQ(p.value(), 9 - 4);
}

// The comment counters built on them: once every key and shard has been
// met, an event or an anti-entropy pull allocates nothing (a billion
// comments are a billion events).
TEST(CounterMerge, CounterStrategiesAllocateNothingOnceKeysAndShardsAreKnown) {
  using namespace choreo::wattpad;
  KeyIndex keys;
  CommentLedger owner(2, keys, CommentRecords::kHeld);
  const Location where{.story = 1, .chapter = 2, .paragraph = 3};
  owner.create(0, where);
  owner.create(1, where);
  owner.hold(0, where);
  const CommentChange gone = owner.remove(0);
  GCounterCounts g;
  PNCounterCounts pn;
  auto event = [&](std::uint64_t comment, const ShardTotals& totals) {
    return CountedEvent{.comment = comment,
                        .shard = static_cast<std::uint32_t>(comment % 2),
                        .keys = keys.ids(where),
                        .totals = totals};
  };
  g.sync(owner);
  pn.sync(owner);
  const std::size_t before = choreo::testing::allocation_count.calls;
  for (std::uint64_t c = 2; c < 100; ++c) {
    const CountedEvent e = event(c, owner.create(c, where).totals);
    g.created(e);
    pn.created(e);
  }
  pn.deleted(event(0, gone.totals));
  g.sync(owner);
  pn.sync(owner);
  EXPECT_EQ(choreo::testing::allocation_count.calls, before);
  EXPECT_EQ(g.count(keys.ids(where).id[2]), 100);
  EXPECT_EQ(pn.count(keys.ids(where).id[2]), 99);
}

}  // namespace
}  // namespace choreo::replicas
