// A timing wheel: a pending-event set for integer time, measured against
// sim::EventQueue (the engine's 4-ary heap) by bench/phold_bench.cc.
//
// A calendar queue whose bucket width is the time unit (one microsecond), as
// in Varghese & Lauck's timing wheels, plus sim::EventQueue for events beyond
// the wheel. Events in one bucket share one time and are appended in issue
// order, so FIFO order is (time, seq) order, the order of sim::EventQueue. A
// bitmap skips empty buckets, so sparse times cost a word scan per 64 us.
//
// Not engine code (yet): an experiment for deciding what sim/ should use.
// Invariant: every event in the wheel has now <= time < now + kWheelUs;
// later events wait in the overflow heap and move in, in (time, seq) order,
// as now advances, before any event can be pushed directly at their time.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/event.h"
#include "sim/event_queue.h"

namespace choreo::bench {

// Events due in [now, now + kWheelUs) sit in one FIFO list per microsecond,
// linked through a pool of 32-byte nodes (the time is the bucket's, so it is
// not stored); a bitmap finds the next non-empty bucket; later events wait
// in the overflow heap.
class TimingWheel {
 public:
  static constexpr std::int64_t kWheelUs = 4096;  // a power of two

  TimingWheel() : buckets_(kWheelUs, Bucket{kNil, kNil}), bits_(kWheelUs / 64, 0) {}

  std::size_t size() const { return wheel_count_ + overflow_.size(); }
  std::size_t bytes() const {
    return pool_.capacity() * sizeof(Link) + buckets_.size() * sizeof(Bucket) + bits_.size() * 8 +
           overflow_.capacity() * sizeof(sim::Event);
  }
  void reserve(std::size_t n) { pool_.reserve(n); }

  // REQUIRES: e.time >= now()
  void push(const sim::Event& e) {
    if (e.time >= now_ + kWheelUs) return overflow_.push(e);
    append(e);
  }

  // Removes and returns the least event. REQUIRES: size() > 0
  sim::Event pop() {
    if (wheel_count_ == 0) advance_to(overflow_.top().time);
    const std::size_t from = static_cast<std::size_t>(now_ & kMask);
    const std::size_t idx = next_nonempty(from);
    const std::int64_t t = now_ + static_cast<std::int64_t>((idx - from) & kMask);
    if (t != now_) advance_to(t);
    Bucket& b = buckets_[idx];
    const std::uint32_t i = b.head;
    const Link& l = pool_[i];
    const sim::Event e{t, l.seq, l.node, l.kind, l.epoch, l.arg};
    b.head = l.next;
    if (b.head == kNil) {
      b.tail = kNil;
      bits_[idx / 64] &= ~(std::uint64_t{1} << (idx % 64));
    }
    pool_[i].next = free_;
    free_ = i;
    --wheel_count_;
    return e;
  }

 private:
  static constexpr std::int64_t kMask = kWheelUs - 1;
  static constexpr std::uint32_t kNil = UINT32_MAX;
  struct Link {  // an event in a bucket: 32 bytes, time implied
    std::uint64_t seq;
    std::uint64_t arg;
    sim::NodeId node;
    std::uint16_t kind;
    std::uint16_t epoch;
    std::uint32_t next;
  };
  struct Bucket {
    std::uint32_t head;
    std::uint32_t tail;
  };

  // Appends to the bucket of e.time: issue order, so (time, seq) order.
  void append(const sim::Event& e) {
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
    } else {
      pool_[b.tail].next = i;
    }
    b.tail = i;
    ++wheel_count_;
  }

  // The first non-empty bucket at or after `from`, circularly.
  // REQUIRES: wheel_count_ > 0
  std::size_t next_nonempty(std::size_t from) const {
    std::size_t w = from / 64;
    std::uint64_t word = bits_[w] & (~std::uint64_t{0} << (from % 64));
    while (word == 0) {
      w = (w + 1) % bits_.size();
      word = bits_[w];
    }
    return w * 64 + static_cast<std::size_t>(__builtin_ctzll(word));
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
  sim::EventQueue overflow_;
  std::int64_t now_ = 0;
  std::size_t wheel_count_ = 0;
};

}  // namespace choreo::bench
