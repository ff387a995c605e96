// Everything a comments scenario sets, checked and typed once: the workload,
// the replicas, the run's phases and the broker. CommentsModel keeps these,
// never the Config.
//
//   declare_comments_keys(schema);      // brokers, [workload], [user_service], [replica.*]
//   sim::Result<CommentsOptions> o = comments_options(config);   // one line per bad key
#pragma once

#include <vector>

#include "models/brokers/broker_settings.h"
#include "models/wattpad/replica_spec.h"
#include "models/wattpad/user_api_options.h"
#include "models/wattpad/workload_options.h"
#include "sim/config.h"
#include "sim/config_schema.h"
#include "sim/result.h"
#include "sim/time.h"

namespace choreo::wattpad {

struct CommentsOptions {
  WorkloadOptions workload;
  UserApiOptions user_api;            // [user_service]: orchestrated reads' requests
  std::vector<ReplicaSpec> replicas;  // in name order
  // [run] (models/registry.cc declares them and their defaults).
  sim::Time duration = 0, settle = 0, sample_period = 0;
  brokers::BrokerSettings broker;  // [broker], the kind's section, [fault.*]
};

// The broker's keys, [workload], [user_service] and [replica.*].
void declare_comments_keys(sim::ConfigSchema& schema);

// REQUIRES: `config` was checked against the comments model's schema. An
// error names the first key that does not fit with the others, including a
// fault aimed at a service, worker or topic the scenario does not have.
sim::Result<CommentsOptions> comments_options(const sim::Config& config);

}  // namespace choreo::wattpad
