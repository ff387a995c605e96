// The event queue (sim/event_queue.h): a timing wheel for the next 4,096us
// and a heap beyond. Popped in exactly (time, seq) order against a sorted
// reference, whatever mix of near, far and equal times is pushed, including
// ties between an event that waited in the heap and one pushed straight into
// the wheel.
#include "sim/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <vector>

#include "sim/random.h"

namespace choreo::sim {
namespace {

Event at(Time t, std::uint64_t seq) { return Event{t, seq, 7, 3, 1, seq * 10}; }

TEST(EventQueue, TiesAcrossTheHeapAndTheWheelKeepIssueOrder) {
  EventQueue q;
  const Time far = EventQueue::kWheelUs * 3 + 5;
  q.push(at(far, 0));  // waits in the heap
  q.push(at(1, 1));
  EXPECT_EQ(q.pop().seq, 1u);  // now = 1
  q.push(at(far - 10, 2));     // still beyond the wheel: heap
  q.push(at(far, 3));          // same time as seq 0, issued later
  std::vector<std::uint64_t> order;
  while (!q.empty()) {
    const Event e = q.pop();
    order.push_back(e.seq);
    EXPECT_EQ(e.arg, e.seq * 10);  // the payload survives the wheel
    EXPECT_EQ(e.node, 7u);
  }
  EXPECT_EQ(order, (std::vector<std::uint64_t>{2, 0, 3}));
}

TEST(EventQueue, NextTimeIsTheLeastPendingTime) {
  EventQueue q;
  q.push(at(10'000'000, 0));
  EXPECT_EQ(q.next_time(), 10'000'000);
  q.push(at(5, 1));
  EXPECT_EQ(q.next_time(), 5);
  EXPECT_EQ(q.size(), 2u);
}

TEST(EventQueue, MatchesASortedReferenceUnderRandomPushesAndPops) {
  EventQueue q;
  std::vector<Event> reference;
  Rng rng(4);
  std::uint64_t seq = 0;
  Time now = 0;
  for (int round = 0; round < 50'000; ++round) {
    if (reference.empty() || uniform_int(rng, 3) != 0) {
      // Near (many ties), mid and far (beyond the wheel) delays.
      const std::uint64_t span = std::array<std::uint64_t, 3>{16, 5000, 200'000}[uniform_int(rng, 3)];
      const Event e = at(now + static_cast<Time>(uniform_int(rng, span)), seq++);
      q.push(e);
      reference.push_back(e);
    } else {
      const auto least = std::min_element(reference.begin(), reference.end(), before);
      ASSERT_EQ(q.next_time(), least->time);
      const Event e = q.pop();
      ASSERT_EQ(e.seq, least->seq);
      ASSERT_EQ(e.time, least->time);
      now = e.time;
      reference.erase(least);
    }
    ASSERT_EQ(q.size(), reference.size());
  }
}

}  // namespace
}  // namespace choreo::sim
