// The [nats] scenario keys, their defaults taken from NatsOptions{}, and
// NatsOptions from a checked Config; see nats_broker.h.
#include <string>

#include "models/brokers/nats_broker.h"
#include "sim/units.h"

namespace choreo::brokers {

using sim::ValueType;

void declare_nats_keys(sim::ConfigSchema& s) {
  const NatsOptions d;
  s.add(
      {.key = "nats.pending_limit",
       .type = ValueType::kInteger,
       .default_value = std::to_string(d.pending_limit),
       .min = "1",
       .max = "1000000000",
       .help =
           "messages a subscriber holds before tail drop (nats.go DefaultSubPendingMsgsLimit up to v1.10)"});
  s.add({.key = "nats.reconnect_wait",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.reconnect_wait),
         .min = "1ms",
         .max = "1h",
         .help = "wait between reconnect attempts (nats.go ReconnectWait)"});
  s.add({.key = "nats.reconnect_jitter",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.reconnect_jitter),
         .min = "0s",
         .max = "1h",
         .help = "uniform extra wait per reconnect (nats.go ReconnectJitter)"});
}

NatsOptions nats_options(const sim::Config& c) {
  NatsOptions o;
  o.pending_limit = static_cast<std::uint32_t>(c.integer("nats.pending_limit"));
  o.reconnect_wait = c.duration("nats.reconnect_wait");
  o.reconnect_jitter = c.duration("nats.reconnect_jitter");
  return o;
}

}  // namespace choreo::brokers
