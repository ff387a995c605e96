// The pending-event set: three timing wheels over a 4-ary heap.
//
//   level 0: 4,096 buckets of 1 us      [now, lim0)   lim0 = (now / 2^11 + 2) * 2^11
//   level 1:   512 buckets of 2^11 us   [lim0, lim1)  lim1 = (now / 2^19 + 2) * 2^19
//   level 2:   256 buckets of 2^19 us   [lim1, lim2)  lim2 = (now / 2^26 + 2) * 2^26
//   EventHeap (sim/event_heap.h)        [lim2, ...)
//
// so level 0 reaches 2.0-4.1 ms ahead, level 1 0.52-1.05 s and level 2
// 67-134 s. Each limit is a bucket boundary of the next level, and each
// level's range spans at most its bucket count, so no two times of a range
// share a bucket. When now enters a later 2^11-us block the limits rise, and
// the buckets and heap events they pass move down (a cascade): an event
// moves at most three times however far ahead it was scheduled, each move
// O(1), instead of through log4(n) heap levels.
//
// Chosen by measurement (bench/phold_bench, see README.md, and callgrind
// instruction counts): a push or pop touches one bucket and one pool link,
// so the dense PHOLD ran 3.5-4.5x the 4-ary heap's speed with 10^5 pending
// events when level 0 was adopted. The upper levels replaced the heap for the sparse comments run
// (scenarios/default.ini: ~2,500 events per simulated second, 1 ms - 30 s
// ahead): 432.4 M -> 361.3 M instructions for the whole run, as moving
// events from the heap (69.2 M) became cascades (10.2 M); PHOLD, whole
// process, 4,755 -> 4,220 M (N=1,000) and 4,392 -> 4,093 M (N=100,000),
// same trace hashes. Level-1 buckets of 2^11 us beat 2^10 (lim0 3.1-4.1 ms
// ahead) by 1.1% on the comments run and lost 0.5% on PHOLD.
//
// Order: every event of one time sits in one place (one bucket of the level
// whose range holds that time, or the heap), and within a bucket events of
// equal time are in seq (issue) order. A push appends (its seq is the
// largest yet); a cascade moves a bucket's events in list order and the heap
// yields them in (time, seq) order, all events of a time together, into
// buckets that hold none of that time. A level-0 bucket holds one time, so
// its FIFO order is (time, seq) order: the order of the heap, and the same
// trace hashes.
//
// Storage (sim/queue_levels.h): every pending event below lim2 is a 32-byte
// pool link that stays put; level 0 threads FIFO lists through the links,
// levels 1 and 2 keep the links' indices in 32-byte chunks of seven, so a
// cascade reads a bucket as contiguous memory and prefetches the links
// ahead of use. With 10^5 pending on PHOLD's standard shape (0.1 event per
// us, 1 s ahead) the former linked levels spent half the cycles chasing
// one next pointer per moved event; chunks made that run about twice as
// fast (README.md, Benchmarks).
//
// Memory: 32 bytes per link, 4 per index in levels 1 and 2 plus at most one
// partly filled chunk per bucket of two or more (a bucket's only index
// stays in its 4-byte slot), and ~23 KB fixed: 4 bytes per bucket and per
// level a bit per bucket and a summary bit per 64 buckets, which find the
// next non-empty bucket in a few instructions however sparse the events
// are. PHOLD: 33-39 bytes per event with 10^5 pending, 54-63 with 1,000
// (69 when a lone index took a chunk of its own).
//
// Not thread-safe. Invariant: every event in level 0 has now <= time < lim0;
// level-1 and level-2 events lie in their ranges above; heap events at or
// after lim2; now is the time of the last pop.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "sim/event.h"
#include "sim/event_heap.h"
#include "sim/queue_levels.h"

namespace choreo::sim {

class EventQueue {
 public:
  static constexpr std::int64_t kWheelUs = 4096;  // level-0 buckets of 1 us; lim0 - now is 2,049..4,096
  // Event times stay at or below this, so no limit overflows.
  static constexpr std::int64_t kLatestUs = INT64_MAX - (std::int64_t{1} << 32);

  std::size_t size() const { return wheel_count_ + overflow_.size(); }
  std::size_t bytes() const {
    return pool_.capacity() * sizeof(Link) + l0_.bytes() + l1_.bytes() + l2_.bytes() + chunks_.bytes() +
           overflow_.capacity() * sizeof(Event);
  }
  void reserve(std::size_t n) { pool_.reserve(n); }

  bool empty() const { return size() == 0; }
  // The time of the least event. REQUIRES: !empty()
  // Remembers its level-0 bucket for the pop() that usually follows.
  std::int64_t next_time() const {
    if (l0_.empty()) return least_beyond_level0();
    const std::size_t from = static_cast<std::size_t>(now_) & kMask0;
    peek_ = l0_.next_nonempty(from);
    return now_ + static_cast<std::int64_t>((peek_ - from) & kMask0);
  }

  // REQUIRES: the last popped time <= e.time <= kLatestUs, and e.seq above
  // every seq pushed before (issue order, as Simulation numbers events).
  void push(const Event& e) {
    peek_ = kNoPeek;
    if (e.time >= lim0_) return push_beyond_level0(e);
    const std::uint32_t i = link(e);
    l0_.append(pool_.data(), i, static_cast<std::size_t>(e.time) & kMask0);
  }

  // Removes and returns the least event. REQUIRES: size() > 0
  Event pop() {
    std::size_t idx = peek_;
    peek_ = kNoPeek;
    if (idx == kNoPeek) {  // (level 0 is empty only if nothing was remembered)
      if (l0_.empty()) advance_to(least_beyond_level0());
      idx = l0_.next_nonempty(static_cast<std::size_t>(now_) & kMask0);
    }
    const std::size_t from = static_cast<std::size_t>(now_) & kMask0;
    const std::int64_t t = now_ + static_cast<std::int64_t>((idx - from) & kMask0);
    if (t != now_) advance_to(t);
    const std::uint32_t i = l0_.pop_front(pool_.data(), idx);
    const Link& l = pool_[i];
    const Event e{t, l.seq, l.node, l.kind, l.epoch, l.arg};
    pool_[i].next = free_;
    free_ = i;
    --wheel_count_;
    return e;
  }

 private:
  using Link = queue_detail::Link;
  static constexpr std::uint32_t kNil = queue_detail::kNil;
  static constexpr std::size_t kMask0 = kWheelUs - 1;
  static constexpr std::size_t kNoPeek = SIZE_MAX;
  using Ring0 = queue_detail::ListRing<kWheelUs>;
  using Ring1 = queue_detail::ChunkRing<512>;
  using Ring2 = queue_detail::ChunkRing<256>;
  // log2 of the bucket spans (us) of levels 1 and 2, and of lim2's alignment.
  // lim0 is kAhead0 level-1 buckets past now's; lim1 and lim2 two of the
  // next level's; so each level's range spans at most its bucket count.
  static constexpr int kShift1 = 11;
  static constexpr std::int64_t kAhead0 = kWheelUs >> kShift1;
  static constexpr int kShift2 = kShift1 + std::countr_zero(Ring1::kSlots) - 1;
  static constexpr int kShift3 = kShift2 + std::countr_zero(Ring2::kSlots) - 1;
  static_assert(kAhead0 << kShift1 == kWheelUs && kShift3 < 31, "a link keeps its time's low 32 bits");

  // (now / 2^shift + k) * 2^shift
  static std::int64_t limit(std::int64_t now, int shift, std::int64_t k) {
    return ((now >> shift) + k) << shift;
  }

  // A pool link for e, counted as pending; it may reallocate the pool.
  std::uint32_t link(const Event& e) {
    std::uint32_t i = free_;
    if (i != kNil) [[likely]] {
      free_ = pool_[i].next;
    } else {
      i = grow_pool();
    }
    pool_[i] = Link{e.seq, e.node, e.kind, e.epoch, e.arg, kNil, static_cast<std::uint32_t>(e.time)};
    ++wheel_count_;
    return i;
  }

  // The slow paths stay out of line, so the hot ones need no stack frame.
  [[gnu::noinline]] std::uint32_t grow_pool() {
    if (pool_.size() >= queue_detail::kMaxLinks)
      throw std::length_error("event queue: 2^31 - 1 events pending");
    pool_.emplace_back();
    return static_cast<std::uint32_t>(pool_.size() - 1);
  }

  // A link's time, from its low 32 bits: every pending time is < now + 2^32.
  std::int64_t time_of(const Link& l) const {
    return now_ + static_cast<std::int64_t>(
                      static_cast<std::uint32_t>(l.time_lo - static_cast<std::uint32_t>(now_)));
  }

  // Appends link i to the bucket of its time, at the level whose range holds it.
  // REQUIRES: now <= its time < lim2
  void place(std::uint32_t i) {
    const std::int64_t t = time_of(pool_[i]);
    if (t < lim0_) {
      l0_.append(pool_.data(), i, static_cast<std::size_t>(t) & kMask0);
    } else if (t < lim1_) {
      l1_.append(chunks_, i, static_cast<std::size_t>(t >> kShift1) & Ring1::kMask);
    } else {
      l2_.append(chunks_, i, static_cast<std::size_t>(t >> kShift2) & Ring2::kMask);
    }
  }

  [[gnu::noinline]] void push_beyond_level0(const Event& e) {
    assert(e.time <= kLatestUs);
    if (e.time >= lim2_) return overflow_.push(e);
    place(link(e));
  }

  // The least time outside level 0: in the first non-empty bucket of the
  // lowest non-empty level, whose list is scanned, else the heap's top.
  [[gnu::noinline]] std::int64_t least_beyond_level0() const {
    if (!l1_.empty()) {
      return least_in(l1_, l1_.next_nonempty(static_cast<std::size_t>(lim0_ >> kShift1) & Ring1::kMask));
    }
    if (!l2_.empty()) {
      return least_in(l2_, l2_.next_nonempty(static_cast<std::size_t>(lim1_ >> kShift2) & Ring2::kMask));
    }
    return overflow_.top().time;
  }
  template <class Ring>
  std::int64_t least_in(const Ring& ring, std::size_t s) const {
    std::int64_t least = INT64_MAX;
    ring.for_each(chunks_, s, [&](std::uint32_t i) { least = std::min(least, time_of(pool_[i])); });
    return least;
  }

  // Moves now to t, the least pending time. REQUIRES: now <= t
  void advance_to(std::int64_t t) {
    now_ = t;
    if (t >= next_block_) cascade();
  }

  // now entered a later level-1 bucket span (2^11 us): raises the limits and
  // moves the events they pass, lowest level first, each bucket's list in
  // order.
  [[gnu::noinline]] void cascade() {
    const std::int64_t old0 = lim0_, old1 = lim1_, old2 = lim2_;
    next_block_ = limit(now_, kShift1, 1);
    lim0_ = limit(now_, kShift1, kAhead0);
    lim1_ = limit(now_, kShift2, 2);
    lim2_ = limit(now_, kShift3, 2);
    drain(l1_, kShift1, old0, std::min(lim0_, old1));
    if (lim1_ != old1) drain(l2_, kShift2, old1, std::min(lim1_, old2));
    if (lim2_ != old2) {
      while (!overflow_.empty() && overflow_.top().time < lim2_) place(link(overflow_.pop()));
    }
  }

  // Empties the buckets of `ring` for the span [from, to) (whole buckets of
  // 2^shift us) into the levels below, which now cover that span.
  template <class Ring>
  void drain(Ring& ring, int shift, std::int64_t from, std::int64_t to) {
    if (to <= from) return;
    std::size_t slot = static_cast<std::size_t>(from >> shift) & Ring::kMask;
    std::int64_t left = (to - from) >> shift;  // buckets, at most the ring's
    while (left > 0 && !ring.empty()) {
      const std::size_t s = ring.next_nonempty(slot);
      const auto skip = static_cast<std::int64_t>((s - slot) & Ring::kMask);
      if (skip >= left) return;
      ring.take(chunks_, pool_.data(), s, [this](std::uint32_t i) { place(i); });
      slot = (s + 1) & Ring::kMask;
      left -= skip + 1;
    }
  }

  std::vector<Link> pool_;
  std::uint32_t free_ = kNil;
  std::size_t wheel_count_ = 0;  // links in all levels
  std::int64_t now_ = 0;
  mutable std::size_t peek_ = kNoPeek;  // next_time()'s level-0 bucket, until a push or pop
  std::int64_t next_block_ = std::int64_t{1} << kShift1;
  std::int64_t lim0_ = kWheelUs;
  std::int64_t lim1_ = std::int64_t{2} << kShift2;
  std::int64_t lim2_ = std::int64_t{2} << kShift3;
  Ring0 l0_;
  Ring1 l1_;
  Ring2 l2_;
  queue_detail::ChunkPool chunks_;  // the buckets of levels 1 and 2
  EventHeap overflow_;
};

}  // namespace choreo::sim
