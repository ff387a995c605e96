// Level 0 of the event queue (sim/event_queue.h): ListRing, kSlots lists
// of pool links (sim/queue_levels.h) threaded through the links' `next`,
// in one of three modes.
//
// - Sorted (buckets of several times): a circular list kept in a given
//   order (insert), named by its tail, whose next is the head.
// - Stacked (buckets of one time, few pending): push makes the new link
//   point at the last one; take empties the bucket and reverses the list
//   once, giving back its links in push order.
// - Chained (buckets of one time, many pending): a list from a head per
//   slot (16 KB more at 4,096 slots) to the last link; push writes the
//   last link's next, a store that does not wait for its cache miss; take
//   gives back the head.
//
// Why two modes for one time: with 10^5 pending (PHOLD quantized (b) and
// (c), ~91 links a bucket) a bucket's last link is usually a cache miss.
// The former circular append read it (to find the head) and ran at 1.00x
// the calendar queue; stacks skip it on push, but the reversal then
// chases a miss per link back to back, 0.71x; chains pay only a store on
// push, and the queue's pops fetch each next link ahead of use, 1.12-1.16x
// (same-repetition medians of 5). With few pending the links stay in
// cache, where the 16 KB of heads would cost more than the links.
//
// Not the queue: no list knows times; the queue picks the slot and the
// mode. Not thread-safe. Invariants: a sorted list gives back its links in
// insert order, a stacked or chained one in push order; the mode changes
// only while the ring is empty; the slot word is kNil exactly for empty
// slots, whose bits (SlotBits) are clear.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/queue_levels.h"

namespace choreo::sim::queue_detail {

template <std::size_t kSlotCount>
class ListRing {
 public:
  static constexpr std::size_t kSlots = kSlotCount;
  static constexpr std::size_t kMask = kSlots - 1;
  static_assert((kSlots & kMask) == 0, "a power of two");

  ListRing() : tails_(kSlots, kNil) {}

  bool empty() const { return bits_.empty(); }
  bool has(std::size_t s) const { return tails_[s] != kNil; }
  std::size_t bytes() const { return (kSlots + heads_.capacity()) * sizeof(std::uint32_t) + sizeof bits_; }
  std::size_t next_nonempty(std::size_t from) const { return bits_.next_set(from); }

  // Buckets of one time (stacked or chained): puts link i last in slot s.
  void push(Link* pool, std::uint32_t i, std::size_t s) {
    std::uint32_t& last = tails_[s];
    if (last == kNil) bits_.set(s);
    if (heads_.empty()) {  // stacked: i points at the link pushed before it
      pool[i].next = last;
    } else {  // chained: the last link points at i
      pool[i].next = kNil;
      if (last == kNil) {
        heads_[s] = i;
      } else {
        pool[last].next = i;
      }
    }
    last = i;
  }

  // Buckets of one time: empties slot s and returns its first pushed
  // link; each link's next is the one pushed after it, the last one's
  // kNil. REQUIRES: slot s non-empty
  std::uint32_t take(Link* pool, std::size_t s) {
    std::uint32_t at = tails_[s];
    tails_[s] = kNil;
    bits_.clear(s);
    if (!heads_.empty()) return heads_[s];
    std::uint32_t after = kNil;
    while (at != kNil) {
      const std::uint32_t before = pool[at].next;
      pool[at].next = after;
      after = at;
      at = before;
    }
    return after;
  }

  // Whether push chains (keeping a head per slot, 4 bytes a bucket more),
  // else stacks. REQUIRES: empty() to change it
  bool chained() const { return !heads_.empty(); }
  void set_chained(bool on) {
    if (on == chained()) return;
    std::vector<std::uint32_t> heads;
    if (on) heads.assign(kSlots, kNil);
    heads_.swap(heads);
  }

  // The head of slot s, its least link. REQUIRES: slot s non-empty
  std::uint32_t front(const Link* pool, std::size_t s) const { return pool[tails_[s]].next; }

  // Inserts link i into slot s after every link l with !less(i, l), and
  // returns how many links it passed: 0 when i goes last (a push of the
  // latest seq at or after the slot's last time), else the walk's length.
  template <class Less>
  std::uint32_t insert(Link* pool, std::uint32_t i, std::size_t s, Less less) {
    std::uint32_t& tail = tails_[s];
    if (tail == kNil) {
      pool[i].next = i;
      bits_.set(s);
      tail = i;
      return 0;
    }
    if (!less(i, tail)) {
      pool[i].next = pool[tail].next;
      pool[tail].next = i;
      tail = i;
      return 0;
    }
    std::uint32_t prev = tail;
    std::uint32_t at = pool[tail].next;
    std::uint32_t walked = 1;
    for (; !less(i, at); ++walked) {  // stops at the tail at the latest
      prev = at;
      at = pool[at].next;
    }
    pool[i].next = at;
    pool[prev].next = i;
    return walked;
  }

  // Removes and returns the head of slot s, and starts fetching the link
  // that is its head now (a bucket of one time is usually popped in a run).
  // REQUIRES: slot s non-empty
  std::uint32_t pop_front(Link* pool, std::size_t s) {
    std::uint32_t& tail = tails_[s];
    const std::uint32_t head = pool[tail].next;
    if (head == tail) {
      tail = kNil;
      bits_.clear(s);
    } else {
      const std::uint32_t next = pool[head].next;
      pool[tail].next = next;
      __builtin_prefetch(&pool[next]);
    }
    return head;
  }

 private:
  std::vector<std::uint32_t> tails_;  // per slot: the last link, kNil if empty
  std::vector<std::uint32_t> heads_;  // chained: per slot, the first link
  SlotBits<kSlots> bits_;
};

}  // namespace choreo::sim::queue_detail
