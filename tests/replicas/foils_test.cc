// The foils break the law they are kept to show broken. Each test gives the
// concrete counterexample, and a RapidCheck search that must find one (so
// the test fails if a foil ever became lawful by accident).
#include "models/replicas/foils.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "models/replicas/g_counter.h"

namespace choreo::replicas {
namespace {

// True when RapidCheck finds a counterexample to `property`.
template <class Property>
bool finds_counterexample(Property property) {
  const auto result = rc::check("", property);
  return !result;
}

TEST(Foils, NaiveCounterIsNotIdempotentADuplicateOvercounts) {
  NaiveCounter once, twice;
  once.increment();
  twice.increment();
  twice.increment();  // the same CommentCreated, delivered twice
  EXPECT_EQ(once.value(), 1);
  EXPECT_EQ(twice.value(), 2);
  EXPECT_TRUE(finds_counterexample([](std::uint8_t events, std::uint8_t duplicates) {
    NaiveCounter c;
    for (int i = 0; i < events + duplicates; ++i) c.increment();
    RC_ASSERT(c.value() == events);  // false whenever something was duplicated
  }));
}

TEST(Foils, OverwriteRegisterIsNotCommutativeReorderingLeavesAStaleValue) {
  OverwriteRegister in_order, reordered;
  in_order.receive(2);
  in_order.receive(3);
  reordered.receive(3);
  reordered.receive(2);  // version 2 delayed past version 3
  EXPECT_EQ(in_order.value(), 3u);
  EXPECT_EQ(reordered.value(), 2u);
  EXPECT_TRUE(finds_counterexample([](std::uint8_t a, std::uint8_t b) {
    OverwriteRegister ab, ba;
    ab.receive(a), ab.receive(b);
    ba.receive(b), ba.receive(a);
    RC_ASSERT(ab.value() == ba.value());
  }));
}

TEST(Foils, SummingShardDeltasIsNotIdempotentButGCounterMaxMergeIs) {
  ShardDeltaSum sum;
  GCounter counter;
  GCounter shard1;
  shard1.increment(1, 5);
  sum.receive(5);
  sum.receive(5);  // the shard's report redelivered
  counter.merge(shard1);
  counter.merge(shard1);
  EXPECT_EQ(sum.value(), 10u);
  EXPECT_EQ(counter.value(), 5u);
  EXPECT_TRUE(finds_counterexample([](std::uint8_t delta) {
    ShardDeltaSum once, twice;
    once.receive(delta);
    twice.receive(delta);
    twice.receive(delta);
    RC_ASSERT(once.value() == twice.value());
  }));
}

}  // namespace
}  // namespace choreo::replicas
