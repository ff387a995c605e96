// The comment counters: comments per story, per chapter and per paragraph
// (count_keys.h), kept by a consuming service from CommentCreated /
// CommentDeleted events, compared key by key with the comment service's live
// counts.
//
// Strategies:
//   naive       count += 1 / -= 1 per event (the foil: duplicates overcount)
//   dedup-id    a live set of comment ids, events deduplicated by id:
//               idempotent, but a delete applied before its create
//               resurrects the comment
//   2p-set      a 2P-Set of comment ids: idempotent and order-proof
//   or-set      an OR-Set (tag = the comment id, its only add): as 2p-set
//   g-counter   per key, one G-Counter entry per comment-service shard
//               holding that shard's created total: idempotent, but cannot
//               count deletes
//   pn-counter  as g-counter, with deletes in the N half
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "models/replicas/dedup_by_id.h"
#include "models/replicas/or_set.h"
#include "models/replicas/pn_counter.h"
#include "models/replicas/two_p_set.h"
#include "models/wattpad/count_keys.h"
#include "models/wattpad/owners.h"
#include "models/wattpad/replica.h"

namespace choreo::wattpad {

class Counters final : public Replica {
 public:
  Counters(std::string name, std::string strategy, bool memory_store, const CommentService& owner);

  const char* kind() const override { return "counter"; }
  bool handle(const brokers::Message& m, const brokers::DeliveryInfo& info) override;
  sim::Divergence divergence() const override;
  void sync() override;
  void clear() override;

  // The count this replica shows on a key (a story, chapter or paragraph).
  std::int64_t count(const Location& where, std::size_t level) const;

 private:
  enum class Rule { kNaive, kDedupId, kTwoPSet, kOrSet, kGCounter, kPNCounter } rule_;
  bool merged() const;  // g-counter / pn-counter: pn_ is the store, else counts_
  // Makes the strategy's store hold `keys` keys.
  void grow(std::size_t keys);
  // The key ids of a location's levels, growing the store to hold them.
  std::size_t key_ids(const Location& where, std::uint32_t (&ids)[3]);
  std::int64_t count(std::uint32_t id) const;
  // `totals`: the shard's created (or deleted) total on each level's key.
  void created(std::uint64_t comment, const Location& where, std::uint32_t shard,
               const std::uint64_t (&totals)[3]);
  void deleted(std::uint64_t comment, const Location& where, std::uint32_t shard,
               const std::uint64_t (&totals)[3]);
  void set_member(const Location& where, bool was, bool is);
  // g-counter / pn-counter: merges the shard's totals into each level's key.
  void merge_totals(const Location& where, std::uint32_t shard, const std::uint64_t (&totals)[3],
                    bool deletes);

  const CommentService& owner_;
  std::uint32_t shards_;
  std::vector<std::int64_t> counts_;     // per key id: naive, and the set-based strategies' live counts
  replicas::DedupById seen_;             // dedup-id
  std::set<std::uint64_t> live_;         // dedup-id
  replicas::TwoPSet two_p_;              // 2p-set
  replicas::OrSet or_set_;               // or-set
  std::vector<replicas::PNCounter> pn_;  // per key id: g-counter (P only), pn-counter
};

}  // namespace choreo::wattpad
