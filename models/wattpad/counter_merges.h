// The state-merging counter strategies: per key, one CRDT counter with an
// entry per comment-service shard. An event carries its shard's running
// totals on the comment's keys; the counter merges them as the shard's
// entry, by max, so a repeated, late or lost (then superseded) event
// changes nothing.
//
//   g-counter   a replicas::GCounter per key of the shards' created totals:
//               converges under duplicates and any order; cannot count
//               deletes (a delete event is ignored)
//   pn-counter  a replicas::PNCounter per key: created totals in P, deleted
//               totals in N
//
// An anti-entropy pull merges every shard's totals on every key the owner
// has counted.
#pragma once

#include <vector>

#include "models/replicas/g_counter.h"
#include "models/replicas/pn_counter.h"
#include "models/wattpad/counter_strategy.h"

namespace choreo::wattpad {

class GCounterCounts final : public CounterStrategy {
 public:
  void created(const CountedEvent& e) override;
  void deleted(const CountedEvent&) override {}  // grow-only
  void sync(const CommentLedger& owner) override;
  void clear() override { counters_.assign(counters_.size(), replicas::GCounter()); }
  std::int64_t count(std::uint32_t key) const override;

 private:
  std::vector<replicas::GCounter> counters_;  // per key id
};

class PNCounterCounts final : public CounterStrategy {
 public:
  void created(const CountedEvent& e) override { merge(e, false); }
  void deleted(const CountedEvent& e) override { merge(e, true); }
  void sync(const CommentLedger& owner) override;
  void clear() override { counters_.assign(counters_.size(), replicas::PNCounter()); }
  std::int64_t count(std::uint32_t key) const override {
    return key < counters_.size() ? counters_[key].value() : 0;
  }

 private:
  // Merges the shard's totals into each key's P (or, for deletes, N) half.
  void merge(const CountedEvent& e, bool deletes);

  std::vector<replicas::PNCounter> counters_;  // per key id
};

}  // namespace choreo::wattpad
