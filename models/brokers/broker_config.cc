// Scenario keys and the broker factory; see broker_config.h.
#include "models/brokers/broker_config.h"

#include <string>

namespace choreo::brokers {

namespace {

using sim::ValueType;

void declare_common(sim::ConfigSchema& s) {
  s.add({.key = "broker.kind",
         .type = ValueType::kEnum,
         .default_value = "nats",
         .allowed = {"nats", "sqs", "sqs-fifo", "kafka"},
         .help = "which broker's delivery semantics the services use"});
  s.add({.key = "broker.loss",
         .type = ValueType::kProbability,
         .default_value = "0",
         .help = "probability a copy bound for one subscription is dropped (fault; off)"});
  s.add({.key = "broker.duplicate",
         .type = ValueType::kProbability,
         .default_value = "0",
         .help = "probability a copy is doubled; SQS: the send is repeated (fault; off)"});
  s.add({.key = "broker.delay",
         .type = ValueType::kDistribution,
         .default_value = "0s",
         .help = "network transit per copy, e.g. exp:5ms; reorders where the broker allows (fault; off)"});
  s.add({.key = "broker.handler_error",
         .type = ValueType::kProbability,
         .default_value = "0",
         .help = "probability processing fails as if the handler returned false (fault; off)"});
  s.add({.key = "broker.processing",
         .type = ValueType::kDistribution,
         .default_value = "0s",
         .help = "processing time per message, e.g. lognormal:2ms,0.5"});
  s.add({.key = "broker.crash_rate",
         .type = ValueType::kRate,
         .default_value = "0/s",
         .min = "0/s",
         .help = "crashes per second of each consumer worker, exponential gaps (fault; off)"});
  s.add({.key = "broker.restart_after",
         .type = ValueType::kDuration,
         .default_value = "5s",
         .min = "0s",
         .max = "30d",
         .help = "downtime of a worker after a rate crash"});
}

void declare_nats(sim::ConfigSchema& s) {
  s.add({.key = "nats.pending_limit",
         .type = ValueType::kInteger,
         .default_value = "65536",
         .min = "1",
         .max = "1000000000",
         .help = "messages a subscriber holds before tail drop (nats.go DefaultSubPendingMsgsLimit <= v1.10; "
                 "NATS docs slow_consumers.md)"});
  s.add({.key = "nats.reconnect_wait",
         .type = ValueType::kDuration,
         .default_value = "2s",
         .min = "1ms",
         .max = "1h",
         .help = "wait between reconnect attempts (nats.go ReconnectWait)"});
  s.add({.key = "nats.reconnect_jitter",
         .type = ValueType::kDuration,
         .default_value = "100ms",
         .min = "0s",
         .max = "1h",
         .help = "uniform extra wait per reconnect (nats.go ReconnectJitter)"});
}

void declare_sqs(sim::ConfigSchema& s) {
  s.add({.key = "sqs.visibility_timeout",
         .type = ValueType::kDuration,
         .default_value = "30s",
         .min = "0s",
         .max = "12h",
         .help = "a received message reappears after this unless deleted (CreateQueue: 30 s, 0 s..12 h)"});
  s.add({.key = "sqs.batch_size",
         .type = ValueType::kInteger,
         .default_value = "10",
         .min = "1",
         .max = "10",
         .help = "messages per receive (MaxNumberOfMessages 1..10; sqsconsumer asks for 10)"});
  s.add({.key = "sqs.wait_time",
         .type = ValueType::kDuration,
         .default_value = "20s",
         .min = "1s",
         .max = "20s",
         .help = "long-poll wait (WaitTimeSeconds <= 20 s; sqsconsumer uses 20 s)"});
  s.add({.key = "sqs.max_receive_count",
         .type = ValueType::kInteger,
         .default_value = "0",
         .min = "0",
         .max = "1000",
         .help = "receives before the dead-letter queue, 1..1000; 0 = no DLQ (RedrivePolicy)"});
  s.add({.key = "sqs.retention",
         .type = ValueType::kDuration,
         .default_value = "4d",
         .min = "60s",
         .max = "14d",
         .help = "messages older than this are deleted (MessageRetentionPeriod: 4 days, 60 s..14 days)"});
  s.add({.key = "sqs.delay",
         .type = ValueType::kDuration,
         .default_value = "0s",
         .min = "0s",
         .max = "900s",
         .help = "new messages stay invisible this long (DelaySeconds: 0, 0..900 s)"});
  s.add({.key = "sqs.duplicate_after_delete",
         .type = ValueType::kProbability,
         .default_value = "0.00001",
         .help =
             "probability a deleted message comes back (AWS: 'on rare occasions', no rate; our assumption)"});
  s.add({.key = "sqs.heartbeat",
         .type = ValueType::kBool,
         .default_value = "false",
         .help = "extend visibility while a batch is processed (Wattpad sqsconsumer since PR #15)"});
  s.add({.key = "sqs.heartbeat_period",
         .type = ValueType::kDuration,
         .default_value = "30s",
         .min = "1ms",
         .max = "12h",
         .help = "heartbeat period (sqsconsumer ExtendVisibilityTimeoutEvery = 30 s)"});
  s.add({.key = "sqs.heartbeat_visibility",
         .type = ValueType::kDuration,
         .default_value = "60s",
         .min = "0s",
         .max = "12h",
         .help = "visibility each heartbeat sets (sqsconsumer: 60 s)"});
  s.add({.key = "sqs.receive_error_backoff",
         .type = ValueType::kDuration,
         .default_value = "5s",
         .min = "1ms",
         .max = "1h",
         .help = "wait after a failed receive (sqsconsumer defaultDelayAfterReceiveError = 5 s)"});
  s.add({.key = "sqs.dedup_window",
         .type = ValueType::kDuration,
         .default_value = "5min",
         .min = "0s",
         .max = "1d",
         .help = "FIFO deduplication interval (SQS FIFO: 5 minutes)"});
}

void declare_kafka(sim::ConfigSchema& s) {
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

void declare_faults(sim::ConfigSchema& s) {
  s.add({.key = "fault.*.kind",
         .type = ValueType::kEnum,
         .default_value = "partition",
         .allowed = {"partition", "drop", "crash"},
         .help = "what the scripted fault does"});
  s.add({.key = "fault.*.service",
         .type = ValueType::kString,
         .default_value = "",
         .help = "the consuming service it hits (partition, crash; drop: empty = every subscriber)"});
  s.add({.key = "fault.*.topic", .type = ValueType::kString, .default_value = "", .help = "drop: the topic"});
  s.add({.key = "fault.*.nth",
         .type = ValueType::kInteger,
         .default_value = "1",
         .min = "1",
         .max = "9223372036854775807",
         .help = "drop: which message of the topic, counting from 1"});
  s.add({.key = "fault.*.from",
         .type = ValueType::kDuration,
         .default_value = "0s",
         .min = "0s",
         .max = "3650d",
         .help = "partition: start"});
  s.add({.key = "fault.*.to",
         .type = ValueType::kDuration,
         .default_value = "0s",
         .min = "0s",
         .max = "3650d",
         .help = "partition: end (exclusive)"});
  s.add({.key = "fault.*.at",
         .type = ValueType::kDuration,
         .default_value = "0s",
         .min = "0s",
         .max = "3650d",
         .help = "crash: when"});
  s.add({.key = "fault.*.worker",
         .type = ValueType::kInteger,
         .default_value = "0",
         .min = "0",
         .max = "1000000",
         .help = "crash: which worker of the service, from 0"});
  s.add({.key = "fault.*.restart_after",
         .type = ValueType::kDuration,
         .default_value = "5s",
         .min = "0s",
         .max = "3650d",
         .help = "crash: downtime before the restart"});
  s.add({.key = "fault.*.restart",
         .type = ValueType::kBool,
         .default_value = "true",
         .help = "crash: whether the worker restarts at all"});
}

}  // namespace

void declare(sim::ConfigSchema& schema) {
  declare_common(schema);
  declare_nats(schema);
  declare_sqs(schema);
  declare_kafka(schema);
  declare_faults(schema);
}

}  // namespace choreo::brokers
