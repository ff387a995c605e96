// The comment service's truth: every comment ever posted (its location and
// whether it was deleted), the live count on every key, and each shard's
// created and deleted totals per key. A plain value (no node, no broker), so
// the counter strategies, anti-entropy and the checker can be tested without
// a run.
//
// It interns a comment's keys into the model's KeyIndex when it first
// counts the comment, before its event is published: every key an event
// names has an id by the time a replica sees it.
//
// Comments are kept in a vector indexed by comment id, 24 bytes each: the
// service numbers comments densely (comment_id(): sequence * shards +
// shard), so the only holes are the few ids a lagging shard has not used
// yet. A comment id far past every id posted so far grows the vector to it.
//
// Invariants: live(k) = sum over shards of created(k, s) - deleted(k, s);
// a comment is deleted at most once.
#pragma once

#include <cstdint>
#include <vector>

#include "models/wattpad/count_keys.h"
#include "models/wattpad/events.h"

namespace choreo::wattpad {

struct CommentInfo {
  Location where;
  bool posted = false;  // false: an id not (yet) used
  bool deleted = false;
};

class CommentLedger {
 public:
  // REQUIRES: shards >= 1; `keys` outlives the ledger.
  CommentLedger(std::uint32_t shards, KeyIndex& keys) : shards_(shards), keys_(keys) {}

  // Counts a new comment in; returns its change (event id 0: the publisher
  // numbers it). REQUIRES: `comment` is new.
  CommentChange create(std::uint64_t comment, const Location& where);
  // Counts a comment out. REQUIRES: it exists and is not deleted.
  CommentChange remove(std::uint64_t comment);

  std::uint32_t shards() const { return shards_; }
  const KeyIndex& keys() const { return keys_; }
  // Live comments counted on key `key`.
  std::int64_t live(std::uint32_t key) const { return key < live_.size() ? live_[key] : 0; }
  // The shard's created / deleted totals on key `key`.
  std::uint64_t created(std::uint32_t key, std::uint32_t shard) const {
    return key < live_.size() ? totals_[key * shards_ + shard].created : 0;
  }
  std::uint64_t deleted(std::uint32_t key, std::uint32_t shard) const {
    return key < live_.size() ? totals_[key * shards_ + shard].deleted : 0;
  }
  // Calls fn(id, info) for every comment ever posted, in id order.
  template <class Fn>
  void for_each_comment(Fn&& fn) const {
    for (std::uint64_t id = 0; id < comments_.size(); ++id) {
      if (comments_[id].posted) fn(id, comments_[id]);
    }
  }

 private:
  struct Totals {
    std::uint64_t created = 0, deleted = 0;
  };
  // Counts `comment` in or out on its keys; returns the shard's new totals.
  ShardTotals count(std::uint64_t comment, const Location& where, bool created);

  std::uint32_t shards_;
  KeyIndex& keys_;
  std::vector<std::int64_t> live_;     // per key id
  std::vector<Totals> totals_;         // per key id, then shard
  std::vector<CommentInfo> comments_;  // by comment id
};

}  // namespace choreo::wattpad
