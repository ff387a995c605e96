// The message store of one SQS queue (standard or FIFO): which stored
// messages are visible and in what order a receive finds them.
//
// Standard: a receive takes the visible message published first (oldest
// first: a long poll queries every server, and each returns its oldest), or,
// with Order::kUniform, a uniformly random one (the worst case of best
// effort, for exploring). Disorder in the oldest-first order comes only from
// messages becoming visible late: network delay into the queue, redeliveries
// after a visibility timeout, and concurrent consumers.
// FIFO: each message group keeps its messages in publish order; a group is
// "ready" when it has a visible head and nothing in flight (head-of-line
// blocking), and receives serve ready groups oldest first.
//
// Not the broker: visibility timers, receipts and retention live in
// SqsBroker. Messages are slot indices into SqsBroker's slab; `seq_of`
// gives their publish order.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/random.h"

namespace choreo::brokers {

class SqsQueue {
 public:
  // Which visible message a standard queue's receive takes.
  enum class Order : std::uint8_t { kOldest, kUniform };
  SqsQueue(bool fifo, Order order) : fifo_(fifo), order_(order) {}

  bool fifo() const { return fifo_; }
  // Whether a receive may find something (FIFO: may be stale; a receive
  // that finds nothing cleans up).
  bool has_visible() const {
    return fifo_ ? !ready_.empty() : order_ == Order::kOldest ? !oldest_.empty() : !visible_.empty();
  }

  // Standard: makes `slot`, published as `seq`, visible. REQUIRES: !fifo()
  void add_visible(std::uint32_t slot, std::uint64_t seq);
  // Standard: takes the oldest, or a uniformly random, visible slot.
  // REQUIRES: has_visible()
  std::uint32_t take(sim::Rng& rng);
  // Standard: removes a visible slot (retention).
  void remove_visible(std::uint32_t slot, std::uint64_t seq);

  // FIFO: puts `slot` of group `group` back in publish order; `returning`
  // when it comes back from flight (in-flight count drops).
  void fifo_put(std::uint64_t group, std::uint32_t slot, std::uint64_t seq, bool returning);
  // FIFO: a message of `group` left flight for good (deleted, dead-lettered).
  void fifo_done(std::uint64_t group);
  // FIFO: removes a stored (not in flight) slot (retention).
  void fifo_remove(std::uint64_t group, std::uint32_t slot);
  // FIFO: the next ready group's visible messages in order, at most `max`,
  // marked in flight. Empty when no group is ready.
  void fifo_take(std::size_t max, std::vector<std::pair<std::uint64_t, std::uint32_t>>& out);

 private:
  struct Group {
    std::deque<std::pair<std::uint64_t, std::uint32_t>> stored;  // (seq, slot), ascending seq
    std::uint32_t in_flight = 0;
    bool listed = false;
  };
  void list_if_ready(std::uint64_t key, Group& g);

  bool fifo_;
  Order order_;
  std::set<std::pair<std::uint64_t, std::uint32_t>> oldest_;  // kOldest: (seq, slot)
  std::vector<std::uint32_t> visible_;                        // kUniform
  std::unordered_map<std::uint32_t, std::uint32_t> pos_;      // slot -> index in visible_
  std::unordered_map<std::uint64_t, Group> groups_;           // looked up, never iterated
  std::deque<std::uint64_t> ready_;
};

}  // namespace choreo::brokers
