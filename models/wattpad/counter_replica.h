// The comment counters: a consuming service on topic "comments" that keeps
// a count per story, chapter and paragraph (count_keys.h) by its strategy
// (counter_strategy.h). It decodes each event, looks its keys' ids up in
// the model's KeyIndex (through the owner's ledger, read-only) and hands the
// strategy a CountedEvent. Its read-only face (CountsView) is what the
// checker compares with the comment service's ledger.
#pragma once

#include <memory>

#include "models/wattpad/changed_keys.h"
#include "models/wattpad/comment_ledger.h"
#include "models/wattpad/counter_strategy.h"
#include "models/wattpad/replica.h"
#include "models/wattpad/views.h"

namespace choreo::wattpad {

class CounterReplica final : public Replica {
 public:
  // `owner` is read for key ids and on anti-entropy pulls; it outlives the
  // replica.
  CounterReplica(bool memory_store, const CommentLedger& owner, std::unique_ptr<CounterStrategy> strategy)
      : Replica(memory_store), owner_(owner), strategy_(std::move(strategy)) {}

  bool handle(const brokers::Message& m, const brokers::DeliveryInfo& info) override;
  void sync() override {
    strategy_->sync(owner_);
    changes_.mark_all();
  }
  void clear() override {
    strategy_->clear();
    changes_.mark_all();
  }

  const CountsView& counts() const { return *strategy_; }
  // The keys of the events handed to the strategy since the checker last
  // cleared them (all of them after a pull or a lost store). A strategy
  // that changed another key is a bug only a full comparison finds.
  ChangedKeys& changes() { return changes_; }

 private:
  CountedEvent counted(const CommentChange& e) const;

  const CommentLedger& owner_;
  std::unique_ptr<CounterStrategy> strategy_;
  ChangedKeys changes_;
};

}  // namespace choreo::wattpad
