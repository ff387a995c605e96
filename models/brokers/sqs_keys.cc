// The [sqs] scenario keys, their defaults taken from SqsOptions{}, and
// SqsOptions from a checked Config; see sqs_broker.h.
#include <string>

#include "models/brokers/sqs_broker.h"
#include "sim/units.h"

namespace choreo::brokers {

using sim::ValueType;

namespace {

void declare_queue_keys(sim::ConfigSchema& s, const SqsOptions& d) {
  s.add({.key = "sqs.visibility_timeout",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.visibility_timeout),
         .min = "0s",
         .max = "12h",
         .help = "a received message reappears after this unless deleted (CreateQueue VisibilityTimeout)"});
  s.add({.key = "sqs.batch_size",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.batch_size),
         .min = "1",
         .max = "10",
         .help = "messages per receive (MaxNumberOfMessages; the default is what sqsconsumer asks for)"});
  s.add({.key = "sqs.wait_time",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.wait_time),
         .min = "0s",
         .max = "20s",
         .help = "WaitTimeSeconds: > 0 long-polls every server (the default is sqsconsumer's); 0 short-polls "
                 "sqs.sampled_servers of sqs.servers (the queue's own default)"});
  s.add({.key = "sqs.servers",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.servers),
         .min = "1",
         .max = "64",
         .help = "storage servers a standard queue's messages are spread over (AWS does not publish it; our "
                 "choice)"});
  s.add({.key = "sqs.sampled_servers",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.sampled_servers),
         .min = "1",
         .max = "64",
         .help = "servers a short poll (sqs.wait_time = 0) queries, at most sqs.servers (AWS: a weighted "
                 "random subset, size not published; our choice)"});
  s.add({.key = "sqs.max_receive_count",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.max_receive_count),
         .min = "0",
         .max = "1000",
         .help = "receives before the dead-letter queue; 0 = no DLQ (RedrivePolicy maxReceiveCount)"});
  s.add({.key = "sqs.retention",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.retention),
         .min = "60s",
         .max = "14d",
         .help = "messages older than this are deleted (MessageRetentionPeriod)"});
  s.add({.key = "sqs.delay",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.delay),
         .min = "0s",
         .max = "900s",
         .help = "new messages stay invisible this long (DelaySeconds)"});
  s.add({.key = "sqs.order",
         .type = ValueType::kEnum,
         .default_value = d.order == SqsQueue::Order::kOldest ? "oldest" : "uniform",
         .allowed = {"oldest", "uniform"},
         .help =
             "standard queue: a receive takes the oldest visible message (best effort, as AWS documents), "
             "or a uniformly random one (worst case)"});
  s.add({.key = "sqs.duplicate_after_delete",
         .type = ValueType::kProbability,
         .default_value = sim::format_probability(d.duplicate_after_delete),
         .help =
             "probability a deleted message comes back (AWS: 'on rare occasions', no rate; our assumption)"});
}

void declare_consumer_keys(sim::ConfigSchema& s, const SqsOptions& d) {
  s.add({.key = "sqs.heartbeat",
         .type = ValueType::kBool,
         .default_value = d.heartbeat ? "true" : "false",
         .help = "extend visibility while a batch is processed (Wattpad sqsconsumer since PR #15)"});
  s.add({.key = "sqs.heartbeat_period",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.heartbeat_period),
         .min = "1ms",
         .max = "12h",
         .help = "heartbeat period (sqsconsumer ExtendVisibilityTimeoutEvery)"});
  s.add({.key = "sqs.heartbeat_visibility",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.heartbeat_visibility),
         .min = "0s",
         .max = "12h",
         .help = "visibility each heartbeat sets (sqsconsumer's ChangeMessageVisibilityBatch value)"});
  s.add({.key = "sqs.concurrency",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.concurrency),
         .min = "1",
         .max = "10000",
         .help = "handlers per worker, one message each, as sqsconsumer's 10 goroutines (standard queues; "
                 "sqs-fifo handles one at a time)"});
  s.add({.key = "sqs.receive_error_backoff",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.receive_error_backoff),
         .min = "1ms",
         .max = "1h",
         .help = "wait after a failed receive (sqsconsumer defaultDelayAfterReceiveError)"});
}

}  // namespace

void declare_sqs_keys(sim::ConfigSchema& s) {
  const SqsOptions d;
  declare_queue_keys(s, d);
  declare_consumer_keys(s, d);
  s.add(
      {.key = "sqs.dedup_window",
       .type = ValueType::kDuration,
       .default_value = sim::format_duration(d.dedup_window),
       .min = "0s",
       .max = "1d",
       .help = "sqs-fifo: a send whose id was seen this recently is dropped (FIFO deduplication interval)"});
}

SqsOptions sqs_options(const sim::Config& c) {
  SqsOptions o;
  o.visibility_timeout = c.duration("sqs.visibility_timeout");
  o.order = c.text("sqs.order") == "uniform" ? SqsQueue::Order::kUniform : SqsQueue::Order::kOldest;
  o.batch_size = static_cast<std::uint32_t>(c.integer("sqs.batch_size"));
  o.wait_time = c.duration("sqs.wait_time");
  o.servers = static_cast<std::uint32_t>(c.integer("sqs.servers"));
  o.sampled_servers = static_cast<std::uint32_t>(c.integer("sqs.sampled_servers"));
  o.max_receive_count = static_cast<std::uint32_t>(c.integer("sqs.max_receive_count"));
  o.retention = c.duration("sqs.retention");
  o.delay = c.duration("sqs.delay");
  o.duplicate_after_delete = c.probability("sqs.duplicate_after_delete");
  o.heartbeat = c.flag("sqs.heartbeat");
  o.heartbeat_period = c.duration("sqs.heartbeat_period");
  o.heartbeat_visibility = c.duration("sqs.heartbeat_visibility");
  o.receive_error_backoff = c.duration("sqs.receive_error_backoff");
  o.concurrency = static_cast<std::uint32_t>(c.integer("sqs.concurrency"));
  o.dedup_window = c.duration("sqs.dedup_window");
  return o;
}

}  // namespace choreo::brokers
