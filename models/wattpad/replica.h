// A consuming service's copy of another service's data, kept from events:
// the common face of the user mirrors (mirror_replica.h) and the comment
// counters (counter_replica.h). A replica decodes each delivery and hands
// it to its strategy (strategy.h), can resynchronise from the owner
// (anti-entropy: a full-state pull, driven by syncer.h), and forgets its
// store when a worker crashes if the store is in memory.
//
// A replica does not judge itself: the checker (checker.h) compares its
// read-only view (views.h) with the owner's ledger. It never writes into
// its owner.
#pragma once

#include <cstdint>

#include "models/brokers/message.h"

namespace choreo::wattpad {

class Replica : public brokers::Handler {
 public:
  explicit Replica(bool memory_store) : memory_store_(memory_store) {}

  // Anti-entropy: pull the owner's full state and merge it by the strategy.
  virtual void sync() = 0;
  // The store is lost (an in-memory store on a worker crash).
  virtual void clear() = 0;

  void on_worker_crash(std::uint32_t) override {
    if (memory_store_) clear();
  }

 private:
  bool memory_store_;
};

}  // namespace choreo::wattpad
