// The broker contract: what every row of the broker table must do, whatever
// its semantics. Each test runs once per row (BrokerConformance/nats,
// .../sqs, .../sqs_fifo, .../kafka), with the broker built from scenario
// keys as `choreo run` builds it, so a new row is held to all of it without
// touching this file.
//
// Every broker: reaches every subscribing service on a healthy network;
// takes exactly transit + processing from publish to handler; counts each
// copy as delivered or lost, and bytes and latency per delivery; loses
// nothing uncounted under crashes and partitions; keeps its row's guarantee
// (at most once: nothing twice; at least once: nothing lost); calls the
// handler's crash and restart hooks; honours scripted drops; and gives the
// same trace hash for the same seed, another for another seed.
//
// What differs between brokers (order, redelivery timing, partition
// recovery) is tested in each broker's own file.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "models/brokers/broker_table.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::make_broker_from;
using testing::Recorder;

// No fault at all: SQS's rare duplicate after a delete (a fault of its own,
// at a rate we assumed) is off too.
const std::vector<std::string> kHealthy = {"sqs.duplicate_after_delete=0"};

std::vector<std::string> with(std::vector<std::string> base, const std::vector<std::string>& more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

std::vector<std::uint64_t> range(std::uint64_t from, std::uint64_t to) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t i = from; i < to; ++i) out.push_back(i);
  return out;
}

std::vector<std::uint64_t> sorted_ids(const Recorder& r) {
  std::vector<std::uint64_t> ids = r.ids();
  std::sort(ids.begin(), ids.end());
  return ids;
}

class BrokerConformance : public ::testing::TestWithParam<BrokerKind> {
 protected:
  std::string_view kind() const { return GetParam().name; }
  Guarantee guarantee() const { return GetParam().guarantee; }
};

TEST_P(BrokerConformance, HealthyNetworkDeliversEveryMessageOnceToEverySubscribingService) {
  sim::Simulation sim(1);
  auto broker = make_broker_from(sim, kind(), kHealthy);
  EXPECT_EQ(broker->kind(), kind());
  Recorder a, b;
  broker->subscribe("t", "a", a);
  broker->subscribe("t", "b", b, {.workers = 3});
  add_publisher(sim, *broker, "pub", {.topic = broker->topic("t"), .first_id = 0, .count = 1'000});
  sim.run_until(sim::kMinute);
  EXPECT_EQ(sorted_ids(a), range(0, 1'000));
  EXPECT_EQ(sorted_ids(b), range(0, 1'000));
  const DeliveryCounts c = broker->stats().total();
  EXPECT_EQ(c.published, 1'000u);
  EXPECT_EQ(c.delivered, 2'000u);
  EXPECT_EQ(c.lost(), 0u);
  EXPECT_EQ(c.duplicated, 0u);
  EXPECT_EQ(c.redelivered, 0u);
  EXPECT_EQ(c.bytes, (1'000u + 2'000u) * 100u);  // once per publish, once per delivery
  EXPECT_TRUE(a.crashed.empty() && a.restarted.empty());
}

// Constant 3 ms transit and 2 ms processing, one message every 100 ms: each
// handler call comes exactly 5 ms after its publish; on Kafka 10 ms, since a
// producer batch waits linger.ms (5 ms) for more records before it is sent.
TEST_P(BrokerConformance, LatencyIsTransitPlusProcessing) {
  sim::Simulation sim(1);
  auto broker = make_broker_from(sim, kind(), with(kHealthy, {"broker.delay=3ms", "broker.processing=2ms"}));
  Recorder r;
  broker->subscribe("t", "svc", r);
  add_publisher(sim, *broker, "pub",
                {.topic = broker->topic("t"), .count = 50, .period = 100 * kMillisecond});
  sim.run_until(sim::kMinute);
  ASSERT_EQ(r.log.size(), 50u);
  const sim::Time want = (kind() == "kafka" ? 10 : 5) * kMillisecond;
  for (const auto& d : r.log) EXPECT_EQ(d.info.delivered_at - d.msg.published_at, want);
  const sim::Histogram& latency = broker->stats().latency();
  EXPECT_EQ(latency.count(), 50u);
  EXPECT_EQ(latency.min(), want);
  EXPECT_EQ(latency.max(), want);
  nlohmann::json delivery;
  broker->write_json(delivery);
  EXPECT_EQ(delivery["latency_ms"]["mean"], static_cast<double>(want) / kMillisecond);
  EXPECT_EQ(delivery["latency_ms"]["max"], static_cast<double>(want) / kMillisecond);
}

// Loss and duplication on every copy: each copy made (published or
// duplicated) is delivered once, counted lost once, or (SQS FIFO) dropped
// by the deduplication window and counted there.
TEST_P(BrokerConformance, EveryCopyIsDeliveredOrCountedLost) {
  sim::Simulation sim(3);
  auto broker = make_broker_from(sim, kind(), with(kHealthy, {"broker.loss=5%", "broker.duplicate=5%"}));
  Recorder r;
  broker->subscribe("t", "svc", r);
  add_publisher(sim, *broker, "pub", {.topic = broker->topic("t"), .count = 20'000, .period = 100});
  sim.run_until(sim::kMinute);
  const DeliveryCounts c = broker->stats().total();
  EXPECT_EQ(c.published, 20'000u);
  EXPECT_GT(c.lost(), 0u);
  EXPECT_GT(c.duplicated, 0u);
  EXPECT_EQ(c.lost(), c.lost(LossReason::kInjected));
  EXPECT_EQ(c.delivered + c.lost() + c.deduplicated, c.published + c.duplicated);
  EXPECT_EQ(c.delivered, r.log.size());
  EXPECT_LE(c.published - r.distinct_ids().size(), c.lost());
}

// Crashes (scripted and at a rate) and a partition, on two topics: no copy
// vanishes uncounted, and the row's guarantee holds.
TEST_P(BrokerConformance, CrashesAndPartitionsKeepTheGuaranteeAndTheCounts) {
  sim::Simulation sim(5);
  auto broker = make_broker_from(
      sim, kind(),
      with(kHealthy,
           {"broker.processing=exp:1ms", "broker.crash_rate=0.05/s", "broker.restart_after=2s",
            "fault.cut.kind=partition", "fault.cut.service=svc", "fault.cut.from=10s", "fault.cut.to=20s",
            "fault.down.kind=crash", "fault.down.service=svc", "fault.down.worker=1", "fault.down.at=30s"}));
  Recorder r, other;
  broker->subscribe("t", "svc", r, {.workers = 2});
  broker->subscribe("u", "other", other);
  add_publisher(sim, *broker, "pub-t",
                {.topic = broker->topic("t"), .count = 6'000, .period = 10 * kMillisecond, .keys = 7});
  add_publisher(sim, *broker, "pub-u",
                {.topic = broker->topic("u"), .count = 600, .period = 100 * kMillisecond, .keys = 7});
  sim.run_until(3 * sim::kMinute);
  const DeliveryStats& stats = broker->stats();
  const DeliveryCounts t = stats.topic("t");
  EXPECT_EQ(t.published, 6'000u);
  EXPECT_EQ(t.delivered, r.log.size());
  EXPECT_EQ(stats.topic("u").delivered, other.log.size());
  EXPECT_LE(t.published - r.distinct_ids().size(), t.lost());
  if (guarantee() == Guarantee::kAtLeastOnce) {
    EXPECT_EQ(r.distinct_ids().size(), 6'000u);
    EXPECT_EQ(t.lost(), 0u);
    EXPECT_EQ(t.delivered, 6'000u + t.redelivered);
  } else {
    EXPECT_EQ(r.log.size(), r.distinct_ids().size()) << "delivered twice";
    EXPECT_EQ(t.redelivered, 0u);
    EXPECT_EQ(t.published - r.distinct_ids().size(), t.lost());
    EXPECT_GT(t.lost(), 0u);
  }
  const DeliveryCounts total = stats.total();
  EXPECT_EQ(total.delivered, r.log.size() + other.log.size());
  EXPECT_EQ(total.bytes, 100u * (total.published + total.delivered));
  EXPECT_EQ(stats.latency().count(), total.delivered);
  // Worker 1 at 30 s, and rate crashes; every crash but the last of each
  // worker was followed by its restart.
  EXPECT_GE(r.crashed.size(), 2u);
  EXPECT_GE(std::count(r.crashed.begin(), r.crashed.end(), 1u), 1);
  EXPECT_LE(r.restarted.size(), r.crashed.size());
  EXPECT_LE(r.crashed.size(), r.restarted.size() + 2);
}

// A partition or a disconnect over [2 s, 5 s) with no processing time: the
// service gets nothing while it lasts. At least once: everything comes after
// the heal. At most once: nothing twice, and what is not delivered is
// counted lost; a disconnect loses what was published in it (a partition
// may not: NATS delivers a short one late).
TEST_P(BrokerConformance, PartitionCutsTheServiceOffWhileItLasts) {
  for (const std::string cut : {"partition", "disconnect"}) {
    sim::Simulation sim(1);
    auto broker = make_broker_from(sim, kind(),
                                   with(kHealthy, {"fault.cut.kind=" + cut, "fault.cut.service=svc",
                                                   "fault.cut.from=2s", "fault.cut.to=5s"}));
    Recorder r;
    broker->subscribe("t", "svc", r);
    add_publisher(sim, *broker, "pub",
                  {.topic = broker->topic("t"), .first_id = 0, .count = 100, .period = 100 * kMillisecond});
    sim.run_until(sim::kMinute);
    for (const auto& d : r.log) {
      EXPECT_FALSE(d.info.delivered_at >= 2 * kSecond && d.info.delivered_at < 5 * kSecond)
          << cut << ": id " << d.msg.id << " at " << d.info.delivered_at;
    }
    const DeliveryCounts c = broker->stats().total();
    const auto got = r.distinct_ids();
    if (guarantee() == Guarantee::kAtLeastOnce) {
      EXPECT_EQ(got.size(), 100u) << cut;
      EXPECT_EQ(c.lost(), 0u) << cut;
    } else {
      EXPECT_EQ(r.log.size(), got.size()) << cut;
      EXPECT_EQ(c.lost(), 100u - got.size()) << cut;
      if (cut == "disconnect") {
        for (std::uint64_t id = 20; id < 50; ++id) EXPECT_EQ(got.count(id), 0u) << id;  // published in it
      }
    }
  }
}

// Worker 1 of 2 crashes at 1 s and restarts at 3 s: the handler hears both,
// and the worker's node is down in between.
TEST_P(BrokerConformance, CrashAndRestartCallTheHandlersHooks) {
  sim::Simulation sim(1);
  auto broker =
      make_broker_from(sim, kind(),
                       with(kHealthy, {"fault.c.kind=crash", "fault.c.service=svc", "fault.c.worker=1",
                                       "fault.c.at=1s", "fault.c.restart_after=2s"}));
  Recorder r;
  const SubscriptionId sub = broker->subscribe("t", "svc", r, {.workers = 2});
  add_publisher(sim, *broker, "pub",
                {.topic = broker->topic("t"), .count = 50, .period = 100 * kMillisecond});
  sim.run_until(2 * kSecond);
  EXPECT_FALSE(sim.is_up(broker->worker_node(sub, 1)));
  EXPECT_TRUE(sim.is_up(broker->worker_node(sub, 0)));
  EXPECT_EQ(r.crashed, std::vector<std::uint32_t>{1});
  EXPECT_TRUE(r.restarted.empty());
  sim.run_until(4 * kSecond);
  EXPECT_TRUE(sim.is_up(broker->worker_node(sub, 1)));
  EXPECT_EQ(r.restarted, std::vector<std::uint32_t>{1});
}

// drop nth = 5 for service a only: a misses message 5, b gets it.
TEST_P(BrokerConformance, ScriptedDropTakesTheNthMessageOfTheNamedServiceOnly) {
  sim::Simulation sim(1);
  auto broker = make_broker_from(
      sim, kind(),
      with(kHealthy, {"fault.d.kind=drop", "fault.d.topic=t", "fault.d.nth=5", "fault.d.service=a"}));
  Recorder a, b;
  broker->subscribe("t", "a", a);
  broker->subscribe("t", "b", b);
  add_publisher(sim, *broker, "pub", {.topic = broker->topic("t"), .count = 10});
  sim.run_until(sim::kMinute);
  EXPECT_EQ(sorted_ids(a), (std::vector<std::uint64_t>{1, 2, 3, 4, 6, 7, 8, 9, 10}));
  EXPECT_EQ(sorted_ids(b), range(1, 11));
  EXPECT_EQ(broker->stats().total().lost(LossReason::kScripted), 1u);
  EXPECT_EQ(broker->stats().total().lost(), 1u);
}

TEST_P(BrokerConformance, DeliveryJsonHasTheSummaryKeys) {
  sim::Simulation sim(1);
  auto broker = make_broker_from(sim, kind(), kHealthy);
  Recorder r;
  broker->subscribe("comments", "svc", r);
  add_publisher(sim, *broker, "pub", {.topic = broker->topic("comments"), .count = 10});
  sim.run_until(sim::kMinute);
  nlohmann::json delivery;
  broker->write_json(delivery);
  for (const char* key : {"published", "delivered", "lost", "duplicated", "redelivered", "reordered",
                          "dead_lettered", "bytes", "latency_ms", "lost_by_reason", "by_topic"}) {
    EXPECT_TRUE(delivery.contains(key)) << key;
  }
  for (const char* key : {"mean", "p50", "p99", "max"})
    EXPECT_TRUE(delivery["latency_ms"].contains(key)) << key;
  EXPECT_EQ(delivery["published"], 10);
  EXPECT_EQ(delivery["by_topic"]["comments"]["delivered"], 10);
  EXPECT_EQ(delivery["by_topic"]["comments"]["handler_errors"], 0);
}

// Each kind's own random faults, turned on for the determinism run besides
// the common ones. A kind without an entry runs with the common faults only.
std::vector<std::string> own_faults(std::string_view kind) {
  static const std::map<std::string_view, std::vector<std::string>> kOwn = {
      {"nats", {"nats.pending_limit=2"}},
      {"sqs", {"sqs.duplicate_after_delete=1%", "sqs.max_receive_count=3"}},
      {"sqs-fifo", {"sqs.max_receive_count=3"}},
      {"kafka",
       {"kafka.partitions=3", "kafka.idempotence=false", "kafka.producer_error=2%", "kafka.retention=20s",
        "kafka.retention_check_interval=1s", "kafka.segment_ms=2s"}},
  };
  const auto it = kOwn.find(kind);
  return it == kOwn.end() ? std::vector<std::string>{} : it->second;
}

std::uint64_t faulty_run_hash(std::string_view kind, std::uint64_t seed) {
  sim::Simulation sim(seed);
  auto broker = make_broker_from(
      sim, kind,
      with({"broker.loss=1%", "broker.duplicate=2%", "broker.handler_error=5%", "broker.delay=exp:2ms",
            "broker.processing=exp:1ms", "broker.crash_rate=0.05/s", "fault.cut.kind=partition",
            "fault.cut.service=svc", "fault.cut.from=10s", "fault.cut.to=60s"},
           own_faults(kind)));
  Recorder r;
  broker->subscribe("t", "svc", r, {.workers = 3});
  add_publisher(sim, *broker, "pub",
                {.topic = broker->topic("t"), .count = 10'000, .period = 10 * kMillisecond, .keys = 31});
  sim.run_until(3 * sim::kMinute);
  EXPECT_GT(r.log.size(), 1'000u);
  return sim.trace_hash();
}

TEST_P(BrokerConformance, SameSeedSameTraceHashDifferentSeedDifferentHash) {
  EXPECT_EQ(faulty_run_hash(kind(), 5), faulty_run_hash(kind(), 5));
  EXPECT_NE(faulty_run_hash(kind(), 5), faulty_run_hash(kind(), 6));
}

std::string test_name(const ::testing::TestParamInfo<BrokerKind>& info) {
  std::string name(info.param.name);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryBroker, BrokerConformance, ::testing::ValuesIn(broker_kinds()), test_name);

}  // namespace

// Names the row in failure messages (gtest finds it by argument lookup).
void PrintTo(const BrokerKind& kind, std::ostream* out) { *out << kind.name; }

}  // namespace choreo::brokers
