// The [kafka] scenario keys and KafkaOptions from a checked Config; see kafka_broker.h.
#include <string>

#include "models/brokers/kafka_broker.h"

namespace choreo::brokers {

using sim::ValueType;

void declare_kafka_keys(sim::ConfigSchema& s) {
  s.add({.key = "kafka.partitions",
         .type = ValueType::kInteger,
         .default_value = "1",
         .min = "1",
         .max = "65535",
         .help = "partitions per topic (broker num.partitions = 1)"});
  s.add({.key = "kafka.session_timeout",
         .type = ValueType::kDuration,
         .default_value = "45s",
         .min = "1ms",
         .max = "1h",
         .help = "a silent member is evicted after this (session.timeout.ms = 45 s; 10 s before 3.0)"});
  s.add({.key = "kafka.commit",
         .type = ValueType::kEnum,
         .default_value = "auto",
         .allowed = {"auto", "after-processing"},
         .help = "auto-commit periodically (enable.auto.commit = true) or commit after each record"});
  s.add({.key = "kafka.auto_commit_interval",
         .type = ValueType::kDuration,
         .default_value = "5s",
         .min = "1ms",
         .max = "1h",
         .help = "auto-commit period (auto.commit.interval.ms = 5000)"});
  s.add({.key = "kafka.retention",
         .type = ValueType::kDuration,
         .default_value = "7d",
         .min = "1ms",
         .max = "3650d",
         .help = "records older than this are deleted (log.retention.hours = 168)"});
  s.add({.key = "kafka.retention_check_interval",
         .type = ValueType::kDuration,
         .default_value = "5min",
         .min = "1ms",
         .max = "1d",
         .help = "retention check period (log.retention.check.interval.ms = 300000)"});
  s.add({.key = "kafka.auto_offset_reset",
         .type = ValueType::kEnum,
         .default_value = "latest",
         .allowed = {"latest", "earliest"},
         .help = "where a group goes when its offset is gone (auto.offset.reset = latest)"});
  s.add({.key = "kafka.idempotence",
         .type = ValueType::kBool,
         .default_value = "true",
         .help = "idempotent producer: retries neither duplicate nor reorder (enable.idempotence = true "
                 "since 3.0)"});
  s.add({.key = "kafka.max_in_flight",
         .type = ValueType::kInteger,
         .default_value = "5",
         .min = "1",
         .max = "1000",
         .help = "requests in flight per connection (max.in.flight.requests.per.connection = 5)"});
  s.add({.key = "kafka.producer_error",
         .type = ValueType::kProbability,
         .default_value = "0",
         .help = "probability a produce request fails and is retried (fault; off)"});
  s.add({.key = "kafka.retry_backoff",
         .type = ValueType::kDuration,
         .default_value = "100ms",
         .min = "0s",
         .max = "1h",
         .help = "wait before a producer retry (retry.backoff.ms = 100)"});
}

KafkaOptions kafka_options(const sim::Config& c) {
  KafkaOptions o;
  o.partitions = static_cast<std::uint32_t>(c.integer("kafka.partitions"));
  o.session_timeout = c.duration("kafka.session_timeout");
  o.commit =
      c.text("kafka.commit") == "auto" ? KafkaOptions::Commit::kAuto : KafkaOptions::Commit::kAfterProcessing;
  o.auto_commit_interval = c.duration("kafka.auto_commit_interval");
  o.retention = c.duration("kafka.retention");
  o.retention_check_interval = c.duration("kafka.retention_check_interval");
  o.auto_offset_reset = c.text("kafka.auto_offset_reset") == "latest" ? KafkaOptions::Reset::kLatest
                                                                      : KafkaOptions::Reset::kEarliest;
  o.idempotence = c.flag("kafka.idempotence");
  o.max_in_flight = static_cast<std::uint32_t>(c.integer("kafka.max_in_flight"));
  o.producer_error = c.probability("kafka.producer_error");
  o.retry_backoff = c.duration("kafka.retry_backoff");
  return o;
}

}  // namespace choreo::brokers
