// The state-merging counter strategies: per key, one CRDT counter with an
// entry per comment-service shard. An event carries its shard's running
// totals on the comment's keys; the counter merges them as the shard's
// entry, by max, so a repeated, late or lost (then superseded) event
// changes nothing.
//
//   g-counter   a G-Counter per key of the shards' created totals:
//               converges under duplicates and any order; cannot count
//               deletes (a delete event is ignored)
//   pn-counter  a PN-Counter per key: created totals in P, deleted totals
//               in N
//
// The counters of all keys live in replicas::GCounterRows (one row of shard
// entries per key, flat; the same entries, merges and values as a
// replicas::GCounter or PNCounter per key): an event touches one cache line
// a key, which is what a billion-comment run spends its time on.
//
// An anti-entropy pull merges every shard's totals on every key the owner
// has counted.
#pragma once

#include <cstdint>

#include "models/replicas/g_counter_rows.h"
#include "models/wattpad/counter_strategy.h"

namespace choreo::wattpad {

class GCounterCounts final : public CounterStrategy {
 public:
  void created(const CountedEvent& e) override;
  void deleted(const CountedEvent&) override {}  // grow-only
  void sync(const CommentLedger& owner) override;
  void clear() override { counters_.clear(); }
  std::int64_t count(std::uint32_t key) const override {
    return static_cast<std::int64_t>(counters_.value(key));
  }

 private:
  replicas::GCounterRows counters_;  // row: key id, replica: shard
};

class PNCounterCounts final : public CounterStrategy {
 public:
  void created(const CountedEvent& e) override { merge(e, false); }
  void deleted(const CountedEvent& e) override { merge(e, true); }
  void sync(const CommentLedger& owner) override;
  void clear() override {
    p_.clear();
    n_.clear();
  }
  // As PNCounter::value: sum(P) - sum(N).
  std::int64_t count(std::uint32_t key) const override {
    return static_cast<std::int64_t>(p_.value(key)) - static_cast<std::int64_t>(n_.value(key));
  }

 private:
  // Merges the shard's totals into each key's P (or, for deletes, N) half.
  void merge(const CountedEvent& e, bool deletes);

  replicas::GCounterRows p_;  // row: key id, replica: shard; created totals
  replicas::GCounterRows n_;  // deleted totals
};

}  // namespace choreo::wattpad
