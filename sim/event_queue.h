// The pending-event set: a timing wheel of one-microsecond buckets for events
// due within kWheelUs of now, and a 4-ary heap (EventHeap) for later ones.
//
// Chosen by measurement (bench/phold_bench, see README.md): 3.5-4.5x the
// 4-ary heap's speed with 10^5 pending events, because a push or pop touches one
// bucket and one pool node instead of log4(n) cache lines of children.
// Events in one bucket share one time and are appended in issue order, so a
// bucket's FIFO order is (time, seq) order: the order of the heap, and the
// same trace hashes. A two-level bitmap (a bit per bucket, and a summary bit
// per 64 buckets) finds the next non-empty bucket in a few instructions
// however sparse the events are.
//
// Not thread-safe. Invariant: every event in the wheel has
// now <= time < now + kWheelUs; later events wait in the heap and move into
// the wheel, in (time, seq) order, as now advances and before any event can
// be pushed directly at their time.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/event.h"
#include "sim/event_heap.h"

namespace choreo::sim {

class EventQueue {
 public:
  static constexpr std::int64_t kWheelUs = 4096;  // a power of two

  EventQueue() : buckets_(kWheelUs, Bucket{kNil, kNil}), bits_(kWords, 0) {}

  std::size_t size() const { return wheel_count_ + overflow_.size(); }
  std::size_t bytes() const {
    return pool_.capacity() * sizeof(Link) + buckets_.size() * sizeof(Bucket) + bits_.size() * 8 + 8 +
           overflow_.capacity() * sizeof(Event);
  }
  void reserve(std::size_t n) { pool_.reserve(n); }

  bool empty() const { return size() == 0; }
  // The time of the least event. REQUIRES: !empty()
  std::int64_t next_time() const {
    if (wheel_count_ == 0) return overflow_.top().time;
    const std::size_t from = static_cast<std::size_t>(now_ & kMask);
    return now_ + static_cast<std::int64_t>((next_nonempty(from) - from) & kMask);
  }

  // REQUIRES: e.time >= now()
  void push(const Event& e) {
    if (e.time >= now_ + kWheelUs) return overflow_.push(e);
    append(e);
  }

  // Removes and returns the least event. REQUIRES: size() > 0
  Event pop() {
    if (wheel_count_ == 0) advance_to(overflow_.top().time);
    const std::size_t from = static_cast<std::size_t>(now_ & kMask);
    const std::size_t idx = next_nonempty(from);
    const std::int64_t t = now_ + static_cast<std::int64_t>((idx - from) & kMask);
    if (t != now_) advance_to(t);
    Bucket& b = buckets_[idx];
    const std::uint32_t i = b.head;
    const Link& l = pool_[i];
    const Event e{t, l.seq, l.node, l.kind, l.epoch, l.arg};
    b.head = l.next;
    if (b.head == kNil) {
      b.tail = kNil;
      std::uint64_t& word = bits_[idx / 64];
      word &= ~(std::uint64_t{1} << (idx % 64));
      if (word == 0) summary_ &= ~(std::uint64_t{1} << (idx / 64));
    }
    pool_[i].next = free_;
    free_ = i;
    --wheel_count_;
    return e;
  }

 private:
  static constexpr std::int64_t kMask = kWheelUs - 1;
  static constexpr std::size_t kWords = kWheelUs / 64;
  static_assert(kWords <= 64, "one summary word covers the bitmap");
  static constexpr std::uint32_t kNil = UINT32_MAX;
  struct Link {  // an event in a bucket: 32 bytes, time implied
    std::uint64_t seq;
    std::uint64_t arg;
    NodeId node;
    std::uint16_t kind;
    std::uint16_t epoch;
    std::uint32_t next;
  };
  struct Bucket {
    std::uint32_t head;
    std::uint32_t tail;
  };

  // Appends to the bucket of e.time: issue order, so (time, seq) order.
  void append(const Event& e) {
    std::uint32_t i = free_;
    if (i != kNil) {
      free_ = pool_[i].next;
    } else {
      i = static_cast<std::uint32_t>(pool_.size());
      pool_.emplace_back();
    }
    pool_[i] = Link{e.seq, e.arg, e.node, e.kind, e.epoch, kNil};
    const auto idx = static_cast<std::size_t>(e.time & kMask);
    Bucket& b = buckets_[idx];
    if (b.tail == kNil) {
      b.head = i;
      bits_[idx / 64] |= std::uint64_t{1} << (idx % 64);
      summary_ |= std::uint64_t{1} << (idx / 64);
    } else {
      pool_[b.tail].next = i;
    }
    b.tail = i;
    ++wheel_count_;
  }

  // The first non-empty bucket at or after `from`, circularly.
  // REQUIRES: wheel_count_ > 0
  std::size_t next_nonempty(std::size_t from) const {
    const std::size_t w = from / 64;
    const std::uint64_t word = bits_[w] & (~std::uint64_t{0} << (from % 64));
    if (word != 0) return w * 64 + static_cast<std::size_t>(__builtin_ctzll(word));
    // The next word with a bit, after w, else from the start (wrapping round).
    const std::uint64_t later = w + 1 < 64 ? summary_ & (~std::uint64_t{0} << (w + 1)) : 0;
    const auto next = static_cast<std::size_t>(__builtin_ctzll(later != 0 ? later : summary_));
    return next * 64 + static_cast<std::size_t>(__builtin_ctzll(bits_[next]));
  }

  // Moves now to t and pulls the overflow events now within the wheel.
  void advance_to(std::int64_t t) {
    now_ = t;
    while (!overflow_.empty() && overflow_.top().time < now_ + kWheelUs) append(overflow_.pop());
  }

  std::vector<Link> pool_;
  std::uint32_t free_ = kNil;
  std::vector<Bucket> buckets_;
  std::vector<std::uint64_t> bits_;
  std::uint64_t summary_ = 0;  // bit w: bits_[w] != 0
  EventHeap overflow_;
  std::int64_t now_ = 0;
  std::size_t wheel_count_ = 0;
};

}  // namespace choreo::sim
