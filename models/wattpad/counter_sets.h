// The set-based counter strategies: each keeps the set of live comment ids
// (in some form) and counts a comment in or out of its keys when its
// membership changes, so a repeated event changes nothing.
//
//   dedup-id  skips an event whose id it has seen (replicas::DedupById),
//             then inserts / erases the comment: idempotent, but a delete
//             applied before its create lets the create resurrect it
//   2p-set    a 2P-Set of comment ids: the delete's tombstone waits for its
//             create, so any order converges (no re-add)
//   or-set    an OR-Set whose one tag per comment is its id: as 2p-set
//
// An anti-entropy pull replays the owner's comments (replay_comments); the
// pull is not an event, so dedup-id does not remember it.
#pragma once

#include <set>

#include "models/replicas/dedup_by_id.h"
#include "models/replicas/or_set.h"
#include "models/replicas/two_p_set.h"
#include "models/wattpad/counter_strategy.h"

namespace choreo::wattpad {

class DedupIdCounts final : public CounterStrategy {
 public:
  void created(const CountedEvent& e) override;
  void deleted(const CountedEvent& e) override;
  void sync(const CommentLedger& owner) override;
  void clear() override;
  std::int64_t count(std::uint32_t key) const override { return counts_.get(key); }

 private:
  void insert(const CountedEvent& e);
  void erase(const CountedEvent& e);

  replicas::DedupById seen_;      // event ids
  std::set<std::uint64_t> live_;  // comment ids
  KeyCounts counts_;
};

class TwoPSetCounts final : public CounterStrategy {
 public:
  void created(const CountedEvent& e) override;
  void deleted(const CountedEvent& e) override;
  void sync(const CommentLedger& owner) override;
  void clear() override;
  std::int64_t count(std::uint32_t key) const override { return counts_.get(key); }

 private:
  replicas::TwoPSet set_;  // comment ids
  KeyCounts counts_;
};

class OrSetCounts final : public CounterStrategy {
 public:
  void created(const CountedEvent& e) override;
  void deleted(const CountedEvent& e) override;
  void sync(const CommentLedger& owner) override;
  void clear() override;
  std::int64_t count(std::uint32_t key) const override { return counts_.get(key); }

 private:
  replicas::OrSet set_;  // comment ids, tagged (0, id)
  KeyCounts counts_;
};

}  // namespace choreo::wattpad
