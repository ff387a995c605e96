// The bucket levels under the event queue (sim/queue_levels.h), and the
// queue where its upper levels hold many events per bucket: chunk rings
// give back every index in append order across chunk boundaries and reuse
// freed chunks; the queue pops exactly what a std::priority_queue ordered by
// (time, seq) pops, over many seeds, with buckets of hundreds of events,
// bursts at one instant, and far-future events.
#include "sim/queue_levels.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <queue>
#include <vector>

#include "sim/event_queue.h"
#include "sim/random.h"

namespace choreo::sim {
namespace {

using queue_detail::ChunkPool;
using queue_detail::ChunkRing;
using queue_detail::Link;

std::vector<std::uint32_t> take_all(ChunkRing<64>& ring, ChunkPool& chunks, const std::vector<Link>& pool,
                                    std::size_t s) {
  std::vector<std::uint32_t> got;
  ring.take(chunks, pool.data(), s, [&](std::uint32_t i) { got.push_back(i); });
  return got;
}

TEST(ChunkRing, GivesBackEveryIndexInAppendOrderAcrossChunkBoundaries) {
  const std::vector<Link> pool(200);
  ChunkPool chunks;
  ChunkRing<64> ring;
  for (const std::uint32_t n : {1u, 6u, 7u, 8u, 14u, 15u, 100u}) {
    std::vector<std::uint32_t> want;
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t i = (k * 37 + n) % 200;
      ring.append(chunks, i, 63);
      ring.append(chunks, 199 - i, 5);  // another slot, interleaved
      want.push_back(i);
    }
    EXPECT_EQ(ring.next_nonempty(6), 63u);
    EXPECT_EQ(ring.next_nonempty(0), 5u);
    std::vector<std::uint32_t> seen;
    ring.for_each(chunks, 63, [&](std::uint32_t i) { seen.push_back(i); });
    EXPECT_EQ(seen, want) << n;
    EXPECT_EQ(take_all(ring, chunks, pool, 63), want) << n;
    EXPECT_EQ(ring.next_nonempty(6), 5u);  // wraps round to the other slot
    EXPECT_EQ(take_all(ring, chunks, pool, 5).size(), n);
    EXPECT_TRUE(ring.empty());
  }
  // Freed chunks are reused: the pool holds no more than the largest round.
  const std::size_t bytes = chunks.bytes();
  for (std::uint32_t k = 0; k < 200; ++k) ring.append(chunks, k, 9);
  EXPECT_EQ(take_all(ring, chunks, pool, 9).size(), 200u);
  EXPECT_EQ(chunks.bytes(), bytes);
}

TEST(ChunkRing, ABucketOfOneIndexTakesNoChunkAndASecondMovesBothToOne) {
  const std::vector<Link> pool(16);
  ChunkPool chunks;
  ChunkRing<64> ring;
  ring.append(chunks, 11, 3);
  ring.append(chunks, 0, 4);  // index 0: a slot word of kOne | 0
  EXPECT_EQ(chunks.bytes(), 0u);
  std::vector<std::uint32_t> seen;
  ring.for_each(chunks, 3, [&](std::uint32_t i) { seen.push_back(i); });
  EXPECT_EQ(seen, std::vector<std::uint32_t>{11});
  EXPECT_EQ(take_all(ring, chunks, pool, 4), std::vector<std::uint32_t>{0});
  EXPECT_EQ(ring.next_nonempty(4), 3u);
  ring.append(chunks, 5, 3);                                    // the second index: 11 and 5 in one chunk
  EXPECT_EQ(chunks.bytes(), 16 * sizeof(queue_detail::Chunk));  // the pool's first growth
  for (std::uint32_t i = 6; i < 14; ++i) ring.append(chunks, i, 3);  // past the first chunk
  EXPECT_EQ(take_all(ring, chunks, pool, 3), (std::vector<std::uint32_t>{11, 5, 6, 7, 8, 9, 10, 11, 12, 13}));
  EXPECT_TRUE(ring.empty());
  ring.append(chunks, queue_detail::kMaxLinks - 1, 63);  // the largest index a queue hands out
  EXPECT_EQ(take_all(ring, chunks, pool, 63), std::vector<std::uint32_t>{queue_detail::kMaxLinks - 1});
}

Event at(Time t, std::uint64_t seq) {
  return Event{t,
               seq,
               static_cast<NodeId>(seq % 1'000),
               static_cast<std::uint16_t>(seq % 7),
               static_cast<std::uint16_t>(seq % 3),
               seq * 31};
}

struct Later {
  bool operator()(const Event& a, const Event& b) const { return before(b, a); }
};
using Reference = std::priority_queue<Event, std::vector<Event>, Later>;

// A delay: mostly exponential around a mean that varies by seed (so levels
// 1 and 2 hold from a few to hundreds of events per bucket), sometimes zero
// (ties at now), a burst time shared by many events, or far beyond level 2.
Time pick_delay(Rng& rng, double mean_us, Time burst) {
  switch (uniform_int(rng, 16)) {
    case 0:
      return 0;
    case 1:
      return burst;
    case 2:
      return static_cast<Time>(uniform_int(rng, 500'000'000'000ULL));
    default:
      return static_cast<Time>(exponential(rng, mean_us));
  }
}

void check_against_priority_queue(std::uint64_t seed) {
  Rng rng(seed);
  const double mean_us = static_cast<double>(std::uint64_t{1} << uniform_int(rng, 4, 24));
  EventQueue q;
  Reference reference;
  std::uint64_t seq = 0;
  Time now = 0;
  const auto push = [&](Time t) {
    q.push(at(t, seq));
    reference.push(at(t, seq++));
  };
  const auto pending = 1 + uniform_int(rng, 3'000);
  Time burst = static_cast<Time>(exponential(rng, mean_us));
  for (std::uint64_t k = 0; k < pending; ++k) push(pick_delay(rng, mean_us, burst));
  for (int step = 0; step < 30'000 && !reference.empty(); ++step) {
    const Event want = reference.top();
    reference.pop();
    const Event got = q.pop();
    ASSERT_EQ(got.time, want.time) << "seed " << seed << " step " << step;
    ASSERT_EQ(got.seq, want.seq) << "seed " << seed << " step " << step;
    ASSERT_EQ(got.node, want.node);
    ASSERT_EQ(got.kind, want.kind);
    ASSERT_EQ(got.epoch, want.epoch);
    ASSERT_EQ(got.arg, want.arg);
    if (got.time != now) burst = static_cast<Time>(exponential(rng, mean_us));
    now = got.time;
    // Usually one new event (a hold model); sometimes none or a few.
    const auto pushes = uniform_int(rng, 8) == 0 ? uniform_int(rng, 4) : 1;
    for (std::uint64_t k = 0; k < pushes; ++k) push(now + pick_delay(rng, mean_us, burst));
    ASSERT_EQ(q.size(), reference.size());
  }
  for (; !reference.empty(); reference.pop()) {  // the rest, down to the far future
    const Event got = q.pop();
    ASSERT_EQ(got.time, reference.top().time) << "seed " << seed;
    ASSERT_EQ(got.seq, reference.top().seq) << "seed " << seed;
  }
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, PopsWhatAPriorityQueuePopsOverManySeeds) {
  for (std::uint64_t seed = 1; seed <= 48; ++seed) check_against_priority_queue(seed);
}

TEST(EventQueue, ManyEventsAtOneFarInstantKeepIssueOrder) {
  // 1,000 events at each of three times: one in level 1's range, one in
  // level 2's, one beyond (the heap), interleaved in issue order, with
  // nearer events between them so each time is cascaded down level by level.
  EventQueue q;
  const Time times[] = {30'000, 5'000'000, 300'000'000};
  std::uint64_t seq = 0;
  for (int k = 0; k < 1'000; ++k) {
    for (const Time t : times) q.push(at(t, seq++));
  }
  for (Time t = 1'000; t < 400'000'000; t += 1'000'000) q.push(at(t, seq++));
  Time last_time = -1;
  std::uint64_t last_seq = 0;
  while (!q.empty()) {
    const Event e = q.pop();
    ASSERT_TRUE(e.time > last_time || (e.time == last_time && e.seq > last_seq)) << e.time << " " << e.seq;
    EXPECT_EQ(e.arg, e.seq * 31);
    last_time = e.time;
    last_seq = e.seq;
  }
}

TEST(EventQueue, DenseUpperLevelsCostAtMost40BytesAPendingEvent) {
  // 10^5 pending events a mean of 1 s ahead, as in PHOLD's standard shape:
  // most wait in levels 1 and 2, in chunks of seven indices.
  EventQueue q;
  q.reserve(100'000);
  Rng rng(5);
  std::uint64_t seq = 0;
  for (; seq < 100'000; ++seq) q.push(at(100'000 + static_cast<Time>(exponential(rng, 900'000.0)), seq));
  for (int k = 0; k < 300'000; ++k) {
    const Event e = q.pop();
    q.push(at(e.time + 100'000 + static_cast<Time>(exponential(rng, 900'000.0)), seq++));
  }
  EXPECT_EQ(q.size(), 100'000u);
  EXPECT_LE(q.bytes(), 4'000'000u);
}

TEST(EventQueue, SparseUpperLevelsCostAtMost64BytesAPendingEvent) {
  // 1,000 pending events a mean of 1 s ahead (PHOLD's standard shape, (a)):
  // most level-1 buckets hold one event, which stays in the bucket's slot.
  EventQueue q;
  q.reserve(1'000);
  Rng rng(6);
  std::uint64_t seq = 0;
  for (; seq < 1'000; ++seq) q.push(at(100'000 + static_cast<Time>(exponential(rng, 900'000.0)), seq));
  for (int k = 0; k < 300'000; ++k) {
    const Event e = q.pop();
    q.push(at(e.time + 100'000 + static_cast<Time>(exponential(rng, 900'000.0)), seq++));
  }
  EXPECT_EQ(q.size(), 1'000u);
  EXPECT_LE(q.bytes(), 64'000u);
}

}  // namespace
}  // namespace choreo::sim
