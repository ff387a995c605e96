// brokers::Fifo: values come out in push order across growth and
// wrap-around; operator[] reaches (and may change) the i-th value from the
// front; clear() empties it and it is reusable; emplace_back builds an
// aggregate in place, in order with push_back.
#include "models/brokers/fifo.h"

#include <gtest/gtest.h>

namespace choreo::brokers {
namespace {

TEST(Fifo, KeepsPushOrderAcrossGrowthAndWrapAround) {
  Fifo<int> f;
  int next_in = 0, next_out = 0;
  // Pops lag pushes, so the ring wraps while it grows past 16 and 32.
  for (int round = 0; round < 40; ++round) {
    for (int k = 0; k < 3; ++k) f.push_back(next_in++);
    ASSERT_EQ(f[0], next_out);
    f.pop_front(2);
    next_out += 2;
  }
  ASSERT_EQ(f.size(), 40u);
  for (std::size_t i = 0; i < f.size(); ++i) EXPECT_EQ(f[i], next_out + static_cast<int>(i));
}

TEST(Fifo, IndexedValuesCanBeChangedInPlace) {
  Fifo<int> f;
  for (int v = 0; v < 5; ++v) f.push_back(v);
  f.pop_front(1);
  f[2] = 42;  // the value 3
  EXPECT_EQ(f[0], 1);
  EXPECT_EQ(f[1], 2);
  EXPECT_EQ(f[2], 42);
  EXPECT_EQ(f[3], 4);
}

TEST(Fifo, ClearEmptiesAndTheFifoIsReusable) {
  Fifo<int> f;
  for (int v = 0; v < 20; ++v) f.push_back(v);
  f.pop_front(7);
  f.clear();
  EXPECT_TRUE(f.empty());
  EXPECT_EQ(f.size(), 0u);
  f.push_back(9);
  f.push_back(8);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0], 9);
  EXPECT_EQ(f[1], 8);
}

TEST(Fifo, EmplaceBackBuildsAggregatesInPushOrder) {
  struct Pair {
    int a = -1;
    int b = -1;
  };
  Fifo<Pair> f;
  for (int v = 0; v < 20; ++v) f.push_back({-v, v});  // grows past 16, then wraps below
  f.pop_front(18);
  for (int v = 20; v < 40; ++v) f.emplace_back(v, 2 * v);
  f.emplace_back(7);  // b keeps its default, not a stale value
  ASSERT_EQ(f.size(), 23u);
  EXPECT_EQ(f[0].b, 18);
  EXPECT_EQ(f[2].a, 20);
  EXPECT_EQ(f[2].b, 40);
  EXPECT_EQ(f[21].a, 39);
  EXPECT_EQ(f[22].a, 7);
  EXPECT_EQ(f[22].b, -1);
}

}  // namespace
}  // namespace choreo::brokers
