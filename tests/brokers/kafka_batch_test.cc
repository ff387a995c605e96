// Kafka producer batches: linger.ms and batch.size decide when a batch is
// sent, a batch is appended (and goes into a segment) whole, and a failed
// non-idempotent request duplicates every record of its batch.
#include <gtest/gtest.h>

#include <vector>

#include "models/brokers/kafka_broker.h"
#include "tests/brokers/harness.h"

namespace choreo::brokers {
namespace {

using sim::kMillisecond;
using sim::kSecond;
using testing::add_publisher;
using testing::Recorder;

// No transit and no processing time, so a record is delivered the instant
// its batch is appended; ids 0.. published one per millisecond from t = 0.
struct Line {
  explicit Line(const KafkaOptions& o, std::uint64_t count, std::uint64_t seed = 1)
      : sim(seed), broker(sim, o, {}, {}) {
    broker.subscribe("t", "svc", r);
    add_publisher(sim, broker, "pub", {.topic = broker.topic("t"), .first_id = 0, .count = count});
  }
  // Delivery time of each id, in ms, in delivery order.
  std::vector<sim::Time> delivered_ms() const {
    std::vector<sim::Time> out;
    for (const auto& d : r.log) out.push_back(d.info.delivered_at / kMillisecond);
    return out;
  }
  sim::Simulation sim;
  KafkaBroker broker;
  Recorder r;
};

// Linger 5 ms: the batch opened by record 0 at 0 ms is sent at 5 ms with
// records 0..4; record 5 arrives after that and opens the next one.
TEST(KafkaBatch, ABatchIsSentLingerAfterItsFirstRecord) {
  KafkaOptions o;
  ASSERT_EQ(o.linger, 5 * kMillisecond);  // Kafka 4's default
  Line line(o, 12);
  line.sim.run_until(kSecond);
  EXPECT_EQ(line.delivered_ms(), (std::vector<sim::Time>{5, 5, 5, 5, 5, 10, 10, 10, 10, 10, 15, 15}));
  for (std::size_t i = 0; i < line.r.log.size(); ++i) {
    EXPECT_EQ(line.r.log[i].msg.id, i);
    EXPECT_EQ(line.r.log[i].info.offset, i);
  }
}

TEST(KafkaBatch, LingerZeroSendsEveryRecordAlone) {
  KafkaOptions o;
  o.linger = 0;
  Line line(o, 5);
  line.sim.run_until(kSecond);
  EXPECT_EQ(line.delivered_ms(), (std::vector<sim::Time>{0, 1, 2, 3, 4}));
}

// 100-byte records, batch.size 250: a third record would pass 250 bytes, so
// it sends the batch of two at once and starts the next. The last batch
// (records 8, 9, opened at 8 ms) waits out its 1 s linger.
TEST(KafkaBatch, ARecordThatWouldOverfillTheBatchSendsItAtOnce) {
  KafkaOptions o;
  o.linger = kSecond;
  o.batch_size = 250;
  Line line(o, 10);
  line.sim.run_until(2 * kSecond);
  EXPECT_EQ(line.delivered_ms(), (std::vector<sim::Time>{2, 2, 4, 4, 6, 6, 8, 8, 1'008, 1'008}));
}

// batch.size 200: the second record fills the batch exactly; it goes then.
TEST(KafkaBatch, AFullBatchIsSentWhenItReachesBatchSize) {
  KafkaOptions o;
  o.linger = kSecond;
  o.batch_size = 200;
  Line line(o, 4);
  line.sim.run_until(2 * kSecond);
  EXPECT_EQ(line.delivered_ms(), (std::vector<sim::Time>{1, 1, 3, 3}));
}

// Batches of five 100-byte records against 250-byte segments: the active
// segment rolls before each batch and takes all of it, so 4 batches make 4
// segments (record by record it would be 10 segments of two).
TEST(KafkaBatch, ABatchGoesIntoOneSegment) {
  KafkaOptions o;
  o.segment_bytes = 250;
  Line line(o, 20);
  line.sim.run_until(kSecond);
  EXPECT_EQ(line.broker.segment_count(line.broker.topic("t"), 0), 4u);
  EXPECT_EQ(line.r.log.size(), 20u);
}

// Every request fails once (producer_error 1) without idempotence: half the
// time the batch had been written before the error and the retry writes all
// of it again. Batches are ids 5j..5j+4, so each batch's records are
// delivered equally often, once or twice; of 200 batches the duplicated
// number is Binomial(200, 1/2): 100 +- 7.1, bounds at +-5.6 sigma.
TEST(KafkaBatch, AFailedRequestWithoutIdempotenceDuplicatesTheWholeBatch) {
  KafkaOptions o;
  o.producer_error = 1;
  o.idempotence = false;
  Line line(o, 1'000, 7);
  line.sim.run_until(10 * kSecond);
  std::uint64_t twice = 0;
  for (std::uint64_t j = 0; j < 200; ++j) {
    const std::size_t n = line.r.count(5 * j);
    ASSERT_TRUE(n == 1 || n == 2) << "id " << 5 * j << " delivered " << n << " times";
    for (std::uint64_t id = 5 * j + 1; id < 5 * j + 5; ++id) EXPECT_EQ(line.r.count(id), n) << "id " << id;
    twice += n == 2 ? 1 : 0;
  }
  EXPECT_GE(twice, 60u);
  EXPECT_LE(twice, 140u);
  EXPECT_EQ(line.broker.stats().total().duplicated, 5 * twice);
}

std::uint64_t batched_run_hash(std::uint64_t seed) {
  const auto out =
      testing::run_hashed(seed, "kafka",
                          {.overrides = {"kafka.partitions=4", "kafka.linger=3ms", "kafka.batch_size=1KB",
                                         "kafka.producer_error=5%", "kafka.idempotence=false",
                                         "broker.delay=exp:2ms", "broker.processing=exp:100us"},
                           .subscribe = {.workers = 2},
                           .count = 5'000,
                           .period = 200,
                           .until = sim::kMinute});
  EXPECT_GT(out.totals.duplicated, 0u);
  return out.hash;
}

TEST(KafkaBatch, SameSeedSameTraceHashDifferentSeedDifferentHash) {
  EXPECT_EQ(batched_run_hash(3), batched_run_hash(3));
  EXPECT_NE(batched_run_hash(3), batched_run_hash(4));
}

}  // namespace
}  // namespace choreo::brokers
