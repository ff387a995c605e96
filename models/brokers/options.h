// Option structs shared by every broker: the common fault knobs and the
// scripted faults. Every field states its unit; its default is the
// initializer, written here once: the [broker] and [fault.*] scenario keys
// (broker_settings.h) take their default text from these structs, and a test
// checks that an empty scenario builds exactly these values.
//
// All common faults are off by default, so a broker with default options
// behaves as its real counterpart on a healthy network.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/distribution.h"
#include "sim/time.h"

namespace choreo::brokers {

// Downtime of a crashed worker before it restarts, microseconds, for rate
// crashes and scripted ones alike. Our choice (a supervisor restarting a
// process after a few seconds), not a real system's default.
inline constexpr sim::Time kDefaultRestartAfter = 5 * sim::kSecond;

struct CommonOptions {
  // Probability that a copy bound for one subscription is dropped. Off.
  double loss = 0;
  // Probability that a copy is doubled (NATS, Kafka: per subscription copy;
  // SQS: the publisher's send is repeated, as a retry would). Off.
  double duplicate = 0;
  // Network transit per copy, microseconds (NATS: broker to subscriber, kept
  // FIFO per publisher as TCP does; SQS: into the queue, which reorders;
  // Kafka: producer to partition leader). None.
  sim::Distribution delay = sim::duration_distribution("0s");
  // Probability that processing fails without applying the message (as if
  // the handler returned false). Off.
  double handler_error = 0;
  // Processing time per message, microseconds. None.
  sim::Distribution processing = sim::duration_distribution("0s");
  // Crashes per second per worker (exponential gaps); 0 = none.
  double crash_rate_per_s = 0;
  // Downtime after a rate crash, microseconds.
  sim::Time restart_after = kDefaultRestartAfter;

  bool operator==(const CommonOptions&) const = default;
};

// Cut `service` off the broker over [from, to). A partition stalls its
// connections (packets dropped, nothing reset: NATS notices late); a
// disconnect breaks them at once (a reset or a closed socket: the instant
// case). SQS and Kafka treat both alike.
struct PartitionFault {
  std::string service;
  sim::Time from = 0;
  sim::Time to = 0;
  bool disconnect = false;

  bool operator==(const PartitionFault&) const = default;
};

// Drop the nth (1-based) message published on `topic`: for every subscriber,
// or only for `service` when it is not empty.
struct DropFault {
  std::string topic;
  std::uint64_t nth = 1;
  std::string service;

  bool operator==(const DropFault&) const = default;
};

// Crash worker `worker` of `service` at `at`; restart it after
// `restart_after` (kForever: never).
struct CrashFault {
  std::string service;
  std::uint32_t worker = 0;
  sim::Time at = 0;
  sim::Time restart_after = kDefaultRestartAfter;

  bool operator==(const CrashFault&) const = default;
};

struct FaultPlan {
  std::vector<PartitionFault> partitions;
  std::vector<DropFault> drops;
  std::vector<CrashFault> crashes;

  bool operator==(const FaultPlan&) const = default;
};

}  // namespace choreo::brokers
