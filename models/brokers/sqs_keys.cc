// The [sqs] scenario keys and SqsOptions from a checked Config; see sqs_broker.h.
#include <string>

#include "models/brokers/sqs_broker.h"

namespace choreo::brokers {

using sim::ValueType;

void declare_sqs_keys(sim::ConfigSchema& s) {
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

SqsOptions sqs_options(const sim::Config& c) {
  SqsOptions o;
  o.visibility_timeout = c.duration("sqs.visibility_timeout");
  o.batch_size = static_cast<std::uint32_t>(c.integer("sqs.batch_size"));
  o.wait_time = c.duration("sqs.wait_time");
  o.max_receive_count = static_cast<std::uint32_t>(c.integer("sqs.max_receive_count"));
  o.retention = c.duration("sqs.retention");
  o.delay = c.duration("sqs.delay");
  o.duplicate_after_delete = c.probability("sqs.duplicate_after_delete");
  o.heartbeat = c.flag("sqs.heartbeat");
  o.heartbeat_period = c.duration("sqs.heartbeat_period");
  o.heartbeat_visibility = c.duration("sqs.heartbeat_visibility");
  o.receive_error_backoff = c.duration("sqs.receive_error_backoff");
  o.dedup_window = c.duration("sqs.dedup_window");
  return o;
}

}  // namespace choreo::brokers
