// The SQS consumer's shape, as Wattpad's sqsconsumer: each message of a
// received batch goes to its own handler (10 goroutines), the next receive
// comes once the batch is handed over, and the heartbeat extends visibility
// before it ends, winning a tie with the expiry.
#include <gtest/gtest.h>

#include "models/brokers/sqs_broker.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::Recorder;

struct Outcome {
  Recorder r;
  DeliveryCounts counts;
  std::uint64_t hash = 0;
};

// 100 messages published within the first 100 ms; one worker; 4 s handlers.
Outcome four_second_handlers(std::uint32_t concurrency) {
  Outcome out;
  sim::Simulation sim(1);
  CommonOptions common;
  common.processing = *sim::parse_duration_distribution("4s");
  SqsOptions o;
  o.duplicate_after_delete = 0;
  o.concurrency = concurrency;
  SqsBroker broker(sim, o, common, {});
  broker.subscribe("t", "svc", out.r);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 100, .period = kMillisecond});
  sim.run_until(5 * sim::kMinute);
  out.counts = broker.stats().total();
  out.hash = sim.trace_hash();
  return out;
}

// The first receive gets message 1 alone (it is the only one visible at
// 0 s); it and the next batches go to the 10 handlers as they free up, no
// message waits anywhere near the 30 s visibility timeout, and none is
// redelivered. One message at a time (the old shape), the tenth of a batch
// starts 36 s after its receive: redelivered.
TEST(SqsConsumer, FourSecondHandlersOfABatchOfTenRunConcurrently) {
  const Outcome ten = four_second_handlers(10);
  EXPECT_EQ(ten.counts.delivered, 100u);
  EXPECT_EQ(ten.counts.redelivered, 0u);
  EXPECT_EQ(ten.r.distinct_ids().size(), 100u);
  sim::Time last = 0;
  for (const auto& d : ten.r.log) last = std::max(last, d.info.delivered_at);
  EXPECT_LE(last, 45 * kSecond);  // about 100 x 4 s / 10 handlers, not 400 s
  const Outcome one = four_second_handlers(1);
  EXPECT_GT(one.counts.redelivered, 0u);
}

TEST(SqsConsumer, SameSeedSameTraceHash) {
  EXPECT_EQ(four_second_handlers(10).hash, four_second_handlers(10).hash);
  EXPECT_NE(four_second_handlers(10).hash, four_second_handlers(3).hash);
}

// sqsconsumer's defaults: visibility 30 s from the receive, a heartbeat
// every 30 s from the receive setting 60 s. The first heartbeat falls on the
// very instant the visibility ends and must win: a 40 s handler is received
// once, by worker 0, and finishes at 40 s; the second worker never gets it.
// Without the heartbeat it is received again at 30 s.
TEST(SqsConsumer, HeartbeatAtTheExpiryInstantWinsTheTie) {
  for (bool heartbeat : {false, true}) {
    sim::Simulation sim(1);
    CommonOptions common;
    common.processing = *sim::parse_duration_distribution("40s");
    SqsOptions o;
    o.duplicate_after_delete = 0;
    o.heartbeat = heartbeat;
    SqsBroker broker(sim, o, common, {});
    Recorder r;
    broker.subscribe("t", "svc", r, {.workers = 2});
    add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 1});
    sim.run_until(75 * kSecond);
    if (heartbeat) {
      ASSERT_EQ(r.log.size(), 1u);
      EXPECT_EQ(r.log[0].info.delivered_at, 40 * kSecond);
      EXPECT_EQ(r.log[0].info.receive_count, 1u);
      EXPECT_EQ(broker.stats().total().redelivered, 0u);
    } else {
      ASSERT_EQ(r.log.size(), 2u);
      EXPECT_EQ(r.log[1].info.delivered_at, 70 * kSecond);  // received again at 30 s
      EXPECT_EQ(r.log[1].info.receive_count, 2u);
    }
  }
}

}  // namespace
}  // namespace choreo::brokers
