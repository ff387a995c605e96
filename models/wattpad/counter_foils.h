// The naive counter strategies, kept to be shown wrong.
//
//   naive            count += 1 per create, -= 1 per delete, per key. Not
//                    idempotent: a duplicate overcounts, a loss undercounts.
//   shard-delta-sum  each comment-service shard reports, with every comment,
//                    the increments since its previous report (one per key
//                    the comment counts on) and the counter adds them up
//                    (replicas::ShardDeltaSum per key). Summing deltas
//                    commutes but is not idempotent: a report merged twice
//                    (redelivered, replayed) counts twice. Grow-only, like
//                    the G-Counter it is the foil of: deletes are not counted.
//
// An anti-entropy pull resets both to the owner's truth (live counts; the
// shards' created totals), so a pull hides the damage until the next one.
#pragma once

#include <vector>

#include "models/replicas/foils.h"
#include "models/wattpad/counter_strategy.h"

namespace choreo::wattpad {

class NaiveCounts final : public CounterStrategy {
 public:
  void created(const CountedEvent& e) override { counts_.add(e.keys, 1); }
  void deleted(const CountedEvent& e) override { counts_.add(e.keys, -1); }
  void sync(const CommentLedger& owner) override { counts_.assign_live(owner); }
  void clear() override { counts_.clear(); }
  std::int64_t count(std::uint32_t key) const override { return counts_.get(key); }

 private:
  KeyCounts counts_;
};

class ShardDeltaSumCounts final : public CounterStrategy {
 public:
  void created(const CountedEvent& e) override;
  void deleted(const CountedEvent&) override {}  // grow-only
  void sync(const CommentLedger& owner) override;
  void clear() override { sums_.assign(sums_.size(), replicas::ShardDeltaSum()); }
  std::int64_t count(std::uint32_t key) const override;

 private:
  std::vector<replicas::ShardDeltaSum> sums_;  // per key id
};

}  // namespace choreo::wattpad
