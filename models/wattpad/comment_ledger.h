// The comment service's truth: the live count on every key, each shard's
// created and deleted totals per key, and of the comments themselves only
// what some reader needs. A plain value (no node, no broker), so the
// counter strategies, anti-entropy and the checker can be tested without a
// run.
//
// It interns a comment's keys into the model's KeyIndex when it first
// counts the comment, before its event is published: every key an event
// names has an id by the time a replica sees it.
//
// Which comments it records (CommentRecords), so memory follows live state
// rather than history:
//   kHeld   only the comments a scheduled delete will target, from the post
//           to the delete (HeldComments, 24 bytes each): the delete needs
//           the comment's location to count it out. Nothing deletes: no
//           record at all. Our modelling choice: a comment is deleted by its
//           author or a moderator some time after it is posted, decided when
//           it is posted (workload.delete_fraction, delete_after), so what
//           deletes can target is known and bounded by the deletes pending.
//   kEvery  every comment ever posted, in a vector indexed by comment id (24
//           bytes each; the service numbers comments densely, comment_id():
//           sequence * shards + shard). Needed only by the anti-entropy
//           pull of the set-based strategies (dedup-id, 2p-set, or-set),
//           which replays every comment and its delete (for_each_comment);
//           those replicas keep a record per comment themselves.
// Counts and totals are per key whatever the mode; the checker, the
// counter-merging pulls and page reads (page_comments.h) need nothing more.
//
// Invariants: live(k) = sum over shards of created(k, s) - deleted(k, s)
// (kept per key as they change, so the checker reads one number); a comment
// is deleted at most once.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

#include "models/wattpad/changed_keys.h"
#include "models/wattpad/count_keys.h"
#include "models/wattpad/events.h"
#include "models/wattpad/held_comments.h"

namespace choreo::wattpad {

struct CommentInfo {
  Location where;
  bool posted = false;  // false: an id not (yet) used
  bool deleted = false;
};

enum class CommentRecords { kHeld, kEvery };

class CommentLedger {
 public:
  // REQUIRES: shards >= 1; `keys` outlives the ledger.
  CommentLedger(std::uint32_t shards, KeyIndex& keys, CommentRecords records = CommentRecords::kEvery)
      : shards_(shards), keys_(keys), records_(records) {}

  // Room for `keys` key ids, so that counting the first comments on them
  // copies no row (a hint: more keys still fit).
  void reserve(std::size_t keys) {
    totals_.reserve(keys * shards_);
    live_.reserve(keys);
  }
  // Counts a new comment in; returns its change (event id 0: the publisher
  // numbers it). REQUIRES: `comment` is new.
  CommentChange create(std::uint64_t comment, const Location& where);
  // A delete of `comment` (created at `where`) is scheduled: keeps its
  // location until remove() (nothing to do under kEvery, which keeps all).
  void hold(std::uint64_t comment, const Location& where) {
    if (records_ == CommentRecords::kHeld) held_.put(comment, where);
  }
  // Counts a comment out. REQUIRES: it exists and is not deleted; under
  // kHeld, it is held.
  CommentChange remove(std::uint64_t comment);

  std::uint32_t shards() const { return shards_; }
  const KeyIndex& keys() const { return keys_; }
  // Live comments counted on key `key`: its shards' created totals less
  // their deleted totals.
  std::int64_t live(std::uint32_t key) const { return key < live_.size() ? live_[key] : 0; }
  // The shard's created / deleted totals on key `key`.
  std::uint64_t created(std::uint32_t key, std::uint32_t shard) const {
    return key < counted_keys() ? totals_[key * shards_ + shard].created : 0;
  }
  std::uint64_t deleted(std::uint32_t key, std::uint32_t shard) const {
    return key < counted_keys() ? totals_[key * shards_ + shard].deleted : 0;
  }
  // The key ids of the comment last counted in or out (create(), remove()),
  // so its caller need not look them up again.
  const KeyIds& last_keys() const { return last_keys_; }
  // The keys counted on since the last forget_changes() (the checker's).
  const ChangedKeys& changes() const { return changes_; }
  void forget_changes() { changes_.clear(); }
  CommentRecords records() const { return records_; }
  // Comments recorded: every one posted (kEvery) or those held (kHeld).
  std::size_t recorded() const { return records_ == CommentRecords::kEvery ? posted_ : held_.size(); }
  // Calls fn(id, info) for every comment ever posted, in id order.
  // REQUIRES: records() is kEvery.
  template <class Fn>
  void for_each_comment(Fn&& fn) const {
    assert(records_ == CommentRecords::kEvery && "only a ledger of every comment replays them");
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

  // Keys with totals: every id below it has its row.
  std::size_t counted_keys() const { return totals_.size() / shards_; }

  std::uint32_t shards_;
  KeyIndex& keys_;
  std::vector<Totals> totals_;      // per key id, then shard: one row of shards_ a key
  std::vector<std::int64_t> live_;  // per key id: its row's created less deleted
  KeyIds last_keys_;
  CommentRecords records_;
  std::vector<CommentInfo> comments_;  // by comment id, under kEvery
  std::size_t posted_ = 0;             // comments in comments_
  HeldComments held_;                  // under kHeld
  ChangedKeys changes_;
};

}  // namespace choreo::wattpad
