// The message store of one SQS queue (standard or FIFO): which stored
// messages are visible and in what order a receive finds them.
//
// Standard: the queue's messages are spread over `servers` storage
// servers (message seq % servers: AWS stores a standard queue redundantly
// over many servers and does not say how many or how messages are placed;
// both are our modelling choices). A receive queries `sampled` of them
// (a long poll, WaitTimeSeconds > 0: all of them; a short poll: a random
// subset, drawn per receive by begin_receive) and takes the oldest visible
// messages those servers hold, oldest first. With every server queried
// that is the queue's oldest visible message: disorder then comes only
// from messages becoming visible late (network delay into the queue,
// redeliveries after a visibility timeout) and concurrent consumers. A
// short poll that misses the servers holding the oldest messages takes
// newer ones first: the documented short-polling disorder. With
// Order::kUniform a receive takes a uniformly random visible message
// instead (the worst case of best effort, for exploring).
// FIFO: each message group keeps its messages in publish order; a group is
// "ready" when it has a visible head and nothing in flight (head-of-line
// blocking), and receives serve ready groups oldest first.
//
// Not the broker: visibility timers, receipts and retention live in
// SqsBroker. Messages are slot indices into SqsBroker's slab; `seq_of`
// gives their publish order.
//
// Storage (kOldest): each server is a binary min-heap of (seq, slot) in a
// vector (no node allocated per message), and live_[slot] says which seq
// the slot holds visible. A removal (retention) only clears live_; the
// stale entry leaves when it reaches its heap's top. Invariant: every
// heap's top is live (prune() runs after each pop and removal), so a
// server holds a visible message iff its heap is not empty, and the top is
// its oldest — the order a std::set of (seq, slot) would give.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <deque>
#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/random.h"

namespace choreo::brokers {

class SqsQueue {
 public:
  // Which visible message a standard queue's receive takes.
  enum class Order : std::uint8_t { kOldest, kUniform };
  // kOldest: messages on `servers` servers, `sampled` (1..servers) of them
  // queried per receive; sampled == servers is one ordered store.
  SqsQueue(bool fifo, Order order, std::uint32_t servers = 1, std::uint32_t sampled = 1);

  bool fifo() const { return fifo_; }
  // Whether a receive may find something (FIFO: may be stale; a receive
  // that finds nothing cleans up).
  bool has_visible() const {
    return fifo_ ? !ready_.empty() : order_ == Order::kOldest ? visible_count_ > 0 : !visible_.empty();
  }
  // The server that stores the message published as `seq`.
  std::uint32_t server_of(std::uint64_t seq) const {
    return static_cast<std::uint32_t>(seq % servers_.size());
  }

  // Standard: makes `slot`, published as `seq`, visible. REQUIRES: !fifo()
  void add_visible(std::uint32_t slot, std::uint64_t seq) {
    assert(!fifo_);
    if (order_ != Order::kOldest) return add_uniform(slot);
    if (slot >= live_.size()) live_.resize(slot + 1, 0);
    live_[slot] = seq + 1;
    Stored& server = servers_[server_of(seq)];
    server.emplace_back(seq, slot);
    std::push_heap(server.begin(), server.end(), std::greater<>());
    ++visible_count_;
  }
  // Standard: starts a receive, drawing which servers it queries when it
  // samples some of them (from `rng`). Then take() while can_take().
  void begin_receive(sim::Rng& rng) {
    if (order_ == Order::kOldest && servers_.size() > 1) draw_queried(rng);
  }
  // The servers the current receive queries, ascending.
  const std::vector<std::uint32_t>& queried() const { return queried_; }
  // Whether the current receive can take another message: a queried
  // server holds a visible one.
  bool can_take() const {
    if (order_ != Order::kOldest) return !visible_.empty();
    return servers_.size() == 1 ? !servers_[0].empty() : any_queried();
  }
  // Standard: takes the oldest visible slot on the queried servers, or a
  // uniformly random visible slot. REQUIRES: can_take()
  std::uint32_t take(sim::Rng& rng);
  // Whether the last take() passed over an older visible message on a
  // server the receive did not query (short-poll disorder).
  bool passed_older() const { return passed_older_; }
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

  using Entry = std::pair<std::uint64_t, std::uint32_t>;  // (seq, slot)
  using Stored = std::vector<Entry>;                      // a min-heap
  // Whether a queried server holds a visible message.
  bool any_queried() const;
  // add_visible for Order::kUniform.
  void add_uniform(std::uint32_t slot);
  // Draws which servers the current receive queries.
  void draw_queried(sim::Rng& rng);
  // Pops `server`'s stale tops (pop_stale, called only when the top is stale).
  void prune(Stored& server) {
    if (!server.empty() && live_[server.front().second] != server.front().first + 1) pop_stale(server);
  }
  void pop_stale(Stored& server);

  bool fifo_;
  Order order_;
  std::uint32_t sampled_;
  std::vector<Stored> servers_;                           // kOldest: each server's visible messages
  std::vector<std::uint64_t> live_;                       // kOldest: per slot, its seq + 1 while visible
  std::vector<std::uint32_t> queried_;                    // kOldest: the current receive's servers
  std::vector<std::uint32_t> pool_;                       // scratch for the draw
  std::size_t visible_count_ = 0;                         // kOldest
  bool passed_older_ = false;                             // kOldest: of the last take()
  std::vector<std::uint32_t> visible_;                    // kUniform
  std::unordered_map<std::uint32_t, std::uint32_t> pos_;  // slot -> index in visible_
  std::unordered_map<std::uint64_t, Group> groups_;       // looked up, never iterated
  std::deque<std::uint64_t> ready_;
};

}  // namespace choreo::brokers
