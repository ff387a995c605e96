// The event queue (sim/event_queue.h): timing wheels of 1 us, 2^11 us and
// 2^19 us buckets and a heap beyond. Popped in exactly (time, seq) order
// against a sorted reference, whatever mix of near, far and equal times is
// pushed, including ties between an event that waited in a coarser level or
// the heap and one pushed later straight into a finer level, and times on
// either side of every level's limit as now moves past it.
#include "sim/event_queue.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <utility>
#include <vector>

#include "sim/random.h"

namespace choreo::sim {
namespace {

Event at(Time t, std::uint64_t seq) { return Event{t, seq, 7, 3, 1, seq * 10}; }

std::vector<std::uint64_t> drain_seqs(EventQueue& q) {
  std::vector<std::uint64_t> order;
  while (!q.empty()) {
    const Event e = q.pop();
    order.push_back(e.seq);
    EXPECT_EQ(e.arg, e.seq * 10);  // the payload survives every level
    EXPECT_EQ(e.node, 7u);
  }
  return order;
}

TEST(EventQueue, TiesAcrossTheLevelsAndTheHeapKeepIssueOrder) {
  // One far time per level: level 1 (12 ms), level 2 (2 s), heap (200 s).
  for (const Time far : {Time{4096 * 3 + 5}, Time{2'000'003}, Time{200'000'007}}) {
    EventQueue q;
    q.push(at(far, 0));  // waits in a coarse level or the heap
    q.push(at(1, 1));
    EXPECT_EQ(q.pop().seq, 1u);  // now = 1
    q.push(at(far - 10, 2));     // still far
    q.push(at(far, 3));          // same time as seq 0, issued later
    q.push(at(far - 5, 4));
    EXPECT_EQ(q.pop().seq, 2u);  // now = far - 10: far is in level 0 now
    q.push(at(far, 5));          // straight into level 0, after 0 and 3
    EXPECT_EQ(drain_seqs(q), (std::vector<std::uint64_t>{4, 0, 3, 5})) << "far = " << far;
  }
}

TEST(EventQueue, NextTimeIsTheLeastPendingTime) {
  EventQueue q;
  q.push(at(10'000'000, 0));
  EXPECT_EQ(q.next_time(), 10'000'000);
  q.push(at(100'000'000, 1));
  q.push(at(300'000, 2));
  EXPECT_EQ(q.next_time(), 300'000);
  q.push(at(7'000, 3));
  q.push(at(6'000, 4));
  EXPECT_EQ(q.next_time(), 6'000);
  q.push(at(5, 5));
  EXPECT_EQ(q.next_time(), 5);
  EXPECT_EQ(q.size(), 6u);
  EXPECT_EQ(drain_seqs(q), (std::vector<std::uint64_t>{5, 4, 3, 2, 0, 1}));
}

TEST(EventQueue, AThousandPendingEventsCostAtMost64BytesEach) {
  EventQueue q;
  q.reserve(1'000);
  Rng rng(1);
  for (std::uint64_t i = 0; i < 1'000; ++i) q.push(at(static_cast<Time>(uniform_int(rng, 4'000'000)), i));
  EXPECT_LE(q.bytes(), 64'000u);
}

// The times a random push picks: near (many ties), around each level's
// limit, far beyond the heap's, or the time of an event pushed before.
Time pick_time(Rng& rng, Time now, const std::vector<Time>& earlier) {
  switch (uniform_int(rng, 4)) {
    case 0: {
      constexpr std::array<std::uint64_t, 8> kSpans{16,        3'000,      5'000,       600'000,
                                                    1'200'000, 80'000'000, 150'000'000, 1'000'000'000};
      return now + static_cast<Time>(uniform_int(rng, kSpans[uniform_int(rng, kSpans.size())]));
    }
    case 1: {  // a few us either side of a limit or a bucket boundary of any level (2^11, 2^19, 2^26)
      constexpr std::array<int, 6> kShifts{10, 11, 18, 19, 25, 26};
      const int shift = kShifts[uniform_int(rng, kShifts.size())];
      const Time edge = ((now >> shift) + uniform_int(rng, 1, 4)) << shift;
      return std::max(now, edge + uniform_int(rng, -3, 3));
    }
    case 2:
      if (!earlier.empty()) {
        const Time t = earlier[uniform_int(rng, earlier.size())];
        if (t >= now) return t;
      }
      return now;
    default:
      return now + static_cast<Time>(uniform_int(rng, 64));
  }
}

// Random pushes and pops; pops come in runs that sometimes empty the queue,
// so now also jumps far ahead to a lone event in a coarse level or the heap.
void check_against_reference(std::uint64_t seed, int rounds) {
  EventQueue q;
  std::set<std::pair<Time, std::uint64_t>> reference;
  std::vector<Time> earlier;
  Rng rng(seed);
  std::uint64_t seq = 0;
  Time now = 0;
  for (int round = 0; round < rounds; ++round) {
    // A peek, then pushes that may come before what it saw.
    if (!reference.empty() && uniform_int(rng, 2) == 0) {
      ASSERT_EQ(q.next_time(), reference.begin()->first);
    }
    const auto pushes = uniform_int(rng, 8);
    for (std::uint64_t k = 0; k < pushes; ++k) {
      const Time t = pick_time(rng, now, earlier);
      q.push(at(t, seq));
      reference.emplace(t, seq++);
      if (earlier.size() < 64) {
        earlier.push_back(t);
      } else {
        earlier[uniform_int(rng, earlier.size())] = t;
      }
    }
    const auto pops = uniform_int(rng, 10) == 0 ? reference.size() : uniform_int(rng, 10);
    for (std::uint64_t k = 0; k < pops && !reference.empty(); ++k) {
      const auto least = *reference.begin();
      if (uniform_int(rng, 2) == 0) {  // else pop() finds the least itself
        ASSERT_EQ(q.next_time(), least.first) << "seed " << seed << " round " << round;
      }
      const Event e = q.pop();
      ASSERT_EQ(e.time, least.first) << "seed " << seed << " round " << round;
      ASSERT_EQ(e.seq, least.second) << "seed " << seed << " round " << round;
      ASSERT_EQ(e.arg, e.seq * 10);
      now = e.time;
      reference.erase(reference.begin());
    }
    ASSERT_EQ(q.size(), reference.size());
  }
}

TEST(EventQueue, MatchesASortedReferenceUnderRandomPushesAndPops) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) check_against_reference(seed, 20'000);
}

}  // namespace
}  // namespace choreo::sim
