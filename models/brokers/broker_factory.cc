// Options structs from a checked Config, and make_broker(); see broker_config.h.
#include <string>

#include "models/brokers/broker_config.h"

namespace choreo::brokers {

CommonOptions common_options(const sim::Config& c) {
  CommonOptions o;
  o.loss = c.probability("broker.loss");
  o.duplicate = c.probability("broker.duplicate");
  o.delay = c.distribution("broker.delay");
  o.handler_error = c.probability("broker.handler_error");
  o.processing = c.distribution("broker.processing");
  o.crash_rate_per_s = c.rate("broker.crash_rate");
  o.restart_after = c.duration("broker.restart_after");
  return o;
}

NatsOptions nats_options(const sim::Config& c) {
  NatsOptions o;
  o.pending_limit = static_cast<std::uint32_t>(c.integer("nats.pending_limit"));
  o.reconnect_wait = c.duration("nats.reconnect_wait");
  o.reconnect_jitter = c.duration("nats.reconnect_jitter");
  return o;
}

SqsOptions sqs_options(const sim::Config& c) {
  SqsOptions o;
  o.fifo = c.text("broker.kind") == "sqs-fifo";
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

sim::Result<FaultPlan> fault_plan(const sim::Config& c) {
  FaultPlan plan;
  for (const std::string& name : c.instances("fault")) {
    const std::string k = "fault." + name + ".";
    const std::string& kind = c.text(k + "kind");
    const std::string& service = c.text(k + "service");
    if (kind == "drop") {
      if (c.text(k + "topic").empty()) return c.error(k + "topic", "a drop fault needs a topic");
      plan.drops.push_back({c.text(k + "topic"), static_cast<std::uint64_t>(c.integer(k + "nth")), service});
      continue;
    }
    if (service.empty()) return c.error(k + "service", "a " + kind + " fault needs a service");
    if (kind == "partition") {
      if (c.duration(k + "to") <= c.duration(k + "from")) return c.error(k + "to", "must be after 'from'");
      plan.partitions.push_back({service, c.duration(k + "from"), c.duration(k + "to")});
    } else {
      const sim::Time restart = c.flag(k + "restart") ? c.duration(k + "restart_after") : sim::kForever;
      plan.crashes.push_back(
          {service, static_cast<std::uint32_t>(c.integer(k + "worker")), c.duration(k + "at"), restart});
    }
  }
  return plan;
}

sim::Result<std::unique_ptr<Broker>> make_broker(const sim::Config& c, sim::Simulation& sim) {
  auto plan = fault_plan(c);
  if (!plan) return plan.error();
  const std::string& kind = c.text("broker.kind");
  const CommonOptions common = common_options(c);
  std::unique_ptr<Broker> broker;
  if (kind == "nats") {
    broker = std::make_unique<NatsBroker>(sim, nats_options(c), common, *plan);
  } else if (kind == "kafka") {
    broker = std::make_unique<KafkaBroker>(sim, kafka_options(c), common, *plan);
  } else {
    broker = std::make_unique<SqsBroker>(sim, sqs_options(c), common, *plan);
  }
  return broker;
}

}  // namespace choreo::brokers
