// Brokers from a scenario: the [broker], [nats], [sqs], [kafka] and
// [fault.NAME] sections, their keys (types, defaults with sources, ranges),
// and the factory.
//
//   [broker]
//   kind = sqs                 # nats | sqs | sqs-fifo | kafka
//   loss = 1%
//   [sqs]
//   visibility_timeout = 30s
//   [fault.cut]
//   kind = partition
//   service = comment-service
//   from = 10s
//   to = 25s
//
// The key reference with every default's source is in README.md ("Broker
// knobs"). Not the place for a model's services or workloads.
#pragma once

#include <memory>

#include "models/brokers/broker.h"
#include "models/brokers/kafka_broker.h"
#include "models/brokers/nats_broker.h"
#include "models/brokers/options.h"
#include "models/brokers/sqs_broker.h"
#include "sim/config.h"
#include "sim/config_schema.h"
#include "sim/result.h"
#include "sim/simulation.h"

namespace choreo::brokers {

// Adds every broker key and the [fault.*] pattern keys.
void declare(sim::ConfigSchema& schema);

CommonOptions common_options(const sim::Config& config);
NatsOptions nats_options(const sim::Config& config);
SqsOptions sqs_options(const sim::Config& config);  // fifo from broker.kind
KafkaOptions kafka_options(const sim::Config& config);
// The [fault.*] instances in name order; an error names the bad key.
sim::Result<FaultPlan> fault_plan(const sim::Config& config);

// The broker `broker.kind` names, with its options and fault plan, adding
// its nodes to `sim`.
sim::Result<std::unique_ptr<Broker>> make_broker(const sim::Config& config, sim::Simulation& sim);

}  // namespace choreo::brokers
