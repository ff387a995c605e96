// The far-future event heap (sim/event_heap.h): order by time, ties by
// issue order, against a sorted reference.
#include "sim/event_heap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "sim/random.h"

namespace choreo::sim {
namespace {

Event at(Time t, std::uint64_t seq) { return Event{t, seq, 0, 0, 0, seq}; }

TEST(EventHeap, PopsInTimeOrderThenIssueOrder) {
  EventHeap q;
  q.push(at(5, 0));
  q.push(at(3, 1));
  q.push(at(5, 2));
  q.push(at(3, 3));
  q.push(at(0, 4));
  std::vector<std::uint64_t> order;
  while (!q.empty()) order.push_back(q.pop().seq);
  EXPECT_EQ(order, (std::vector<std::uint64_t>{4, 1, 3, 0, 2}));
}

TEST(EventHeap, MatchesASortedReferenceUnderRandomPushesAndPops) {
  EventHeap q;
  std::vector<Event> reference;
  Rng rng(4);
  std::uint64_t seq = 0;
  for (int round = 0; round < 20000; ++round) {
    if (reference.empty() || uniform_int(rng, 3) != 0) {
      const Event e = at(static_cast<Time>(uniform_int(rng, 1000)), seq++);  // many ties
      q.push(e);
      reference.push_back(e);
    } else {
      const auto least = std::min_element(reference.begin(), reference.end(), before);
      ASSERT_EQ(q.pop().seq, least->seq);
      reference.erase(least);
    }
    ASSERT_EQ(q.size(), reference.size());
  }
}

}  // namespace
}  // namespace choreo::sim
