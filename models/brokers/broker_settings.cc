// The [broker] and [fault.*] keys, BrokerSettings from a checked Config,
// and make_broker(); see broker_settings.h.
#include "models/brokers/broker_settings.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <vector>

#include "models/brokers/swarm_keys.h"
#include "sim/units.h"

namespace choreo::brokers {

namespace {

using sim::ValueType;

std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  for (const BrokerKind& k : broker_kinds()) names.emplace_back(k.name);
  return names;
}

// "which broker ...: nats = <its row's summary>; sqs = ...".
std::string kind_help() {
  std::string help = "which broker's delivery semantics the services use:";
  for (const BrokerKind& k : broker_kinds()) {
    help +=
        (&k == &broker_kinds().front() ? " " : "; ") + std::string(k.name) + " = " + std::string(k.summary);
  }
  return help;
}

void declare_common(sim::ConfigSchema& s) {
  const CommonOptions d;
  s.add({.key = "broker.kind",
         .type = ValueType::kEnum,
         .default_value = std::string(broker_kinds().front().name),
         .allowed = kind_names(),
         .help = kind_help()});
  s.add({.key = "broker.loss",
         .type = ValueType::kProbability,
         .default_value = sim::format_probability(d.loss),
         .help = "probability a copy bound for one subscription is dropped (fault)"});
  s.add({.key = "broker.duplicate",
         .type = ValueType::kProbability,
         .default_value = sim::format_probability(d.duplicate),
         .help = "probability a copy is doubled; SQS: the send is repeated (fault)"});
  s.add({.key = "broker.delay",
         .type = ValueType::kDistribution,
         .default_value = d.delay.text,
         .help = "network transit per copy, e.g. exp:5ms; reorders where the broker allows (fault)"});
  s.add({.key = "broker.handler_error",
         .type = ValueType::kProbability,
         .default_value = sim::format_probability(d.handler_error),
         .help = "probability processing fails as if the handler returned false (fault)"});
  s.add({.key = "broker.processing",
         .type = ValueType::kDistribution,
         .default_value = d.processing.text,
         .help = "processing time per message, e.g. lognormal:2ms,0.5"});
  s.add({.key = "broker.crash_rate",
         .type = ValueType::kRate,
         .default_value = sim::format_rate(d.crash_rate_per_s),
         .min = "0/s",
         .help = "crashes per second of each consumer worker, exponential gaps (fault)"});
  s.add({.key = "broker.restart_after",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.restart_after),
         .min = "0s",
         .max = "30d",
         .help = "downtime of a worker after a rate crash"});
}

void declare_faults(sim::ConfigSchema& s) {
  const PartitionFault partition;
  const DropFault drop;
  const CrashFault crash;
  s.add({.key = "fault.*.kind",
         .type = ValueType::kEnum,
         .default_value = "partition",
         .allowed = {"partition", "disconnect", "drop", "crash"},
         .help = "what the scripted fault does"});
  s.add({.key = "fault.*.service",
         .type = ValueType::kString,
         .default_value = "",
         .help =
             "the consuming service it hits (partition, disconnect, crash; drop: empty = every subscriber)"});
  s.add({.key = "fault.*.topic", .type = ValueType::kString, .default_value = "", .help = "drop: the topic"});
  s.add({.key = "fault.*.nth",
         .type = ValueType::kInteger,
         .default_value = std::to_string(drop.nth),
         .min = "1",
         .max = "9223372036854775807",
         .help = "drop: which message of the topic, counting from 1"});
  s.add({.key = "fault.*.from",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(partition.from),
         .min = "0s",
         .max = "3650d",
         .help = "partition, disconnect: start"});
  s.add({.key = "fault.*.to",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(partition.to),
         .min = "0s",
         .max = "3650d",
         .help = "partition, disconnect: end (exclusive)"});
  s.add({.key = "fault.*.at",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(crash.at),
         .min = "0s",
         .max = "3650d",
         .help = "crash: when"});
  s.add({.key = "fault.*.worker",
         .type = ValueType::kInteger,
         .default_value = std::to_string(crash.worker),
         .min = "0",
         .max = "1000000",
         .help = "crash: which worker of the service, from 0"});
  s.add({.key = "fault.*.restart_after",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(crash.restart_after),
         .min = "0s",
         .max = "3650d",
         .help = "crash: downtime before the restart"});
  s.add({.key = "fault.*.restart",
         .type = ValueType::kBool,
         .default_value = crash.restart_after == sim::kForever ? "false" : "true",
         .help = "crash: whether the worker restarts at all"});
}

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

// The [fault.*] instances in name order, naming each in `names`; an error
// names the bad key.
sim::Result<FaultPlan> fault_plan(const sim::Config& c, FaultNames& names) {
  FaultPlan plan;
  for (const std::string& name : c.instances("fault")) {
    const std::string k = "fault." + name + ".";
    const std::string& kind = c.text(k + "kind");
    const std::string& service = c.text(k + "service");
    if (kind == "drop") {
      if (c.text(k + "topic").empty()) return c.error(k + "topic", "a drop fault needs a topic");
      plan.drops.push_back({c.text(k + "topic"), static_cast<std::uint64_t>(c.integer(k + "nth")), service});
      names.drops.push_back(name);
      continue;
    }
    if (service.empty()) return c.error(k + "service", "a " + kind + " fault needs a service");
    if (kind == "partition" || kind == "disconnect") {
      if (c.duration(k + "to") <= c.duration(k + "from")) return c.error(k + "to", "must be after 'from'");
      plan.partitions.push_back(
          {service, c.duration(k + "from"), c.duration(k + "to"), kind == "disconnect"});
      names.partitions.push_back(name);
    } else {
      const sim::Time restart = c.flag(k + "restart") ? c.duration(k + "restart_after") : sim::kForever;
      plan.crashes.push_back(
          {service, static_cast<std::uint32_t>(c.integer(k + "worker")), c.duration(k + "at"), restart});
      names.crashes.push_back(name);
    }
  }
  return plan;
}

}  // namespace

void declare(sim::ConfigSchema& schema) {
  declare_common(schema);
  std::vector<void (*)(sim::ConfigSchema&)> declared;
  for (const BrokerKind& k : broker_kinds()) {
    if (std::find(declared.begin(), declared.end(), k.declare) != declared.end()) continue;
    declared.push_back(k.declare);
    k.declare(schema);
  }
  declare_faults(schema);
  declare_swarm(schema);
}

sim::Result<BrokerSettings> broker_settings(const sim::Config& config) {
  if (config.integer("sqs.sampled_servers") > config.integer("sqs.servers")) {
    return config.error("sqs.sampled_servers", "must be at most sqs.servers (" +
                                                   std::to_string(config.integer("sqs.servers")) + ")");
  }
  FaultNames names;
  auto faults = fault_plan(config, names);
  if (!faults) return faults.error();
  const BrokerKind* kind = find_broker_kind(config.text("broker.kind"));
  assert(kind != nullptr && "broker.kind's allowed values are the table's names");
  return BrokerSettings{kind, common_options(config), kind->options(config), std::move(*faults),
                        std::move(names)};
}

std::unique_ptr<Broker> make_broker(const BrokerSettings& settings, sim::Simulation& sim) {
  assert(settings.kind != nullptr);
  return settings.kind->make(settings, sim);
}

}  // namespace choreo::brokers
