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
  s.add(
      {.key = "nats.socket_buffer",
       .type = ValueType::kBytes,
       .default_value = sim::format_bytes(d.socket_buffer),
       .min = "0B",
       .max = "1GiB",
       .help = "bytes a partitioned connection absorbs before the server's write blocks (measured, Linux)"});
  s.add({.key = "nats.write_deadline",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.write_deadline),
         .min = "1ms",
         .max = "1h",
         .help =
             "a blocked write this long closes the client as a slow consumer (nats-server write_deadline)"});
  s.add({.key = "nats.max_pending",
         .type = ValueType::kBytes,
         .default_value = sim::format_bytes(d.max_pending),
         .min = "1B",
         .max = "1024GiB",
         .help = "bytes the server holds for a client before closing it (nats-server max_pending)"});
  s.add({.key = "nats.ping_interval",
         .type = ValueType::kDuration,
         .default_value = sim::format_duration(d.ping_interval),
         .min = "1ms",
         .max = "1d",
         .help = "the server pings each client this often (nats-server ping_interval)"});
  s.add({.key = "nats.max_pings_out",
         .type = ValueType::kInteger,
         .default_value = std::to_string(d.max_pings_out),
         .min = "1",
         .max = "1000",
         .help = "unanswered pings after which the next tick closes the client (nats-server ping_max)"});
}

NatsOptions nats_options(const sim::Config& c) {
  NatsOptions o;
  o.pending_limit = static_cast<std::uint32_t>(c.integer("nats.pending_limit"));
  o.reconnect_wait = c.duration("nats.reconnect_wait");
  o.reconnect_jitter = c.duration("nats.reconnect_jitter");
  o.socket_buffer = c.bytes("nats.socket_buffer");
  o.write_deadline = c.duration("nats.write_deadline");
  o.max_pending = c.bytes("nats.max_pending");
  o.ping_interval = c.duration("nats.ping_interval");
  o.max_pings_out = static_cast<std::uint32_t>(c.integer("nats.max_pings_out"));
  return o;
}

}  // namespace choreo::brokers
