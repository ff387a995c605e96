// The comment service's truth: every comment ever posted (its location,
// author, whether deleted), the live count on every key, and each shard's
// created and deleted totals per key. A plain value (no node, no broker), so
// the counter strategies, anti-entropy and the checker can be tested without
// a run.
//
// It interns a comment's keys into the model's KeyIndex when it first
// counts the comment, before its event is published: every key an event
// names has an id by the time a replica sees it.
//
// Invariants: live(k) = sum over shards of created(k, s) - deleted(k, s);
// a comment is deleted at most once.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "models/wattpad/count_keys.h"
#include "models/wattpad/events.h"

namespace choreo::wattpad {

struct CommentInfo {
  Location where;
  std::uint64_t author = 0;
  bool deleted = false;
};

class CommentLedger {
 public:
  // REQUIRES: shards >= 1; `keys` outlives the ledger.
  CommentLedger(std::uint32_t shards, KeyIndex& keys) : shards_(shards), keys_(keys) {}

  // Counts a new comment in; returns its change (event id 0: the publisher
  // numbers it). REQUIRES: `comment` is new.
  CommentChange create(std::uint64_t comment, const Location& where, std::uint64_t author);
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
  // Every comment ever posted, by id.
  const std::map<std::uint64_t, CommentInfo>& comments() const { return comments_; }

 private:
  struct Totals {
    std::uint64_t created = 0, deleted = 0;
  };
  // Counts `comment` in or out on its keys; returns the shard's new totals.
  ShardTotals count(std::uint64_t comment, const Location& where, bool created);

  std::uint32_t shards_;
  KeyIndex& keys_;
  std::vector<std::int64_t> live_;  // per key id
  std::vector<Totals> totals_;      // per key id, then shard
  std::map<std::uint64_t, CommentInfo> comments_;
};

}  // namespace choreo::wattpad
