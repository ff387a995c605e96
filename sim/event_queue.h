// The pending-event set: three timing wheels over a 4-ary heap, with a
// level-0 bucket width that follows the spacing of the events.
//
//   level 0: 4,096 buckets of 2^w us      [now, lim0)   lim0 = (now / 2^s1 + 2) * 2^s1, s1 = w + 11
//   level 1:   512 buckets of 2^s1 us     [lim0, lim1)  lim1 = (now / 2^s2 + 2) * 2^s2, s2 = s1 + 8
//   level 2:   256 buckets of 2^s2 us     [lim1, lim2)  lim2 = (now / 2^s3 + 2) * 2^s3,
//                                                        s3 = min(s2 + 7, 30)
//   EventHeap (sim/event_heap.h)          [lim2, ...)
//
// With w = 0, level 0 reaches 2.0-4.1 ms ahead, level 1 0.52-1.05 s and
// level 2 67-134 s. Each limit is a bucket boundary of the next level, and
// each level's range spans at most its bucket count, so no two times of a
// range share a bucket. When now enters a later level-1 bucket span the
// limits rise, and the buckets and heap events they pass move down (a
// cascade): an event moves at most three times however far ahead it was
// scheduled, each move O(1), instead of through log4(n) heap levels.
//
// The width (0 <= w <= 10) follows the spacing of popped events
// (sim/queue_width.h): at a cascade the queue may rebuild its levels for a
// new width. With w > 0 a level-0 bucket holds several times, in a list
// sorted by (time, seq) (an insertion that walks past more than 32 links
// narrows the width at once); with w = 0 it holds one time, and pushes and
// cascades add a link without reading another; when now reaches the
// bucket, the queue takes its links out in push order into the current
// list, and pops from there. Those buckets are stacks while fewer than
// 4,096 events are pending and chains with a head per bucket from 16,384
// (in between they stay as they were; sim/queue_lists.h says why); a
// cascade that finds the count past a bound rebuilds the levels.
//
// Order: every event of one time sits in one place (one bucket of the level
// whose range holds that time, or the heap; time now may also have events
// in the current list), and within a bucket events of equal time are in
// seq (issue) order. A push's seq is the largest yet; a cascade or rebuild
// moves a bucket's events in its order, and the heap yields them in
// (time, seq) order, all events of a time together, into buckets that
// hold none of that time. So a sorted bucket (w > 0) stays in (time, seq)
// order, and the links of a bucket of one time T (w = 0) were added in seq
// order: first those a cascade or rebuild moved when lim0 rose past T
// (before it no event of time T was in level 0), then pushes. The current
// list holds time now in seq order; pushes of time now meanwhile go to
// now's (emptied) bucket with larger seqs, and pops drain the current list
// first. So the queue pops in (time, seq) order, the order of the heap,
// and the same trace hashes at every width.
//
// Storage (sim/queue_levels.h): every pending event below lim2 is a 32-byte
// pool link that stays put; level 0 threads lists through the links,
// levels 1 and 2 keep the links' indices in 32-byte chunks of seven.
// Memory: 32 bytes per link, 4 per index in levels 1 and 2 plus at most one
// partly filled chunk per bucket of two or more, and ~23 KB fixed (a slot
// word per bucket, and per level a bit per bucket and a summary bit per 64
// buckets), plus 16 KB of heads while level 0 chains (only with at least
// 4,096 pending). PHOLD: 33-39 bytes per event with 10^5 pending, 54-63
// with 1,000.
//
// Not thread-safe. Invariant: every event in level 0 has now <= time < lim0,
// those of the current list (empty unless w = 0) time now;
// level-1 and level-2 events lie in their ranges above; heap events at or
// after lim2; lim2 - now <= 2^31, so a link's low 32 bits name its time;
// now is the time of the last pop.
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
#include "sim/queue_lists.h"
#include "sim/queue_width.h"

namespace choreo::sim {

class EventQueue {
 public:
  EventQueue() { set_limits(); }

  static constexpr std::size_t kWheelSlots = 4096;  // level-0 buckets
  static constexpr int kMaxWidthLog2 = queue_detail::WidthTuner::kMaxWidthLog2;
  // Event times stay at or below this, so no limit overflows.
  static constexpr std::int64_t kLatestUs = INT64_MAX - (std::int64_t{1} << 32);

  std::size_t size() const { return wheel_count_ + overflow_.size(); }
  std::size_t bytes() const {
    return pool_.capacity() * sizeof(Link) + l0_.bytes() + l1_.bytes() + l2_.bytes() + chunks_.bytes() +
           overflow_.capacity() * sizeof(Event);
  }
  void reserve(std::size_t n) { pool_.reserve(n); }
  // log2 of the level-0 bucket width in us (0 .. kMaxWidthLog2), as tuned so far.
  int width_log2() const { return w_; }
  // Whether level 0 keeps a head per bucket (chained) rather than stacking.
  bool chains() const { return l0_.chained(); }

  bool empty() const { return size() == 0; }
  // The time of the least event. REQUIRES: !empty()
  // Remembers its level-0 bucket for the pop() that usually follows.
  std::int64_t next_time() const {
    if (current_ != kNil) return now_;
    if (l0_.empty()) return least_beyond_level0();
    const std::size_t from = slot0(now_);
    peek_ = l0_.next_nonempty(from);
    if (w_ == 0) return now_ + static_cast<std::int64_t>((peek_ - from) & kMask0);
    return time_of(pool_[l0_.front(pool_.data(), peek_)]);
  }

  // REQUIRES: the last popped time <= e.time <= kLatestUs, and e.seq above
  // every seq pushed before (issue order, as Simulation numbers events).
  void push(const Event& e) {
    peek_ = kNoPeek;
    if (e.time >= lim0_) return push_beyond_level0(e);
    const std::uint32_t i = link(e);  // (before pool_.data(): it may reallocate the pool)
    if (w_ == 0) return l0_.push(pool_.data(), i, slot0(e.time));
    const std::uint32_t walked = l0_.insert(pool_.data(), i, slot0(e.time), earlier());
    if (walked > Tuner::kLongWalk) [[unlikely]]
      retune(Tuner::narrower(w_, walked));
  }

  // Removes and returns the least event. REQUIRES: size() > 0
  Event pop() {
    if (current_ != kNil) return pop_current();
    std::size_t idx = peek_;
    peek_ = kNoPeek;
    if (idx == kNoPeek) {  // (level 0 is empty only if nothing was remembered)
      if (l0_.empty()) advance_to(least_beyond_level0());
      idx = l0_.next_nonempty(slot0(now_));
    }
    const std::int64_t t = w_ == 0 ? now_ + static_cast<std::int64_t>((idx - slot0(now_)) & kMask0)
                                   : time_of(pool_[l0_.front(pool_.data(), idx)]);
    if (t != now_) {
      advance_to(t);
      idx = slot0(t);  // (the width may have changed)
    }
    if (w_ == 0) {
      current_ = l0_.take(pool_.data(), idx);
      return pop_current();
    }
    return release(l0_.pop_front(pool_.data(), idx), t);
  }

 private:
  using Link = queue_detail::Link;
  using Tuner = queue_detail::WidthTuner;
  static constexpr std::uint32_t kNil = queue_detail::kNil;
  static constexpr std::size_t kMask0 = kWheelSlots - 1;
  static constexpr std::size_t kNoPeek = SIZE_MAX;
  using Ring0 = queue_detail::ListRing<kWheelSlots>;
  using Ring1 = queue_detail::ChunkRing<512>;
  using Ring2 = queue_detail::ChunkRing<256>;
  // Level-1 buckets span kWheelSlots / 2 level-0 buckets; lim0 is two of them past now's.
  static constexpr int kSpan1 = std::countr_zero(kWheelSlots) - 1;
  // Every pending link's time is below now + 2^31 (lim2 - now <= 2^(kMaxShift3 + 1)).
  static constexpr int kMaxShift3 = 30;
  static_assert(kMaxWidthLog2 + kSpan1 + std::countr_zero(Ring1::kSlots) - 1 < kMaxShift3,
                "level 2 keeps at least two buckets at the widest width");

  // (now / 2^shift + k) * 2^shift
  static std::int64_t limit(std::int64_t now, int shift, std::int64_t k) {
    return ((now >> shift) + k) << shift;
  }
  std::size_t slot0(std::int64_t t) const { return static_cast<std::size_t>(t >> w_) & kMask0; }
  std::size_t slot1(std::int64_t t) const { return static_cast<std::size_t>(t >> s1_) & Ring1::kMask; }
  std::size_t slot2(std::int64_t t) const { return static_cast<std::size_t>(t >> s2_) & Ring2::kMask; }

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

  // The event of link i, at time t, whose link goes back to the free list.
  Event release(std::uint32_t i, std::int64_t t) {
    const Link& l = pool_[i];
    const Event e{t, l.seq, l.node, l.kind, l.epoch, l.arg};
    pool_[i].next = free_;
    free_ = i;
    --wheel_count_;
    tuner_.count_pop();
    return e;
  }
  Event pop_current() {
    const std::uint32_t i = current_;
    current_ = pool_[i].next;
    if (current_ != kNil) __builtin_prefetch(&pool_[current_]);
    return release(i, now_);
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
  // The (time, seq) order of two pending links.
  struct Earlier {
    const Link* pool;
    std::uint32_t now_lo;
    bool operator()(std::uint32_t a, std::uint32_t b) const {
      const std::uint32_t ta = pool[a].time_lo - now_lo, tb = pool[b].time_lo - now_lo;
      return ta != tb ? ta < tb : pool[a].seq < pool[b].seq;
    }
  };
  Earlier earlier() const { return Earlier{pool_.data(), static_cast<std::uint32_t>(now_)}; }

  // Puts link i into the bucket of its time, at the level whose range holds it.
  // REQUIRES: now <= its time < lim2
  void place(std::uint32_t i) {
    const std::int64_t t = time_of(pool_[i]);
    if (t < lim0_) {
      if (w_ == 0) return l0_.push(pool_.data(), i, slot0(t));
      walked_ = std::max(walked_, l0_.insert(pool_.data(), i, slot0(t), earlier()));
    } else if (t < lim1_) {
      l1_.append(chunks_, i, slot1(t));
    } else {
      l2_.append(chunks_, i, slot2(t));
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
    if (!l1_.empty()) return least_in(l1_, l1_.next_nonempty(slot1(lim0_)));
    if (!l2_.empty()) return least_in(l2_, l2_.next_nonempty(slot2(lim1_)));
    return overflow_.top().time;
  }
  template <class Ring>
  std::int64_t least_in(const Ring& ring, std::size_t s) const {
    std::int64_t least = INT64_MAX;
    ring.for_each(chunks_, s, [&](std::uint32_t i) { least = std::min(least, time_of(pool_[i])); });
    return least;
  }

  // Moves now to t, the least pending time. REQUIRES: now <= t, the current list empty
  void advance_to(std::int64_t t) {
    now_ = t;
    if (t >= next_block_) cascade();
  }

  // The limits for now and the width 2^w.
  void set_limits() {
    s1_ = w_ + kSpan1;
    s2_ = s1_ + std::countr_zero(Ring1::kSlots) - 1;
    const int s3 = std::min(s2_ + std::countr_zero(Ring2::kSlots) - 1, kMaxShift3);
    next_block_ = limit(now_, s1_, 1);
    lim0_ = limit(now_, s1_, 2);
    lim1_ = limit(now_, s2_, 2);
    lim2_ = limit(now_, s3, 2);
  }

  // now entered a later level-1 bucket span: raises the limits and moves
  // the events they pass, lowest level first; then maybe retunes the width.
  [[gnu::noinline]] void cascade() {
    const std::int64_t old0 = lim0_, old1 = lim1_, old2 = lim2_;
    set_limits();
    drain(l1_, s1_, old0, std::min(lim0_, old1));
    if (lim1_ != old1) drain(l2_, s2_, old1, std::min(lim1_, old2));
    if (lim2_ != old2) pull_from_heap();
    if (walked_ > Tuner::kLongWalk) return retune(Tuner::narrower(w_, walked_));
    const int w = tuner_.at_cascade(w_, now_, size());
    if (w != w_ || chains_for(w) != l0_.chained()) retune(w);
  }

  // Whether 1-us buckets should chain (a head index per bucket) rather
  // than stack: with many pending events the reversal of a stack chases a
  // cache miss per link, which a chain's pops fetch ahead; with few, the
  // links stay in cache and the heads would cost more than the links.
  bool chains_for(int w) const {
    if (w != 0) return false;
    return size() >= (l0_.chained() ? 1 : 4) * kWheelSlots;
  }

  void pull_from_heap() {
    while (!overflow_.empty() && overflow_.top().time < lim2_) place(link(overflow_.pop()));
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

  // Rebuilds the levels for level-0 buckets of 2^w us: takes every link
  // out, in level order, and puts it back (or into the heap, past lim2).
  // REQUIRES: the current list empty (a rebuild comes at a cascade or a
  // push into sorted buckets)
  [[gnu::noinline]] void retune(int w) {
    assert(current_ == kNil);
    walked_ = 0;
    tuner_.mark(now_);
    const bool chained = chains_for(w);
    if (w == w_ && chained == l0_.chained()) return;
    std::vector<std::uint32_t> all;
    all.reserve(wheel_count_);
    while (!l0_.empty()) {
      const std::size_t s = l0_.next_nonempty(slot0(now_));
      if (w_ == 0) {
        for (std::uint32_t i = l0_.take(pool_.data(), s); i != kNil; i = pool_[i].next) all.push_back(i);
      } else {
        while (l0_.has(s)) all.push_back(l0_.pop_front(pool_.data(), s));
      }
    }
    const auto keep = [&](std::uint32_t i) { all.push_back(i); };
    while (!l1_.empty()) l1_.take(chunks_, pool_.data(), l1_.next_nonempty(slot1(lim0_)), keep);
    while (!l2_.empty()) l2_.take(chunks_, pool_.data(), l2_.next_nonempty(slot2(lim1_)), keep);
    w_ = w;
    l0_.set_chained(chained);
    set_limits();
    for (const std::uint32_t i : all) {
      const std::int64_t t = time_of(pool_[i]);
      if (t < lim2_) {
        place(i);
        continue;
      }
      const Link& l = pool_[i];
      overflow_.push(Event{t, l.seq, l.node, l.kind, l.epoch, l.arg});
      pool_[i].next = free_;
      free_ = i;
      --wheel_count_;
    }
    pull_from_heap();
    walked_ = 0;
  }

  std::vector<Link> pool_;
  std::uint32_t free_ = kNil;
  std::uint32_t current_ = kNil;  // the current list: links of time now, popped first
  std::size_t wheel_count_ = 0;   // links in all levels and the current list
  std::int64_t now_ = 0;
  mutable std::size_t peek_ = kNoPeek;  // next_time()'s level-0 bucket, until a push or pop
  int w_ = 0;                           // level-0 buckets of 2^w_ us
  int s1_ = kSpan1;                     // log2 of level 1's and level 2's bucket spans
  int s2_ = kSpan1 + std::countr_zero(Ring1::kSlots) - 1;
  std::int64_t next_block_ = 0;
  std::int64_t lim0_ = 0;
  std::int64_t lim1_ = 0;
  std::int64_t lim2_ = 0;
  std::uint32_t walked_ = 0;  // the longest level-0 walk of a cascade or rebuild
  Tuner tuner_;
  Ring0 l0_;
  Ring1 l1_;
  Ring2 l2_;
  queue_detail::ChunkPool chunks_;  // the buckets of levels 1 and 2
  EventHeap overflow_;
};

}  // namespace choreo::sim
