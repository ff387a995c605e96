// Makes an op-based update idempotent: remembers the ids of the events it
// has applied and skips an id it has seen. The memory is the price:
// unbounded (every id ever seen) or a bounded window of the most recent
// `window` ids — a duplicate older than the window is applied again.
//
//   DedupById seen(0);                 // 0 = unbounded
//   if (seen.first_time(event_id)) count += 1;
//
// It fixes duplicates, not order: a delete applied before its create still
// leaves the create to resurrect the comment (2P-Set and OR-Set do not).
#pragma once

#include <cstdint>
#include <deque>
#include <set>

#include "models/replicas/ids.h"

namespace choreo::replicas {

class DedupById {
 public:
  // window = 0 keeps every id; else the most recent `window` ids.
  explicit DedupById(std::size_t window = 0) : window_(window) {}

  // True the first time `id` is seen (within the window), then false.
  bool first_time(std::uint64_t id);
  std::size_t remembered() const { return seen_.size(); }
  std::uint64_t memory_bytes() const { return seen_.size() * kWordBytes * (window_ == 0 ? 1 : 2); }

 private:
  std::size_t window_;
  std::set<std::uint64_t> seen_;
  std::deque<std::uint64_t> order_;  // arrival order, for the window
};

}  // namespace choreo::replicas
