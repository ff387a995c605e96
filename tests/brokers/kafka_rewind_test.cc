// Kafka's bootstrap from the log (SubscribeOptions::rewind_on_restart): a
// restarted member sends its group back to the earliest retained offset of
// every partition; records deleted by retention are not recovered.
#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

#include "models/brokers/kafka_broker.h"
#include "models/brokers/nats_broker.h"
#include "models/brokers/sqs_broker.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::Recorder;

std::vector<std::uint64_t> range(std::uint64_t from, std::uint64_t to) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t i = from; i < to; ++i) out.push_back(i);
  return out;
}

// One record every 100 ms (id k = offset k, at k*100 ms + 50 ms), 200 in
// all, auto-commit every 5 s: the commit at 10 s covers 0..99, the crash at
// 12.02 s has processed 0..119. At the 13 s restart offsets 0..129 are in
// the log: with rewind all of them are processed again at 13 s (0..119
// redelivered), then 130..199 as they come; without, 100..199 from the
// committed offset (100..119 redelivered).
struct CrashRun {
  std::vector<std::uint64_t> after_restart;  // offsets delivered from 13 s on
  std::vector<std::uint64_t> at_restart;     // offsets delivered at 13 s exactly
  std::uint64_t redelivered = 0;
  std::uint64_t committed_at_restart = 0;
  std::size_t delivered = 0;
};

CrashRun crash_once(bool rewind) {
  sim::Simulation sim(1);
  KafkaBroker broker(sim, KafkaOptions{}, {}, {});
  Recorder r;
  const SubscriptionId sub = broker.subscribe("t", "svc", r, {.rewind_on_restart = rewind});
  broker.crash("svc", 0, 12'020 * kMillisecond, 980 * kMillisecond);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"),
                 .first_id = 0,
                 .count = 200,
                 .start = 50 * kMillisecond,
                 .period = 100 * kMillisecond});
  sim.run_until(13 * kSecond + 1);
  CrashRun run;
  run.committed_at_restart = broker.committed(sub, 0);
  sim.run_until(sim::kMinute);
  for (const auto& d : r.log) {
    EXPECT_EQ(d.msg.id, d.info.offset);
    if (d.info.delivered_at >= 13 * kSecond) run.after_restart.push_back(d.info.offset);
    if (d.info.delivered_at == 13 * kSecond) run.at_restart.push_back(d.info.offset);
    // Either way the replayed records are the processed ones (< 120) at 13 s.
    EXPECT_EQ(d.info.redelivered, d.info.delivered_at == 13 * kSecond && d.info.offset < 120u)
        << "offset " << d.info.offset;
  }
  run.redelivered = broker.stats().total().redelivered;
  run.delivered = r.log.size();
  EXPECT_EQ(broker.stats().total().lost(), 0u);
  return run;
}

TEST(KafkaRewind, RestartReprocessesTheWholeLogInOrder) {
  const CrashRun run = crash_once(true);
  EXPECT_EQ(run.at_restart, range(0, 130));
  EXPECT_EQ(run.after_restart, range(0, 200));
  EXPECT_EQ(run.redelivered, 120u);
  EXPECT_EQ(run.delivered, 120u + 200u);
  EXPECT_EQ(run.committed_at_restart, 0u);  // the seek, before the next auto-commit
}

TEST(KafkaRewind, WithoutTheFlagARestartResumesFromTheCommittedOffset) {
  const CrashRun run = crash_once(false);
  EXPECT_EQ(run.at_restart, range(100, 130));
  EXPECT_EQ(run.after_restart, range(100, 200));
  EXPECT_EQ(run.redelivered, 20u);
  EXPECT_EQ(run.delivered, 20u + 200u);
  EXPECT_EQ(run.committed_at_restart, 100u);
}

// One record a second (id k = offset k, at k s + 0.5 s), commit after each;
// segments of ten records (segment.ms 9 s: 10k..10k+9, the newest appended
// at 10k+9.5 s; retention deletes whole segments since issue 11, and these
// boundaries keep the numbers of per-record deletion);
// retention 60 s checked every 10 s: the check at 100 s deletes 0..39. The
// member crashes at 100.2 s having processed 0..99 and restarts at 105.2 s,
// before the next check: the rewind starts at 40 exactly, 40..99 come again
// (redelivered), 100..104 for the first time; 0..39 never come back.
TEST(KafkaRewind, RewindStartsAtTheFirstRecordRetentionKept) {
  sim::Simulation sim(1);
  KafkaOptions o;
  o.commit = KafkaOptions::Commit::kAfterProcessing;
  o.retention = 60 * kSecond;
  o.retention_check_interval = 10 * kSecond;
  o.segment_ms = 9 * kSecond;  // ten records a segment, as above
  KafkaBroker broker(sim, o, {}, {});
  Recorder r;
  const SubscriptionId sub = broker.subscribe("t", "svc", r, {.rewind_on_restart = true});
  broker.crash("svc", 0, 100'200 * kMillisecond, 5 * kSecond);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"),
                 .first_id = 0,
                 .count = 200,
                 .start = 500 * kMillisecond,
                 .period = kSecond});
  sim.run_until(105 * kSecond);
  EXPECT_EQ(broker.log_start(broker.topic("t"), 0), 40u);
  EXPECT_EQ(broker.committed(sub, 0), 100u);
  sim.run_until(10 * sim::kMinute);
  std::vector<std::uint64_t> at_restart, redelivered;
  for (const auto& d : r.log) {
    if (d.info.delivered_at == 105'200 * kMillisecond) at_restart.push_back(d.info.offset);
    if (d.info.redelivered) redelivered.push_back(d.msg.id);
  }
  EXPECT_EQ(at_restart, range(40, 105));
  EXPECT_EQ(redelivered, range(40, 100));
  EXPECT_EQ(broker.stats().total().redelivered, 60u);
  EXPECT_EQ(broker.stats().total().lost(), 0u);
  for (std::uint64_t id = 0; id < 200; ++id) EXPECT_EQ(r.count(id), id >= 40 && id < 100 ? 2u : 1u) << id;
}

// The member crashes at 60.2 s having processed 0..59 and restarts at
// 300.2 s; the check at 300 s kept 240.. only. The rewind starts at 240:
// 60..239 were deleted before the group read them (lost: retention), and
// nothing is skipped by an offset reset even with auto.offset.reset=latest.
TEST(KafkaRewind, LagBeyondRetentionLosesTheDeletedRecordsOnly) {
  sim::Simulation sim(1);
  KafkaOptions o;
  o.commit = KafkaOptions::Commit::kAfterProcessing;
  o.retention = 60 * kSecond;
  o.retention_check_interval = 10 * kSecond;
  o.segment_ms = 9 * kSecond;  // ten records a segment, as above
  KafkaBroker broker(sim, o, {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r, {.rewind_on_restart = true});
  broker.crash("svc", 0, 60'200 * kMillisecond, 240 * kSecond);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"),
                 .first_id = 0,
                 .count = 600,
                 .start = 500 * kMillisecond,
                 .period = kSecond});
  sim.run_until(10 * sim::kMinute);
  const DeliveryCounts c = broker.stats().total();
  EXPECT_EQ(c.lost(LossReason::kRetention), 240u - 60u);
  EXPECT_EQ(c.lost(LossReason::kReset), 0u);
  EXPECT_EQ(c.redelivered, 0u);
  EXPECT_EQ(r.ids(), [] {
    auto want = range(0, 60);
    for (std::uint64_t id = 240; id < 600; ++id) want.push_back(id);
    return want;
  }());
}

// Two members, 4 partitions, a record every 50 ms, 10 ms of processing
// each; member 1 crashes at 10.055 s and restarts at 12.055 s, while member 0
// is processing id 241 (published at 12.05 s, partition 0). That record
// finishes first; then every partition is processed again from offset 0, in
// offset order without gaps. The producer sends each record alone (linger 0),
// so a record is appended the instant it is published.
TEST(KafkaRewind, EveryPartitionRestartsAtItsLogStartAfterTheRecordInProcess) {
  sim::Simulation sim(1);
  KafkaOptions o;
  o.partitions = 4;
  o.linger = 0;
  CommonOptions common;
  common.processing = *sim::parse_duration_distribution("10ms");
  KafkaBroker broker(sim, o, common, {});
  Recorder r;
  broker.subscribe("t", "svc", r, {.workers = 2, .rewind_on_restart = true});
  const sim::Time restart = 12'055 * kMillisecond;
  broker.crash("svc", 1, 10'055 * kMillisecond, 2 * kSecond);
  add_publisher(
      sim, broker, "pub",
      {.topic = broker.topic("t"), .first_id = 0, .count = 400, .period = 50 * kMillisecond, .keys = 64});
  sim.run_until(sim::kMinute);
  std::map<std::uint32_t, std::vector<std::uint64_t>> after;  // partition -> offsets from the restart on
  std::map<std::pair<std::uint32_t, std::uint64_t>, int> seen;
  std::size_t in_process = 0;
  for (const auto& d : r.log) {
    const int n = ++seen[{d.info.partition, d.info.offset}];
    EXPECT_EQ(d.info.redelivered, n > 1) << "partition " << d.info.partition << " offset " << d.info.offset;
    if (d.info.delivered_at < restart) continue;
    auto& offsets = after[d.info.partition];
    if (offsets.empty() && d.info.offset != 0) {
      ++in_process;  // the record member 0 was processing at the restart
      EXPECT_EQ(d.msg.id, 241u);
      EXPECT_EQ(d.info.partition, 0u);
      EXPECT_EQ(d.info.delivered_at, 12'060 * kMillisecond);
      continue;
    }
    EXPECT_EQ(d.info.offset, offsets.size()) << "partition " << d.info.partition;
    offsets.push_back(d.info.offset);
  }
  EXPECT_EQ(in_process, 1u);
  std::uint64_t total = 0;
  for (std::uint32_t p = 0; p < 4; ++p) total += after[p].size();
  EXPECT_EQ(total, 400u);  // each partition re-read from 0 to its end
  EXPECT_EQ(r.distinct_ids().size(), 400u);
  EXPECT_EQ(broker.stats().total().redelivered, r.log.size() - 400u);
  EXPECT_EQ(broker.stats().total().lost(), 0u);
}

// The conformance suite's determinism run, with the bootstrap flag on.
std::uint64_t rewind_run_hash(std::uint64_t seed) {
  const auto out = testing::run_hashed(
      seed, "kafka",
      {.overrides = {"kafka.partitions=3", "kafka.retention=20s", "kafka.retention_check_interval=1s",
                     "kafka.segment_ms=2s", "broker.delay=exp:2ms", "broker.processing=exp:1ms",
                     "broker.crash_rate=0.05/s", "broker.restart_after=5s"},
       .subscribe = {.workers = 3, .rewind_on_restart = true}});
  EXPECT_GT(out.totals.redelivered, 0u);
  return out.hash;
}

TEST(KafkaRewind, SameSeedSameTraceHashDifferentSeedDifferentHash) {
  EXPECT_EQ(rewind_run_hash(5), rewind_run_hash(5));
  EXPECT_NE(rewind_run_hash(5), rewind_run_hash(6));
}

// Callers check Broker::kind() first; the other brokers refuse the flag.
TEST(KafkaRewindDeathTest, OtherBrokersRejectTheFlag) {
  Recorder r;
  EXPECT_DEATH(
      {
        sim::Simulation sim(1);
        NatsBroker broker(sim, NatsOptions{}, {}, {});
        broker.subscribe("t", "svc", r, {.rewind_on_restart = true});
      },
      "Kafka only");
  for (bool fifo : {false, true}) {
    EXPECT_DEATH(
        {
          sim::Simulation sim(1);
          SqsOptions o;
          o.fifo = fifo;
          SqsBroker broker(sim, o, {}, {});
          broker.subscribe("t", "svc", r, {.rewind_on_restart = true});
        },
        "Kafka only");
  }
}

}  // namespace
}  // namespace choreo::brokers
