// Op-based forms: OR-Set ops converge under any causal delivery order and
// break without it; dedup-by-id makes op-based counting idempotent (within
// its window) but does not fix reordering.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <variant>

#include "models/replicas/dedup_by_id.h"
#include "models/replicas/or_set.h"
#include "models/replicas/two_p_set.h"

namespace choreo::replicas {
namespace {

using Op = std::variant<OrAdd, OrRemove>;

// A source OR-Set performs random adds and removes; returns its ops in order.
std::vector<Op> source_ops(const std::vector<std::pair<bool, std::uint8_t>>& script, OrSet& source) {
  std::vector<Op> ops;
  for (const auto& [is_add, x] : script) {
    if (is_add)
      ops.emplace_back(source.add(1, x % 5));
    else
      ops.emplace_back(source.remove(x % 5));
  }
  return ops;
}

// A random causal order: a remove goes after the adds of the tags it names.
std::vector<Op> causal_shuffle(const std::vector<Op>& ops) {
  std::vector<Op> pending = ops, out;
  std::set<Tag> delivered;
  while (!pending.empty()) {
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      if (const auto* rem = std::get_if<OrRemove>(&pending[i])) {
        if (!std::all_of(rem->tags.begin(), rem->tags.end(),
                         [&](const Tag& t) { return delivered.count(t); })) {
          continue;
        }
      }
      ready.push_back(i);
    }
    const std::size_t pick = ready[*rc::gen::inRange<std::size_t>(0, ready.size())];
    if (const auto* add = std::get_if<OrAdd>(&pending[pick])) delivered.insert(add->tag);
    out.push_back(pending[pick]);
    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  return out;
}

OrSetOps apply_all(const std::vector<Op>& ops) {
  OrSetOps replica;
  for (const auto& op : ops) std::visit([&](const auto& o) { replica.apply(o); }, op);
  return replica;
}

RC_GTEST_PROP(OrSetOps, ConvergesUnderAnyCausalDeliveryOrder,
              (const std::vector<std::pair<bool, std::uint8_t>>& script)) {
  OrSet source;
  const auto ops = source_ops(script, source);
  const OrSetOps in_order = apply_all(ops);
  const OrSetOps shuffled = apply_all(causal_shuffle(ops));
  RC_ASSERT(in_order == shuffled);
  for (std::uint64_t e = 0; e < 5; ++e) RC_ASSERT(in_order.contains(e) == source.contains(e));
}

TEST(OrSetOps, ARemoveDeliveredBeforeItsAddIsLostAndTheElementReappears) {
  OrSet source;
  const OrAdd add = source.add(1, 42);
  const OrRemove remove = source.remove(42);
  EXPECT_FALSE(source.contains(42));
  const OrSetOps causal = apply_all({add, remove});
  const OrSetOps reordered = apply_all({remove, add});  // what SQS may do
  EXPECT_FALSE(causal.contains(42));
  EXPECT_TRUE(reordered.contains(42));  // the deleted comment is back
  // The state-based OR-Set keeps the tombstone and gets it right in any order.
  OrSet state;
  state.apply(remove);
  state.apply(add);
  EXPECT_FALSE(state.contains(42));
  EXPECT_EQ(state.tombstones(), 1u);
}

TEST(OrSet, ConcurrentAddWinsOverRemove) {
  OrSet a, b;
  a.add(1, 7);
  b.merge(a);
  b.remove(7);  // b removes the tag it saw
  a.add(1, 7);  // a adds again concurrently: a new tag
  a.merge(b);
  b.merge(a);
  EXPECT_TRUE(a.contains(7));
  EXPECT_EQ(a, b);
}

TEST(OrSet, TombstonesGrowWithEveryRemovedTag) {
  OrSet s;
  for (int round = 0; round < 100; ++round) {
    s.add(1, 5);
    s.remove(5);
  }
  EXPECT_EQ(s.size(), 0u);
  EXPECT_EQ(s.tombstones(), 100u);
  EXPECT_EQ(s.state_bytes(), 100 * 16u + 8 + 100 * 16u);
}

TEST(TwoPSet, DeleteBeforeCreateStillWinsAndNoReAdd) {
  TwoPSet s;
  s.remove(9);  // CommentDeleted overtakes CommentCreated
  s.add(9);
  EXPECT_FALSE(s.contains(9));
  EXPECT_EQ(s.size(), 0u);
  s.add(9);
  EXPECT_FALSE(s.contains(9));
}

TEST(DedupById, UnboundedMakesCountingIdempotent) {
  DedupById seen;
  int count = 0;
  for (std::uint64_t id : {1, 2, 2, 3, 1, 3, 3}) count += seen.first_time(id) ? 1 : 0;
  EXPECT_EQ(count, 3);
  EXPECT_EQ(seen.remembered(), 3u);
  EXPECT_EQ(seen.memory_bytes(), 24u);
}

TEST(DedupById, ABoundedWindowForgetsOldIdsAndLetsOldDuplicatesThrough) {
  DedupById seen(2);
  EXPECT_TRUE(seen.first_time(1));
  EXPECT_TRUE(seen.first_time(2));
  EXPECT_FALSE(seen.first_time(1));
  EXPECT_TRUE(seen.first_time(3));  // evicts 1
  EXPECT_TRUE(seen.first_time(1));  // a duplicate older than the window: applied again
  EXPECT_EQ(seen.remembered(), 2u);
}

TEST(DedupById, DoesNotFixADeleteAppliedBeforeItsCreate) {
  // Counting comments with dedup: the delete arrives first and finds nothing
  // to delete; the create then counts the comment as live.
  DedupById seen;
  std::set<std::uint64_t> live;
  auto deleted = [&](std::uint64_t id) {
    if (seen.first_time(id * 2 + 1)) live.erase(id);
  };
  auto created = [&](std::uint64_t id) {
    if (seen.first_time(id * 2)) live.insert(id);
  };
  deleted(5);
  created(5);
  EXPECT_EQ(live.count(5), 1u);  // resurrected
}

}  // namespace
}  // namespace choreo::replicas
