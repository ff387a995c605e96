// Kafka log segments (issue 11): the active segment rolls at segment.bytes
// or segment.ms, and retention deletes whole segments whose newest record
// is older than the retention, never a segment still holding a newer one,
// so with Kafka's defaults (1 GiB, 7 days) a partition that keeps being
// written keeps everything. Exact timelines, plus a determinism run.
// Not here: how a group resets after a deletion (kafka_test.cc).
#include <gtest/gtest.h>

#include "models/brokers/kafka_broker.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::Recorder;

// One 100-byte record a second, id k = offset k at k s + 0.5 s, `count` of
// them; nobody consumes (retention does not wait for consumers).
struct Timeline {
  sim::Simulation sim{1};
  KafkaBroker broker;
  Recorder r;
  explicit Timeline(const KafkaOptions& o, std::uint64_t count) : broker(sim, o, {}, {}) {
    add_publisher(sim, broker, "pub",
                  {.topic = broker.topic("t"),
                   .first_id = 0,
                   .count = count,
                   .start = 500 * kMillisecond,
                   .period = kSecond});
  }
  std::uint64_t log_start() const { return broker.log_start(0, 0); }
  std::size_t segments() const { return broker.segment_count(0, 0); }
};

KafkaOptions ten_second_retention() {
  KafkaOptions o;
  o.retention = 10 * kSecond;
  o.retention_check_interval = kSecond;
  return o;
}

// Kafka's defaults: one segment for the whole run. At 59.9 s the first
// record is 59.4 s old, six times the retention, and still kept, because its
// segment's newest record (58.5 s) is not. Once writing stops, the whole
// segment expires (at the check of 70 s: 70 - 59.5 > 10) and goes.
TEST(KafkaSegments, DefaultSegmentsKeepEverythingWhileTheProducerWrites) {
  EXPECT_EQ(KafkaOptions{}.segment_bytes, std::uint64_t{1} << 30);
  EXPECT_EQ(KafkaOptions{}.segment_ms, 7 * sim::kDay);
  Timeline t(ten_second_retention(), 60);
  t.sim.run_until(59'900 * kMillisecond);
  EXPECT_EQ(t.log_start(), 0u);
  EXPECT_EQ(t.segments(), 1u);
  t.sim.run_until(69'900 * kMillisecond);
  EXPECT_EQ(t.log_start(), 0u);  // 69 - 59.5 = 9.5 s: not yet
  t.sim.run_until(70'100 * kMillisecond);
  EXPECT_EQ(t.log_start(), 60u);
  EXPECT_EQ(t.segments(), 0u);
}

// Ten records a segment, by size (1,000 bytes: the 11th would pass it) or
// by age (9 s: record 10k+10 comes 10 s after 10k, more than 9): segments
// 0..9, 10..19, ... By the check of 39 s, 0..9 and 10..19 (newest 9.5 s and
// 19.5 s) are deleted; 20..29 stays although 20..28 are older than 10 s,
// because its newest (29.5 s) is 9.5 s old; 30..38 is the active segment.
// At 40 s, 20..29 (10.5 s) goes; the active one stays.
TEST(KafkaSegments, RetentionDeletesClosedSegmentsWholeAndKeepsTheActiveOne) {
  for (const bool by_size : {true, false}) {
    KafkaOptions o = ten_second_retention();
    if (by_size) {
      o.segment_bytes = 1'000;
    } else {
      o.segment_ms = 9 * kSecond;
    }
    Timeline t(o, 60);
    t.sim.run_until(29'900 * kMillisecond);
    EXPECT_EQ(t.log_start(), 10u) << by_size;  // 0..9 went at the check of 20 s
    EXPECT_EQ(t.segments(), 2u) << by_size;    // 10..19, and 20..29 (active)
    EXPECT_EQ(t.broker.coverage().segments_deleted, 1u) << by_size;
    t.sim.run_until(39'100 * kMillisecond);
    EXPECT_EQ(t.log_start(), 20u) << by_size;
    EXPECT_EQ(t.segments(), 2u) << by_size;
    EXPECT_EQ(t.broker.coverage().segments_deleted, 2u) << by_size;
    t.sim.run_until(40'100 * kMillisecond);
    EXPECT_EQ(t.log_start(), 30u) << by_size;
    EXPECT_EQ(t.segments(), 1u) << by_size;
    EXPECT_EQ(t.broker.coverage().segments_deleted, 3u) << by_size;
  }
}

// A consumer down from 5.2 s to 45.2 s (auto.offset.reset = earliest,
// committing after each record) against 10 s of retention and ten-record
// segments: it had processed 0..4; at its restart (45.2 s, after the check of
// 45 s) the log starts at 30 (20..29's newest, 29.5 s, is 15.5 s old; 30..39's,
// 39.5 s, is 5.5 s old), so exactly 5..29 are lost, and everything from 30
// on arrives. Per-record deletion would have lost 5..34.
TEST(KafkaSegments, ALaggingGroupLosesExactlyTheDeletedSegments) {
  KafkaOptions o = ten_second_retention();
  o.segment_bytes = 1'000;
  o.commit = KafkaOptions::Commit::kAfterProcessing;
  o.auto_offset_reset = KafkaOptions::Reset::kEarliest;
  Timeline t(o, 60);
  t.broker.subscribe("t", "svc", t.r);
  t.broker.crash("svc", 0, 5'200 * kMillisecond, 40 * kSecond);
  t.sim.run_until(2 * sim::kMinute);
  EXPECT_EQ(t.broker.stats().total().lost(LossReason::kRetention), 25u);
  for (std::uint64_t id = 0; id < 60; ++id) EXPECT_EQ(t.r.count(id), id < 5 || id >= 30 ? 1u : 0u) << id;
}

std::uint64_t segmented_run_hash(std::uint64_t seed) {
  const auto out = testing::run_hashed(
      seed, "kafka",
      {.overrides = {"kafka.partitions=3", "kafka.retention=5s", "kafka.retention_check_interval=1s",
                     "kafka.segment_bytes=2KB", "kafka.segment_ms=3s", "broker.delay=exp:2ms",
                     "broker.processing=exp:1ms", "broker.crash_rate=0.1/s", "broker.restart_after=8s"},
       .subscribe = {.workers = 2},
       .count = 6'000,
       .until = 2 * sim::kMinute});
  EXPECT_GT(out.totals.lost(LossReason::kRetention), 0u);
  return out.hash;
}

TEST(KafkaSegments, SameSeedSameTraceHashDifferentSeedDifferentHash) {
  EXPECT_EQ(segmented_run_hash(3), segmented_run_hash(3));
  EXPECT_NE(segmented_run_hash(3), segmented_run_hash(4));
}

}  // namespace
}  // namespace choreo::brokers
