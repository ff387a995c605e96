// The [replica.NAME] sections of a comments scenario, typed and checked:
// one ReplicaSpec per consuming service the model builds.
//
// The defaults live here and only here: each field's initializer is its
// default, and declare_replicas() writes the schema's default texts from a
// default-constructed ReplicaSpec (tests/comments/options_test.cc checks
// that a section with no keys reads back as ReplicaSpec{}).
//
// replica_specs() rejects, with one line naming the key, what would
// otherwise break a run: a strategy of the other kind, mv-register with
// more user-service hosts than its vectors hold, bootstrap without Kafka,
// and two replicas subscribing to one topic as the same service.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/wattpad/strategy.h"
#include "models/wattpad/workload_options.h"
#include "sim/config.h"
#include "sim/config_schema.h"
#include "sim/result.h"
#include "sim/time.h"

namespace choreo::wattpad {

enum class Recovery { kNone, kAntiEntropy, kBootstrap };
// The values of replica.*.recovery, in enum order.
inline constexpr std::array<std::string_view, 3> kRecoveryNames = {"none", "anti-entropy", "bootstrap"};

struct ReplicaSpec {
  std::string name;  // the instance: [replica.NAME]
  // How it applies events; the strategy's kind is the replica's kind.
  const Strategy* strategy = &wattpad::strategy("naive");
  // The consuming service (a NATS queue group, an SQS queue, a Kafka
  // consumer group). Empty in a scenario means the replica's name;
  // replica_specs() fills it in.
  std::string service;
  std::uint32_t workers = 1;  // competing consumers writing the one store
  Recovery recovery = Recovery::kNone;
  sim::Time sync_interval = 10 * sim::kSecond;  // anti-entropy period, us
  bool memory_store = false;                    // store = memory: lost when a worker crashes

  ReplicaKind kind() const { return strategy->kind(); }
  // The topic it consumes: "users" (mirrors) or "comments" (counters).
  std::string_view topic() const { return kind() == ReplicaKind::kMirror ? "users" : "comments"; }
  bool operator==(const ReplicaSpec&) const = default;
};

// Adds the replica.*.* keys, their defaults from ReplicaSpec{} and the
// strategies' names from the strategy table.
void declare_replicas(sim::ConfigSchema& schema);

// Every [replica.NAME] instance, in name order. `broker_kind` is the value of
// broker.kind. REQUIRES: `config` was checked against declare_replicas()'s
// keys.
sim::Result<std::vector<ReplicaSpec>> replica_specs(const sim::Config& config, const WorkloadOptions& w,
                                                    std::string_view broker_kind);

}  // namespace choreo::wattpad
