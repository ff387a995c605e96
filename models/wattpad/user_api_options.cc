// The [user_service] keys; see user_api_options.h.
#include "models/wattpad/user_api_options.h"

#include <string>

#include "sim/units.h"

namespace choreo::wattpad {

using sim::ValueType;

double UserApiOptions::capacity_per_s(std::uint32_t instances) const {
  const double mean_us = service_time.mean();
  if (mean_us <= 0) return 0;  // instant service: no finite bound to state
  return static_cast<double>(instances) * concurrency * 1e6 / mean_us;
}

void declare_user_api(sim::ConfigSchema& s) {
  const UserApiOptions d;
  s.add({.key = "user_service.concurrency",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.concurrency),
         .min = "1",
         .max = "100000",
         .help = "requests one instance serves at once; more wait (Tomcat maxThreads: 200)"});
  s.add({.key = "user_service.max_connections",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.max_connections),
         .min = "1",
         .max = "10000000",
         .help = "requests one instance holds, serving or waiting; more are refused (Tomcat: 8192)"});
  s.add({.key = "user_service.service_time",
         .type = ValueType::kDistribution,
         .default_value = d.service_time.text,
         .max = "1h",
         .help = "time an instance spends on one lookup"});
  s.add({.key = "user_service.network_delay",
         .type = ValueType::kDistribution,
         .default_value = d.network_delay.text,
         .max = "1h",
         .help = "one-way delay of a request or a response"});
  s.add({.key = "user_service.timeout",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.timeout),
         .min = "1us",
         .max = "1d",
         .help = "a page read gives up on an attempt after this (Envoy's route timeout: 15s)"});
  s.add({.key = "user_service.retries",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.retries),
         .min = "0",
         .max = "10",
         .help = "attempts after the first, on a timeout or a refusal (default: none)"});
  s.add({.key = "user_service.backoff",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.backoff),
         .min = "1us",
         .max = "1h",
         .help = "retry n waits uniform in [0, (2^n - 1) * backoff), at most 10 * backoff (Envoy: 25ms)"});
}

UserApiOptions user_api_options(const sim::Config& c) {
  UserApiOptions u;
  u.concurrency = static_cast<std::uint32_t>(c.integer("user_service.concurrency"));
  u.max_connections = static_cast<std::uint32_t>(c.integer("user_service.max_connections"));
  u.service_time = c.distribution("user_service.service_time");
  u.network_delay = c.distribution("user_service.network_delay");
  u.timeout = c.duration("user_service.timeout");
  u.retries = static_cast<std::uint32_t>(c.integer("user_service.retries"));
  u.backoff = c.duration("user_service.backoff");
  return u;
}

}  // namespace choreo::wattpad
