// SQS model: at least once, visibility timeout, DLQ, retention, delay,
// reordering, duplicates after delete, heartbeat; FIFO order and dedup.
#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

#include "models/brokers/sqs_broker.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::Recorder;

SqsOptions exact_sqs() {
  SqsOptions o;
  o.duplicate_after_delete = 0;
  return o;
}

TEST(Sqs, RedeliversAfterExactlyTheVisibilityTimeout) {
  sim::Simulation sim(1);
  SqsBroker broker(sim, exact_sqs(), {}, {});
  Recorder r;
  r.fail = [](const Message&, const DeliveryInfo& info) { return info.receive_count == 1; };
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 1, .start = kSecond});
  sim.run_until(5 * sim::kMinute);
  ASSERT_EQ(r.log.size(), 2u);
  EXPECT_EQ(r.log[0].info.delivered_at, kSecond);
  EXPECT_EQ(r.log[1].info.delivered_at, 31 * kSecond);
  EXPECT_EQ(r.log[1].info.receive_count, 2u);
  EXPECT_TRUE(r.log[1].info.redelivered);
  EXPECT_EQ(broker.stats().total().redelivered, 1u);
}

// Deadlines wait in one timer per queue: receipts deleted before and
// between the failed ones must neither delay nor advance them.
TEST(Sqs, EachUndeletedReceiptExpiresItsTimeoutAfterItsReceiveWhateverWasDeletedAround) {
  sim::Simulation sim(1);
  SqsBroker broker(sim, exact_sqs(), {}, {});
  Recorder r;
  r.fail = [](const Message& m, const DeliveryInfo& info) {
    return info.receive_count == 1 && m.id % 2 == 0;
  };
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"), .count = 6, .start = kSecond, .period = kSecond});
  sim.run_until(5 * sim::kMinute);
  std::map<std::uint64_t, std::vector<sim::Time>> at;
  for (const auto& d : r.log) at[d.msg.id].push_back(d.info.delivered_at);
  for (std::uint64_t id = 1; id <= 6; ++id) {
    const sim::Time first = static_cast<sim::Time>(id) * kSecond;
    if (id % 2 == 1) {
      EXPECT_EQ(at[id], std::vector<sim::Time>{first}) << "message " << id;
    } else {
      EXPECT_EQ(at[id], (std::vector<sim::Time>{first, first + 30 * kSecond})) << "message " << id;
    }
  }
}

// An idle long poll gives up every wait_time (20 s) and polls again: by
// 100.4 s the engine has run the first poll and the five expiries, nothing
// else; a message at 100.5 s finds the sixth wait and goes out at once.
TEST(Sqs, AnIdleLongPollPollsAgainEveryWaitTime) {
  sim::Simulation sim(1);
  SqsBroker broker(sim, exact_sqs(), {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"), .count = 1, .start = 100'500 * kMillisecond});
  sim.run_until(100'400 * kMillisecond);
  EXPECT_EQ(sim.events_processed(), 6u);  // the first poll and five expiries
  sim.run_until(101 * kSecond);
  ASSERT_EQ(r.log.size(), 1u);
  EXPECT_EQ(r.log[0].info.delivered_at, 100'500 * kMillisecond);
}

TEST(Sqs, MovesToTheDeadLetterQueueAfterMaxReceiveCount) {
  sim::Simulation sim(1);
  SqsOptions o = exact_sqs();
  o.max_receive_count = 3;
  SqsBroker broker(sim, o, {}, {});
  Recorder r;
  r.fail = [](const Message&, const DeliveryInfo&) { return true; };
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 1});
  sim.run_until(10 * sim::kMinute);
  ASSERT_EQ(r.log.size(), 3u);
  EXPECT_EQ(r.log[2].info.delivered_at, 60 * kSecond);
  const DeliveryCounts c = broker.stats().total();
  EXPECT_EQ(c.dead_lettered, 1u);
  EXPECT_EQ(c.redelivered, 2u);
}

// Handler errors (30 %) and worker crashes: every message is processed
// successfully at least once, nothing is lost.
TEST(Sqs, DeliversEveryMessageAtLeastOnceDespiteErrorsAndCrashes) {
  sim::Simulation sim(3);
  CommonOptions common;
  common.handler_error = 0.3;
  common.processing = *sim::parse_duration_distribution("exp:20ms");
  common.crash_rate_per_s = 0.05;
  common.restart_after = 2 * kSecond;
  SqsBroker broker(sim, SqsOptions{}, common, {});
  Recorder r;
  broker.subscribe("t", "svc", r, {.workers = 4});
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"), .count = 5'000, .period = 10 * kMillisecond});
  sim.run_until(30 * sim::kMinute);
  const DeliveryCounts c = broker.stats().total();
  EXPECT_EQ(c.lost(), 0u);
  EXPECT_EQ(r.distinct_ids().size(), 5'000u);
  // Every message ends processed without error: deliveries minus errors
  // cover each id (handler errors were injected before the handler).
  EXPECT_EQ(c.delivered - c.handler_errors, r.log.size());
  EXPECT_GT(c.redelivered, 1'000u);
}

TEST(Sqs, ABacklogOfTwoHundredThousandDrainsWithoutDeepRecursion) {
  sim::Simulation sim(1);
  SqsBroker broker(sim, exact_sqs(), {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.crash("svc", 0, 0, kSecond);  // the backlog builds while it is down
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 200'000, .period = 0});
  sim.run_until(sim::kMinute);
  EXPECT_EQ(r.log.size(), 200'000u);
}

// The waiting poll fails at the cut (1 s); the worker retries every 5 s and
// receives the message published at 2 s on its first retry after the heal.
TEST(Sqs, PartitionedConsumerReceivesAtItsFirstRetryAfterTheHeal) {
  sim::Simulation sim(1);
  SqsBroker broker(sim, exact_sqs(), {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.partition("svc", kSecond, 8 * kSecond);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 1, .start = 2 * kSecond});
  sim.run_until(sim::kMinute);
  ASSERT_EQ(r.log.size(), 1u);
  EXPECT_EQ(r.log[0].info.delivered_at, 11 * kSecond);
}

// 1,000 messages every 100 us to one worker with one handler that takes 1 ms
// each: a backlog builds, and receives see up to 10 visible at once. Oldest
// first keeps every message in order; the uniform pick reorders many.
TEST(Sqs, StandardQueueKeepsOrderWithOneConsumerUnlessTheOrderIsUniform) {
  for (auto order : {SqsQueue::Order::kOldest, SqsQueue::Order::kUniform}) {
    sim::Simulation sim(1);
    CommonOptions common;
    common.processing = *sim::parse_duration_distribution("1ms");
    SqsOptions o = exact_sqs();
    o.order = order;
    o.concurrency = 1;
    SqsBroker broker(sim, o, common, {});
    Recorder r;
    broker.subscribe("t", "svc", r);
    add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 1'000, .period = 100});
    sim.run_until(sim::kMinute);
    EXPECT_EQ(r.log.size(), 1'000u);
    if (order == SqsQueue::Order::kOldest) {
      std::vector<std::uint64_t> want(1'000);
      for (std::uint64_t i = 0; i < 1'000; ++i) want[i] = i + 1;
      EXPECT_EQ(r.ids(), want);
      EXPECT_EQ(broker.stats().total().reordered, 0u);
    } else {
      EXPECT_GT(broker.stats().total().reordered, 100u);
    }
  }
}

// The named mechanisms that break oldest-first order with one consumer: a
// redelivery (message 3 fails once and comes back after the 30 s visibility
// timeout, after 4..6) and network delay into the queue (exp 50 ms against
// 10 ms between sends).
TEST(Sqs, RedeliveryAndDelayAreWhatReorderAStandardQueue) {
  {
    sim::Simulation sim(1);
    SqsBroker broker(sim, exact_sqs(), {}, {});
    Recorder r;
    bool failed = false;
    r.fail = [&](const Message& m, const DeliveryInfo&) { return m.id == 3 && !std::exchange(failed, true); };
    broker.subscribe("t", "svc", r);
    add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 6, .period = kSecond});
    sim.run_until(sim::kMinute);
    EXPECT_EQ(r.ids(), (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 3}));
    EXPECT_EQ(r.log.back().info.delivered_at, 32 * kSecond);  // received at 2 s, visible again at 32 s
  }
  {
    sim::Simulation sim(1);
    CommonOptions common;
    common.delay = *sim::parse_duration_distribution("exp:50ms");
    SqsBroker broker(sim, exact_sqs(), common, {});
    Recorder r;
    broker.subscribe("t", "svc", r);
    add_publisher(sim, broker, "pub",
                  {.topic = broker.topic("t"), .count = 1'000, .period = 10 * kMillisecond});
    sim.run_until(sim::kMinute);
    EXPECT_EQ(r.log.size(), 1'000u);
    EXPECT_GT(broker.stats().total().reordered, 100u);
  }
}

TEST(Sqs, CrashDuringProcessingCausesASecondProcessingAfterTheTimeout) {
  sim::Simulation sim(1);
  CommonOptions common;
  common.processing = *sim::parse_duration_distribution("1s");
  SqsBroker broker(sim, exact_sqs(), common, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.crash("svc", 0, 500 * kMillisecond, kSecond);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 1});
  sim.run_until(sim::kMinute);
  ASSERT_EQ(r.log.size(), 1u);  // the first processing never finished
  EXPECT_EQ(r.log[0].info.delivered_at, 31 * kSecond);
  EXPECT_EQ(r.log[0].info.receive_count, 2u);
}

// A 40 s handler against a 30 s visibility timeout: a second worker receives
// the message at 30 s and finishes at 70 s. A heartbeat every 25 s (the
// DefaultStack-era sqsconsumer period) keeps it invisible.
TEST(Sqs, SlowHandlerIsProcessedTwiceUnlessTheHeartbeatExtends) {
  for (bool heartbeat : {false, true}) {
    sim::Simulation sim(1);
    CommonOptions common;
    common.processing = *sim::parse_duration_distribution("40s");
    SqsOptions o = exact_sqs();
    o.heartbeat = heartbeat;
    o.heartbeat_period = 25 * kSecond;
    SqsBroker broker(sim, o, common, {});
    Recorder r;
    broker.subscribe("t", "svc", r, {.workers = 2});
    add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 1});
    sim.run_until(75 * kSecond);
    EXPECT_EQ(r.log.size(), heartbeat ? 1u : 2u) << "heartbeat " << heartbeat;
  }
}

TEST(Sqs, RetentionDeletesUnconsumedMessages) {
  sim::Simulation sim(1);
  SqsOptions o = exact_sqs();
  o.retention = 60 * kSecond;
  SqsBroker broker(sim, o, {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.crash("svc", 0, 0, 5 * sim::kMinute);  // down from the start for 5 min
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"), .count = 10, .start = kSecond, .period = kSecond});
  sim.run_until(10 * sim::kMinute);
  EXPECT_TRUE(r.log.empty());
  EXPECT_EQ(broker.stats().total().lost(LossReason::kRetention), 10u);
}

TEST(Sqs, DelaySecondsHoldsNewMessages) {
  sim::Simulation sim(1);
  SqsOptions o = exact_sqs();
  o.delay = 10 * kSecond;
  SqsBroker broker(sim, o, {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 1, .start = kSecond});
  sim.run_until(sim::kMinute);
  ASSERT_EQ(r.log.size(), 1u);
  EXPECT_EQ(r.log[0].info.delivered_at, 11 * kSecond);
}

// 100,000 messages, 1 % duplicated after delete: sd of the fraction 0.0003,
// tolerance 0.002.
TEST(Sqs, DuplicatesAfterDeleteAtTheConfiguredRate) {
  sim::Simulation sim(5);
  SqsOptions o = exact_sqs();
  o.duplicate_after_delete = 0.01;
  SqsBroker broker(sim, o, {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r, {.workers = 2});
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 100'000, .period = 100});
  sim.run_until(10 * sim::kMinute);
  const DeliveryCounts c = broker.stats().total();
  EXPECT_NEAR(static_cast<double>(c.duplicated) / 100'000, 0.01, 0.002);
  EXPECT_EQ(r.log.size(), 100'000u + c.duplicated);
}

// 100,000 messages, loss 5 % per queue copy, send repeated 5 %.
TEST(Sqs, InjectedLossAndDuplicationRatesAreObserved) {
  sim::Simulation sim(9);
  CommonOptions common;
  common.loss = 0.05;
  common.duplicate = 0.05;
  SqsBroker broker(sim, exact_sqs(), common, {});
  Recorder r;
  broker.subscribe("t", "svc", r, {.workers = 2});
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 100'000, .period = 100});
  sim.run_until(10 * sim::kMinute);
  const DeliveryCounts c = broker.stats().total();
  const double copies = 100'000.0 + static_cast<double>(c.duplicated);
  EXPECT_NEAR(static_cast<double>(c.duplicated) / 100'000, 0.05, 0.004);
  EXPECT_NEAR(static_cast<double>(c.lost(LossReason::kInjected)) / copies, 0.05, 0.004);
  EXPECT_EQ(static_cast<double>(c.delivered), copies - static_cast<double>(c.lost()));
}

// FIFO: 4 groups, handler errors and 3 workers: within a group deliveries
// never go back. (Each failure blocks its group for the visibility timeout.)
TEST(SqsFifo, KeepsPerGroupOrderUnderErrorsAndCompetingWorkers) {
  sim::Simulation sim(2);
  SqsOptions o = exact_sqs();
  o.fifo = true;
  CommonOptions common;
  common.handler_error = 0.01;
  common.processing = *sim::parse_duration_distribution("exp:5ms");
  SqsBroker broker(sim, o, common, {});
  Recorder r;
  broker.subscribe("t", "svc", r, {.workers = 3});
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"), .count = 20'000, .period = 2 * kMillisecond, .keys = 4});
  sim.run_until(2 * sim::kHour);
  std::map<std::uint64_t, std::uint64_t> last;
  for (const auto& d : r.log) {
    auto [it, fresh] = last.emplace(d.msg.key, d.msg.id);
    if (!fresh) {
      EXPECT_LE(it->second, d.msg.id) << "group " << d.msg.key;
      it->second = d.msg.id;
    }
  }
  EXPECT_EQ(r.distinct_ids().size(), 20'000u);
  EXPECT_GT(broker.stats().total().redelivered, 100u);
}

TEST(SqsFifo, DropsDuplicatesInsideTheWindowOnly) {
  sim::Simulation sim(1);
  SqsOptions o = exact_sqs();
  o.fifo = true;
  SqsBroker broker(sim, o, {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  const TopicId t = broker.topic("t");
  Message m;
  m.id = 7;
  broker.publish(t, sim::kNoNode, m);
  sim.run_until(4 * sim::kMinute);
  broker.publish(t, sim::kNoNode, m);  // inside 5 min: dropped
  sim.run_until(6 * sim::kMinute);
  broker.publish(t, sim::kNoNode, m);  // after: delivered again
  sim.run_until(7 * sim::kMinute);
  EXPECT_EQ(r.log.size(), 2u);
  EXPECT_EQ(broker.stats().total().deduplicated, 1u);
}

TEST(SqsFifo, HeadOfLineBlocksTheGroupBehindAFailedMessage) {
  sim::Simulation sim(1);
  SqsOptions o = exact_sqs();
  o.fifo = true;
  SqsBroker broker(sim, o, {}, {});
  Recorder r;
  r.fail = [](const Message& m, const DeliveryInfo& info) { return m.id == 1 && info.receive_count == 1; };
  broker.subscribe("t", "svc", r, {.workers = 2});
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 3, .period = kSecond});
  sim.run_until(5 * sim::kMinute);
  EXPECT_EQ(r.ids(), (std::vector<std::uint64_t>{1, 1, 2, 3}));
  EXPECT_EQ(r.log[1].info.delivered_at, 30 * kSecond);
}

}  // namespace
}  // namespace choreo::brokers
