// Kafka consumer polls: a poll returns up to max.poll.records records and
// drains one partition (up to max.partition.fetch.bytes) before the next;
// a fetch waits for fetch.min.bytes up to fetch.max.wait.ms; auto-commit
// happens in poll; a member whose partition moves processes the records it
// polled and commits them before the new owner starts.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "models/brokers/kafka_broker.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::Recorder;

CommonOptions constant_processing(const char* duration) {
  CommonOptions common;
  common.processing = *sim::parse_duration_distribution(duration);
  return common;
}

// One member, two partitions, linger 0. The member is down from 0 to 1 s
// while ids 0..11 (key = id, 100 bytes) are written: the key hash puts
// seven on partition 0 and five on partition 1. At 1 s the member polls the
// backlog. Returns (partition, offset) in processing order.
std::vector<std::pair<std::uint32_t, std::uint64_t>> backlog_order(KafkaOptions o,
                                                                   std::uint32_t bytes = 100) {
  o.partitions = 2;
  o.linger = 0;
  sim::Simulation sim(1);
  KafkaBroker broker(sim, o, constant_processing("10ms"), {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  broker.crash("svc", 0, 0, kSecond);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"),
                 .first_id = 0,
                 .count = 12,
                 .start = 10 * kMillisecond,
                 .keys = 12,
                 .bytes = bytes});
  sim.run_until(10 * kSecond);
  std::vector<std::pair<std::uint32_t, std::uint64_t>> out;
  for (const auto& d : r.log) out.emplace_back(d.info.partition, d.info.offset);
  return out;
}

// max.poll.records 4: the first poll takes four of partition 0; the second
// the last three of partition 0, then one of partition 1, which stays in
// line; the third the rest of partition 1. (One record at a time,
// round-robin, would alternate partitions.)
TEST(KafkaPoll, APollDrainsThePartitionInLineBeforeTheNext) {
  KafkaOptions o;
  o.max_poll_records = 4;
  const std::vector<std::pair<std::uint32_t, std::uint64_t>> want = {
      {0, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {1, 0}, {1, 1}, {1, 2}, {1, 3}, {1, 4}};
  EXPECT_EQ(backlog_order(o), want);
}

// max.partition.fetch.bytes 250 with 100-byte records: a partition's fetch
// ends with the record that reaches 250 bytes (three), so one poll of 500
// takes three from each partition, the next three of partition 0 and the
// last two of partition 1, the third the last of partition 0.
TEST(KafkaPoll, MaxPartitionFetchBytesBoundsOnePartitionsShareOfAPoll) {
  KafkaOptions o;
  ASSERT_EQ(o.max_poll_records, 500u);                    // Kafka's default
  ASSERT_EQ(o.max_partition_fetch_bytes, 1024u * 1024u);  // Kafka's default
  o.max_partition_fetch_bytes = 250;
  const std::vector<std::pair<std::uint32_t, std::uint64_t>> want = {
      {0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 3}, {1, 4}, {0, 6}};
  EXPECT_EQ(backlog_order(o), want);
}

// Records of 0 bytes count 0 against max.partition.fetch.bytes, as they do
// toward fetch.min.bytes and batch.size: with a 1-byte limit the first poll
// still drains partition 0, then partition 1. (Counting each as 1 byte
// would alternate partitions, one record each.)
TEST(KafkaPoll, ZeroByteRecordsDoNotUseUpMaxPartitionFetchBytes) {
  KafkaOptions o;
  o.max_partition_fetch_bytes = 1;
  const std::vector<std::pair<std::uint32_t, std::uint64_t>> want = {
      {0, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {1, 0}, {1, 1}, {1, 2}, {1, 3}, {1, 4}};
  EXPECT_EQ(backlog_order(o, 0), want);
}

// One member, one partition, processing 1 s a record, 10 records a poll.
// Twenty records are waiting when it comes back at 1 s. Its auto-commit
// interval ends at 6 s while it processes the first poll, so it commits
// (10) in its next poll, at 11 s, and the interval restarts there: the
// commit of 20 comes at 21 s, in the poll after the second batch.
TEST(KafkaPoll, AutoCommitWaitsForTheNextPoll) {
  KafkaOptions o;
  o.max_poll_records = 10;
  o.linger = 0;
  sim::Simulation sim(1);
  KafkaBroker broker(sim, o, constant_processing("1s"), {});
  Recorder r;
  const SubscriptionId sub = broker.subscribe("t", "svc", r);
  broker.crash("svc", 0, 0, kSecond);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"), .first_id = 0, .count = 20, .start = kMillisecond});
  const std::vector<std::pair<sim::Time, std::uint64_t>> want = {
      {10'999 * kMillisecond, 0}, {11 * kSecond, 10}, {20'999 * kMillisecond, 10}, {21 * kSecond, 20}};
  for (const auto& [at, committed] : want) {
    sim.run_until(at);
    EXPECT_EQ(broker.committed(sub, 0), committed) << "at " << at / kMillisecond << " ms";
  }
  EXPECT_EQ(r.log.size(), 20u);
}

// Two members, two partitions, processing 10 ms. Member 1 is down from
// 1 ms to 50 s: at 45 s its session times out and member 0 takes both
// partitions. 200 records arrive at 49.8-50 s. When member 1 rejoins at
// 50 s, member 0 still holds records of partition p from its last poll: it
// processes them (past the one in process) and commits before member 1
// starts on p, so no record is processed twice.
TEST(KafkaPoll, AMovedPartitionsPolledRecordsAreFinishedByTheFormerOwner) {
  KafkaOptions o;
  o.partitions = 2;
  o.linger = 0;
  sim::Simulation sim(1);
  KafkaBroker broker(sim, o, constant_processing("10ms"), {});
  Recorder r;
  broker.subscribe("t", "svc", r, {.workers = 2});
  broker.crash("svc", 1, kMillisecond, 50 * kSecond - kMillisecond);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"),
                 .first_id = 0,
                 .count = 200,
                 .start = 49'800 * kMillisecond,
                 .period = kMillisecond,
                 .keys = 97});
  sim.run_until(2 * sim::kMinute);
  EXPECT_EQ(r.log.size(), 200u);
  EXPECT_EQ(r.distinct_ids().size(), 200u);
  EXPECT_EQ(broker.stats().total().redelivered, 0u);
  // The partition member 1 took over: member 0's last record of it, and
  // member 1's first.
  const std::uint32_t moved = 1;  // round-robin: partition 1 -> the second live member
  sim::Time former_last = -1, new_first = -1;
  std::uint64_t former_end = 0, new_start = 0;
  std::size_t former_after_rejoin = 0;
  for (const auto& d : r.log) {
    if (d.info.partition != moved) continue;
    if (d.info.worker == 0) {
      former_last = d.info.delivered_at;
      former_end = d.info.offset + 1;
      former_after_rejoin += d.info.delivered_at > 50 * kSecond + 10 * kMillisecond ? 1 : 0;
    } else if (new_first < 0) {
      new_first = d.info.delivered_at;
      new_start = d.info.offset;
    }
  }
  EXPECT_GT(former_after_rejoin, 1u);  // more than the record in process at the rebalance
  EXPECT_EQ(new_start, former_end);
  EXPECT_GT(new_first, former_last);
}

// Delivery times (ms) of 100-byte records written every `period`, from 0,
// to one member with fetch.min.bytes 1,000 and fetch.max.wait.ms 500.
std::vector<sim::Time> waited_delivery_ms(sim::Time period, std::uint64_t count) {
  KafkaOptions o;
  EXPECT_EQ(o.fetch_min_bytes, 1u);                 // Kafka's default
  EXPECT_EQ(o.fetch_max_wait, 500 * kMillisecond);  // Kafka's default
  o.linger = 0;
  o.fetch_min_bytes = 1000;
  sim::Simulation sim(1);
  KafkaBroker broker(sim, o, {}, {});
  Recorder r;
  broker.subscribe("t", "svc", r);
  add_publisher(sim, broker, "pub",
                {.topic = broker.topic("t"), .first_id = 0, .count = count, .period = period});
  sim.run_until(10 * kSecond);
  std::vector<sim::Time> out;
  for (const auto& d : r.log) out.push_back(d.info.delivered_at / kMillisecond);
  return out;
}

// Every 20 ms: the tenth record (at 180 ms) brings 1,000 bytes, and the
// fetch is answered with all ten; the next fetch, sent then, waits for the
// next ten (200..380 ms).
TEST(KafkaPoll, AFetchIsAnsweredWhenFetchMinBytesAreThere) {
  std::vector<sim::Time> want(10, 180);
  want.resize(20, 380);
  EXPECT_EQ(waited_delivery_ms(20 * kMillisecond, 20), want);
}

// Every 300 ms: 1,000 bytes never gather within 500 ms, so each fetch is
// answered at its deadline with what is there: at 500 ms (records of 0 and
// 300 ms), at 1,000 ms (600, 900), at 1,500 ms (1,200).
TEST(KafkaPoll, AFetchIsAnsweredAtFetchMaxWaitWithWhatIsThere) {
  EXPECT_EQ(waited_delivery_ms(300 * kMillisecond, 5), (std::vector<sim::Time>{500, 500, 1000, 1000, 1500}));
}

std::uint64_t polled_run_hash(std::uint64_t seed, const std::string& fetch_min_bytes = "1B") {
  const auto out = testing::run_hashed(
      seed, "kafka",
      {.overrides = {"kafka.partitions=4", "kafka.max_poll_records=7", "kafka.max_partition_fetch_bytes=1KB",
                     "kafka.fetch_min_bytes=" + fetch_min_bytes, "broker.delay=exp:2ms",
                     "broker.processing=exp:1ms", "broker.duplicate=1%", "broker.loss=1%",
                     "broker.crash_rate=0.05/s", "broker.restart_after=2s"},
       .subscribe = {.workers = 3},
       .count = 20'000,
       .period = 2'000,
       .until = 2 * sim::kMinute});
  EXPECT_GT(out.totals.redelivered, 0u);
  return out.hash;
}

TEST(KafkaPoll, SameSeedSameTraceHashDifferentSeedDifferentHash) {
  EXPECT_EQ(polled_run_hash(5), polled_run_hash(5));
  EXPECT_NE(polled_run_hash(5), polled_run_hash(6));
  EXPECT_EQ(polled_run_hash(5, "2KB"), polled_run_hash(5, "2KB"));
  EXPECT_NE(polled_run_hash(5, "2KB"), polled_run_hash(5));
}

}  // namespace
}  // namespace choreo::brokers
