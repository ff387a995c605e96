// The event queue's level-0 buckets (sim/event_queue.h), and the lists
// they rely on (sim/queue_lists.h ListRing): a sparse queue widens its
// buckets, a dense one keeps 1-us buckets, stacked with few pending and
// chained with many, a burst into wide buckets narrows them at once, and
// through every change the queue pops exactly what a sorted reference
// pops, ties in issue order.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "sim/event_queue.h"
#include "sim/queue_lists.h"
#include "sim/random.h"

namespace choreo::sim {
namespace {

using queue_detail::Link;
using queue_detail::ListRing;

Event at(Time t, std::uint64_t seq) { return Event{t, seq, 9, 2, 1, seq * 3}; }

TEST(ListRing, InsertKeepsTheGivenOrderAndCountsTheLinksItPasses) {
  std::vector<Link> pool(8);
  const std::uint32_t keys[] = {50, 10, 50, 70, 30, 10, 90, 60};
  for (std::uint32_t i = 0; i < 8; ++i) pool[i].time_lo = keys[i];
  // By key, then by index (the issue order of equal keys).
  const auto less = [&](std::uint32_t a, std::uint32_t b) {
    return pool[a].time_lo != pool[b].time_lo ? pool[a].time_lo < pool[b].time_lo : a < b;
  };
  ListRing<64> ring;
  std::vector<std::uint32_t> walked;
  for (std::uint32_t i = 0; i < 8; ++i) walked.push_back(ring.insert(pool.data(), i, 17, less));
  // 50 | 10 before 50 (1) | 50 after 50 (0) | 70 last (0) | 30 after one 10 (2)
  // | 10 after 10 (2) | 90 last (0) | 60 after 10,10,30,50,50 (6)
  EXPECT_EQ(walked, (std::vector<std::uint32_t>{0, 1, 0, 0, 2, 2, 0, 6}));
  std::vector<std::uint32_t> order;
  while (ring.has(17)) order.push_back(ring.pop_front(pool.data(), 17));
  EXPECT_EQ(order, (std::vector<std::uint32_t>{1, 5, 4, 0, 2, 7, 3, 6}));
  EXPECT_TRUE(ring.empty());
}

TEST(ListRing, StackedAndChainedBucketsGiveBackTheirLinksInPushOrder) {
  for (const bool chained : {false, true}) {
    std::vector<Link> pool(40);
    ListRing<64> ring;
    ring.set_chained(chained);
    EXPECT_EQ(ring.chained(), chained);
    for (std::uint32_t i = 0; i < 40; ++i) ring.push(pool.data(), i, i % 3 == 0 ? 5 : 63);
    std::vector<std::uint32_t> fives, last;
    for (std::uint32_t i = ring.take(pool.data(), 5); i != queue_detail::kNil; i = pool[i].next)
      fives.push_back(i);
    EXPECT_FALSE(ring.has(5));
    ring.push(pool.data(), 3, 5);  // a slot emptied by take starts over
    EXPECT_EQ(ring.take(pool.data(), 5), 3u);
    EXPECT_EQ(pool[3].next, queue_detail::kNil);
    for (std::uint32_t i = ring.take(pool.data(), 63); i != queue_detail::kNil; i = pool[i].next)
      last.push_back(i);
    EXPECT_TRUE(ring.empty());
    std::vector<std::uint32_t> want_fives, want_last;
    for (std::uint32_t i = 0; i < 40; ++i) (i % 3 == 0 ? want_fives : want_last).push_back(i);
    EXPECT_EQ(fives, want_fives) << "chained " << chained;
    EXPECT_EQ(last, want_last) << "chained " << chained;
  }
}

// A hold model: `pending` events, each pop followed by one push `gap` us
// apart on average (exponential, plus ties at now one time in 16); every
// pop checked against a sorted reference.
struct Hold {
  EventQueue q;
  std::set<std::pair<Time, std::uint64_t>> reference;
  std::uint64_t seq = 0;
  Time now = 0;
  Rng rng{11};

  void push(Time t) {
    q.push(at(t, seq));
    reference.emplace(t, seq++);
  }
  void fill(std::uint64_t pending, double mean_us) {
    for (std::uint64_t k = 0; k < pending; ++k) push(now + static_cast<Time>(exponential(rng, mean_us)));
  }
  void pop_checked() {
    const auto least = *reference.begin();
    reference.erase(reference.begin());
    if (uniform_int(rng, 4) == 0) {
      ASSERT_EQ(q.next_time(), least.first);
    }
    const Event e = q.pop();
    ASSERT_EQ(e.time, least.first);
    ASSERT_EQ(e.seq, least.second);
    ASSERT_EQ(e.arg, e.seq * 3);
    now = e.time;
  }
  void run(int steps, double mean_us) {
    for (int k = 0; k < steps; ++k) {
      ASSERT_NO_FATAL_FAILURE(pop_checked());
      push(uniform_int(rng, 16) == 0 ? now : now + static_cast<Time>(exponential(rng, mean_us)));
    }
  }
};

TEST(EventQueue, SparseEventsWidenTheBucketsAndDenseOnesKeepThemAtOneMicrosecond) {
  Hold sparse;  // 1,000 pending a second ahead: ~1 ms between pops
  sparse.fill(1'000, 1e6);
  sparse.run(20'000, 1e6);
  EXPECT_GE(sparse.q.width_log2(), 6);
  EXPECT_LE(sparse.q.width_log2(), 8);
  Hold dense;  // 10^4 pending 1 ms ahead: 0.1 us between pops
  dense.fill(10'000, 1e3);
  dense.run(50'000, 1e3);
  EXPECT_EQ(dense.q.width_log2(), 0);
}

TEST(EventQueue, ManyPendingChainTheOneMicrosecondBucketsAndFewStackThem) {
  Hold h;  // 20,000 pending 1 ms ahead: ~20 events a microsecond
  h.fill(20'000, 1e3);
  ASSERT_NO_FATAL_FAILURE(h.run(60'000, 1e3));
  EXPECT_EQ(h.q.width_log2(), 0);
  EXPECT_TRUE(h.q.chains());
  // Pushes at now while a bucket's run is being popped, several at a time.
  for (int k = 0; k < 2'000; ++k) {
    ASSERT_NO_FATAL_FAILURE(h.pop_checked());
    for (auto j = uniform_int(h.rng, 3); j > 0; --j) h.push(h.now);
  }
  // Down to 2,000 pending, still dense: stacks again.
  while (h.reference.size() > 2'000) ASSERT_NO_FATAL_FAILURE(h.pop_checked());
  ASSERT_NO_FATAL_FAILURE(h.run(100'000, 100.0));
  EXPECT_EQ(h.q.width_log2(), 0);
  EXPECT_FALSE(h.q.chains());
  while (!h.reference.empty()) ASSERT_NO_FATAL_FAILURE(h.pop_checked());
}

TEST(EventQueue, ABurstIntoWideBucketsNarrowsThemAndKeepsTheOrder) {
  Hold h;
  h.fill(1'000, 1e6);
  h.run(10'000, 1e6);
  const int wide = h.q.width_log2();
  ASSERT_GE(wide, 6);
  // One event at the end of a wide bucket, then 5,000 rising times before
  // it: each insertion would walk past all the ones before it.
  const Time base = ((h.now >> wide) + 3) << wide;
  const Time span = (Time{1} << wide) - 1;
  h.push(base + span);
  for (Time k = 0; k < 5'000; ++k) h.push(base + k * span / 5'000);
  EXPECT_LT(h.q.width_log2(), wide);
  while (!h.reference.empty()) ASSERT_NO_FATAL_FAILURE(h.pop_checked());
  EXPECT_TRUE(h.q.empty());
}

TEST(EventQueue, KeepsTheOrderAsTheSpacingSwingsBetweenDenseAndSparse) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    Hold h;
    h.rng = Rng(seed);
    int widest = 0;
    int narrowest_after_widest = 99;
    h.fill(2'000, 1e6);
    for (int phase = 0; phase < 6; ++phase) {
      const bool sparse = phase % 2 == 0;
      if (!sparse) h.fill(20'000, 500.0);  // a dense crowd on top of the sparse ones
      ASSERT_NO_FATAL_FAILURE(h.run(sparse ? 15'000 : 40'000, sparse ? 1e6 : 500.0));
      if (sparse) {
        widest = std::max(widest, h.q.width_log2());
      } else if (widest > 0) {
        narrowest_after_widest = std::min(narrowest_after_widest, h.q.width_log2());
      }
      // Now and then one event far past every level, and the rest in order up to it.
      if (phase == 3) h.push(h.now + (Time{1} << 40));
    }
    EXPECT_GE(widest, 5) << "seed " << seed;
    EXPECT_LE(narrowest_after_widest, 1) << "seed " << seed;
    while (!h.reference.empty()) ASSERT_NO_FATAL_FAILURE(h.pop_checked()) << "seed " << seed;
  }
}

TEST(EventQueue, WideBucketsSurviveHugeJumpsAndTheLatestTime) {
  Hold h;
  h.fill(1'000, 1e6);
  h.run(10'000, 1e6);
  ASSERT_GE(h.q.width_log2(), 6);
  // Drain to a few events, then jump: past lim2 (into the heap) and to the
  // latest time the queue takes, with ties there.
  while (h.reference.size() > 3) ASSERT_NO_FATAL_FAILURE(h.pop_checked());
  h.push(h.now + (Time{1} << 35));
  h.push(EventQueue::kLatestUs);
  h.push(h.now + (Time{1} << 35));
  h.push(EventQueue::kLatestUs);
  while (!h.reference.empty()) ASSERT_NO_FATAL_FAILURE(h.pop_checked());
  EXPECT_EQ(h.now, EventQueue::kLatestUs);
  h.push(EventQueue::kLatestUs);  // an event at now, after the queue emptied
  ASSERT_NO_FATAL_FAILURE(h.pop_checked());
}

}  // namespace
}  // namespace choreo::sim
