// NATS (core) model: at most once, per-publisher order, queue groups, slow
// consumers, loss while down or disconnected, reconnect.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "models/brokers/nats_broker.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::Publisher;
using testing::Recorder;

NatsOptions exact_nats() {
  NatsOptions o;
  o.reconnect_jitter = 0;
  return o;
}

TEST(Nats, DeliversEachMessageOnceInOrderWithoutFaults) {
  sim::Simulation sim(1);
  NatsBroker broker(sim, exact_nats(), {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 1000});
  sim.run();
  std::vector<std::uint64_t> want(1000);
  for (std::uint64_t i = 0; i < 1000; ++i) want[i] = i + 1;
  EXPECT_EQ(r.ids(), want);
  const DeliveryCounts c = broker.stats().total();
  EXPECT_EQ(c.published, 1000u);
  EXPECT_EQ(c.delivered, 1000u);
  EXPECT_EQ(c.lost(), 0u);
  EXPECT_EQ(c.bytes, 2 * 1000u * 100u);
}

TEST(Nats, TopicWithoutSubscriberDiscards) {
  sim::Simulation sim(1);
  NatsBroker broker(sim, exact_nats(), {}, {});
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 7});
  sim.run();
  EXPECT_EQ(broker.stats().total().lost(LossReason::kNoSubscriber), 7u);
}

// 100,000 messages from 4 publishers with random delay, loss and a flapping
// subscriber: no message twice, each publisher's messages in order.
TEST(Nats, NeverDuplicatesOrReordersOnePublishersMessages) {
  sim::Simulation sim(7);
  CommonOptions common;
  common.delay = *sim::parse_duration_distribution("exp:5ms");
  common.loss = 0.01;
  common.processing = *sim::parse_duration_distribution("exp:50us");
  NatsBroker broker(sim, exact_nats(), common, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.partition("svc", 3 * kSecond, 4 * kSecond);
  broker.crash("svc", 0, 10 * kSecond, 500 * kMillisecond);
  const TopicId t = broker.topic("t");
  for (std::uint64_t p = 0; p < 4; ++p) {
    add_publisher(sim, broker, "pub" + std::to_string(p),
                  {.topic = t, .first_id = p * 1'000'000, .count = 25'000, .period = 500});
  }
  sim.run();
  std::map<sim::NodeId, std::uint64_t> last;
  std::set<std::uint64_t> seen;
  for (const auto& d : r.log) {
    EXPECT_TRUE(seen.insert(d.msg.id).second) << "twice: " << d.msg.id;
    auto [it, fresh] = last.emplace(d.info.publisher, d.msg.id);
    if (!fresh) {
      EXPECT_LT(it->second, d.msg.id) << "reordered";
      it->second = d.msg.id;
    }
  }
  const DeliveryCounts c = broker.stats().total();
  EXPECT_EQ(c.reordered, 0u);
  EXPECT_EQ(c.duplicated, 0u);
  EXPECT_EQ(c.delivered + c.lost(), 100'000u);
  EXPECT_GT(c.lost(LossReason::kDisconnected), 0u);
}

// One message every 100 ms; the worker is down over [10 s, 20 s): exactly
// the 100 messages published then are lost, nothing else.
TEST(Nats, LosesExactlyWhatWasPublishedWhileTheSubscriberWasDown) {
  sim::Simulation sim(1);
  NatsBroker broker(sim, exact_nats(), {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.crash("svc", 0, 10 * kSecond, 10 * kSecond);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"),
                 .first_id = 0,
                 .count = 300,
                 .start = 50 * kMillisecond,
                 .period = 100 * kMillisecond});
  sim.run();
  const auto got = r.distinct_ids();
  for (std::uint64_t i = 0; i < 300; ++i) {
    const bool down = i >= 100 && i < 200;  // published at 10.05 s .. 19.95 s
    EXPECT_EQ(got.count(i), down ? 0u : 1u) << i;
  }
  EXPECT_EQ(broker.stats().total().lost(LossReason::kDisconnected), 100u);
  EXPECT_EQ(r.crashed, std::vector<std::uint32_t>{0});
  EXPECT_EQ(r.restarted, std::vector<std::uint32_t>{0});
}

TEST(Nats, QueueGroupGivesEachMessageToOneMemberAtRandom) {
  sim::Simulation sim(3);
  NatsBroker broker(sim, exact_nats(), {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r, {.workers = 3});
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 30'000, .period = 10});
  sim.run();
  ASSERT_EQ(r.log.size(), 30'000u);
  std::array<int, 3> per{};
  for (const auto& d : r.log) ++per[d.info.worker];
  // Binomial(30000, 1/3): sd = 82; 2% = 600 is > 7 sd.
  for (int n : per) EXPECT_NEAR(n, 10'000, 600);
  EXPECT_EQ(r.distinct_ids().size(), 30'000u);
}

// 100 messages at once to a worker that takes 1 ms each with a pending limit
// of 10: one in the handler, 10 pending, 89 dropped (the newest).
TEST(Nats, SlowConsumerDropsTheNewestOverThePendingLimit) {
  sim::Simulation sim(1);
  NatsOptions o = exact_nats();
  o.pending_limit = 10;
  CommonOptions common;
  common.processing = *sim::parse_duration_distribution("1ms");
  NatsBroker broker(sim, o, common, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 100, .period = 0});
  sim.run();
  std::vector<std::uint64_t> want;
  for (std::uint64_t i = 1; i <= 11; ++i) want.push_back(i);
  EXPECT_EQ(r.ids(), want);
  EXPECT_EQ(broker.stats().total().lost(LossReason::kSlowConsumer), 89u);
}

TEST(Nats, CrashLosesThePendingMessages) {
  sim::Simulation sim(1);
  CommonOptions common;
  common.processing = *sim::parse_duration_distribution("1s");
  NatsBroker broker(sim, exact_nats(), common, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.crash("svc", 0, 2500 * kMillisecond, sim::kForever);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 10, .period = 0});
  sim.run();
  EXPECT_EQ(r.log.size(), 2u);  // done at 1 s and 2 s; the third was in process
  EXPECT_EQ(broker.stats().total().lost(LossReason::kCrash), 8u);
}

TEST(Nats, ScriptedDropTakesExactlyTheNthMessage) {
  sim::Simulation sim(1);
  FaultPlan plan;
  plan.drops.push_back({"t", 5, ""});
  NatsBroker broker(sim, exact_nats(), {}, plan);
  Recorder r;
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 10});
  sim.run();
  EXPECT_EQ(r.ids(), (std::vector<std::uint64_t>{1, 2, 3, 4, 6, 7, 8, 9, 10}));
  EXPECT_EQ(broker.stats().total().lost(LossReason::kScripted), 1u);
}

// 200,000 messages, loss 10 %, duplication 5 %: sd of the loss fraction is
// 0.00067 and of duplication 0.0005; tolerance 0.004 is > 6 sd.
TEST(Nats, InjectedLossAndDuplicationRatesAreObserved) {
  sim::Simulation sim(11);
  CommonOptions common;
  common.loss = 0.10;
  common.duplicate = 0.05;
  NatsBroker broker(sim, exact_nats(), common, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 200'000, .period = 10});
  sim.run();
  const DeliveryCounts c = broker.stats().total();
  EXPECT_NEAR(static_cast<double>(c.lost(LossReason::kInjected)) / 200'000, 0.10, 0.004);
  EXPECT_NEAR(static_cast<double>(c.duplicated) / (200'000 - c.lost()), 0.05, 0.004);
  EXPECT_EQ(c.delivered, 200'000 - c.lost() + c.duplicated);
}

TEST(Nats, TraceFileShowsArrivalsAndLosses) {
  sim::Simulation sim(1);
  std::ostringstream trace;
  sim.trace().set_output(&trace);
  NatsBroker broker(sim, exact_nats(), {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.drop_nth("t", 2);
  add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .count = 3});
  sim.run();
  const std::string text = trace.str();
  EXPECT_NE(text.find(R"("node":"broker","kind":"arrive")"), std::string::npos) << text;
  EXPECT_NE(
      text.find(R"("node":"svc@t","kind":"lost","msg":2,"topic":"t","type":0,"key":0,"publisher":"pub",)"
                R"("service":"svc","reason":"scripted"})"),
      std::string::npos)
      << text;
}

}  // namespace
}  // namespace choreo::brokers
