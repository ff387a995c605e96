// The [user_service] section of a comments scenario, typed: how the user
// service answers orchestrated author lookups (its capacity: concurrency per
// instance, connections it holds, service time) and how the page reads call
// it (network delay, per-attempt timeout, retries, back-off). The instances
// themselves are workload.user_instances, the hosts that also handle
// profile changes. Choreographed reads never call the service, so these keys
// then change nothing.
//
// Defaults live in the struct's initializers only (declare_user_api() writes
// the schema's texts from a default UserApiOptions). Where a default is a
// real system's, docs/semantics.md names the system and the source; the
// rest are modelling choices and say so there.
//
//   UserApiOptions u;               // the defaults
//   u.concurrency = 1;              // what a test changes
#pragma once

#include <cstdint>

#include "sim/config.h"
#include "sim/config_schema.h"
#include "sim/distribution.h"
#include "sim/time.h"

namespace choreo::wattpad {

struct UserApiOptions {
  std::uint32_t concurrency = 200;       // requests one instance serves at once (Tomcat maxThreads)
  std::uint32_t max_connections = 8192;  // requests one instance holds, waiting included (Tomcat NIO)
  sim::Distribution service_time = sim::duration_distribution("exp:1ms");  // per request (modelling choice)
  sim::Distribution network_delay = sim::duration_distribution("250us");   // one way (modelling choice)
  sim::Time timeout = 15 * sim::kSecond;       // per attempt (Envoy's route timeout)
  std::uint32_t retries = 0;                   // after the first attempt (none unless configured)
  sim::Time backoff = 25 * sim::kMillisecond;  // base of the jittered exponential back-off (Envoy)

  // Requests per second all `instances` can serve when busy: instances *
  // concurrency / mean service time.
  double capacity_per_s(std::uint32_t instances) const;

  bool operator==(const UserApiOptions&) const = default;
};

// Adds the [user_service] keys, their defaults from UserApiOptions{}.
void declare_user_api(sim::ConfigSchema& schema);
// REQUIRES: `config` was checked against declare_user_api()'s keys.
UserApiOptions user_api_options(const sim::Config& config);

}  // namespace choreo::wattpad
