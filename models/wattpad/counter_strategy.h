// How a counter replica applies comment events: the interface every counter
// strategy implements, one small class each (the strategy table,
// strategy.h, lists them). A strategy knows nothing of brokers, messages or
// the simulation: it takes decoded events with their key ids, shows a count
// per key, merges the owner's state on an anti-entropy pull, and forgets.
//
//   TwoPSetCounts s;
//   s.created({.event = 1, .comment = 7, .shard = 3, .keys = {{0, 1}, 2}});
//   s.count(0);   // 1: comment 7 counts on story key 0 and chapter key 1
//
// Contract: count() is 0 on a key never touched; created() and deleted()
// take events in whatever order and multiplicity the broker delivers (that
// is the point: some strategies converge under it, the foils do not).
#pragma once

#include <cstdint>
#include <vector>

#include "models/wattpad/comment_ledger.h"
#include "models/wattpad/count_keys.h"
#include "models/wattpad/events.h"
#include "models/wattpad/views.h"

namespace choreo::wattpad {

// One comment event as a counter strategy sees it.
struct CountedEvent {
  std::uint64_t event = 0;  // event id, the same on every copy
  std::uint64_t comment = 0;
  std::uint32_t shard = 0;  // the comment's comment-service shard
  KeyIds keys;              // the keys it counts on: story, chapter[, paragraph]
  ShardTotals totals{};     // the shard's created (or deleted) totals on those keys, after it
};

class CounterStrategy : public CountsView {
 public:
  virtual void created(const CountedEvent& e) = 0;
  virtual void deleted(const CountedEvent& e) = 0;
  // Anti-entropy: merges the owner's full state, by the strategy's rule.
  virtual void sync(const CommentLedger& owner) = 0;
  // The store is lost (an in-memory store when a worker crashes).
  virtual void clear() = 0;
};

// A count per key id, grown on demand: the store of the op-based strategies.
class KeyCounts {
 public:
  // Adds `by` on each of `keys`.
  void add(const KeyIds& keys, std::int64_t by);
  // Counts `keys` in or out when membership changed from `was` to `is`.
  void member(const KeyIds& keys, bool was, bool is) {
    if (was != is) add(keys, is ? 1 : -1);
  }
  // Copies the owner's live count on every key.
  void assign_live(const CommentLedger& owner);
  std::int64_t get(std::uint32_t key) const { return key < counts_.size() ? counts_[key] : 0; }
  void clear() { counts_.assign(counts_.size(), 0); }

 private:
  std::vector<std::int64_t> counts_;
};

// Replays the owner's comments, in id order, as events without totals: a
// create for every comment, then its delete if it was deleted. How the
// set-based strategies take a full-state pull.
template <class Apply>
void replay_comments(const CommentLedger& owner, Apply&& apply) {
  owner.for_each_comment([&](std::uint64_t comment, const CommentInfo& info) {
    const CountedEvent e{
        .comment = comment, .shard = shard_of(comment, owner.shards()), .keys = owner.keys().ids(info.where)};
    apply(e, false);
    if (info.deleted) apply(e, true);
  });
}

}  // namespace choreo::wattpad
