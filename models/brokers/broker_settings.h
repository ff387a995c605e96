// A broker's settings from a scenario, checked and typed once: the
// [broker], [nats], [sqs], [kafka] and [fault.NAME] sections, their keys
// (types, defaults from the options structs, ranges), and the factory.
//
//   [broker]
//   kind = sqs                 # a row of the broker table (broker_table.h)
//   loss = 1%
//   [sqs]
//   visibility_timeout = 30s
//   [fault.cut]
//   kind = partition
//   service = comment-service
//   from = 10s
//   to = 25s
//
//   brokers::declare(schema);                          // once, with the model's keys
//   auto settings = brokers::broker_settings(config);  // Result: a bad fault names its key
//   ... later, when the simulation exists:
//   std::unique_ptr<Broker> broker = brokers::make_broker(*settings, sim);
//
// A model keeps the BrokerSettings, not the Config. What each key means, and
// the real default it follows, is in docs/semantics.md. Not the place for a
// model's services or workloads.
#pragma once

#include <memory>

#include "models/brokers/broker.h"
#include "models/brokers/broker_table.h"
#include "models/brokers/options.h"
#include "sim/config.h"
#include "sim/config_schema.h"
#include "sim/result.h"
#include "sim/simulation.h"

namespace choreo::brokers {

struct BrokerSettings {
  const BrokerKind* kind = nullptr;  // the row `broker.kind` names; never null once built
  CommonOptions common;              // [broker]
  BrokerOptions options;             // the kind's own section; holds the row's options type
  FaultPlan faults;                  // [fault.*], in instance-name order
  FaultNames fault_names;            // the NAME of each [fault.NAME] in `faults`, index by index
};

// Adds the [broker] keys, each kind's section (once per section) and the
// [fault.*] pattern keys.
void declare(sim::ConfigSchema& schema);

// Everything a broker needs from a Config checked against declare()'s keys.
// An error (one line, naming the key) for a fault that lacks what its kind
// needs or whose `to` is not after its `from`.
sim::Result<BrokerSettings> broker_settings(const sim::Config& config);

// The broker `settings.kind` names, with its options and fault plan, adding
// its nodes to `sim`.
std::unique_ptr<Broker> make_broker(const BrokerSettings& settings, sim::Simulation& sim);

}  // namespace choreo::brokers
