// The event queue's choice of level-0 bucket width (sim/event_queue.h):
// when to rebuild its levels for wider or narrower buckets, and to what.
//
// 1-us buckets suit dense queues (PHOLD's quantized shape: ~91 events a
// microsecond with 10^5 pending), but with 1,000 events a second ahead
// (PHOLD's standard shape, configuration (a)) a cascade ran every second
// event and each event moved 2-3 times. So at a cascade, once at least
// max(64, pending / 4) events were popped since the last check, the tuner
// takes the mean spacing of the popped times and aims at buckets 1/8 of it
// (a power of two, kept while within a factor of two of the aim); the
// queue then rebuilds its levels (O(pending), so at most once per
// pending/4 pops). Measured (PHOLD, same process, CPU time): in (a)
// standard, 1 ms spacing, w = 7 ran 26 M events/s, w = 6 23, w = 8 24.5,
// w = 9 23, w = 10 21.5 and w = 0 17 (the calendar queue 18); with 10^5
// pending (10 us spacing) w = 0 beat w = 3 by ~20%, as wider buckets are
// rarely empty and an insertion then touches a second link. An insertion
// into wide (sorted) buckets that walks past more than 32 links asks for
// a narrower width at once, so a burst cannot go quadratic.
//
// Not the rebuild (the queue does it) and no knowledge of levels: only
// counts, times and widths. Invariant: the marks are the pop count and
// the time at the last check or rebuild.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>

namespace choreo::sim::queue_detail {

class WidthTuner {
 public:
  static constexpr int kMaxWidthLog2 = 10;  // level-0 buckets of 1 .. 1,024 us
  // An insertion into level 0 that walks past more links than this narrows the buckets.
  static constexpr std::uint32_t kLongWalk = 32;

  void count_pop() { ++popped_; }

  // At a cascade at time now, with width 2^w and `pending` events: the
  // width to rebuild for (w itself: keep it).
  int at_cascade(int w, std::int64_t now, std::size_t pending) {
    const std::uint64_t pops = popped_ - popped_mark_;
    if (pops < std::max<std::uint64_t>(kSamplePops, pending / 4)) return w;
    const std::int64_t spacing = (now - now_mark_) / static_cast<std::int64_t>(pops);
    mark(now);
    // Aim at kSpacingPerWidth times the width; keep it within a factor of two.
    const std::int64_t want = spacing / kSpacingPerWidth;
    if (want >= (std::int64_t{1} << w) / 2 && want <= (std::int64_t{2} << w)) return w;
    const int aim =
        static_cast<int>(std::bit_width(static_cast<std::uint64_t>(want + want / 2))) - 1;  // log2(1.5 want)
    return std::clamp(aim, 0, kMaxWidthLog2);
  }

  // Starts a new sample at time now (at a rebuild).
  void mark(std::int64_t now) {
    popped_mark_ = popped_;
    now_mark_ = now;
  }

  // A width below 2^w after an insertion walked past `walked` links.
  static int narrower(int w, std::uint32_t walked) {
    return std::max(0, w - static_cast<int>(std::bit_width(walked)) + 4);
  }

 private:
  static constexpr std::uint64_t kSamplePops = 64;
  static constexpr std::int64_t kSpacingPerWidth = 8;

  std::uint64_t popped_ = 0;  // pops so far
  std::uint64_t popped_mark_ = 0;
  std::int64_t now_mark_ = 0;
};

}  // namespace choreo::sim::queue_detail
