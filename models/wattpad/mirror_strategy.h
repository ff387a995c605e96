// How a user mirror applies profile writes: the interface every mirror
// strategy implements, one small class each (the strategy table,
// strategy.h, lists them). A strategy knows nothing of brokers, messages or
// the simulation: it takes decoded UserUpdated events and says which
// profile version the user's entry shows after each.
//
//   LwwVersionMirror m(/*users=*/10);
//   m.apply({.user = 3, .version = 2});   // 2
//   m.apply({.user = 3, .version = 1});   // still 2: the older write loses
//
// Contract: apply() takes writes in whatever order and multiplicity the
// broker delivers; an anti-entropy pull hands it the owner's latest write
// of each user the same way (MirrorReplica::sync).
#pragma once

#include <cstdint>

#include "models/wattpad/events.h"

namespace choreo::wattpad {

class MirrorStrategy {
 public:
  virtual ~MirrorStrategy() = default;
  // Applies a write of `e.user`'s profile; returns the version the user's
  // entry shows now. REQUIRES: e.user < the users it was made for.
  virtual std::uint64_t apply(const UserUpdated& e) = 0;
  // The store is lost (an in-memory store when a worker crashes).
  virtual void clear() = 0;
};

}  // namespace choreo::wattpad
