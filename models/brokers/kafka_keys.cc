// The [kafka] scenario keys, their defaults taken from KafkaOptions{}, and
// KafkaOptions from a checked Config; see kafka_broker.h.
#include <algorithm>
#include <array>
#include <cassert>
#include <string>
#include <string_view>
#include <vector>

#include "models/brokers/kafka_broker.h"
#include "sim/units.h"

namespace choreo::brokers {

using sim::ValueType;

namespace {

// Scenario names of the enums, indexed by their values.
constexpr std::array<std::string_view, 2> kCommitNames = {"auto", "after-processing"};
static_assert(static_cast<int>(KafkaOptions::Commit::kAfterProcessing) == 1);
constexpr std::array<std::string_view, 2> kResetNames = {"latest", "earliest"};
static_assert(static_cast<int>(KafkaOptions::Reset::kEarliest) == 1);

template <std::size_t N>
std::vector<std::string> names(const std::array<std::string_view, N>& table) {
  return {table.begin(), table.end()};
}

template <class Enum, std::size_t N>
std::string name_of(const std::array<std::string_view, N>& table, Enum value) {
  return std::string(table[static_cast<std::size_t>(value)]);
}

// REQUIRES: `text` is in `table` (the schema allowed only those).
template <class Enum, std::size_t N>
Enum value_of(const std::array<std::string_view, N>& table, std::string_view text) {
  const auto it = std::find(table.begin(), table.end(), text);
  assert(it != table.end());
  return static_cast<Enum>(it - table.begin());
}

void declare_group_keys(sim::ConfigSchema& s, const KafkaOptions& d) {
  s.add({.key = "kafka.partitions",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.partitions),
         .min = "1",
         .max = "65535",
         .help = "partitions per topic (broker num.partitions)"});
  s.add({.key = "kafka.session_timeout",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.session_timeout),
         .min = "1ms",
         .max = "1h",
         .help = "a silent member is evicted after this (session.timeout.ms, the default since Kafka 3.0)"});
  s.add({.key = "kafka.commit",
         .type = ValueType::kEnum,
         .default_value = name_of(kCommitNames, d.commit),
         .allowed = names(kCommitNames),
         .help = "auto-commit periodically (enable.auto.commit) or commit after each record"});
  s.add({.key = "kafka.auto_commit_interval",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.auto_commit_interval),
         .min = "1ms",
         .max = "1h",
         .help = "auto-commit period (auto.commit.interval.ms)"});
}

void declare_log_keys(sim::ConfigSchema& s, const KafkaOptions& d) {
  s.add({.key = "kafka.retention",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.retention),
         .min = "1ms",
         .max = "3650d",
         .help = "a segment whose newest record is older than this is deleted, whole (log.retention.hours)"});
  s.add({.key = "kafka.segment_bytes",
         .type = ValueType::kBytes,
         .default_value = sim::format_bytes(d.segment_bytes),
         .min = "1B",
         .max = "1024GiB",
         .help = "the active segment rolls before an append would take it past this (log.segment.bytes)"});
  s.add(
      {.key = "kafka.segment_ms",
       .type = ValueType::kDuration,
       .default_value = sim::format_duration(d.segment_ms),
       .min = "1ms",
       .max = "3650d",
       .help =
           "the active segment rolls at the first append this long after its first record (log.roll.hours)"});
  s.add({.key = "kafka.retention_check_interval",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.retention_check_interval),
         .min = "1ms",
         .max = "1d",
         .help = "retention check period (log.retention.check.interval.ms)"});
  s.add({.key = "kafka.auto_offset_reset",
         .type = ValueType::kEnum,
         .default_value = name_of(kResetNames, d.auto_offset_reset),
         .allowed = names(kResetNames),
         .help = "where a group goes when its offset is gone (auto.offset.reset)"});
}

void declare_producer_keys(sim::ConfigSchema& s, const KafkaOptions& d) {
  s.add({.key = "kafka.idempotence",
         .type = ValueType::kBool,
         .default_value = d.idempotence ? "true" : "false",
         .help = "idempotent producer: retries neither duplicate nor reorder (enable.idempotence, on by "
                 "default since 3.0)"});
  s.add({.key = "kafka.max_in_flight",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.max_in_flight),
         .min = "1",
         .max = "1000",
         .help = "requests in flight per connection (max.in.flight.requests.per.connection)"});
  s.add({.key = "kafka.producer_error",
         .type = ValueType::kProbability,
         .default_value = sim::format_probability(d.producer_error),
         .help = "probability a produce request fails and is retried (fault)"});
  s.add({.key = "kafka.retry_backoff",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.retry_backoff),
         .min = "0s",
         .max = "1h",
         .help = "wait before a producer retry (retry.backoff.ms)"});
  s.add({.key = "kafka.linger",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.linger),
         .min = "0s",
         .max = "1min",
         .help =
             "a producer batch is sent this long after its first record (linger.ms: 5 ms since Kafka 4.0, "
             "0 before; 0 sends every record alone)"});
  s.add({.key = "kafka.batch_size",
         .type = ValueType::kBytes,
         .default_value = sim::format_bytes(d.batch_size),
         .min = "0B",
         .max = "1GiB",
         .help = "a producer batch is sent at once when its records reach this many bytes (batch.size)"});
  s.add({.key = "kafka.max_poll_records",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.max_poll_records),
         .min = "1",
         .max = "1000000",
         .help = "records a consumer's poll returns at most; it processes them all before polling again "
                 "(max.poll.records)"});
  s.add({.key = "kafka.max_partition_fetch_bytes",
         .type = ValueType::kBytes,
         .default_value = sim::format_bytes(d.max_partition_fetch_bytes),
         .min = "1B",
         .max = "1GiB",
         .help = "bytes of one partition a poll takes before moving to the next, at least one record "
                 "(max.partition.fetch.bytes)"});
  s.add({.key = "kafka.fetch_min_bytes",
         .type = ValueType::kBytes,
         .default_value = sim::format_bytes(d.fetch_min_bytes),
         .min = "1B",
         .max = "1GiB",
         .help = "a consumer's fetch is answered once this many bytes are there to read, or after "
                 "kafka.fetch_max_wait (fetch.min.bytes; 1 answers at the first record)"});
  s.add({.key = "kafka.fetch_max_wait",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.fetch_max_wait),
         .min = "0s",
         .max = "1h",
         .help = "how long a fetch waits at most for kafka.fetch_min_bytes (fetch.max.wait.ms)"});
}

}  // namespace

void declare_kafka_keys(sim::ConfigSchema& s) {
  const KafkaOptions d;
  declare_group_keys(s, d);
  declare_log_keys(s, d);
  declare_producer_keys(s, d);
}

KafkaOptions kafka_options(const sim::Config& c) {
  KafkaOptions o;
  o.partitions = static_cast<std::uint32_t>(c.integer("kafka.partitions"));
  o.session_timeout = c.duration("kafka.session_timeout");
  o.commit = value_of<KafkaOptions::Commit>(kCommitNames, c.text("kafka.commit"));
  o.auto_commit_interval = c.duration("kafka.auto_commit_interval");
  o.retention = c.duration("kafka.retention");
  o.retention_check_interval = c.duration("kafka.retention_check_interval");
  o.segment_bytes = c.bytes("kafka.segment_bytes");
  o.segment_ms = c.duration("kafka.segment_ms");
  o.auto_offset_reset = value_of<KafkaOptions::Reset>(kResetNames, c.text("kafka.auto_offset_reset"));
  o.idempotence = c.flag("kafka.idempotence");
  o.max_in_flight = static_cast<std::uint32_t>(c.integer("kafka.max_in_flight"));
  o.producer_error = c.probability("kafka.producer_error");
  o.retry_backoff = c.duration("kafka.retry_backoff");
  o.linger = c.duration("kafka.linger");
  o.batch_size = c.bytes("kafka.batch_size");
  o.max_poll_records = static_cast<std::uint32_t>(c.integer("kafka.max_poll_records"));
  o.max_partition_fetch_bytes = c.bytes("kafka.max_partition_fetch_bytes");
  o.fetch_min_bytes = c.bytes("kafka.fetch_min_bytes");
  o.fetch_max_wait = c.duration("kafka.fetch_max_wait");
  return o;
}

}  // namespace choreo::brokers
